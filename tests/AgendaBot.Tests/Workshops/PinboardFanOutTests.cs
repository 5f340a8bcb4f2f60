using System.Text.Json.Nodes;
using AgendaBot.Domain.People;
using AgendaBot.Domain.Workshops;
using AgendaBot.Features.Contributions;
using AgendaBot.Storage;
using AgendaBot.Storage.Workshops;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using static AgendaBot.Tests.Workshops.WorkshopRoom;

namespace AgendaBot.Tests.Workshops;

/// <summary>
/// A busy workshop must not make the bot hammer Teams: a contribution redraws only the pinboard page it changed, a
/// burst of contributions stays within Teams' ~7 messages a second per conversation and still ends with every
/// contribution on the pinboard.
/// </summary>
public sealed class PinboardFanOutTests(ITestOutputHelper output) : IAsyncLifetime
{
    private WorkshopRoom room = null!;

    public async Task InitializeAsync() => room = await WorkshopRoom.OpenAsync();

    public async Task DisposeAsync() => await room.DisposeAsync();

    [Fact]
    public async Task At_700_contributions_a_new_one_redraws_only_the_page_it_lands_on()
    {
        var workshop = await room.SetUpWorkshopAsync();
        await room.RegisterAsync(Anna, workshop);
        var workshops = room.Bot.Services.GetRequiredService<WorkshopRepository>();
        var tenant = new TenantScope(room.TenantId);
        var klaus = new TeamsUser(Klaus.AadObjectId, Klaus.Name);
        for (var i = 1; i <= 699; i++)
        {
            await workshops.AddContributionAsync(tenant, workshop, $"seed-{i}", (w, number) => Contribution.Create(
                w.Id, number, WorkshopStep.StatusQuo, klaus,
                $"Beobachtung {i}: Im Rathaus fehlen digitale Formulare für Anträge, Termine und Rückfragen der Bürgerinnen und Bürger.",
                DateTimeOffset.UtcNow));
        }

        // The 700th, through the bot, puts the grown pinboard on many pages (at Teams' pace).
        await room.ContributeAsync(Anna, workshop, 1, "Beitrag Nummer siebenhundert");
        await QuietAsync(TimeSpan.FromSeconds(90));
        var pages = PinboardPages();
        Assert.True(pages.Count >= 15, $"{pages.Count} pages");
        var calls = room.Connector.Calls.Count;

        await room.ContributeAsync(Anna, workshop, 1, "Beitrag Nummer siebenhunderteins");
        await QuietAsync();

        var sent = room.Connector.Calls.Skip(calls).ToList();
        output.WriteLine($"contributions=701 pages={pages.Count} connector-calls-for-one-contribution={sent.Count}");
        Assert.InRange(sent.Count, 1, 2);
        Assert.Contains(sent, c => WorkshopRoom.Texts(c.Card).Contains("Beitrag Nummer siebenhunderteins"));
        Assert.Contains("Beitrag Nummer siebenhunderteins", PinboardPages().SelectMany(p => WorkshopRoom.Texts(p)));

        // Hiding the very first contribution moves every page up: the pages follow at Teams' pace, and all of them.
        calls = room.Connector.Calls.Count;
        await room.SayAsync(Lead, "ausblenden 1");
        await QuietAsync(TimeSpan.FromSeconds(90));

        var shown = PinboardPages().SelectMany(p => WorkshopRoom.Texts(p)).ToList();
        Assert.DoesNotContain(shown, t => t.StartsWith("Beobachtung 1:", StringComparison.Ordinal));
        Assert.Equal(698, shown.Count(t => t.StartsWith("Beobachtung ", StringComparison.Ordinal)));
        Assert.Single(shown, t => t == "Beitrag Nummer siebenhunderteins");
        var reflow = room.Connector.Calls.Skip(calls).Select(c => c.At).ToList();
        output.WriteLine($"hide #1: connector-calls={reflow.Count} busiest-second={BusiestSecond(reflow)}");
        Assert.InRange(BusiestSecond(reflow), 1, 7);
    }

    [Fact]
    public async Task A_burst_of_30_contributions_stays_within_Teams_rate_and_the_pinboard_ends_complete()
    {
        var workshop = await room.SetUpWorkshopAsync();
        var people = Enumerable.Range(1, 6).Select(i => new Person($"Person {i}", $"29:burst-{i}", $"aad-burst-{i}")).ToList();
        foreach (var person in people)
        {
            await room.RegisterAsync(person, workshop);
        }

        await QuietAsync();
        var before = room.Connector.Calls.Count;

        // 30 clicks on "Beitrag speichern" within two seconds, five from each of six people.
        var clicks = new List<Task<JsonObject>>();
        for (var i = 0; i < 30; i++)
        {
            clicks.Add(room.ContributeAsync(people[i % people.Count], workshop, 1, $"Schnelle Idee {i + 1:D2}"));
            await Task.Delay(TimeSpan.FromMilliseconds(2000.0 / 30));
        }

        await Task.WhenAll(clicks);
        await QuietAsync();

        var toTheChannel = room.Connector.Calls.Skip(before)
            .Where(c => c.Path.StartsWith($"/v3/conversations/{Uri.EscapeDataString(room.ChannelId)}", StringComparison.Ordinal))
            .Select(c => c.At).Order().ToList();
        var busiestSecond = BusiestSecond(toTheChannel);
        output.WriteLine($"burst=30 in 2 s: connector-calls={toTheChannel.Count} busiest-second={busiestSecond}");
        Assert.InRange(busiestSecond, 1, 7);
        var pinboard = PinboardPages().SelectMany(p => WorkshopRoom.Texts(p)).ToList();
        for (var i = 1; i <= 30; i++)
        {
            Assert.Contains($"Schnelle Idee {i:D2}", pinboard);
        }
    }

    private static int BusiestSecond(List<DateTimeOffset> calls) =>
        calls.Count == 0 ? 0 : calls.Max(start => calls.Count(at => at >= start && at < start + TimeSpan.FromSeconds(1)));

    /// <summary>Waits until the bot has sent nothing to Teams for longer than any coalescing interval and has no redraw pending.</summary>
    private async Task QuietAsync(TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        var quietFor = TimeSpan.FromSeconds(2.5);
        while (true)
        {
            var last = room.Connector.Calls.Select(c => c.At).DefaultIfEmpty(DateTimeOffset.MinValue).Max();
            if (DateTimeOffset.UtcNow - last > quietFor && room.Bot.Services.GetRequiredService<PinboardPublisher>().IsSettled)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, "The bot kept sending.");
            await Task.Delay(200);
        }
    }

    /// <summary>Each pinboard page as it stands now (the last card sent for its page number), in page order.</summary>
    private List<JsonNode> PinboardPages() => room.Connector.Calls
        .Where(c => WorkshopRoom.Texts(c.Card).FirstOrDefault()?.StartsWith("Pinnwand", StringComparison.Ordinal) == true)
        .GroupBy(c => PageNumber(c.Card!))
        .OrderBy(page => page.Key)
        .Select(page => page.Last().Card!)
        .ToList();

    // "Seite 3" under the title; a pinboard of one page has no number.
    private static int PageNumber(JsonNode card) =>
        WorkshopRoom.Texts(card).Skip(1).FirstOrDefault() is { } line && line.StartsWith("Seite ", StringComparison.Ordinal)
            ? int.Parse(line["Seite ".Length..].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture)
            : 1;
}
