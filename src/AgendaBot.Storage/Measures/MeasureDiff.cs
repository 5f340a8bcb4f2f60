using System.Globalization;
using System.Text.Json;
using AgendaBot.Domain.Measures;
using AgendaBot.Domain.People;

namespace AgendaBot.Storage.Measures;

/// <summary>Which fields of a measure an edit changed, as history entries.</summary>
internal static class MeasureDiff
{
    /// <summary>The history field of an owner change; its before and after values are user ids.</summary>
    public const string OwnerField = "owner";

    public static IReadOnlyList<MeasureChange> Between(Measure before, Measure after, TeamsUser by, DateTimeOffset at)
    {
        var changes = new List<MeasureChange>();
        void Compare(string field, string? a, string? b)
        {
            if (!string.Equals(a, b, StringComparison.Ordinal))
            {
                changes.Add(new MeasureChange(after.Id, by, at, field, a, b));
            }
        }

        Compare("title", before.Title, after.Title);
        Compare("description", before.Description, after.Description);
        Compare(OwnerField, before.Owner?.Id, after.Owner?.Id);
        Compare("start", Date(before.Start), Date(after.Start));
        Compare("end", Date(before.End), Date(after.End));
        Compare("status", before.Status.ToString(), after.Status.ToString());
        Compare("progress", Num(before.Progress), Num(after.Progress));
        Compare("priority", Num(before.Priority), Num(after.Priority));
        Compare("nextBudgetYear", before.NextBudgetYear.ToString(), after.NextBudgetYear.ToString());
        Compare("workPackages", Json(before.WorkPackages.ToList()), Json(after.WorkPackages.ToList()));
        Compare("milestones", JsonSerializer.Serialize(before.Milestones.ToList(), StorageJson.Default.ListMilestone),
            JsonSerializer.Serialize(after.Milestones.ToList(), StorageJson.Default.ListMilestone));
        Compare("indicators", JsonSerializer.Serialize(before.Indicators.ToList(), StorageJson.Default.ListIndicator),
            JsonSerializer.Serialize(after.Indicators.ToList(), StorageJson.Default.ListIndicator));
        return changes;
    }

    private static string? Date(DateOnly? d) => d?.ToString("O", CultureInfo.InvariantCulture);

    private static string? Num(int? n) => n?.ToString(CultureInfo.InvariantCulture);

    private static string Json(List<string> items) => JsonSerializer.Serialize(items, StorageJson.Default.ListString);
}
