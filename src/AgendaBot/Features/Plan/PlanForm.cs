using System.Globalization;
using AgendaBot.Bot.Cards;
using AgendaBot.Bot.Localization;
using AgendaBot.Domain.Common;
using AgendaBot.Domain.Measures;
using AgendaBot.Domain.People;
using AgendaBot.Domain.Workshops;
using AgendaBot.Protocol.Cards;
using AgendaBot.Storage.Workshops;

namespace AgendaBot.Features.Plan;

/// <summary>What the step-6 form offers: the measures proposed in step 5 and the registered people who can own one.</summary>
// Seam: the step card and step transitions offer the plan form in step 6.
[Seam]
public sealed record PlanChoices(IReadOnlyList<Contribution> Proposals, IReadOnlyList<Participant> People)
{
    public static PlanChoices None { get; } = new([], []);

    public static async Task<PlanChoices> LoadAsync(WorkshopRepository workshops, Storage.TenantScope tenant, Workshop workshop,
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
        return new PlanChoices(proposals, people);
    }
}

/// <summary>The time-and-measures plan form of step 6, and how its lines become a measure.</summary>
// Seam: the step card of step 6 is the plan form.
[Seam]
public static class PlanForm
{
    public static IEnumerable<CardElement> Inputs(PlanChoices plan, Texts texts)
    {
        if (plan.Proposals.Count > 0)
        {
            yield return new ChoiceSetInput(plan.Proposals.Select(c => new Choice(Voting.VotingSetupCard.Label(c), c.Number.ToString(CultureInfo.InvariantCulture))).ToList())
            {
                Id = CardInput.Id<PlanData>(nameof(PlanData.Measure)), Label = texts[TextKey.PlanMeasure], Style = ChoiceSetStyle.Compact, Placeholder = "–",
            };
        }

        yield return new TextInput { Id = CardInput.Id<PlanData>(nameof(PlanData.Title)), Label = texts[TextKey.PlanTitle], MaxLength = TextLimits.Title };
        if (plan.People.Count > 0)
        {
            yield return new ChoiceSetInput(plan.People.Select(p => new Choice(p.User.Name, p.User.Id)).ToList())
            {
                Id = CardInput.Id<PlanData>(nameof(PlanData.Owner)), Label = texts[TextKey.PlanOwner], Style = ChoiceSetStyle.Compact, IsRequired = true, ErrorMessage = texts[TextKey.FormRequired],
            };
        }

        yield return new DateInput { Id = CardInput.Id<PlanData>(nameof(PlanData.Start)), Label = texts[TextKey.PlanStart] };
        yield return new DateInput { Id = CardInput.Id<PlanData>(nameof(PlanData.End)), Label = texts[TextKey.PlanEnd] };
        yield return new TextInput { Id = CardInput.Id<PlanData>(nameof(PlanData.WorkPackages)), Label = texts[TextKey.PlanWorkPackages], IsMultiline = true, MaxLength = 3000 };
        yield return new TextInput { Id = CardInput.Id<PlanData>(nameof(PlanData.Milestones)), Label = texts[TextKey.PlanMilestones], IsMultiline = true, MaxLength = 3000, Placeholder = "2027-03-31 Ausschreibung" };
        yield return new TextInput { Id = CardInput.Id<PlanData>(nameof(PlanData.Indicators)), Label = texts[TextKey.PlanIndicators], IsMultiline = true, MaxLength = 3000, Placeholder = "Online-Anträge; Prozent; 10; 60" };
        yield return new ToggleInput(texts[TextKey.PlanBudgetYear]) { Id = CardInput.Id<PlanData>(nameof(PlanData.BudgetYear)), Value = "false", ValueOn = "true", ValueOff = "false" };
    }

    public static IReadOnlyList<string> Lines(string? text) =>
        (text ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static DateOnly? Date(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null
        : DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
        : throw new DomainException(DomainErrorCode.InvalidValue, "date");

    public static Milestone Milestone(string line)
    {
        var parts = line.Split(' ', 2, StringSplitOptions.TrimEntries);
        return parts.Length == 2 && Date(parts[0]) is { } due
            ? new Milestone(parts[1], due)
            : throw new DomainException(DomainErrorCode.InvalidValue, "milestone");
    }

    public static Indicator Indicator(string line)
    {
        var parts = line.Split(';', StringSplitOptions.TrimEntries);
        if (parts.Length != 4 || !double.TryParse(parts[3].Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var target))
        {
            throw new DomainException(DomainErrorCode.InvalidValue, "indicator");
        }

        double? baseline = double.TryParse(parts[2].Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var b) ? b : null;
        return new Indicator(parts[0], parts[1].Length == 0 ? null : parts[1], baseline, target);
    }
}
