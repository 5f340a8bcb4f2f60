using AgendaBot.Bot.Routing;
using AgendaBot.Features.Agendas;
using AgendaBot.Features.CitizenIdeas;
using AgendaBot.Features.Comments;
using AgendaBot.Features.Consultations;
using AgendaBot.Features.Contributions;
using AgendaBot.Features.Conversations;
using AgendaBot.Features.Export;
using AgendaBot.Features.Fallback;
using AgendaBot.Features.Help;
using AgendaBot.Features.Measures;
using AgendaBot.Features.Plan;
using AgendaBot.Features.Privacy;
using AgendaBot.Features.KickOffs;
using AgendaBot.Features.Prioritisation;
using AgendaBot.Features.Publishing;
using AgendaBot.Features.Voting;
using AgendaBot.Features.Welcome;
using AgendaBot.Features.Workshops;

namespace AgendaBot.Features;

/// <summary>The one place where user intents are bound to their handlers.</summary>
public static class FeatureRoutes
{
    public static RouteTable Build() => new RouteTable()
        .Command<ShowHelp>("hilfe", "help", "?")
        .Command<ShowMyData>("meine daten", "my data")
        .Command<AskToEraseMyData>("daten löschen", "delete my data")
        .Command<StartAgendaSetup>("agenda")
        .Command<OfferWorkshop>("workshop")
        .Command<AskToEndWorkshop>("workshop beenden", "end workshop")
        .Command<ShowStakeholders>("akteure", "akteursanalyse", "stakeholders")
        .Command<SuggestGroupsForTeam>("gruppenvorschläge", "group suggestions")
        .Command<ContributeFromChat>("idee", "idea", "beitrag", "contribution")
        .Command<EditContribution>("bearbeiten", "edit")
        .Command<HideContribution>("ausblenden", "hide")
        .Command<MergeContributions>("zusammenführen", "merge")
        .Command<PromoteContribution>("übernehmen", "promote")
        .Command<OfferVotingRound>("abstimmung", "abstimmen", "vote")
        .Command<OfferDraftForComment>("entwurf", "draft")
        .Command<ShowLatestDraftComments>("kommentare", "comments")
        .Command<ShowMyMeasures>("maßnahmen", "massnahmen", "meine maßnahmen", "measures", "my measures")
        .Command<ExportAgenda>("exportieren", "export")
        .Command<OfferConsultationForm>("konsultation", "consultation")
        .Command<ShowConsultations>("konsultationen", "consultations")
        .Command<ShowEvaluation>("auswertung", "evaluation")
        .Command<PublishAgenda>("veröffentlichen", "publish")
        .Command<WithdrawPublication>("veröffentlichung zurückziehen", "unpublish")
        .Command<AgreeToPublicName>("name öffentlich", "public name")
        .Command<WithdrawPublicName>("name nicht öffentlich", "no public name")
        .Command<ShowCitizenIdeas>("bürgerideen", "buergerideen", "citizen ideas")
        .Command<OfferFinalRound>("schlussrunde", "final round")
        .Command<OfferPlanDecision>("endfassung", "final plan")
        .Command<OfferKickOff>("kickoff", "kick-off")
        .Verb<ShowHelpFromCard>(CardVerbs.ShowHelp)
        .Verb<StartVotingRound, VotingSetupData>(CardVerbs.StartVote, VotingCardJson.Default.VotingSetupData)
        .Verb<SubmitBallot, BallotData>(CardVerbs.CastVote, VotingCardJson.Default.BallotData)
        .Verb<CloseVotingRound, RoundRef>(CardVerbs.CloseVote, VotingCardJson.Default.RoundRef)
        .Verb<ShowVoteDetails, RoundRef>(CardVerbs.VoteDetails, VotingCardJson.Default.RoundRef)
        .Verb<ShowBallotView, RoundRef>(CardVerbs.BallotView, VotingCardJson.Default.RoundRef)
        .Verb<CreateAgenda, AgendaSetupData>(CardVerbs.CreateAgenda, AgendaCardJson.Default.AgendaSetupData)
        .Verb<OpenWorkshop, OpenWorkshopData>(CardVerbs.OpenWorkshop, WorkshopCardJson.Default.OpenWorkshopData)
        .Verb<RegisterForWorkshop, RegistrationData>(CardVerbs.Register, WorkshopCardJson.Default.RegistrationData)
        .Verb<ShowMyRegistrationView, WorkshopRef>(CardVerbs.RegistrationView, WorkshopCardJson.Default.WorkshopRef)
        .Verb<AddContribution, ContributionData>(CardVerbs.AddContribution, ContributionCardJson.Default.ContributionData)
        .Verb<SaveContributionPreview, ContributionPreviewData>(CardVerbs.SaveContributionPreview, ContributionPreviewJson.Default.ContributionPreviewData)
        .Verb<DiscardContributionPreview, ContributionPreviewData>(CardVerbs.DiscardContributionPreview, ContributionPreviewJson.Default.ContributionPreviewData)
        .Verb<SavePlan, PlanData>(CardVerbs.SavePlan, PlanCardJson.Default.PlanData)
        .Verb<AddPlanRow, PlanData>(CardVerbs.AddPlanRow, PlanCardJson.Default.PlanData)
        .Verb<CloseStep, StepRef>(CardVerbs.CloseStep, WorkshopCardJson.Default.StepRef)
        .Verb<AdvanceStep, StepRef>(CardVerbs.AdvanceStep, WorkshopCardJson.Default.StepRef)
        .Verb<ReopenStep, StepRef>(CardVerbs.ReopenStep, WorkshopCardJson.Default.StepRef)
        .Verb<ShowStepView, StepRef>(CardVerbs.StepView, WorkshopCardJson.Default.StepRef)
        .Verb<EndWorkshop, WorkshopRef>(CardVerbs.EndWorkshop, WorkshopCardJson.Default.WorkshopRef)
        .Verb<KeepWorkshopRunning, WorkshopRef>(CardVerbs.KeepWorkshop, WorkshopCardJson.Default.WorkshopRef)
        .Verb<EraseMyData>(CardVerbs.ErasePersonalData)
        .Verb<CancelErasure>(CardVerbs.CancelErasePersonalData)
        .Verb<SendDraftForComment, DraftSendData>(CardVerbs.SendDraft, DraftCardDataJson.Default.DraftSendData)
        .Verb<CommentOnDraft, DraftCommentData>(CardVerbs.CommentOnDraft, DraftCardDataJson.Default.DraftCommentData)
        .Verb<ShowDraftComments, CommentRoundRef>(CardVerbs.ShowDraftComments, DraftCardDataJson.Default.CommentRoundRef)
        .Verb<OpenMeasureUpdate, MeasureRef>(CardVerbs.OpenMeasureUpdate, MeasureCardJson.Default.MeasureRef)
        .Verb<UpdateMeasureStatus, MeasureUpdateData>(CardVerbs.UpdateMeasureStatus, MeasureCardJson.Default.MeasureUpdateData)
        .Verb<AskOwnersForUpdates, AgendaRef>(CardVerbs.AskOwnersForUpdates, MeasureCardJson.Default.AgendaRef)
        .Verb<PublishAgendaToChannelFiles, PublishData>(CardVerbs.PublishAgendaToChannelFiles, ExportCardJson.Default.PublishData)
        .Verb<OpenConsultationForm, ConsultationAgendaRef>(CardVerbs.OpenConsultationForm, ConsultationCardJson.Default.ConsultationAgendaRef)
        .Verb<RecordConsultation, ConsultationData>(CardVerbs.RecordConsultation, ConsultationCardJson.Default.ConsultationData)
        .Verb<ConfirmPublication, PublicationData>(CardVerbs.PublishAgenda, PublishingCardJson.Default.PublicationData)
        .Verb<CancelPublication, PublicationData>(CardVerbs.CancelPublication, PublishingCardJson.Default.PublicationData)
        .Verb<SwitchLiveStatus, PublicationData>(CardVerbs.SwitchLiveStatus, PublishingCardJson.Default.PublicationData)
        .Verb<AcceptCitizenIdea, CitizenIdeaData>(CardVerbs.AcceptCitizenIdea, CitizenIdeaCardJson.Default.CitizenIdeaData)
        .Verb<RejectCitizenIdea, CitizenIdeaData>(CardVerbs.RejectCitizenIdea, CitizenIdeaCardJson.Default.CitizenIdeaData)
        .Verb<StartFinalRound, FinalRoundSetupData>(CardVerbs.StartFinalRound, PrioritisationCardJson.Default.FinalRoundSetupData)
        .Verb<CastFinalBallot, FinalBallotData>(CardVerbs.CastFinalBallot, PrioritisationCardJson.Default.FinalBallotData)
        .Verb<CloseFinalRound, FinalRoundRef>(CardVerbs.CloseFinalRound, PrioritisationCardJson.Default.FinalRoundRef)
        .Verb<ApplyFinalOrder, FinalRoundRef>(CardVerbs.ApplyFinalOrder, PrioritisationCardJson.Default.FinalRoundRef)
        .Verb<SaveBudgetPriorities, BudgetData>(CardVerbs.SaveBudgetPriorities, PrioritisationCardJson.Default.BudgetData)
        .Verb<FinalisePlan, BudgetData>(CardVerbs.FinalisePlan, PrioritisationCardJson.Default.BudgetData)
        .Verb<OpenKickOff, KickOffSetupData>(CardVerbs.OpenKickOff, KickOffCardJson.Default.KickOffSetupData)
        .Verb<JoinKickOff, KickOffData>(CardVerbs.JoinKickOff, KickOffCardJson.Default.KickOffData)
        .Verb<AddKickOffIdea, KickOffData>(CardVerbs.AddKickOffIdea, KickOffCardJson.Default.KickOffData)
        .Verb<AssignKickOffIdea, KickOffData>(CardVerbs.AssignKickOffIdea, KickOffCardJson.Default.KickOffData)
        // Greet first: the greeting must not depend on storage being reachable.
        .On<GreetOnInstall>(ConversationEvent.BotInstalled)
        .On<RememberConversation>(ConversationEvent.BotInstalled)
        .On<RememberConversation>(ConversationEvent.MembersAdded)
        .On<RememberLanguage>(ConversationEvent.PersonalChatTurn)
        .Fallback<UnknownCommand>();

    /// <summary>The services each feature needs besides its handlers, which the route table registers.</summary>
    public static IServiceCollection AddFeatures(this IServiceCollection services) => services
        .AddWorkshops()
        .AddContributions()
        .AddVoting()
        .AddPlan()
        .AddMeasures()
        .AddComments()
        .AddExport()
        .AddConsultations()
        .AddScoped<PublicationAccess>()
        .AddScoped<PublicDocuments>()
        .AddCitizenIdeas()
        .AddPrioritisation()
        .AddKickOff()
        .AddPrivacy()
        .AddConversations();
}
