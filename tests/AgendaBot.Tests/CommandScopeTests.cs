using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AgendaBot.Bot.Localization;
using AgendaBot.Bot.Routing;
using AgendaBot.Features;
using AgendaBot.Testing;
using AgendaBot.Testing.Host;

namespace AgendaBot.Tests;

/// <summary>
/// A command's <see cref="UsedInAttribute"/> (what the Teams manifest's suggestions are checked against) says what the
/// handler does: outside those conversations the bot tells the user where the command works.
/// </summary>
public sealed class CommandScopeTests : IAsyncLifetime
{
    private static readonly string[] WherePlaceKeys =
        [TextKey.AgendaOnlyInTeams, TextKey.PersonalDataOnlyInPersonalChat, TextKey.MyMeasuresOnlyPersonal, TextKey.VoteOnlyInChannel,
        TextKey.WorkshopEndOnlyInChannel, TextKey.PublicNameOnlyPersonal, TextKey.FinalRoundNotInPersonalChat,
        TextKey.KickOffNotInPersonalChat];

    private readonly string tenantId = $"tenant-{Guid.NewGuid():N}";
    private RecordingConnector connector = null!;
    private BotServer bot = null!;

    public async Task InitializeAsync()
    {
        connector = await RecordingConnector.StartAsync();
        bot = new BotServer();
    }

    public async Task DisposeAsync()
    {
        await bot.DisposeAsync();
        await connector.DisposeAsync();
    }

    [Fact]
    public async Task A_command_written_where_it_does_not_apply_is_answered_with_where_it_works()
    {
        var german = new Texts(new CultureInfo("de-DE"));
        var wherePlace = WherePlaceKeys.Select(k => german[k]).ToHashSet();
        var restricted = FeatureRoutes.Build().Commands.Where(c => c.Scopes != CommandScopes.Everywhere).ToList();
        var wrong = new List<string>();

        foreach (var command in restricted)
        {
            foreach (var scope in new[] { CommandScopes.Personal, CommandScopes.Team, CommandScopes.GroupChat }.Where(s => !command.Scopes.HasFlag(s)))
            {
                var before = connector.Calls.Count;
                await bot.Http.PostAsJsonAsync("api/messages", InOurTenant(Activity(scope, command.MainKeyword)));
                var reply = (await connector.WaitForCallsAsync(before + 1))[before].Text;
                if (reply is null || !wherePlace.Contains(reply))
                {
                    wrong.Add($"\"{command.MainKeyword}\" in {scope}: {reply ?? "a card"}");
                }
            }
        }

        Assert.NotEmpty(restricted);
        Assert.Empty(wrong);
    }

    private JsonObject Activity(CommandScopes scope, string text) => scope switch
    {
        CommandScopes.Personal => TeamsActivities.Message(connector.ServiceUrl, text),
        CommandScopes.Team => TeamsActivities.ChannelMention(connector.ServiceUrl, text),
        _ => TeamsActivities.Message(connector.ServiceUrl, text, conversationType: "groupChat", conversationId: "19:group-chat@thread.v2"),
    };

    private JsonObject InOurTenant(JsonObject activity)
    {
        activity["conversation"]!["tenantId"] = tenantId;
        activity["channelData"]!["tenant"]!["id"] = tenantId;
        return activity;
    }
}
