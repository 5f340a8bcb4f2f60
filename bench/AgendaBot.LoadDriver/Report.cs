using System.Globalization;
using System.Text;

namespace AgendaBot.LoadDriver;

/// <summary>One level: both ballot workloads through the bot and the storage floor at the same concurrency.</summary>
internal sealed record LevelReport(LevelResult Once, StoredCheck OnceStored, LevelResult Revote, StoredCheck RevoteStored,
    LevelResult Floor, int FloorStored, double PeakRssMiB);

/// <summary>Plain turns at one number of connections: AgendaBot and the floor bot, same activity, same reply size.</summary>
internal sealed record TurnReport(TurnPlace Place, long ReplyBytes, LevelResult Bot, LevelResult Floor);

internal sealed record PageReport(string Page, long Bytes, LevelResult Bot, LevelResult Floor);

/// <summary>The markdown the run writes: the figures, then each target with whether it was met.</summary>
internal static class Report
{
    public static string Render(IReadOnlyList<LevelReport> levels, (double Start, double AtRest, double Hwm) memory, string machine, TimeSpan duration)
    {
        var md = new StringBuilder();
        md.AppendLine(Inv($"Ballots: `vote.cast` invokes (`adaptiveCard/action`) through `POST /api/messages`, after a warm-up. **Vote once** (the real round, the default): the lead starts a batch of rounds (about 3,000 ballots' worth, 10 to 300 rounds; not measured), then every voter votes exactly once in each round, one round after another, as fast as the answers come. **Re-vote**: one round, each voter changing their stars again and again for {duration.TotalSeconds:0} s. Storage floor: `UpsertEntity` of a ballot-sized row into one partition of the same Azurite, same concurrency, right after."));
        md.AppendLine();
        md.AppendLine(machine);
        md.AppendLine();
        md.AppendLine("| voters | workload | ballots/s | p50 ms | p99 ms | max ms | failed | stored ok | floor upserts/s | floor p50 ms | floor p99 ms | ballots ÷ floor | bot RSS peak MiB |");
        md.AppendLine("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var l in levels)
        {
            md.AppendLine(Line(l, "vote once", l.Once, l.OnceStored));
            md.AppendLine(Line(l, "re-vote", l.Revote, l.RevoteStored));
        }

        md.AppendLine();
        md.AppendLine(Inv($"Bot memory (VmRSS from /proc/<pid>/status): {memory.Start:0} MiB after start, {memory.AtRest:0} MiB at rest after the set-up, peak under load (VmHWM) {memory.Hwm:0} MiB."));
        md.AppendLine();
        md.AppendLine("\"stored ok\": acknowledged ballots (one per voter and round) whose stored row, read back after the level, equals the last one the bot acknowledged.");
        md.AppendLine();
        var at10 = levels.FirstOrDefault(l => l.Once.Concurrency == 10);
        var at50 = levels.FirstOrDefault(l => l.Once.Concurrency == 50);
        if (at50 is not null || at10 is not null)
        {
            md.AppendLine("| target (vote once) | measured | met |");
            md.AppendLine("|---|---:|:-:|");
            if (at50 is not null)
            {
                var ratio = at50.Once.PerSecond / at50.Floor.PerSecond;
                md.AppendLine(Row("50 voters: ballots/s ≥ 40 % of the storage floor", $"{ratio:P0}", ratio >= 0.40));
                md.AppendLine(Row("50 voters: p99 ≤ 150 ms", $"{at50.Once.P99:0} ms", at50.Once.P99 <= 150));
            }

            if (at10 is not null)
            {
                md.AppendLine(Row("10 voters: p99 ≤ 50 ms", $"{at10.Once.P99:0} ms", at10.Once.P99 <= 50));
            }

            md.AppendLine(Row("RSS under load ≤ 300 MB", $"{memory.Hwm * 1.048576:0} MB", memory.Hwm * 1.048576 <= 300));
        }

        return md.ToString();
    }

    public static string RenderTurns(IReadOnlyList<TurnReport> turns)
    {
        if (turns.Count == 0)
        {
            return string.Empty;
        }

        var md = new StringBuilder();
        md.AppendLine();
        md.AppendLine("Plain turns: `hilfe` in a personal chat (each connection its own person) and `@AgendaBot hilfe` in a team channel, through `POST /api/messages`, against the floor bot (`bench/AgendaBot.FloorBot`: reads the activity with the same JSON options, posts a reply of the same size to the same connector stand-in, answers 200 — no routing, storage or cards), each right after the other. Targets: AgendaBot ≥ 70 % of the floor's turns/s, p99 ≤ 1.5 × the floor's.");
        md.AppendLine();
        md.AppendLine("| place | connections | reply bytes | turns/s | p50 ms | p99 ms | failed | floor turns/s | floor p50 ms | floor p99 ms | turns ÷ floor | p99 ÷ floor p99 | targets met |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|:-:|");
        foreach (var t in turns)
        {
            var ratio = t.Bot.PerSecond / t.Floor.PerSecond;
            var tail = t.Bot.P99 / t.Floor.P99;
            md.AppendLine(Inv($"| {(t.Place == TurnPlace.Channel ? "channel" : "personal chat")} | {t.Bot.Concurrency} | {t.ReplyBytes} | {t.Bot.PerSecond:0} | {t.Bot.P50:0.0} | {t.Bot.P99:0.0} | {t.Bot.Failures} | {t.Floor.PerSecond:0} | {t.Floor.P50:0.0} | {t.Floor.P99:0.0} | {ratio:P0} | {tail:0.00} | {(ratio >= 0.70 && tail <= 1.5 ? "yes" : "**no**")} |"));
        }

        return md.ToString();
    }

    public static string RenderPages(IReadOnlyList<PageReport> pages)
    {
        if (pages.Count == 0)
        {
            return string.Empty;
        }

        var md = new StringBuilder();
        md.AppendLine();
        md.AppendLine("Public pages: a published agenda of 20 measures, its start page and a measure page fetched by many clients at once (`GET`, closed loop), against the floor bot answering the same number of bytes from memory. AgendaBot renders each page from its publication, read from storage at most every 30 s (`PublicationStore.ReadFor`).");
        md.AppendLine();
        md.AppendLine("| page | connections | bytes | pages/s | p50 ms | p99 ms | failed | floor pages/s | floor p50 ms | floor p99 ms | pages ÷ floor |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var p in pages)
        {
            md.AppendLine(Inv($"| {p.Page} | {p.Bot.Concurrency} | {p.Bytes} | {p.Bot.PerSecond:0} | {p.Bot.P50:0.0} | {p.Bot.P99:0.0} | {p.Bot.Failures} | {p.Floor.PerSecond:0} | {p.Floor.P50:0.0} | {p.Floor.P99:0.0} | {p.Bot.PerSecond / p.Floor.PerSecond:P0} |"));
        }

        return md.ToString();
    }

    public static string RenderWorkshopDay(WorkshopDayResult? day)
    {
        if (day is null)
        {
            return string.Empty;
        }

        var md = new StringBuilder();
        md.AppendLine();
        md.AppendLine(Inv($"A town's workshop day: three workshops of 15 people at once, each in its own channel — everyone registers, contributes five ideas in a burst, votes once in a star and once in a dot round; the moderator — a second between their clicks, as a person reading the card — walks the six steps, plans a measure, its owner reports its status ({day.Clicks} clicks in {day.Elapsed.TotalSeconds:0} s)."));
        md.AppendLine();
        md.AppendLine("| target | measured | met |");
        md.AppendLine("|---|---:|:-:|");
        md.AppendLine(Row("0 errors", $"{day.Errors}", day.Errors == 0));
        md.AppendLine(Row("p99 click → answer ≤ 300 ms", Inv($"{day.P99:0} ms (p50 {day.P50:0.0} ms)"), day.P99 <= 300));
        md.AppendLine(Row("connector calls per conversation ≤ 7 in any second", Inv($"{day.MaxCallsPerSecond:0}"), day.MaxCallsPerSecond <= 7));
        md.AppendLine(Row("pinboards and tallies complete", day.Incomplete.Count == 0 ? "complete" : string.Join("; ", day.Incomplete), day.Incomplete.Count == 0));
        md.AppendLine(Row("RSS ≤ 250 MB", Inv($"{day.PeakRssMiB * 1.048576:0} MB"), day.PeakRssMiB * 1.048576 <= 250));
        md.AppendLine();
        md.AppendLine("Per kind of click, slowest first: " + string.Join("; ", day.ByVerb) + ".");
        return md.ToString();
    }

    public static string RenderExport(ExportTimingResult? export) => export is null ? string.Empty : Inv($"""

        Export of the workshop day's agenda (`exportieren` in a channel, LibreOffice {(export.Pdf ? "installed" : "missing: no PDF")}): answered in {export.AnswerMs:0} ms with the card that says the files are being made; Word and CSV links on it after {export.FilesMs:0} ms; ready{(export.Pdf ? " with the PDF" : string.Empty)} after {export.ReadyMs:0} ms (target: answer within a second).

        """);

    public static string RenderColdStarts(IReadOnlyList<ColdStartResult> builds)
    {
        if (builds.Count == 0)
        {
            return string.Empty;
        }

        var md = new StringBuilder();
        md.AppendLine();
        md.AppendLine("Cold start: a fresh bot process each time (as after a restart or a scale-out), against the same storage, asked as soon as it listens; from process start to the first answered `hilfe` in a personal chat, and (another fresh process) to the first answered ballot. Median of the runs, each run listed.");
        md.AppendLine();
        md.AppendLine("| build | first turn, median ms | runs | first ballot, median ms | runs |");
        md.AppendLine("|---|---:|---|---:|---|");
        foreach (var b in builds)
        {
            md.AppendLine(Inv($"| {b.Build} | {ColdStartResult.Median(b.FirstTurnMs):0} | {string.Join(", ", b.FirstTurnMs.Select(v => v.ToString("0", CultureInfo.InvariantCulture)))} | {ColdStartResult.Median(b.FirstBallotMs):0} | {string.Join(", ", b.FirstBallotMs.Select(v => v.ToString("0", CultureInfo.InvariantCulture)))} |"));
        }

        return md.ToString();
    }

    private static string Line(LevelReport l, string workload, LevelResult r, StoredCheck s) =>
        Inv($"| {r.Concurrency} | {workload} | {r.PerSecond:0} | {r.P50:0.0} | {r.P99:0.0} | {r.Max:0} | {r.Failures} | {s.Matching}/{s.Expected} | {l.Floor.PerSecond:0} | {l.Floor.P50:0.0} | {l.Floor.P99:0.0} | {r.PerSecond / l.Floor.PerSecond:P0} | {l.PeakRssMiB:0} |");

    private static string Row(string target, string measured, bool met) => $"| {target} | {measured} | {(met ? "yes" : "**no**")} |";

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
