using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AgendaBot.Tests.Delivery;
using AgendaBot.Tests.Web;
using AgendaBot.Tests.Workshops;
using static AgendaBot.Tests.Workshops.WorkshopRoom;

namespace AgendaBot.Tests.Publishing;

/// <summary>
/// A published agenda with the workshop "Verwaltung" collecting in step 1, and a citizen with a browser of their own
/// (cookies kept, redirects not followed, so the test sees the 303).
/// </summary>
public sealed partial class IdeaWindowRoom : IAsyncDisposable
{
    private IdeaWindowRoom(WorkshopRoom room, string workshopId, string path)
    {
        Room = room;
        WorkshopId = workshopId;
        AgendaPath = path;
        Citizen = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() })
        {
            BaseAddress = room.Bot.BaseAddress,
        };
    }

    public WorkshopRoom Room { get; }

    public string WorkshopId { get; }

    /// <summary>The agenda's public page, "/agenda/{id}".</summary>
    public string AgendaPath { get; }

    public string IdeasPath => AgendaPath + "/ideen";

    public HttpClient Citizen { get; }

    public static async Task<IdeaWindowRoom> OpenAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        // Its own tables and outbox (as the plan follow-up tests): the moderation card comes through the real delivery worker.
        var room = settings is null ? await WorkshopRoom.OpenAsync(time: TimeProvider.System) : await WorkshopRoom.OpenAsync(settings: settings);
        var workshop = await room.SetUpWorkshopAsync();
        await room.SayAsync(Lead, "veröffentlichen");
        var preview = room.Connector.Calls.Last(c => c.Card?["actions"]?.AsArray().Any(a => a?["verb"]?.GetValue<string>() == "agenda.publish") == true).Card!;
        var data = preview["actions"]!.AsArray().Single(a => a!["verb"]?.GetValue<string>() == "agenda.publish")!["data"]!.DeepClone().AsObject();
        var published = await room.ClickAsync(Lead, "agenda.publish", data);
        return new IdeaWindowRoom(room, workshop, new Uri(published["value"]!["actions"]![0]!["url"]!.GetValue<string>()).AbsolutePath);
    }

    /// <summary>The citizen opens the form; returns the page and the token in it.</summary>
    public async Task<(string Html, string Token)> OpenFormAsync(string? keepAs = null)
    {
        var response = await Citizen.GetAsync(new Uri(IdeasPath, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        if (keepAs is not null)
        {
            LegalPagesTests.Keep(keepAs, html, LegalPagesTests.HeadersOf(response));
        }

        return (html, TokenOf(html));
    }

    public static string TokenOf(string html) => TokenPattern().Match(html).Groups[1].Value;

    /// <summary>The citizen sends the form as a browser would (consent ticked unless said otherwise).</summary>
    public async Task<HttpResponseMessage> SendAsync(string text, string field = "Verwaltung", string? district = null, bool consent = true,
        string? token = null, string? trap = null)
    {
        token ??= (await OpenFormAsync()).Token;
        var fields = new List<KeyValuePair<string, string>>
        {
            new("form-token", token), new("feld", field), new("idee", text), new("stadtteil", district ?? string.Empty), new("website", trap ?? string.Empty),
        };
        if (consent)
        {
            fields.Add(new("einverstanden", "yes"));
        }

        return await Citizen.PostAsync(new Uri(IdeasPath, UriKind.Relative), new FormUrlEncodedContent(fields));
    }

    public Task<string> AgendaPageAsync() => Room.Bot.Http.GetStringAsync(new Uri(AgendaPath, UriKind.Relative));

    /// <summary>The moderation card the outbox delivered to the agenda's channel for the idea with this text.</summary>
    public async Task<JsonNode> ModerationCardAsync(string text)
    {
        try
        {
            var call = await Eventually.ReturnsAsync(() => Task.FromResult(Room.Connector.Calls.LastOrDefault(c =>
                c.Card is { } card && Texts(card).Contains(text) && Texts(card).Contains("Neue Idee aus der Bürgerschaft"))), c => c is not null);
            return call!.Card!;
        }
        catch (TimeoutException)
        {
            throw new TimeoutException(string.Join("\n", Room.Connector.Calls.Select(c => $"{c.Method} {c.Path} {string.Join(" | ", Texts(c.Card).Take(3))}")));
        }
    }

    public static JsonObject DataOf(JsonNode card, string verb) =>
        card["actions"]!.AsArray().Single(a => a!["verb"]?.GetValue<string>() == verb)!["data"]!.DeepClone().AsObject();

    public Task<JsonObject> AcceptAsync(Person who, JsonNode card, string? workshop = null, string? activityId = null)
    {
        var data = DataOf(card, "citizenidea.accept");
        data["workshop"] = workshop ?? WorkshopId;
        return Room.ClickAsync(who, "citizenidea.accept", data, activityId);
    }

    public Task<JsonObject> RejectAsync(Person who, JsonNode card, string reason)
    {
        var data = DataOf(card, "citizenidea.reject");
        data["reason"] = reason;
        return Room.ClickAsync(who, "citizenidea.reject", data);
    }

    public async ValueTask DisposeAsync()
    {
        Citizen.Dispose();
        await Room.DisposeAsync();
    }

    [GeneratedRegex("name=\"form-token\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
