using System.Globalization;
using AgendaBot.Bot.Cards;
using AgendaBot.Bot.Localization;
using AgendaBot.Domain.Common;
using AgendaBot.Protocol.Cards;

namespace AgendaBot.Features.Plan;

/// <summary>
/// The lists of the plan form as rows of labelled inputs, each list with its "Weitere Zeile" button. <paramref name="rows"/>
/// in each function says how many rows each list shows, and is what the buttons carry.
/// </summary>
internal static class PlanRows
{
    public static IEnumerable<CardElement> WorkPackages(PlanData rows, IReadOnlyList<WorkPackageRow> typed, Texts texts)
    {
        yield return Heading(texts[TextKey.PlanWorkPackages]);
        for (var i = 0; i < rows.WorkPackageRows; i++)
        {
            yield return new TextInput
            {
                Id = CardInput.Row<WorkPackageRow>(i, nameof(WorkPackageRow.Title)), Label = texts.Format(TextKey.PlanWorkPackage, i + 1),
                MaxLength = TextLimits.ShortText, Value = typed.ElementAtOrDefault(i)?.Title,
                Placeholder = i == 0 ? texts[TextKey.PlanWorkPackageExample] : null,
            };
        }

        if (AddButton(rows, rows.WorkPackageRows, PlanList.WorkPackages, texts[TextKey.PlanAddWorkPackage]) is { } more)
        {
            yield return more;
        }
    }

    public static IEnumerable<CardElement> Milestones(PlanData rows, IReadOnlyList<MilestoneRow> typed, Texts texts)
    {
        yield return Heading(texts[TextKey.PlanMilestones]);
        for (var i = 0; i < rows.MilestoneRows; i++)
        {
            var row = typed.ElementAtOrDefault(i);
            yield return new ColumnSet(
            [
                new Column([new DateInput { Id = CardInput.Row<MilestoneRow>(i, nameof(MilestoneRow.Date)), Label = texts[TextKey.PlanMilestoneDate], Value = PlanForm.DateValue(row?.Date) }])
                {
                    Width = ColumnWidth.Weighted(2),
                },
                new Column([new TextInput
                {
                    Id = CardInput.Row<MilestoneRow>(i, nameof(MilestoneRow.Title)), Label = texts.Format(TextKey.PlanMilestoneTitle, i + 1), MaxLength = TextLimits.ShortText,
                    Value = row?.Title, Placeholder = i == 0 ? texts[TextKey.PlanMilestoneExample] : null,
                }])
                {
                    Width = ColumnWidth.Weighted(3),
                },
            ]);
        }

        if (AddButton(rows, rows.MilestoneRows, PlanList.Milestones, texts[TextKey.PlanAddMilestone]) is { } more)
        {
            yield return more;
        }
    }

    public static IEnumerable<CardElement> Indicators(PlanData rows, IReadOnlyList<IndicatorRow> typed, Texts texts)
    {
        yield return Heading(texts[TextKey.PlanIndicators]);
        for (var i = 0; i < rows.IndicatorRows; i++)
        {
            var row = typed.ElementAtOrDefault(i);
            yield return new Container(
            [
                new TextInput
                {
                    Id = CardInput.Row<IndicatorRow>(i, nameof(IndicatorRow.Name)), Label = texts.Format(TextKey.PlanIndicatorName, i + 1), MaxLength = TextLimits.ShortText,
                    Value = row?.Name, Placeholder = i == 0 ? texts[TextKey.PlanIndicatorExample] : null,
                },
                new ColumnSet(
                [
                    new Column([new TextInput
                    {
                        Id = CardInput.Row<IndicatorRow>(i, nameof(IndicatorRow.Unit)), Label = texts[TextKey.PlanIndicatorUnit], MaxLength = 40, Value = row?.Unit,
                        Placeholder = i == 0 ? texts[TextKey.PlanUnitExample] : null,
                    }]) { Width = ColumnWidth.Stretch },
                    new Column([new NumberInput { Id = CardInput.Row<IndicatorRow>(i, nameof(IndicatorRow.Baseline)), Label = texts[TextKey.PlanIndicatorBaseline], Value = Number(row?.Baseline) }])
                    {
                        Width = ColumnWidth.Stretch,
                    },
                    new Column([new NumberInput { Id = CardInput.Row<IndicatorRow>(i, nameof(IndicatorRow.Target)), Label = texts[TextKey.PlanIndicatorTarget], Value = Number(row?.Target) }])
                    {
                        Width = ColumnWidth.Stretch,
                    },
                ]) { Spacing = ElementSpacing.Small },
            ]) { Separator = i > 0 };
        }

        if (AddButton(rows, rows.IndicatorRows, PlanList.Indicators, texts[TextKey.PlanAddIndicator]) is { } more)
        {
            yield return more;
        }
    }

    /// <summary>A number as typed ("12,5" or "12.5"), for a number input to show again; null when it is none.</summary>
    public static double? Number(string? typed) =>
        double.TryParse(typed?.Trim().Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) ? value : null;

    private static TextBlock Heading(string text) =>
        new(text) { Weight = TextWeight.Bolder, Spacing = ElementSpacing.Medium };

    private static ActionSet? AddButton(PlanData rows, int shown, PlanList list, string title) =>
        shown >= PlanForm.CardRows
            ? null
            : new ActionSet([ExecuteAction.WithSubmitFallback(title, CardVerbs.AddPlanRow,
                CardPayload.Write(rows with { AddRowTo = list }, PlanCardJson.Default.PlanData))]);
}
