using AgendaBot.Domain.Measures;
using AgendaBot.Domain.People;

namespace AgendaBot.Storage.Measures;

/// <summary>Which fields of a measure an edit changed, as history entries.</summary>
internal static class MeasureDiff
{
    /// <summary>The history field of an owner change; its before and after values are user ids, with their names beside them.</summary>
    public const string OwnerField = MeasureHistory.Owner;

    public static IReadOnlyList<MeasureChange> Between(Measure before, Measure after, TeamsUser by, DateTimeOffset at)
    {
        var changes = new List<MeasureChange>();
        void Compare(string field, string? a, string? b, string? aName = null, string? bName = null)
        {
            if (!string.Equals(a, b, StringComparison.Ordinal))
            {
                changes.Add(new MeasureChange(after.Id, by, at, field, a, b) { BeforeName = aName, AfterName = bName });
            }
        }

        Compare(MeasureHistory.Title, before.Title, after.Title);
        Compare(MeasureHistory.Description, before.Description, after.Description);
        Compare(OwnerField, before.Owner?.Id, after.Owner?.Id, NameOf(before.Owner), NameOf(after.Owner));
        Compare(MeasureHistory.Start, MeasureHistory.Write(before.Start), MeasureHistory.Write(after.Start));
        Compare(MeasureHistory.End, MeasureHistory.Write(before.End), MeasureHistory.Write(after.End));
        Compare(MeasureHistory.Status, MeasureHistory.Write(before.Status), MeasureHistory.Write(after.Status));
        Compare(MeasureHistory.Progress, MeasureHistory.Write(before.Progress), MeasureHistory.Write(after.Progress));
        Compare(MeasureHistory.Priority, MeasureHistory.Write(before.Priority), MeasureHistory.Write(after.Priority));
        Compare(MeasureHistory.NextBudgetYear, MeasureHistory.Write(before.NextBudgetYear), MeasureHistory.Write(after.NextBudgetYear));
        Compare(MeasureHistory.WorkPackages, MeasureHistory.Write(before.WorkPackages), MeasureHistory.Write(after.WorkPackages));
        Compare(MeasureHistory.Milestones, MeasureHistory.Write(before.Milestones), MeasureHistory.Write(after.Milestones));
        Compare(MeasureHistory.Indicators, MeasureHistory.Write(before.Indicators), MeasureHistory.Write(after.Indicators));
        return changes;
    }

    private static string? NameOf(TeamsUser? person) => string.IsNullOrEmpty(person?.Name) ? null : person.Name;
}
