using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using AgendaBot.Bot.Localization;
using AgendaBot.Bot.Routing;
using AgendaBot.Domain.Common;
using AgendaBot.Domain.Measures;
using AgendaBot.Domain.People;
using AgendaBot.Domain.Workshops;
using AgendaBot.Features.Contributions;
using AgendaBot.Features.Workshops;
using AgendaBot.Storage.Measures;
using AgendaBot.Storage.Workshops;

namespace AgendaBot.Features.Plan;

/// <summary>
/// "Maßnahme planen" in step 6: a measure of the action concept gets its owner, dates, work packages, milestones and
/// control indicators. It becomes a measure of the agenda's plan and a contribution on the pinboard.
/// </summary>
[Requires(WorkshopAction.Contribute)]
public sealed class SavePlan(WorkshopFinder finder, WorkshopRepository workshops, FinalRoundStore standings, MeasureRepository measures, PinboardPublisher pinboard, TimeProvider time,
    PlanSummaryPublisher summaries) : WorkshopCardHandler<PlanData>(finder)
{
    protected override async Task<CardActionResult> HandleAsync(TurnContext turn, PlanData input, WorkshopContext here,
        CancellationToken cancellationToken)
    {
        here.Value.EnsureAccepts(ContributionFactory.Step(input.Step));
        if (here.Value.CurrentStep != WorkshopStep.TimeAndMeasuresPlan)
        {
            throw new DomainException(DomainErrorCode.WrongStep, "plan");
        }

        var choices = await PlanChoices.LoadAsync(workshops, standings, turn.Tenant, here.Value, cancellationToken);
        var proposal = int.TryParse(input.Measure, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
            ? choices.Proposals.FirstOrDefault(c => c.Number == number) ?? throw new DomainException(DomainErrorCode.InvalidValue, "measure")
            : null;
        var title = string.IsNullOrWhiteSpace(input.Title) ? Shorten(proposal?.Text) : input.Title;
        if (string.IsNullOrWhiteSpace(title))
        {
            throw new DomainException(new InputProblem.MeasureWithoutTitle());
        }

        // A final plan changes only with a reason, which the measure's history keeps with who gave it.
        var reason = choices.PlanIsFinal
            ? string.IsNullOrWhiteSpace(input.ChangeReason) ? null : TextLimits.Required(input.ChangeReason, TextLimits.Comment, "reason")
            : null;
        if (choices.PlanIsFinal && reason is null)
        {
            return new CardActionResult.Message(turn.Texts[TextKey.PlanChangeReasonMissing]);
        }

        var owner = choices.People.FirstOrDefault(p => p.User.Id == input.Owner)?.User
            ?? throw new DomainException(new InputProblem.OwnerNotRegistered());
        var now = time.GetUtcNow();
        var measure = new Measure
        {
            Id = IdFrom(turn.Activity.Id ?? Guid.NewGuid().ToString("N")),
            AgendaId = here.Value.AgendaId,
            Title = title,
            Description = proposal?.Text,
            Owner = owner,
            Start = PlanReading.Start(input),
            End = PlanReading.End(input),
            WorkPackages = PlanReading.WorkPackages(input),
            Milestones = PlanReading.Milestones(input),
            Indicators = PlanReading.Indicators(input),
            Priority = proposal?.Priority,
            NextBudgetYear = input.BudgetYear,
            SourceWorkshopId = here.Value.Id,
            SourceContribution = proposal?.Number,
        }.Validated();

        var texts = SharedTexts.For(here.Value);
        var summary = texts.Format(TextKey.PlanSummaryLine, measure.Title, owner.Name, Show(measure.Start), Show(measure.End),
            measure.WorkPackages.Count, measure.Milestones.Count, measure.Indicators.Count);
        // The contribution carries the activity marker; the measure id is derived from the activity, so a second
        // delivery neither adds a contribution nor a second measure.
        var outcome = await workshops.AddContributionAsync(turn.Tenant, here.Value.Id, turn.Activity.Id ?? measure.Id,
            (workshop, next) =>
            {
                workshop.EnsureAccepts(WorkshopStep.TimeAndMeasuresPlan);
                return Contribution.Create(workshop.Id, next, WorkshopStep.TimeAndMeasuresPlan, turn.User, summary, now) with { Mentioned = owner };
            }, cancellationToken);
        if (await measures.GetAsync(turn.Tenant, measure.AgendaId, measure.Id, cancellationToken) is null)
        {
            await measures.CreateAsync(turn.Tenant, measure, turn.User, now, reason, cancellationToken);
        }

        if (!outcome.WasDuplicate)
        {
            await pinboard.RefreshAsync(turn, here.Value.Id, cancellationToken);
            await summaries.RefreshAsync(turn.Tenant, measure.AgendaId, turn.Activity.ServiceUrl!, cancellationToken);
        }

        return new CardActionResult.Message(turn.Texts.Format(TextKey.PlanSaved, measure.Title, outcome.Contribution.Number));
    }

    private static string? Shorten(string? text) =>
        text is null ? null : text.Length <= TextLimits.Title ? text : text[..(TextLimits.Title - 1)] + "…";

    private static string Show(DateOnly? date) => date?.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture) ?? "–";

    private static string IdFrom(string activityId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(activityId)))[..20];
}
