namespace AgendaBot.Features;

/// <summary>The verbs of every card button the bot sends. Renaming one breaks buttons on cards already posted.</summary>
public static class CardVerbs
{
    public const string ShowHelp = "help.show";
    public const string ErasePersonalData = "personalData.erase";
    public const string CancelErasePersonalData = "personalData.eraseCancel";
    public const string CreateAgenda = "agenda.create";
    public const string OpenWorkshop = "workshop.open";
    public const string Register = "workshop.register";
    public const string RegistrationView = "workshop.registration.view";
    public const string AddContribution = "contribution.add";
    public const string SaveContributionPreview = "contribution.preview.save";
    public const string DiscardContributionPreview = "contribution.preview.discard";
    public const string CloseStep = "step.close";
    public const string AdvanceStep = "step.advance";
    public const string ReopenStep = "step.reopen";
    public const string StepView = "step.view";
    public const string SavePlan = "plan.save";
    public const string AddPlanRow = "plan.addRow";
    public const string StartVote = "vote.start";
    public const string CastVote = "vote.cast";
    public const string CloseVote = "vote.close";
    public const string VoteDetails = "vote.details";
    public const string BallotView = "vote.view";
    public const string SendDraft = "draft.send";
    public const string CommentOnDraft = "draft.comment";
    public const string ShowDraftComments = "draft.comments";
    public const string OpenMeasureUpdate = "measure.open";
    public const string UpdateMeasureStatus = "measure.update";
    public const string AskOwnersForUpdates = "measures.askOwners";
    public const string PublishAgendaToChannelFiles = "export.publish";
    public const string EndWorkshop = "workshop.end";
    public const string KeepWorkshop = "workshop.keep";
    public const string OpenConsultationForm = "consultation.form";
    public const string RecordConsultation = "consultation.record";
    public const string PublishAgenda = "agenda.publish";
    public const string CancelPublication = "agenda.publish.cancel";
    public const string SwitchLiveStatus = "agenda.live";
    public const string AcceptCitizenIdea = "citizenidea.accept";
    public const string RejectCitizenIdea = "citizenidea.reject";
    public const string StartFinalRound = "finalround.start";
    public const string CastFinalBallot = "finalround.vote";
    public const string CloseFinalRound = "finalround.close";
    public const string ApplyFinalOrder = "finalround.apply";
    public const string SaveBudgetPriorities = "plan.budget";
    public const string FinalisePlan = "plan.final";
    public const string OpenKickOff = "kickoff.open";
    public const string JoinKickOff = "kickoff.join";
    public const string AddKickOffIdea = "kickoff.idea";
    public const string AssignKickOffIdea = "kickoff.assign";
}
