using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AgendaBot.Testing;
using AgendaBot.Testing.Host;

namespace AgendaBot.Tests.Help;

/// <summary>
/// Help and the welcome fit the place they are asked in: in a channel every command is shown as it must be typed there
/// (with @AgendaBot), and what works only in the personal chat is listed apart.
/// </summary>
public sealed class HelpByPlaceTests : IAsyncLifetime
{
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

    private async Task<ConnectorCall> AnswerToAsync(JsonObject activity)
    {
        await bot.Http.PostAsJsonAsync("api/messages", activity);
        return Assert.Single(await connector.WaitForCallsAsync(1));
    }

    private static List<string> Texts(JsonNode? node) => node switch
    {
        JsonObject o => [.. (o["text"] is JsonValue v && v.TryGetValue<string>(out var t) ? [t] : Array.Empty<string>()),
            .. (o["title"] is JsonValue title && title.TryGetValue<string>(out var tt) ? [tt] : Array.Empty<string>()),
            .. o.Where(p => p.Key is not "text" and not "title").SelectMany(p => Texts(p.Value))],
        JsonArray a => [.. a.SelectMany(Texts)],
        _ => [],
    };

    [Fact]
    public async Task Help_in_a_channel_shows_the_commands_as_they_are_typed_there_and_the_personal_ones_apart()
    {
        var help = Texts((await AnswerToAsync(TeamsActivities.ChannelMention(connector.ServiceUrl, "hilfe"))).Card);

        var channelPart = help.TakeWhile(t => t != "Im persönlichen Chat mit mir, ohne @AgendaBot:").ToList();
        var personalPart = help.SkipWhile(t => t != "Im persönlichen Chat mit mir, ohne @AgendaBot:").ToList();
        Assert.Contains("Hier schreiben Sie @AgendaBot und dann den Befehl, z. B. „@AgendaBot idee Anträge online stellen“. Wählen Sie AgendaBot aus der Liste, die sich beim Tippen von @ öffnet.", channelPart);
        Assert.Contains("idee …", channelPart);
        Assert.Contains("abstimmung", channelPart);
        Assert.DoesNotContain("meine daten", channelPart);
        Assert.Contains("meine daten", personalPart);
        Assert.Contains("daten löschen", personalPart);
        Assert.DoesNotContain("abstimmung", personalPart);
    }

    [Fact]
    public async Task Help_in_the_personal_chat_lists_what_works_here_first_and_the_channel_commands_with_the_mention()
    {
        var help = Texts((await AnswerToAsync(TeamsActivities.Message(connector.ServiceUrl, "hilfe"))).Card);

        var here = help.TakeWhile(t => t != "Im Kanal Ihres Workshops, mit @AgendaBot davor:").ToList();
        Assert.Contains("Hier im persönlichen Chat schreiben Sie mir einfach:", here);
        Assert.Contains("meine daten", here);
        Assert.Contains("maßnahmen", here);
        Assert.DoesNotContain("abstimmung", here);
        Assert.Contains("abstimmung", help.Skip(here.Count));
    }

    [Fact]
    public async Task The_welcome_in_a_channel_says_to_write_with_the_mention()
    {
        var installed = TeamsActivities.Installed(connector.ServiceUrl);
        installed["conversation"] = new JsonObject
        {
            ["id"] = "19:general@thread.tacv2", ["conversationType"] = "channel", ["tenantId"] = TeamsActivities.TenantId,
        };

        var welcome = Texts((await AnswerToAsync(installed)).Card);

        Assert.Contains("Schreiben Sie **@AgendaBot hilfe**, um zu sehen, was ich schon kann. In Kanälen und Gruppenchats antworte ich nur, wenn Sie mich mit @AgendaBot erwähnen.", welcome);
    }

    [Fact]
    public async Task Text_not_understood_in_a_channel_gets_a_hint_with_the_mention()
    {
        var reply = await AnswerToAsync(TeamsActivities.ChannelMention(connector.ServiceUrl, "Wie wird das Wetter morgen?"));

        Assert.Equal("Das habe ich leider nicht verstanden. Schreiben Sie **@AgendaBot hilfe**, um zu sehen, was ich kann.", reply.Text);
    }
}
