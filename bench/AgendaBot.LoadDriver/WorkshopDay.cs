using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using AgendaBot.Storage;
using AgendaBot.Storage.Agendas;
using AgendaBot.Storage.Measures;
using AgendaBot.Storage.Voting;
using AgendaBot.Storage.Workshops;

namespace AgendaBot.LoadDriver;

/// <summary>What the workshop day showed: latencies of every click, errors, Teams' rate per conversation, completeness.</summary>
internal sealed record WorkshopDayResult(
    int Clicks, int Errors, double P50, double P99, double MaxCallsPerSecond, string BusiestConversation,
    IReadOnlyList<string> Incomplete, double PeakRssMiB, TimeSpan Elapsed)
{
    /// <summary>Per kind of click, slowest first: where the tail comes from.</summary>
    public IReadOnlyList<string> ByVerb { get; init; } = [];
}

/// <summary>
/// A town's workshop day through the bot: three workshops of 15 people in parallel, each in its own channel. Each
/// person registers, contributes five ideas in a burst, votes once in a star round and once in a dot round; the
/// moderator (a second between their clicks, as a person reading the card) walks the steps, a measure is planned in step 6 and its owner reports its status. Afterwards: every
/// pinboard (the last version of each pinboard message) shows every idea, every tally counts 15 ballots, and no
/// conversation got more than Teams' 7 messages in any second (counted by the connector stand-in).
/// </summary>
internal sealed class WorkshopDay(Channel town, ConnectorStandIn connector, StorageTables tables)
{
    private const int People = 15;
    private const int IdeasEach = 5;

    // A moderator reads the card before the next click; at machine speed their clicks alone would be a burst no one makes.
    private static readonly TimeSpan ModeratorPause = TimeSpan.FromSeconds(1);
    private static readonly string[] Fields = ["Verwaltung", "Tourismus", "Bildung"];
    private readonly ConcurrentBag<double> latencies = [];
    private readonly ConcurrentBag<(string Verb, double Ms)> byVerb = [];
    private int errors;

    public static string ChannelOf(int w) => $"19:day-{w}@thread.tacv2";

    private static string Person(int w, int i) => $"29:day-{w}-{i}";

    public async Task<WorkshopDayResult> RunAsync(BotProcess bot)
    {
        var scope = new TenantScope(town.TenantId);
        connector.Tracking = true;
        var started = Stopwatch.GetTimestamp();
        double peak;
        var incomplete = new ConcurrentBag<string>();
        await using (var sampler = new MemorySampler(bot).Start())
        {
            await ClickAsync(Channel.Lead, "agenda.create", new JsonObject
            {
                ["title"] = "Digitale Agenda Workshoptag", ["fieldsOfAction"] = string.Join("\n", Fields), ["statusHere"] = "true",
            }, ChannelOf(0));
            var agenda = (await new AgendaRepository(tables).GetAllAsync(scope)).Single();
            await Task.WhenAll(Enumerable.Range(0, Fields.Length).Select(w => RunWorkshopAsync(scope, agenda.Id, w, incomplete)));
            peak = sampler.PeakRssMiB;
        }

        connector.Tracking = false;
        var sorted = latencies.Order().ToArray();
        var (rate, busiest) = MaxCallsPerSecond();
        var slowest = byVerb.GroupBy(v => v.Verb)
            .Select(g => (Verb: g.Key, Count: g.Count(), P50: Percentile([.. g.Select(v => v.Ms).Order()], 0.5), Max: g.Max(v => v.Ms)))
            .OrderByDescending(v => v.Max).ToList();
        return new WorkshopDayResult(sorted.Length, errors, Percentile(sorted, 0.50), Percentile(sorted, 0.99), rate, busiest,
            [.. incomplete], peak, Stopwatch.GetElapsedTime(started))
        {
            ByVerb = slowest.Select(v => FormattableString.Invariant($"{v.Verb} ×{v.Count}: p50 {v.P50:0} ms, max {v.Max:0} ms")).ToList(),
        };
    }

    private async Task RunWorkshopAsync(TenantScope scope, string agendaId, int w, ConcurrentBag<string> incomplete)
    {
        var channel = ChannelOf(w);
        await ClickAsync(Channel.Lead, "workshop.open", new JsonObject { ["fieldOfAction"] = Fields[w], ["capacity"] = "30" }, channel);
        var workshop = (await new AgendaRepository(tables).GetWorkshopsAsync(scope, agendaId)).Single(l => l.FieldOfAction == Fields[w]).WorkshopId;
        string[] groups = ["Citizens", "Companies", "Universities", "PublicAdministration"];
        await EveryoneAsync(i => ClickAsync(Person(w, i), "workshop.register", new JsonObject { ["workshopId"] = workshop, ["group"] = groups[i % groups.Length] }, channel));
        await EveryoneAsync(async i =>
        {
            for (var k = 0; k < IdeasEach; k++)
            {
                await ClickAsync(Person(w, i), "contribution.add", new JsonObject { ["workshopId"] = workshop, ["step"] = 1, ["text"] = Idea(w, i, k) }, channel);
            }
        });

        var voting = new VotingRepository(tables);
        foreach (var method in new[] { "stars", "dots" })
        {
            var before = (await voting.GetRoundsAsync(scope, workshop)).Select(r => r.Id).ToHashSet();
            await ClickAsync(Channel.Lead, "vote.start", new JsonObject
            {
                ["workshopId"] = workshop, ["step"] = 1, ["items"] = "1,2,3,4,5", ["method"] = method, ["criteria"] = "Wirkung",
                ["points"] = "5", ["maxPerItem"] = "3", ["anonymous"] = "false",
            }, channel);
            var round = (await voting.GetRoundsAsync(scope, workshop)).Single(r => !before.Contains(r.Id)).Id;
            await EveryoneAsync(i =>
            {
                var ballot = new JsonObject { ["workshopId"] = workshop, ["roundId"] = round };
                if (method == "stars")
                {
                    for (var item = 1; item <= 5; item++)
                    {
                        ballot[$"s_{item}_0"] = $"{(i + item) % 5 + 1}";
                    }
                }
                else
                {
                    ballot[$"p_{i % 5 + 1}"] = "3";
                    ballot[$"p_{(i + 1) % 5 + 1}"] = "2";
                }

                return ClickAsync(Person(w, i), "vote.cast", ballot, channel);
            });
            await ClickAsync(Channel.Lead, "vote.close", new JsonObject { ["workshopId"] = workshop, ["roundId"] = round }, channel);
            var closed = await voting.GetRoundAsync(scope, workshop, round);
            if (closed?.Value.Results?.Ballots != People)
            {
                incomplete.Add($"{Fields[w]}: the {method} round counted {closed?.Value.Results?.Ballots} of {People} ballots");
            }
        }

        for (var step = 1; step <= 5; step++)
        {
            if (step == 5)
            {
                await ClickAsync(Person(w, 0), "contribution.add", new JsonObject { ["workshopId"] = workshop, ["step"] = 5, ["text"] = $"Maßnahme {Fields[w]}" }, channel);
            }

            await ClickAsync(Channel.Lead, "step.close", new JsonObject { ["workshopId"] = workshop, ["step"] = step }, channel);
            await ClickAsync(Channel.Lead, "step.advance", new JsonObject { ["workshopId"] = workshop, ["step"] = step }, channel);
        }

        var proposal = People * IdeasEach + 1;
        await ClickAsync(Channel.Lead, "plan.save", new JsonObject
        {
            ["workshopId"] = workshop, ["step"] = 6, ["measure"] = $"{proposal}", ["owner"] = $"aad-day-{w}-0",
            ["start"] = "2027-01-15", ["end"] = "2027-12-31", ["milestoneRow_0_date"] = "2027-03-31", ["milestoneRow_0_title"] = "Ausschreibung",
        }, channel);
        var measure = (await new MeasureRepository(tables).GetAllAsync(scope, agendaId)).Single(m => m.Title == $"Maßnahme {Fields[w]}");
        await ClickAsync(Person(w, 0), "measure.update", new JsonObject
        {
            ["agendaId"] = agendaId, ["measureId"] = measure.Id, ["status"] = "InProgress", ["progress"] = "40",
        }, channel);

        // Give the last pinboard redraw a moment (at most one per workshop and second), then read what Teams would show.
        await Task.Delay(TimeSpan.FromSeconds(2));
        var shown = connector.LatestCards.Where(c => c.Key.Conversation == channel).SelectMany(c => Texts(c.Value)).ToHashSet();
        var missing = Enumerable.Range(0, People).SelectMany(i => Enumerable.Range(0, IdeasEach).Select(k => Idea(w, i, k)))
            .Count(idea => !shown.Any(t => t.Contains(idea, StringComparison.Ordinal)));
        if (missing > 0)
        {
            incomplete.Add($"{Fields[w]}: {missing} ideas missing from the pinboard as last sent");
        }
    }

    private static string Idea(int w, int i, int k) => $"Idee {w}-{i}-{k}: digitale Verwaltung";

    private static Task EveryoneAsync(Func<int, Task> act) => Task.WhenAll(Enumerable.Range(0, People).Select(act));

    private async Task ClickAsync(string from, string verb, JsonObject data, string channelId)
    {
        if (from == Channel.Lead)
        {
            await Task.Delay(ModeratorPause);
        }

        var before = Stopwatch.GetTimestamp();
        try
        {
            await town.ClickAsync(from, verb, data, channelId);
            var took = Stopwatch.GetElapsedTime(before).TotalMilliseconds;
            latencies.Add(took);
            byVerb.Add((verb, took));
        }
        catch (Exception failure) when (failure is InvalidOperationException or HttpRequestException)
        {
            Interlocked.Increment(ref errors);
            Console.WriteLine($"workshop day: {verb} by {from} failed: {failure.Message}");
        }
    }

    private (double Rate, string Conversation) MaxCallsPerSecond()
    {
        var best = (0.0, string.Empty);
        foreach (var (conversation, times) in connector.CallTimes)
        {
            var sorted = times.Order().ToArray();
            var window = Stopwatch.Frequency;
            for (int first = 0, last = 0; last < sorted.Length; last++)
            {
                while (sorted[last] - sorted[first] >= window)
                {
                    first++;
                }

                if (last - first + 1 > best.Item1)
                {
                    best = (last - first + 1, conversation);
                }
            }
        }

        return best;
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static IEnumerable<string> Texts(JsonNode? node) => node switch
    {
        JsonObject o => (o["text"] is JsonValue v && v.TryGetValue<string>(out var text) ? [text] : Array.Empty<string>())
            .Concat(o.Where(p => p.Key != "text").SelectMany(p => Texts(p.Value))),
        JsonArray a => a.SelectMany(Texts),
        _ => [],
    };
}
