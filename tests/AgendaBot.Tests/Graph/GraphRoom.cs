using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using AgendaBot.Testing;
using AgendaBot.Tests.Workshops;
using Azure.Core;
using Microsoft.Extensions.DependencyInjection;

namespace AgendaBot.Tests.Graph;

/// <summary>A workshop channel whose bot reaches the local Graph stand-in with its own (test) credential.</summary>
public static class GraphRoom
{
    public const string ViewVerb = "workshop.registration.view";

    public static Task<WorkshopRoom> OpenAsync(LocalGraphServer graph, FixedTokenCredential credential, string lookupTimeout = "00:00:04",
        [CallerFilePath] string callerFilePath = "") =>
        WorkshopRoom.OpenAsync(
            settings: new Dictionary<string, string?>
            {
                ["Graph:Enabled"] = "true",
                ["Graph:BaseUrl"] = graph.BaseUrl.AbsoluteUri,
                // No wait of our own: a pause before a retry can then only come from Graph's Retry-After.
                ["Graph:RetryDelaySeconds"] = "0",
                ["Graph:LookupTimeout"] = lookupTimeout,
            },
            services: services => services.AddSingleton<TokenCredential>(credential),
            callerFilePath: callerFilePath);

    /// <summary>The registration card as posted to the channel (with its form), in its latest state.</summary>
    public static JsonNode RegistrationCard(WorkshopRoom room) =>
        room.Connector.Calls.Select(c => c.Card).Last(c => c?["actions"]?[0]?["verb"]?.GetValue<string>() == "workshop.register")!;

    /// <summary>What Teams does when a person looks at the card: it runs the card's refresh action as that person.</summary>
    public static async Task<JsonNode> ViewAsAsync(WorkshopRoom room, Person person, JsonNode card)
    {
        var refresh = card["refresh"]?["action"] ?? throw new InvalidOperationException("The card asks for no user-specific view.");
        var response = await room.ClickAsync(person, refresh["verb"]!.GetValue<string>(), refresh["data"]!.DeepClone().AsObject());
        return response["value"]!;
    }

    public static string? GroupChoice(JsonNode card) => FindInput(card, "group")?["value"]?.GetValue<string>();

    public static string Text(JsonNode? card) => string.Join("\n", WorkshopRoom.Texts(card));

    private static JsonNode? FindInput(JsonNode? node, string id) => node switch
    {
        JsonObject o when o["id"]?.GetValue<string>() == id && o["type"]?.GetValue<string>() == "Input.ChoiceSet" => o,
        JsonObject o => o.Select(p => FindInput(p.Value, id)).FirstOrDefault(found => found is not null),
        JsonArray a => a.Select(item => FindInput(item, id)).FirstOrDefault(found => found is not null),
        _ => null,
    };
}
