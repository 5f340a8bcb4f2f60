using AgendaBot.Bot.Routing;
using AgendaBot.Features.Agendas;
using AgendaBot.Features.Comments;
using AgendaBot.Features.Contributions;
using AgendaBot.Features.Conversations;
using AgendaBot.Features.Export;
using AgendaBot.Features.Fallback;
using AgendaBot.Features.Help;
using AgendaBot.Features.Measures;
using AgendaBot.Features.Plan;
using AgendaBot.Features.Privacy;
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
        .Verb<ShowHelpFromCard>(CardVerbs.ShowHelp)
        .Verb<StartVotingRound>(CardVerbs.StartVote)
        .Verb<SubmitBallot>(CardVerbs.CastVote)
        .Verb<CloseVotingRound>(CardVerbs.CloseVote)
        .Verb<ShowVoteDetails>(CardVerbs.VoteDetails)
        .Verb<CreateAgenda>(CardVerbs.CreateAgenda)
        .Verb<OpenWorkshop>(CardVerbs.OpenWorkshop)
        .Verb<RegisterForWorkshop>(CardVerbs.Register)
        .Verb<ShowMyRegistrationView>(CardVerbs.RegistrationView)
        .Verb<AddContribution>(CardVerbs.AddContribution)
        .Verb<SavePlan>(CardVerbs.SavePlan)
        .Verb<CloseStep>(CardVerbs.CloseStep)
        .Verb<AdvanceStep>(CardVerbs.AdvanceStep)
        .Verb<ReopenStep>(CardVerbs.ReopenStep)
        .Verb<EraseMyData>(CardVerbs.ErasePersonalData)
        .Verb<SendDraftForComment>(CardVerbs.SendDraft)
        .Verb<CommentOnDraft>(CardVerbs.CommentOnDraft)
        .Verb<ShowDraftComments>(CardVerbs.ShowDraftComments)
        .Verb<OpenMeasureUpdate>(CardVerbs.OpenMeasureUpdate)
        .Verb<UpdateMeasureStatus>(CardVerbs.UpdateMeasureStatus)
        .Verb<AskOwnersForUpdates>(CardVerbs.AskOwnersForUpdates)
        .Verb<PublishAgendaToChannelFiles>(CardVerbs.PublishAgendaToChannelFiles)
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
        .AddConversations();
}
