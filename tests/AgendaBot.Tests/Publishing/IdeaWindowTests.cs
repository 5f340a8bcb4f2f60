using System.Net;
using Microsoft.Extensions.DependencyInjection;
using AgendaBot.Tests.Web;
using static AgendaBot.Tests.Workshops.WorkshopRoom;

namespace AgendaBot.Tests.Publishing;

/// <summary>
/// A citizen sends an idea through the published agenda's idea window — no account, no name. It reaches the moderators'
/// channel as a card; a moderator takes it into the workshop that is collecting, where it lands on the pinboard marked
/// as a citizen's idea, and the public page shows it as taken up. Nothing a citizen wrote is public before that.
/// </summary>
public sealed class IdeaWindowTests
{
    private const string Idea = "Ein WLAN-Hotspot im Bürgerbüro, damit Wartende Formulare online ausfüllen können";

    [Fact]
    public async Task A_citizens_idea_reaches_the_moderators_is_taken_in_and_appears_on_the_pinboard_and_as_taken_up()
    {
        await using var room = await IdeaWindowRoom.OpenAsync();
        var start = await room.AgendaPageAsync();
        Assert.Contains($"<a href=\"{room.IdeasPath}\">Eine Idee einbringen</a>", start, StringComparison.Ordinal);
        await room.OpenFormAsync(keepAs: "idea-form");

        var sent = await room.SendAsync(Idea, district: "Altstadt");

        Assert.Equal(HttpStatusCode.SeeOther, sent.StatusCode);
        Assert.Equal(room.IdeasPath + "/danke", sent.Headers.Location?.OriginalString);
        var thanks = await room.Citizen.GetAsync(sent.Headers.Location);
        LegalPagesTests.Keep("idea-thanks", await thanks.Content.ReadAsStringAsync(), LegalPagesTests.HeadersOf(thanks));
        Assert.Contains("Ihre Idee ist bei der Moderation angekommen.", await thanks.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("WLAN-Hotspot", await room.AgendaPageAsync(), StringComparison.Ordinal);

        var card = await room.ModerationCardAsync(Idea);
        var shown = Texts(card).ToList();
        Assert.Contains("Handlungsfeld: Verwaltung · eingegangen am " + DateTime.UtcNow.ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture)
            + " über das Ideenfenster der veröffentlichten Agenda", shown);
        Assert.Contains("Stadtteil: Altstadt", shown);

        var answer = await room.AcceptAsync(Lead, card);

        Assert.Contains("Übernommen von Petra Hoffmann in den Workshop „Verwaltung“, Schritt 1: Status-Quo-Beschreibung, als Beitrag #1. "
            + "Auf der Seite der Agenda steht die Idee jetzt als „aufgenommen“.", Texts(answer["value"]));
        Assert.Contains(Idea + "  – Idee aus der Bürgerschaft", (await room.Room.PinboardTextAsync()).Replace("\n  –", "  –", StringComparison.Ordinal),
            StringComparison.Ordinal);
        var page = await room.AgendaPageAsync();
        Assert.Contains($"<li>„{Idea}“ – Handlungsfeld Verwaltung, aufgenommen am", page, StringComparison.Ordinal);
        Assert.Contains("in den Workshop „Verwaltung“.</li>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Altstadt", page, StringComparison.Ordinal);
        LegalPagesTests.Keep("agenda-with-ideas", page, LegalPagesTests.HeadersOf(await room.Room.Bot.Http.GetAsync(new Uri(room.AgendaPath, UriKind.Relative))));
    }

    [Fact]
    public async Task A_form_without_its_token_comes_back_with_the_text_and_nothing_is_stored()
    {
        await using var room = await IdeaWindowRoom.OpenAsync();

        var sent = await room.SendAsync(Idea, token: "abgelaufen");

        Assert.Equal(HttpStatusCode.BadRequest, sent.StatusCode);
        var html = await sent.Content.ReadAsStringAsync();
        Assert.Contains("Das Formular war zu lange offen", html, StringComparison.Ordinal);
        Assert.Contains(Idea + "</textarea>", html, StringComparison.Ordinal);
        Assert.NotEqual("abgelaufen", IdeaWindowRoom.TokenOf(html));
        Assert.Empty(await StoredIdeasAsync(room));
    }

    [Fact]
    public async Task A_program_that_fills_the_hidden_field_is_thanked_and_nothing_is_stored()
    {
        await using var room = await IdeaWindowRoom.OpenAsync();

        var sent = await room.SendAsync("Günstige Kredite hier: http://spam.example", trap: "http://spam.example");

        Assert.Equal(HttpStatusCode.SeeOther, sent.StatusCode);
        Assert.Empty(await StoredIdeasAsync(room));
    }

    [Fact]
    public async Task What_is_missing_is_named_beside_its_field_and_the_text_stays()
    {
        await using var room = await IdeaWindowRoom.OpenAsync();

        var sent = await room.SendAsync(new string('x', 1001), field: "Raumfahrt", consent: false, district: "Altstadt");

        Assert.Equal(HttpStatusCode.BadRequest, sent.StatusCode);
        var html = await sent.Content.ReadAsStringAsync();
        LegalPagesTests.Keep("idea-form-problems", html, LegalPagesTests.HeadersOf(sent));
        Assert.Contains("<li><a href=\"#idea-field\">Bitte wählen Sie ein Handlungsfeld.</a></li>", html, StringComparison.Ordinal);
        Assert.Contains("<li><a href=\"#idea-text\">Ihre Idee ist länger als 1000 Zeichen. Bitte kürzen Sie sie.</a></li>", html, StringComparison.Ordinal);
        Assert.Contains("<li><a href=\"#idea-consent\">Bitte bestätigen Sie das Einverständnis", html, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\" aria-describedby=\"idea-text-hint idea-text-error\">" + new string('x', 1001) + "</textarea>", html,
            StringComparison.Ordinal);
        Assert.Contains("value=\"Altstadt\"", html, StringComparison.Ordinal);
        Assert.Empty(await StoredIdeasAsync(room));
    }

    [Fact]
    public async Task Script_and_markdown_in_an_idea_stay_text_on_the_card_the_pinboard_and_the_page()
    {
        await using var room = await IdeaWindowRoom.OpenAsync();
        const string hostile = "<script>alert('x')</script> **fett** [hier](https://phish.example) <at>Petra</at>";

        await room.SendAsync(hostile);
        var card = await room.ModerationCardAsync(hostile);
        await room.AcceptAsync(Lead, card);

        // On the card: a text run (Teams reads no markdown in it), not a text block.
        Assert.Contains(card["body"]!.AsArray().SelectMany(Runs), run => run == hostile);
        Assert.DoesNotContain(card["body"]!.AsArray(), e => e?["type"]?.GetValue<string>() == "TextBlock" && e["text"]?.GetValue<string>() == hostile);
        var page = await room.AgendaPageAsync();
        Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; **fett** [hier](https://phish.example) &lt;at&gt;Petra&lt;/at&gt;", page,
            StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_client_sending_many_ideas_is_asked_to_wait_and_keeps_its_text()
    {
        await using var room = await IdeaWindowRoom.OpenAsync(new Dictionary<string, string?> { ["IdeaWindow:PerClient"] = "2" });

        Assert.Equal(HttpStatusCode.SeeOther, (await room.SendAsync("Erste Idee")).StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, (await room.SendAsync("Zweite Idee")).StatusCode);
        var third = await room.SendAsync("Dritte Idee");

        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.Equal(TimeSpan.FromHours(1), third.Headers.RetryAfter?.Delta);
        var html = await third.Content.ReadAsStringAsync();
        Assert.Contains("Von Ihrem Anschluss kamen in kurzer Zeit viele Ideen.", html, StringComparison.Ordinal);
        Assert.Contains("Dritte Idee</textarea>", html, StringComparison.Ordinal);
        Assert.Equal(["Erste Idee", "Zweite Idee"], (await StoredIdeasAsync(room)).Select(i => i.Text));
    }

    [Fact]
    public async Task An_agenda_takes_no_more_ideas_than_its_daily_cap()
    {
        await using var room = await IdeaWindowRoom.OpenAsync(new Dictionary<string, string?> { ["IdeaWindow:DailyCapPerAgenda"] = "1" });

        await room.SendAsync("Erste Idee");
        var second = await room.SendAsync("Zweite Idee");

        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.Contains("Heute sind schon sehr viele Ideen", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Single(await StoredIdeasAsync(room));
    }

    [Fact]
    public async Task An_oversized_submission_is_refused_unread()
    {
        await using var room = await IdeaWindowRoom.OpenAsync();

        var sent = await room.SendAsync(new string('x', 40_000));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, sent.StatusCode);
        Assert.Contains("größer, als das Formular annimmt", await sent.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await StoredIdeasAsync(room));
    }

    [Fact]
    public async Task Only_those_who_speak_for_the_agenda_decide_and_a_second_click_changes_nothing()
    {
        await using var room = await IdeaWindowRoom.OpenAsync();
        await room.Room.RegisterAsync(Klaus, room.WorkshopId, "Business");
        await room.SendAsync(Idea);
        var card = await room.ModerationCardAsync(Idea);

        var refused = await room.AcceptAsync(Klaus, card);
        var first = await room.AcceptAsync(Lead, card, activityId: "click-1");
        var again = await room.AcceptAsync(Lead, card, activityId: "click-2");

        Assert.Equal("Bürgerideen übernehmen oder ablehnen können die Projektleitung und die Moderation der Workshops dieser Agenda.",
            refused["value"]!.GetValue<string>());
        Assert.Contains(Texts(first["value"]), t => t.StartsWith("Übernommen von Petra Hoffmann", StringComparison.Ordinal));
        Assert.Contains("Übernommen in den Workshop „Verwaltung“, Schritt 1: Status-Quo-Beschreibung, als Beitrag #1.", Texts(again["value"]));
        var contributions = await room.Room.Bot.Services.GetRequiredService<Storage.Workshops.WorkshopRepository>()
            .GetContributionsAsync(new Storage.TenantScope(room.Room.TenantId), room.WorkshopId);
        Assert.Equal(Domain.Workshops.ContributionOrigin.Citizens, Assert.Single(contributions).Origin);
    }

    [Fact]
    public async Task A_declined_idea_needs_a_reason_and_never_becomes_public()
    {
        await using var room = await IdeaWindowRoom.OpenAsync();
        await room.SendAsync(Idea);
        var card = await room.ModerationCardAsync(Idea);

        var withoutReason = await room.RejectAsync(Lead, card, " ");
        var declined = await room.RejectAsync(Lead, card, "Gibt es seit Oktober schon");

        Assert.Equal("Bitte schreiben Sie kurz, warum die Idee abgelehnt wird.", withoutReason["value"]!.GetValue<string>());
        Assert.Contains("Abgelehnt von Petra Hoffmann. Grund: Gibt es seit Oktober schon. Die Idee wird nicht veröffentlicht.", Texts(declined["value"]));
        Assert.DoesNotContain("WLAN-Hotspot", await room.AgendaPageAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("WLAN-Hotspot", await room.Room.PinboardTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_workshop_that_stopped_collecting_is_not_offered_and_the_idea_waits_for_buergerideen()
    {
        await using var room = await IdeaWindowRoom.OpenAsync();
        await room.SendAsync(Idea);
        var card = await room.ModerationCardAsync(Idea);
        await room.Room.ClickAsync(Lead, "step.close", new System.Text.Json.Nodes.JsonObject { ["workshopId"] = room.WorkshopId, ["step"] = 1 });

        var answer = await room.AcceptAsync(Lead, card);
        await room.Room.SayAsync(Lead, "bürgerideen");

        var shown = Texts(answer["value"]).ToList();
        Assert.Contains("Dieser Workshop sammelt gerade keine Beiträge. Bitte wählen Sie noch einmal – die Liste ist auf dem neuesten Stand.", shown);
        Assert.Contains(shown, t => t.StartsWith("Gerade sammelt kein Workshop dieser Agenda Beiträge", StringComparison.Ordinal));
        Assert.Contains(room.Room.Connector.Calls, c => c.Text == "Ideen aus der Bürgerschaft, die auf eine Entscheidung warten: 1. Die ältesten zuerst.");
        Assert.Equal(Domain.Agendas.CitizenIdeaState.Pending, Assert.Single(await StoredIdeasAsync(room)).State);
    }

    [Fact]
    public async Task There_is_no_idea_window_for_an_agenda_never_published_or_withdrawn()
    {
        await using var room = await IdeaWindowRoom.OpenAsync();

        var unknown = await room.Citizen.GetAsync(new Uri("/agenda/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/ideen", UriKind.Relative));
        await room.Room.SayAsync(Lead, "veröffentlichung zurückziehen");
        var withdrawn = await room.Citizen.GetAsync(new Uri(room.IdeasPath, UriKind.Relative));
        var sent = await room.SendAsync(Idea, token: "egal");

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Gone, withdrawn.StatusCode);
        Assert.Equal(HttpStatusCode.Gone, sent.StatusCode);
        Assert.Empty(await StoredIdeasAsync(room));
    }

    [Fact]
    public async Task The_form_sets_only_its_token_cookie_strict_and_unreadable_by_script_and_is_not_cached()
    {
        await using var room = await IdeaWindowRoom.OpenAsync();

        var response = await room.Citizen.GetAsync(new Uri(room.IdeasPath, UriKind.Relative));

        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith("agenda-form=", cookie, StringComparison.Ordinal);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/agenda", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString() ?? string.Empty, StringComparison.Ordinal);
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.False((await room.Room.Bot.Http.GetAsync(new Uri(room.AgendaPath, UriKind.Relative))).Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task The_idea_window_speaks_English_when_asked_and_stays_in_English_after_sending()
    {
        await using var room = await IdeaWindowRoom.OpenAsync();
        var form = await room.Citizen.GetStringAsync(new Uri(room.IdeasPath + "?lang=en", UriKind.Relative));
        LegalPagesTests.Keep("idea-form-en", form, new Dictionary<string, string> { ["content-security-policy"] = AgendaBot.Web.Pages.PublicPageEndpoints.ContentSecurityPolicy });

        var sent = await room.Citizen.PostAsync(new Uri(room.IdeasPath + "?lang=en", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["form-token"] = IdeaWindowRoom.TokenOf(form), ["feld"] = "Verwaltung", ["idee"] = "Open council documents", ["einverstanden"] = "yes",
        }));

        Assert.Contains("<html lang=\"en\">", form, StringComparison.Ordinal);
        Assert.Contains("<h1>Your idea for the Digitale Agenda</h1>", form, StringComparison.Ordinal);
        Assert.Contains($"action=\"{room.IdeasPath}?lang=en\"", form, StringComparison.Ordinal);
        Assert.Equal(room.IdeasPath + "/danke?lang=en", sent.Headers.Location?.OriginalString);
        Assert.Contains("Thank you for your idea", await room.Citizen.GetStringAsync(sent.Headers.Location), StringComparison.Ordinal);
    }

    private static IEnumerable<string> Runs(System.Text.Json.Nodes.JsonNode? element) => element switch
    {
        System.Text.Json.Nodes.JsonObject o when o["type"]?.GetValue<string>() == "TextRun" => [o["text"]!.GetValue<string>()],
        System.Text.Json.Nodes.JsonObject o => o.SelectMany(p => Runs(p.Value)),
        System.Text.Json.Nodes.JsonArray a => a.SelectMany(Runs),
        _ => [],
    };

    private static async Task<IReadOnlyList<Domain.Agendas.CitizenIdea>> StoredIdeasAsync(IdeaWindowRoom room) =>
        await room.Room.Bot.Services.GetRequiredService<Storage.Agendas.CitizenIdeaStore>()
            .GetAllAsync(new Storage.TenantScope(room.Room.TenantId), room.Room.TeamId);
}
