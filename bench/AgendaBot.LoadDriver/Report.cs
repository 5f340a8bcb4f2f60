using System.Globalization;
using System.Text;

namespace AgendaBot.LoadDriver;

/// <summary>One level: ballots through the bot and the storage floor at the same concurrency.</summary>
internal sealed record LevelReport(LevelResult Ballots, StoredCheck Stored, LevelResult Floor, int FloorStored, double PeakRssMiB);

/// <summary>The markdown the run writes: the figures, then each target with whether it was met.</summary>
internal static class Report
{
    public static string Render(IReadOnlyList<LevelReport> levels, (double Start, double AtRest, double Hwm) memory, string machine, TimeSpan duration)
    {
        var md = new StringBuilder();
        md.AppendLine(Inv($"Ballots: `vote.cast` invokes (`adaptiveCard/action`) through `POST /api/messages`, {duration.TotalSeconds:0} s per level after a warm-up; storage floor: `UpsertEntity` of a ballot-sized row into one partition of the same Azurite, same concurrency, right after."));
        md.AppendLine();
        md.AppendLine(machine);
        md.AppendLine();
        md.AppendLine("| voters | ballots/s | p50 ms | p99 ms | max ms | failed | stored ok | floor upserts/s | floor p50 ms | floor p99 ms | ballots ÷ floor | bot RSS peak MiB |");
        md.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var l in levels)
        {
            md.AppendLine(Inv($"| {l.Ballots.Concurrency} | {l.Ballots.PerSecond:0} | {l.Ballots.P50:0.0} | {l.Ballots.P99:0.0} | {l.Ballots.Max:0} | {l.Ballots.Failures} | {l.Stored.Matching}/{l.Stored.Expected} | {l.Floor.PerSecond:0} | {l.Floor.P50:0.0} | {l.Floor.P99:0.0} | {l.Ballots.PerSecond / l.Floor.PerSecond:P0} | {l.PeakRssMiB:0} |"));
        }

        md.AppendLine();
        md.AppendLine(Inv($"Bot memory (VmRSS from /proc/<pid>/status): {memory.Start:0} MiB after start, {memory.AtRest:0} MiB at rest after the set-up, peak under load (VmHWM) {memory.Hwm:0} MiB."));
        md.AppendLine();
        md.AppendLine("\"stored ok\": voters whose ballot in storage, read back after the level, equals the last one the bot acknowledged to them.");
        md.AppendLine();
        var at50 = levels.FirstOrDefault(l => l.Ballots.Concurrency == 50);
        if (at50 is not null)
        {
            md.AppendLine("| target (at 50 voters) | measured | met |");
            md.AppendLine("|---|---:|:-:|");
            md.AppendLine(Row("≥ 500 ballots/s", $"{at50.Ballots.PerSecond:0}/s", at50.Ballots.PerSecond >= 500));
            md.AppendLine(Row("p99 ≤ 150 ms", $"{at50.Ballots.P99:0} ms", at50.Ballots.P99 <= 150));
            var ratio = at50.Ballots.PerSecond / at50.Floor.PerSecond;
            md.AppendLine(Row("ballots/s ≥ 40 % of the storage floor", $"{ratio:P0}", ratio >= 0.40));
            md.AppendLine(Row("RSS under load ≤ 300 MB", $"{memory.Hwm * 1.048576:0} MB", memory.Hwm * 1.048576 <= 300));
        }

        return md.ToString();
    }

    private static string Row(string target, string measured, bool met) => $"| {target} | {measured} | {(met ? "yes" : "**no**")} |";

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
