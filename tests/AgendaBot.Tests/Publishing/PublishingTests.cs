using System.Net;
using System.Text.Json.Nodes;
using AgendaBot.Testing;
using AgendaBot.Tests.Measures;
using AgendaBot.Tests.Web;
using static AgendaBot.Tests.Workshops.WorkshopRoom;

namespace AgendaBot.Tests.Publishing;

/// <summary>
/// Publishing is the project lead's decision in Teams: `veröffentlichen` shows exactly what would become public, and
/// only the click on the preview publishes it — on pages that name nobody, under an address that stays the same for
/// later versions and answers 410 once the publication is withdrawn.
/// </summary>
public sealed class PublishingTests : IAsyncLifetime
{
    private PlanFollowUpRoom room = null!;
    private JsonNode? published;

    public async Task InitializeAsync()
    {
        room = await PlanFollowUpRoom.OpenAsync();
        await room.PlanAsync();
    }

    public async Task DisposeAsync() => await room.DisposeAsync();

    // The preview, not a plan summary that a status report updates a moment later.
    private async Task<JsonNode> PreviewAsync()
    {
        await room.Room.SayAsync(Lead, "veröffentlichen");
        return room.Room.Connector.Calls.Last(c => c.Card?["actions"]?.AsArray().Any(a => a?["verb"]?.GetValue<string>() == "agenda.publish") == true).Card!;
    }

    private static JsonObject DataOf(JsonNode card, string verb) =>
        card["actions"]!.AsArray().Single(a => a!["verb"]?.GetValue<string>() == verb)!["data"]!.DeepClone().AsObject();

    private async Task<string> PublishAsync(bool liveStatus = false)
    {
        var data = DataOf(await PreviewAsync(), "agenda.publish");
        data["liveStatus"] = liveStatus ? "true" : "false";
        var answer = await room.Room.ClickAsync(Lead, "agenda.publish", data);
        published = answer["value"]!;
        var url = answer["value"]!["actions"]![0]!["url"]!.GetValue<string>();
        return new Uri(url).AbsolutePath;
    }

    [Fact]
    public async Task The_preview_shows_what_becomes_public_and_nothing_is_public_before_the_click()
    {
        var preview = await PreviewAsync();

        var text = string.Join("\n", Texts(preview));
        Assert.Contains("Veröffentlichen: Digitale Agenda Hagenow", text, StringComparison.Ordinal);
        Assert.Contains("1 Maßnahme im Zeit-Maßnahmen-Plan", text, StringComparison.Ordinal);
        Assert.Contains("1. Online-Terminvergabe im Bürgerbüro · 15.01.2027 bis 31.12.2027 · geplant, 0 %", text, StringComparison.Ordinal);
        Assert.Contains("Namen erscheinen nur bei Personen, die im persönlichen Chat zugestimmt haben", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Anna Schulz", text, StringComparison.Ordinal);
        Assert.Null(await room.Get<Storage.Agendas.PublicationStore>().GetOfAgendaAsync(room.Tenant, room.AgendaId));
    }

    [Fact]
    public async Task Published_pages_show_the_plan_and_each_measure_without_names()
    {
        var path = await PublishAsync();

        var start = await PageAsync(path, "agenda-start");
        var measure = await PageAsync(path + "/massnahmen/1", "agenda-measure");
        var english = await PageAsync(path + "?lang=en", "agenda-start-en");

        Assert.Contains("<h1>Digitale Agenda Hagenow</h1>", start, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{path}/massnahmen/1\">Online-Terminvergabe im Bürgerbüro</a>", start, StringComparison.Ordinal);
        Assert.Contains("<td>15.01.2027 bis 31.12.2027</td><td>geplant</td><td>0 %</td>", start, StringComparison.Ordinal);
        Assert.Contains("<h1>Online-Terminvergabe im Bürgerbüro</h1>", measure, StringComparison.Ordinal);
        Assert.Contains("Ausschreibung", measure, StringComparison.Ordinal);
        Assert.Contains("<td>Online gebuchte Termine</td><td>0 Prozent</td><td>–</td><td>60 Prozent</td>", measure, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en\">", english, StringComparison.Ordinal);
        Assert.All(new[] { start, measure, english }, page => Assert.DoesNotContain("Anna", page, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_start_page_tells_how_the_plan_stands_and_the_consultations_without_who_wrote_them()
    {
        var measure = await room.TheMeasureAsync();
        await room.Get<Storage.Measures.MeasureRepository>().AddConsultationAsync(room.Tenant, room.AgendaId,
            new Domain.Measures.ConsultationEntry("c-1", "Stadt Ludwigslust", new DateOnly(2026, 11, 20), "Terminvergabe vorgestellt",
                new Domain.People.TeamsUser(Lead.AadObjectId, Lead.Name)) { MeasureIds = [measure.Id], MaterialShared = true });

        var preview = string.Join("\n", Texts(await PreviewAsync()));
        var path = await PublishAsync();
        var start = await PageAsync(path, "agenda-start-consultations");

        Assert.Contains("Außerdem der Stand der Umsetzung und 1 Konsultation mit Partner, Datum und Notiz.", preview, StringComparison.Ordinal);
        Assert.Contains("<h2>Stand der Umsetzung</h2>\n<p>1 im Zeitplan, 0 im Verzug, 0 erledigt, 0 verworfen.</p>", start, StringComparison.Ordinal);
        Assert.Contains("<li>20.11.2026, Stadt Ludwigslust: Terminvergabe vorgestellt (Maßnahmen 1; Material geteilt)</li>", start, StringComparison.Ordinal);
        Assert.DoesNotContain(Lead.Name, start, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_project_lead_publishes()
    {
        var preview = await PreviewAsync();

        await room.Room.SayAsync(Anna, "veröffentlichen");
        var refused = await room.Room.ClickAsync(Anna, "agenda.publish", DataOf(preview, "agenda.publish"));

        // The answer to Anna, whatever card update of the plan arrived around it.
        Assert.Contains(room.Room.Connector.Calls,
            c => c.Text == "Veröffentlichen kann nur die Projektleitung der Agenda, im Team der Agenda oder im persönlichen Chat.");
        Assert.Equal("Veröffentlichen kann nur die Projektleitung der Agenda, im Team der Agenda oder im persönlichen Chat.", refused["value"]!.GetValue<string>());
        Assert.Null(await room.Get<Storage.Agendas.PublicationStore>().GetOfAgendaAsync(room.Tenant, room.AgendaId));
    }

    [Fact]
    public async Task A_plan_changed_after_the_preview_is_shown_again_instead_of_published()
    {
        var preview = await PreviewAsync();
        var measure = await room.TheMeasureAsync();
        await room.ReportAsync(Anna, measure.Id, "InProgress", "40");

        var answer = await room.Room.ClickAsync(Lead, "agenda.publish", DataOf(preview, "agenda.publish"));

        var text = string.Join("\n", Texts(answer["value"]));
        Assert.Contains("Der Plan hat sich seit der Vorschau geändert.", text, StringComparison.Ordinal);
        Assert.Contains("in Arbeit, 40 %", text, StringComparison.Ordinal);
        Assert.Null(await room.Get<Storage.Agendas.PublicationStore>().GetOfAgendaAsync(room.Tenant, room.AgendaId));
    }

    [Fact]
    public async Task A_new_version_keeps_the_address_and_a_withdrawn_agenda_is_gone()
    {
        var first = await PublishAsync();
        var measure = await room.TheMeasureAsync();
        await room.ReportAsync(Anna, measure.Id, "InProgress", "40");
        var second = await PublishAsync();

        Assert.Equal(first, second);
        Assert.Contains("<td>in Arbeit</td><td>40 %</td>", await (await room.Room.Bot.Http.GetAsync(new Uri(second, UriKind.Relative))).Content.ReadAsStringAsync(),
            StringComparison.Ordinal);

        await room.Room.SayAsync(Lead, "veröffentlichung zurückziehen");

        var gone = await room.Room.Bot.Http.GetAsync(new Uri(second, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Gone, gone.StatusCode);
        Assert.Equal(HttpStatusCode.Gone, (await room.Room.Bot.Http.GetAsync(new Uri(second + "/plan.csv", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await room.Room.Bot.Http.GetAsync(new Uri("/agenda/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", UriKind.Relative))).StatusCode);
        LegalPagesTests.Keep("agenda-gone", await gone.Content.ReadAsStringAsync(), LegalPagesTests.HeadersOf(gone));
    }

    [Fact]
    public async Task The_plan_is_open_data_as_csv_and_json()
    {
        var path = await PublishAsync();

        var csv = await room.Room.Bot.Http.GetByteArrayAsync(new Uri(path + "/plan.csv", UriKind.Relative));
        var json = JsonNode.Parse(await room.Room.Bot.Http.GetStringAsync(new Uri(path + "/plan.json", UriKind.Relative)))!;

        Assert.Equal([0xEF, 0xBB, 0xBF], csv[..3]);
        var rows = System.Text.Encoding.UTF8.GetString(csv[3..]).Split(Environment.NewLine);
        Assert.Equal("Nr;Maßnahme;Beschreibung;Beginn;Ende;Stand;Fortschritt;Haushalt nächstes Jahr;Zuletzt aktualisiert", rows[0]);
        Assert.StartsWith("1;Online-Terminvergabe im Bürgerbüro;", rows[1], StringComparison.Ordinal);
        Assert.Contains(";2027-01-15;2027-12-31;Planned;0;nein;", rows[1], StringComparison.Ordinal);
        Assert.Equal("Online-Terminvergabe im Bürgerbüro", json["measures"]![0]!["title"]!.GetValue<string>());
        Assert.DoesNotContain("anna", json.ToJsonString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_feed_tells_each_new_version_and_each_measure_whose_status_changed()
    {
        var path = await PublishAsync();
        var measure = await room.TheMeasureAsync();
        await room.ReportAsync(Anna, measure.Id, "Delayed", "40");
        await PublishAsync();

        var response = await room.Room.Bot.Http.GetAsync(new Uri(path + "/feed.atom", UriKind.Relative));
        var feed = System.Xml.Linq.XDocument.Parse(await response.Content.ReadAsStringAsync());

        System.Xml.Linq.XNamespace atom = "http://www.w3.org/2005/Atom";
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Digitale Agenda Hagenow", feed.Root!.Element(atom + "title")!.Value);
        var entries = feed.Root.Elements(atom + "entry").Select(e => e.Element(atom + "title")!.Value).ToList();
        Assert.Equal(3, entries.Count);
        Assert.StartsWith("Neue Fassung vom ", entries[0], StringComparison.Ordinal);
        Assert.Equal("Online-Terminvergabe im Bürgerbüro: verzögert, 40 %", entries[1]);
        Assert.StartsWith("Neue Fassung vom ", entries[2], StringComparison.Ordinal);
        Assert.EndsWith(path + "/massnahmen/1",
            feed.Root.Elements(atom + "entry").ElementAt(1).Element(atom + "link")!.Attribute("href")!.Value, StringComparison.Ordinal);
        Assert.Contains($"<link rel=\"alternate\" type=\"application/atom+xml\" href=\"{path}/feed.atom\">",
            await room.Room.Bot.Http.GetStringAsync(new Uri(path, UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unchanged_page_is_answered_304_from_its_etag()
    {
        var path = await PublishAsync();
        var first = await room.Room.Bot.Http.GetAsync(new Uri(path, UriKind.Relative));
        using var again = new HttpRequestMessage(HttpMethod.Get, path);
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);

        var second = await room.Room.Bot.Http.SendAsync(again);

        Assert.NotNull(first.Content.Headers.LastModified);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
    }

    private async Task<string> PageAsync(string path, string keepAs)
    {
        var response = await room.Room.Bot.Http.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        LegalPagesTests.Keep(keepAs, html, LegalPagesTests.HeadersOf(response));
        File.WriteAllText(Path.Combine(RepositoryRoot.Path, "artifacts", "pages", "site.css"),
            await room.Room.Bot.Http.GetStringAsync(new Uri("/public/site.css", UriKind.Relative)));
        return html;
    }

    [Fact]
    public async Task With_the_live_status_on_the_pages_show_a_measure_as_saved_in_Teams_and_the_feed_tells_it()
    {
        var path = await PublishAsync(liveStatus: true);
        var measure = await room.TheMeasureAsync();
        await room.ReportAsync(Anna, measure.Id, "InProgress", "40");

        var start = await PageAsync(path, "agenda-start-live");
        var feed = await room.Room.Bot.Http.GetStringAsync(new Uri(path + "/feed.atom", UriKind.Relative));

        Assert.Contains("Live-Stand ist an: Die Seiten zeigen den Stand der Maßnahmen, wie er in Teams gespeichert ist.", Texts(published));
        Assert.Contains("<td>in Arbeit</td><td>40 %</td>", start, StringComparison.Ordinal);
        Assert.Contains("Der Stand der Maßnahmen wird laufend aus der Arbeit der Stadt aktualisiert, zuletzt am", start, StringComparison.Ordinal);
        Assert.Contains("Online-Terminvergabe im Bürgerbüro: in Arbeit, 40 %", feed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Switching_the_live_status_off_shows_the_published_state_again()
    {
        var path = await PublishAsync(liveStatus: true);
        var measure = await room.TheMeasureAsync();
        await room.ReportAsync(Anna, measure.Id, "InProgress", "40");
        var refused = await room.Room.ClickAsync(Anna, "agenda.live", DataOf(published!, "agenda.live"));

        var switched = await room.Room.ClickAsync(Lead, "agenda.live", DataOf(published!, "agenda.live"));

        Assert.Equal("Veröffentlichen kann nur die Projektleitung der Agenda, im Team der Agenda oder im persönlichen Chat.", refused["value"]!.GetValue<string>());
        Assert.Contains("Live-Stand ist aus: Die Seiten zeigen den Stand vom Tag der Fassung.", Texts(switched["value"]));
        Assert.Contains("Live-Stand einschalten", switched["value"]!["actions"]!.AsArray().Select(a => a!["title"]!.GetValue<string>()));
        Assert.Contains("<td>geplant</td><td>0 %</td>", await PageAsync(path, "agenda-start-published-state"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_pages_name_the_responsible_unit_and_an_owner_only_while_they_agree()
    {
        var measure = await room.TheMeasureAsync();
        var data = new JsonObject { ["agendaId"] = room.AgendaId, ["measureId"] = measure.Id, ["status"] = "Planned", ["progress"] = "0", ["responsibleUnit"] = "Bürgeramt" };
        await room.Room.ClickAsync(Anna, "measure.update", data);
        await room.InstallForAnnaAsync();
        await room.SayPersonallyAsync("name öffentlich");

        var preview = string.Join("\n", Texts(await PreviewAsync()));
        var path = await PublishAsync();
        var named = await PageAsync(path + "/massnahmen/1", "agenda-measure-named");
        await room.SayPersonallyAsync("name nicht öffentlich");
        var unnamed = await PageAsync(path + "/massnahmen/1", "agenda-measure-unit");

        Assert.Contains("Verantwortlich: Anna Schulz", preview, StringComparison.Ordinal);
        Assert.Contains("<dt>Verantwortlich</dt><dd>Anna Schulz</dd>", named, StringComparison.Ordinal);
        Assert.Contains(room.Room.Connector.Calls, c => c.Text?.StartsWith("Ihr Name steht nicht mehr auf den öffentlichen Seiten", StringComparison.Ordinal) == true);
        Assert.Contains("<dt>Verantwortlich</dt><dd>Bürgeramt</dd>", unnamed, StringComparison.Ordinal);
        Assert.DoesNotContain("Anna", unnamed, StringComparison.Ordinal);
        // What is stored names nobody: the name is only ever put in when a page is drawn.
        var stored = await room.Get<Storage.Agendas.PublicationStore>().GetOfAgendaAsync(room.Tenant, room.AgendaId);
        Assert.Equal("Bürgeramt", stored!.Version!.Measures[0].Responsible);
    }

    [Fact]
    public async Task Agreeing_to_be_named_is_only_possible_in_the_personal_chat()
    {
        await room.Room.SayAsync(Anna, "name öffentlich");

        Assert.Contains(room.Room.Connector.Calls, c => c.Text?.StartsWith("Ob Ihr Name öffentlich erscheint, entscheiden Sie selbst", StringComparison.Ordinal) == true);
        Assert.False(await room.Get<Storage.Agendas.PublicNames>().HasAgreedAsync(room.Tenant, Anna.AadObjectId));
    }

    [Fact]
    public async Task The_start_page_draws_the_plan_as_a_timeline_that_says_in_text_what_it_shows()
    {
        var path = await PublishAsync();

        var start = await PageAsync(path, "agenda-start-timeline");

        Assert.Contains("<h2>Zeitleiste</h2>\n<figure class=\"timeline\">", start, StringComparison.Ordinal);
        Assert.Contains("<title>1. Online-Terminvergabe im Bürgerbüro: 15.01.2027 bis 31.12.2027, geplant</title>", start, StringComparison.Ordinal);
        Assert.Contains("<text class=\"year\"", start, StringComparison.Ordinal);
        Assert.Contains("<figcaption id=\"timeline-caption\">Zeitleiste: 1 Maßnahme mit Beginn und Ende, nummeriert wie in der Tabelle oben", start,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_published_version_downloads_as_a_word_document_that_names_the_unit_not_the_owner()
    {
        var measure = await room.TheMeasureAsync();
        await room.Room.ClickAsync(Anna, "measure.update", new JsonObject
        {
            ["agendaId"] = room.AgendaId, ["measureId"] = measure.Id, ["status"] = "Planned", ["progress"] = "0", ["responsibleUnit"] = "Bürgeramt",
        });
        var path = await PublishAsync();

        var german = await room.Room.Bot.Http.GetAsync(new Uri(path + "/digitale-agenda.docx", UriKind.Relative));
        var english = await room.Room.Bot.Http.GetByteArrayAsync(new Uri(path + "/digitale-agenda.docx?lang=en", UriKind.Relative));

        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", german.Content.Headers.ContentType?.MediaType);
        var text = TextOf(await german.Content.ReadAsByteArrayAsync());
        Assert.Contains("Online-Terminvergabe im Bürgerbüro", text, StringComparison.Ordinal);
        Assert.Contains("Bürgeramt", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Anna", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Anna", TextOf(english), StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{path}/digitale-agenda.docx\">Diese Fassung als Word-Dokument</a>", await PageAsync(path, "agenda-start-docx"),
            StringComparison.Ordinal);
    }

    private static string TextOf(byte[] docx)
    {
        using var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(docx), isEditable: false);
        return document.MainDocumentPart!.Document!.Body!.InnerText;
    }
}
