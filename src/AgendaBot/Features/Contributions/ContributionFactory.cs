using System.Globalization;
using AgendaBot.Bot.Cards;
using AgendaBot.Domain.Common;
using AgendaBot.Domain.People;
using AgendaBot.Domain.Workshops;

namespace AgendaBot.Features.Contributions;

/// <summary>Builds a step's contribution from a card form or a chat text, checked against the workshop as stored.</summary>
// Seam: closing and reopening a step carries contributions over.
[Seam]
public static class ContributionFactory
{
    public static Func<Workshop, int, Contribution> FromCard(ContributionData input, TeamsUser author, DateTimeOffset now) =>
        (workshop, number) =>
        {
            var step = Step(input.Step);
            workshop.EnsureAccepts(step);
            return Contribution.Create(workshop.Id, number, step, author, input.Text ?? string.Empty, now,
                bestPractice: step == WorkshopStep.BestPractice && !string.IsNullOrWhiteSpace(input.ExampleName)
                    ? new BestPracticeDetails(input.ExampleName, input.ExamplePlace, input.ExampleLink)
                    : null,
                goal: step == WorkshopStep.Goals
                    ? new GoalAssessment(input.Desirable, input.Necessary, input.Feasible)
                    : null,
                linkedGoals: step == WorkshopStep.ActionConcept ? Numbers(input.LinkedGoals) : null);
        };

    /// <summary>A chat text goes to whatever step the workshop is in when it arrives.</summary>
    public static Func<Workshop, int, Contribution> FromChat(string text, TeamsUser author, DateTimeOffset now) =>
        (workshop, number) =>
        {
            workshop.EnsureAccepts(workshop.CurrentStep);
            return Contribution.Create(workshop.Id, number, workshop.CurrentStep, author, text, now);
        };

    /// <summary>A chat text the person confirmed for the step their preview named: refused if the workshop moved on since.</summary>
    public static Func<Workshop, int, Contribution> FromPreview(string text, WorkshopStep step, TeamsUser author, DateTimeOffset now) =>
        (workshop, number) =>
        {
            workshop.EnsureAccepts(step);
            return Contribution.Create(workshop.Id, number, step, author, text, now);
        };

    public static WorkshopStep Step(int step) =>
        Steps.IsDefined(step) ? (WorkshopStep)step : throw new DomainException(DomainErrorCode.WrongStep, "step");

    private static List<int> Numbers(string? text) =>
        (text ?? string.Empty).Split([',', ';', ' ', '#'], StringSplitOptions.RemoveEmptyEntries)
            .Select(part => int.TryParse(part, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0
                ? n
                : throw new DomainException(DomainErrorCode.InvalidValue, "goal numbers"))
            .Distinct()
            .ToList();
}
