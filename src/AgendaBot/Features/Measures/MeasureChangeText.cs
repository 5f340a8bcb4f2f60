using AgendaBot.Bot.Localization;
using AgendaBot.Domain.Measures;
using AgendaBot.Domain.People;
using AgendaBot.Storage.Measures;

namespace AgendaBot.Features.Measures;

/// <summary>
/// One history entry as municipal staff read it: "Status: geplant → in Arbeit", "Fortschritt: 40 % → 60 %",
/// "Meilenstein „Ausschreibung“ erreicht". Status names, dates and numbers read as on the other measure cards; what the
/// storage keeps (enum names, ISO dates, JSON lists, user ids) never shows.
/// </summary>
public static class MeasureChangeText
{
    private const string Separator = "; ";

    /// <param name="people">
    /// Whom the reader may know by name (owners, who made changes): an owner change stores user ids, and its rows from
    /// before names were kept beside them are named from here.
    /// </param>
    public static string Describe(MeasureChange change, IReadOnlyList<TeamsUser> people, Texts texts) => change.Field switch
    {
        MeasureHistory.Created => texts[TextKey.WeeklyChangeCreated],
        MeasureHistory.Title => texts.Format(TextKey.WeeklyChangeTitle, change.Before ?? "–", change.After ?? "–"),
        MeasureHistory.Description => texts[TextKey.WeeklyChangeDescription],
        MeasureHistory.Owner => texts.Format(TextKey.WeeklyChangeOwner,
            Person(change.Before, change.BeforeName, people, texts), Person(change.After, change.AfterName, people, texts)),
        MeasureHistory.Start => FromTo(TextKey.WeeklyChangeStart, change, v => MeasureTexts.Date(MeasureHistory.ReadDate(v), texts), texts),
        MeasureHistory.End => FromTo(TextKey.WeeklyChangeEnd, change, v => MeasureTexts.Date(MeasureHistory.ReadDate(v), texts), texts),
        MeasureHistory.Status => FromTo(TextKey.WeeklyChangeStatus, change,
            v => MeasureHistory.ReadStatus(v) is { } status ? MeasureTexts.Status(status, texts) : "–", texts),
        MeasureHistory.Progress => FromTo(TextKey.WeeklyChangeProgress, change, v => Number(MeasureHistory.ReadNumber(v), texts), texts),
        MeasureHistory.Priority => FromTo(TextKey.WeeklyChangePriority, change, v => Number(MeasureHistory.ReadNumber(v), texts), texts),
        MeasureHistory.NextBudgetYear => texts[MeasureHistory.ReadFlag(change.After) == true ? TextKey.WeeklyChangeBudgetYearOn : TextKey.WeeklyChangeBudgetYearOff],
        MeasureHistory.WorkPackages => WorkPackages(change, texts),
        MeasureHistory.Milestones => Milestones(change, texts),
        MeasureHistory.Indicators => Indicators(change, texts),
        MeasureHistory.Reason => texts.Format(TextKey.WeeklyChangeReason, change.After ?? "–"),
        _ => texts[TextKey.WeeklyChangeSomething],
    };

    private static string FromTo(string key, MeasureChange change, Func<string?, string> read, Texts texts) =>
        texts.Format(key, read(change.Before), read(change.After));

    private static string Number(int? value, Texts texts) => value is { } v ? MeasureTexts.Number(v, texts) : "–";

    /// <summary>Who made the change; an erased person has neither id nor name left.</summary>
    public static string ChangedBy(MeasureChange change, Texts texts) =>
        change.ChangedBy.Name is { Length: > 0 } name ? name : texts[TextKey.WeeklyChangeSomeoneElse];

    // The name stored with the change is the one the person had then. A row without one (written before names were kept)
    // falls back to whom the card knows; an erased person (the anonymous id) is known to nobody.
    private static string Person(string? id, string? storedName, IReadOnlyList<TeamsUser> people, Texts texts) =>
        id is null ? "–"
        : storedName is { Length: > 0 } ? storedName
        : people.FirstOrDefault(p => p.Id == id && p.Name.Length > 0)?.Name ?? texts[TextKey.WeeklyChangeSomeoneElse];

    private static string WorkPackages(MeasureChange change, Texts texts)
    {
        if (MeasureHistory.ReadWorkPackages(change.Before) is not { } before || MeasureHistory.ReadWorkPackages(change.After) is not { } after)
        {
            return texts.Format(TextKey.WeeklyChangeEdited, texts[TextKey.WeeklyChangeWorkPackages]);
        }

        return Joined(
            after.Except(before).Select(w => texts.Format(TextKey.WeeklyChangeWorkPackageAdded, w))
                .Concat(before.Except(after).Select(w => texts.Format(TextKey.WeeklyChangeWorkPackageRemoved, w))),
            TextKey.WeeklyChangeWorkPackages, texts);
    }

    /// <summary>Milestones are matched by title: a new date is a move, a new title a new milestone.</summary>
    private static string Milestones(MeasureChange change, Texts texts)
    {
        if (MeasureHistory.ReadMilestones(change.Before) is not { } before || MeasureHistory.ReadMilestones(change.After) is not { } after)
        {
            return texts.Format(TextKey.WeeklyChangeEdited, texts[TextKey.WeeklyChangeMilestones]);
        }

        var parts = new List<string>();
        foreach (var milestone in after)
        {
            var was = before.FirstOrDefault(b => b.Title == milestone.Title);
            if (was is null)
            {
                parts.Add(texts.Format(TextKey.WeeklyChangeMilestoneAdded, milestone.Title, MeasureTexts.Date(milestone.Due, texts)));
                continue;
            }

            if (was.Due != milestone.Due)
            {
                parts.Add(texts.Format(TextKey.WeeklyChangeMilestoneMoved, milestone.Title, MeasureTexts.Date(was.Due, texts), MeasureTexts.Date(milestone.Due, texts)));
            }

            if (was.Done != milestone.Done)
            {
                parts.Add(texts.Format(milestone.Done ? TextKey.WeeklyChangeMilestoneDone : TextKey.WeeklyChangeMilestoneReopened, milestone.Title));
            }
        }

        parts.AddRange(before.Where(b => after.All(a => a.Title != b.Title)).Select(b => texts.Format(TextKey.WeeklyChangeMilestoneRemoved, b.Title)));
        return Joined(parts, TextKey.WeeklyChangeMilestones, texts);
    }

    /// <summary>Indicators are matched by name; an owner's report changes their current values.</summary>
    private static string Indicators(MeasureChange change, Texts texts)
    {
        if (MeasureHistory.ReadIndicators(change.Before) is not { } before || MeasureHistory.ReadIndicators(change.After) is not { } after)
        {
            return texts.Format(TextKey.WeeklyChangeEdited, texts[TextKey.WeeklyChangeIndicators]);
        }

        var parts = new List<string>();
        foreach (var indicator in after)
        {
            var was = before.FirstOrDefault(b => b.Name == indicator.Name);
            if (was is null)
            {
                parts.Add(texts.Format(TextKey.WeeklyChangeIndicatorAdded, indicator.Name, Value(indicator.Target, indicator, texts)));
                continue;
            }

            if (was.Current != indicator.Current)
            {
                parts.Add(texts.Format(TextKey.WeeklyChangeIndicatorValue, indicator.Name, Value(was.Current, was, texts), Value(indicator.Current, indicator, texts)));
            }

            if (was.Target != indicator.Target)
            {
                parts.Add(texts.Format(TextKey.WeeklyChangeIndicatorTarget, indicator.Name, Value(was.Target, was, texts), Value(indicator.Target, indicator, texts)));
            }

            if (was.Baseline != indicator.Baseline || was.Unit != indicator.Unit)
            {
                parts.Add(texts.Format(TextKey.WeeklyChangeIndicatorEdited, indicator.Name));
            }
        }

        parts.AddRange(before.Where(b => after.All(a => a.Name != b.Name)).Select(b => texts.Format(TextKey.WeeklyChangeIndicatorRemoved, b.Name)));
        return Joined(parts, TextKey.WeeklyChangeIndicators, texts);
    }

    private static string Value(double? value, Indicator indicator, Texts texts) =>
        value is null ? "–" : string.IsNullOrEmpty(indicator.Unit) ? MeasureTexts.Number(value, texts) : $"{MeasureTexts.Number(value, texts)} {indicator.Unit}";

    // Only the order changed (or nothing the lines above name): still a change, said without detail.
    private static string Joined(IEnumerable<string> parts, string listKey, Texts texts) =>
        string.Join(Separator, parts) is { Length: > 0 } joined ? joined : texts.Format(TextKey.WeeklyChangeEdited, texts[listKey]);
}
