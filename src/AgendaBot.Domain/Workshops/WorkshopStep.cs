namespace AgendaBot.Domain.Workshops;

/// <summary>The six steps of a workshop, in the order of the town's method.</summary>
public enum WorkshopStep
{
    StatusQuo = 1,
    Problems = 2,
    BestPractice = 3,
    Goals = 4,
    ActionConcept = 5,
    TimeAndMeasuresPlan = 6,
}

public enum StepState
{
    /// <summary>Contributions are collected.</summary>
    Collecting,

    /// <summary>The moderator closed the step; its reflection is posted; nothing more is added.</summary>
    Closed,
}

/// <summary>What a contribution in each step is.</summary>
public enum ContributionKind
{
    Observation,
    Problem,
    BestPracticeExample,
    Goal,
    MeasureProposal,
    MeasurePlan,
}

public static class Steps
{
    public static ContributionKind KindOf(WorkshopStep step) => step switch
    {
        WorkshopStep.StatusQuo => ContributionKind.Observation,
        WorkshopStep.Problems => ContributionKind.Problem,
        WorkshopStep.BestPractice => ContributionKind.BestPracticeExample,
        WorkshopStep.Goals => ContributionKind.Goal,
        WorkshopStep.ActionConcept => ContributionKind.MeasureProposal,
        WorkshopStep.TimeAndMeasuresPlan => ContributionKind.MeasurePlan,
        _ => throw new ArgumentOutOfRangeException(nameof(step), step, "There are six steps."),
    };

    public static bool IsDefined(int step) => step is >= 1 and <= 6;
}
