namespace AgendaBot.Domain.People;

public enum Role
{
    Participant,
    Moderator,
    ProjectLead,
}

/// <summary>Stakeholder groups of the Akteursanalyse, from the town's proposal.</summary>
public enum StakeholderGroup
{
    PublicAdministration,
    ChambersAndAssociations,
    Universities,
    BestPracticeProjects,
    Companies,
    Citizens,
}

/// <summary>Everything a person can try to do; <see cref="Permissions"/> says who may.</summary>
public enum WorkshopAction
{
    Contribute,
    EditOwnContribution,
    EditAnyContribution,
    HideContribution,
    MergeContributions,
    PromoteContribution,
    CloseStep,
    AdvanceStep,
    StartVotingRound,
    CloseVotingRound,
    Vote,
    ManageMeasures,
    PublishPlan,
    Comment,

    /// <summary>Download the agenda's document and the contributions and ballots (names) as CSV.</summary>
    ExportAgenda,

    /// <summary>End the workshop, so that its channel can host the next one.</summary>
    EndWorkshop,
}

public static class Permissions
{
    private static readonly HashSet<WorkshopAction> ParticipantActions =
        [WorkshopAction.Contribute, WorkshopAction.EditOwnContribution, WorkshopAction.Vote, WorkshopAction.Comment];

    private static readonly HashSet<WorkshopAction> ModeratorOnly =
    [
        WorkshopAction.EditAnyContribution, WorkshopAction.HideContribution, WorkshopAction.MergeContributions,
        WorkshopAction.PromoteContribution, WorkshopAction.CloseStep, WorkshopAction.AdvanceStep,
        WorkshopAction.StartVotingRound, WorkshopAction.CloseVotingRound, WorkshopAction.ExportAgenda,
        WorkshopAction.EndWorkshop,
    ];

    // Closing a round, exporting, commenting the agenda's draft and the measures go on after a workshop ended.
    private static readonly HashSet<WorkshopAction> OnlyWhileRunning =
    [
        WorkshopAction.Contribute, WorkshopAction.EditOwnContribution, WorkshopAction.EditAnyContribution, WorkshopAction.HideContribution,
        WorkshopAction.MergeContributions, WorkshopAction.PromoteContribution, WorkshopAction.CloseStep, WorkshopAction.AdvanceStep,
        WorkshopAction.StartVotingRound, WorkshopAction.Vote,
    ];

    /// <summary>Whether the action changes the workshop itself, and so is refused once it has ended.</summary>
    public static bool NeedsRunningWorkshop(WorkshopAction action) => OnlyWhileRunning.Contains(action);

    private static readonly HashSet<WorkshopAction> ProjectLeadOnly = [WorkshopAction.ManageMeasures, WorkshopAction.PublishPlan];

    /// <summary>The project lead may do everything a moderator may; a moderator may also take part.</summary>
    public static bool Allows(Role role, WorkshopAction action) => role switch
    {
        Role.ProjectLead => true,
        Role.Moderator => ParticipantActions.Contains(action) || ModeratorOnly.Contains(action),
        Role.Participant => ParticipantActions.Contains(action),
        _ => false,
    };
}
