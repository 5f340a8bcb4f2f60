using System.Globalization;
using AgendaBot.Bot.Cards;
using AgendaBot.Bot.Localization;
using AgendaBot.Domain.Common;
using AgendaBot.Domain.Measures;
using AgendaBot.Domain.People;
using AgendaBot.Domain.Workshops;
using AgendaBot.Protocol.Cards;
using AgendaBot.Storage.Measures;
using AgendaBot.Storage.Workshops;

namespace AgendaBot.Features.Plan;

/// <summary>What the step-6 form offers: the measures proposed in step 5 and the registered people who can own one.</summary>
// Seam: the step card and step transitions offer the plan form in step 6.
[Seam]
public sealed record PlanChoices(IReadOnlyList<Contribution> Proposals, IReadOnlyList<Participant> People)
{
    public static PlanChoices None { get; } = new([], []);

    /// <summary>The agenda's plan is final: a new measure asks for the reason of the change.</summary>
    public bool PlanIsFinal { get; init; }

    public static async Task<PlanChoices> LoadAsync(WorkshopRepository workshops, FinalRoundStore standings, Storage.TenantScope tenant, Workshop workshop,
        CancellationToken cancellationToken)
    {
        if (workshop.CurrentStep != WorkshopStep.TimeAndMeasuresPlan)
        {
            return None;
        }

        var proposals = (await workshops.GetContributionsAsync(tenant, workshop.Id, cancellationToken))
            .Where(c => c.Step == WorkshopStep.ActionConcept && !c.Hidden)
            .OrderBy(c => c.Priority ?? int.MaxValue).ThenBy(c => c.Number).ToList();
        var people = (await workshops.GetParticipantsAsync(tenant, workshop.Id, cancellationToken)).Where(p => !p.Waitlisted).ToList();
        return new PlanChoices(proposals, people) { PlanIsFinal = (await standings.GetStandingAsync(tenant, workshop.AgendaId, cancellationToken)).IsFinal };
    }
}

/// <summary>
/// The time-and-measures plan form of step 6: dates from a calendar, and the lists as rows of labelled inputs. A list
/// grows by a "Weitere Zeile" button, which redraws the form (for the clicker) one row longer with what was typed.
/// </summary>
// Seam: the step card of step 6 is the plan form.
[Seam]
public static class PlanForm
{
    /// <summary>Rows per list a card shows at most: more would make the card too big for Teams (and for reading).</summary>
    public const int CardRows = 10;

    private const int FirstWorkPackageRows = 2;
    private const int FirstMilestoneRows = 2;
    private const int FirstIndicatorRows = 1;

    /// <param name="typed">What the person typed, when the form is redrawn (one row more, see <see cref="PlanData.AddRowTo"/>).</param>
    public static IEnumerable<CardElement> Inputs(Workshop workshop, PlanChoices plan, Texts texts, PlanData? typed = null)
    {
        IReadOnlyList<WorkPackageRow> workPackages = typed?.WorkPackageList() ?? [];
        IReadOnlyList<MilestoneRow> milestones = typed?.MilestoneList() ?? [];
        IReadOnlyList<IndicatorRow> indicators = typed?.IndicatorList() ?? [];
        var rows = new PlanData(workshop.Id, (int)workshop.CurrentStep)
        {
            WorkPackageRows = RowCount(Math.Max(typed?.WorkPackageRows ?? 0, workPackages.Count), FirstWorkPackageRows, typed?.AddRowTo == PlanList.WorkPackages),
            MilestoneRows = RowCount(Math.Max(typed?.MilestoneRows ?? 0, milestones.Count), FirstMilestoneRows, typed?.AddRowTo == PlanList.Milestones),
            IndicatorRows = RowCount(Math.Max(typed?.IndicatorRows ?? 0, indicators.Count), FirstIndicatorRows, typed?.AddRowTo == PlanList.Indicators),
        };
        if (plan.Proposals.Count > 0)
        {
            var measure = plan.Proposals.Select(c => c.Number.ToString(CultureInfo.InvariantCulture)).FirstOrDefault(n => n == typed?.Measure);
            yield return new ChoiceSetInput(plan.Proposals.Select(c => new Choice(Voting.VotingSetupCard.Label(c), c.Number.ToString(CultureInfo.InvariantCulture))).ToList())
            {
                Id = CardInput.Id<PlanData>(nameof(PlanData.Measure)), Label = texts[TextKey.PlanMeasure], Style = ChoiceSetStyle.Compact, Placeholder = "–", Value = measure,
            };
        }

        yield return new TextInput { Id = CardInput.Id<PlanData>(nameof(PlanData.Title)), Label = texts[TextKey.PlanTitle], MaxLength = TextLimits.Title, Value = typed?.Title };
        if (plan.People.Count > 0)
        {
            // Not required on the card: the card would then refuse "Weitere Zeile" until an owner is chosen. The server
            // asks for the owner by name instead.
            yield return new ChoiceSetInput(plan.People.Select(p => new Choice(p.User.Name, p.User.Id)).ToList())
            {
                Id = CardInput.Id<PlanData>(nameof(PlanData.Owner)), Label = texts[TextKey.PlanOwner], Style = ChoiceSetStyle.Compact,
                Value = plan.People.Any(p => p.User.Id == typed?.Owner) ? typed?.Owner : null,
            };
        }

        yield return new ColumnSet(
        [
            new Column([new DateInput { Id = CardInput.Id<PlanData>(nameof(PlanData.Start)), Label = texts[TextKey.PlanStart], Value = DateValue(typed?.Start) }]) { Width = ColumnWidth.Stretch },
            new Column([new DateInput { Id = CardInput.Id<PlanData>(nameof(PlanData.End)), Label = texts[TextKey.PlanEnd], Value = DateValue(typed?.End) }]) { Width = ColumnWidth.Stretch },
        ]);

        foreach (var element in PlanRows.WorkPackages(rows, workPackages, texts))
        {
            yield return element;
        }

        foreach (var element in PlanRows.Milestones(rows, milestones, texts))
        {
            yield return element;
        }

        foreach (var element in PlanRows.Indicators(rows, indicators, texts))
        {
            yield return element;
        }

        yield return new ToggleInput(texts[TextKey.PlanBudgetYear])
        {
            Id = CardInput.Id<PlanData>(nameof(PlanData.BudgetYear)), Value = typed?.BudgetYear == true ? "true" : "false", ValueOn = "true", ValueOff = "false",
            Spacing = ElementSpacing.Medium,
        };
        if (plan.PlanIsFinal)
        {
            yield return new TextInput
            {
                Id = CardInput.Id<PlanData>(nameof(PlanData.ChangeReason)), Label = texts[TextKey.PlanChangeReason], Value = typed?.ChangeReason,
                IsMultiline = true, MaxLength = TextLimits.Comment, IsRequired = true, ErrorMessage = texts[TextKey.PlanChangeReasonMissing],
            };
        }
    }

    /// <summary>A date input's value: only what a date picker can show (yyyy-MM-dd).</summary>
    internal static string? DateValue(string? typed) =>
        DateOnly.TryParseExact(typed?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) ? typed!.Trim() : null;

    private static int RowCount(int shown, int first, bool addOne) =>
        Math.Min(CardRows, Math.Max(shown, first) + (addOne ? 1 : 0));
}
