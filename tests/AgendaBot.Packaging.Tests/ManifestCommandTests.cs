using System.Text.Json;
using System.Text.Json.Nodes;
using AgendaBot.Bot.Routing;
using AgendaBot.Features;
using AgendaBot.Testing;

namespace AgendaBot.Packaging.Tests;

/// <summary>
/// The commands Teams suggests in the compose box (manifest <c>bots[0].commandLists</c>) against what the bot routes
/// (<see cref="FeatureRoutes"/>) and where each command's handler says it applies (<see cref="UsedInAttribute"/>).
/// </summary>
public sealed class ManifestCommandTests
{
    // The v1.30 schema allows 12 commands, 128-character titles and 4000-character descriptions, but Microsoft Learn's
    // page on bot command menus and the schemas up to v1.20 say 10, 32 and 128: within those every Teams client shows them.
    private const int MaxCommandsPerList = 10;
    private const int MaxTitleChars = 32;
    private const int MaxDescriptionChars = 128;

    private static readonly string Folder = Path.Combine(RepositoryRoot.Path, "manifest");
    private static readonly RouteTable Routes = FeatureRoutes.Build();

    public static TheoryData<string> Scopes => new(Enum.GetValues<CommandScopes>().Where(s => s != CommandScopes.Everywhere).Select(ManifestName));

    [Fact]
    public void Every_suggested_command_is_one_the_bot_routes_in_the_scope_it_is_suggested_for_in_both_languages()
    {
        Assert.Empty(SuggestionProblems(CommandLists()));
    }

    [Fact]
    public void A_made_up_command_and_one_suggested_where_it_does_not_apply_are_caught()
    {
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, "manifest.json")))!;
        var english = JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, "en.json")))!.AsObject();
        var team = manifest["bots"]![0]!["commandLists"]!.AsArray().Single(l => l!["scopes"]!.AsArray().Any(s => (string?)s == "team"))!;
        var commands = team["commands"]!.AsArray();
        var list = manifest["bots"]![0]!["commandLists"]!.AsArray().IndexOf(team);
        foreach (var (german, translated) in new[] { ("wetter", "weather"), ("meine daten", "my data") })
        {
            english[$"bots[0].commandLists[{list}].commands[{commands.Count}].title"] = translated;
            english[$"bots[0].commandLists[{list}].commands[{commands.Count}].description"] = translated;
            commands.Add(new JsonObject { ["title"] = german, ["description"] = german });
        }

        using var changed = JsonDocument.Parse(manifest.ToJsonString());
        using var changedEnglish = JsonDocument.Parse(english.ToJsonString());
        var problems = SuggestionProblems(CommandLists(changed, changedEnglish));

        Assert.Equal(2, problems.Count);
        Assert.Contains("\"wetter\" is no command the bot routes", problems[0], StringComparison.Ordinal);
        Assert.Contains("\"meine daten\" is suggested in team, but ShowMyData is used in Personal only", problems[1], StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Scopes))]
    public void Every_command_that_applies_in_a_scope_is_suggested_there_while_its_list_has_room(string scope)
    {
        var inScope = CommandLists().Where(l => l.Scopes.Any(s => ManifestName(s) == scope)).ToList();
        var (_, _, commands) = Assert.Single(inScope);
        var suggested = commands.Select(c => Routes.CommandFor(c.German.Title)).ToHashSet();
        var missing = Routes.Commands
            .Where(c => c.Scopes.HasFlag(ScopeNamed(scope)) && !suggested.Contains(c.Handler))
            .Select(c => c.MainKeyword)
            .ToList();

        Assert.InRange(commands.Count, 1, MaxCommandsPerList);
        if (commands.Count < MaxCommandsPerList)
        {
            Assert.Empty(missing);
        }
    }

    [Fact]
    public void Each_command_is_suggested_once_per_list_within_the_length_Teams_shows()
    {
        foreach (var (list, _, commands) in CommandLists())
        {
            foreach (var (_, german, english) in commands)
            {
                foreach (var text in new[] { german, english })
                {
                    Assert.InRange(text.Title.Length, 1, MaxTitleChars);
                    Assert.InRange(text.Description.Length, 1, MaxDescriptionChars);
                }
            }

            var handlers = commands.Select(c => Routes.CommandFor(c.German.Title)).ToList();
            Assert.True(handlers.Distinct().Count() == handlers.Count, $"list {list} suggests a command twice");
        }
    }

    private sealed record CommandText(string Title, string Description);

    private static List<string> SuggestionProblems(IEnumerable<(int List, CommandScopes[] Scopes, List<(int Index, CommandText German, CommandText English)> Commands)> lists)
    {
        var problems = new List<string>();
        foreach (var (list, scopes, commands) in lists)
        {
            foreach (var (_, german, english) in commands)
            {
                var handler = Routes.CommandFor(german.Title);
                if (handler is null)
                {
                    problems.Add($"list {list}: \"{german.Title}\" is no command the bot routes");
                    continue;
                }

                if (Routes.CommandFor(english.Title) != handler)
                {
                    problems.Add($"list {list}: the English \"{english.Title}\" does not reach {handler.Name} as \"{german.Title}\" does");
                }

                var applies = Routes.Commands.First(c => c.Handler == handler).Scopes;
                problems.AddRange(scopes.Where(s => !applies.HasFlag(s))
                    .Select(s => $"list {list}: \"{german.Title}\" is suggested in {ManifestName(s)}, but {handler.Name} is used in {applies} only"));
            }
        }

        return problems;
    }

    private static List<(int List, CommandScopes[] Scopes, List<(int Index, CommandText German, CommandText English)> Commands)> CommandLists()
    {
        using var manifest = Read("manifest.json");
        using var english = Read("en.json");
        return CommandLists(manifest, english);
    }

    private static List<(int List, CommandScopes[] Scopes, List<(int Index, CommandText German, CommandText English)> Commands)> CommandLists(
        JsonDocument manifest, JsonDocument english)
    {
        var lists = manifest.RootElement.GetProperty("bots")[0].GetProperty("commandLists").EnumerateArray().ToList();
        return lists.Select((list, l) => (l,
            list.GetProperty("scopes").EnumerateArray().Select(s => ScopeNamed(s.GetString()!)).ToArray(),
            list.GetProperty("commands").EnumerateArray().Select((command, c) => (c,
                new CommandText(command.GetProperty("title").GetString()!, command.GetProperty("description").GetString()!),
                new CommandText(
                    english.RootElement.GetProperty($"bots[0].commandLists[{l}].commands[{c}].title").GetString()!,
                    english.RootElement.GetProperty($"bots[0].commandLists[{l}].commands[{c}].description").GetString()!)))
                .ToList()))
            .ToList();
    }

    /// <summary>"groupChat" for <see cref="CommandScopes.GroupChat"/>: the manifest's names are the enum's, camel-cased.</summary>
    private static string ManifestName(CommandScopes scope) => char.ToLowerInvariant(scope.ToString()[0]) + scope.ToString()[1..];

    private static CommandScopes ScopeNamed(string manifestName) =>
        Enum.GetValues<CommandScopes>().Single(s => s != CommandScopes.Everywhere && ManifestName(s) == manifestName);

    private static JsonDocument Read(string file) => JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, file)));
}
