using System.Globalization;
using AgendaBot.Bot.Localization;
using AgendaBot.Bot.Posting;
using AgendaBot.Domain.People;
using AgendaBot.Protocol.Activities;
using AgendaBot.Protocol.Cards;
using AgendaBot.Protocol.Connector;

namespace AgendaBot.Bot.Routing;

/// <summary>One inbound activity and the means to answer it in the user's language.</summary>
public sealed class TurnContext(Activity activity, Texts texts, ConnectorClient connector)
{
    public Activity Activity { get; } = activity;

    public Texts Texts { get; } = texts;

    public CultureInfo Culture => Texts.Culture;

    /// <summary>
    /// What the router chose, for telemetry: the command's handler, the card verb or the conversation event, all names
    /// from the route table; null while nothing (or nothing known) was routed. Never anything the user typed.
    /// </summary>
    public string? Route { get; set; }

    /// <summary>The tenant the activity came from: the only tenant this turn may read or write.</summary>
    public string TenantId => Activity.TenantId
        ?? throw new Domain.Common.DomainException(Domain.Common.DomainErrorCode.NotFound, "tenant");

    /// <summary>
    /// Who acts: the Entra object id Teams sends (stable across chats and the same in Graph). Never the channel account
    /// id: it differs per bot and is no person's identity, so an activity without an object id acts for nobody.
    /// </summary>
    public TeamsUser User => new(
        Activity.From?.AadObjectId is { Length: > 0 } objectId
            ? objectId
            : throw new Domain.Common.DomainException(Domain.Common.DomainErrorCode.NotFound, "user"),
        Activity.From?.Name ?? string.Empty);

    public bool IsPersonalChat => Activity.Conversation?.ConversationType is null or ConversationTypes.Personal;

    /// <summary>The kind of conversation this turn happens in, as commands and card verbs declare where they belong.</summary>
    public CommandScopes Scope =>
        IsPersonalChat ? CommandScopes.Personal
        : Activity.Conversation?.ConversationType == ConversationTypes.GroupChat ? CommandScopes.GroupChat
        : CommandScopes.Team;

    /// <summary>The message text without the bot's own @mention.</summary>
    public string CommandText { get; } = MentionText.WithoutMentionOf(activity, activity.Recipient?.Id);

    public Task<ResourceResponse> ReplyAsync(string markdown, CancellationToken cancellationToken) =>
        SendReplyAsync(Activity.CreateReply(markdown) with { TextFormat = "markdown" }, cancellationToken);

    /// <summary>A reply that may quote what people wrote: sent as plain text, so nothing in it is read as markdown.</summary>
    public Task<ResourceResponse> ReplyPlainAsync(string text, CancellationToken cancellationToken) =>
        SendReplyAsync(Activity.CreateReply(text) with { TextFormat = "plain" }, cancellationToken);

    public Task<ResourceResponse> ReplyAsync(AdaptiveCard card, CancellationToken cancellationToken) =>
        SendReplyAsync(CardMessage(card), cancellationToken);

    /// <summary>Replaces a card the bot sent earlier, e.g. after an <c>Action.Submit</c> on it.</summary>
    public Task<ResourceResponse> UpdateCardAsync(string activityId, AdaptiveCard card, CancellationToken cancellationToken) =>
        connector.UpdateActivityAsync(ServiceUrl, ConversationId, activityId, CardMessage(card), cancellationToken);

    /// <summary>Replies in this turn's conversation with a card for everyone, in the given (shared) language.</summary>
    public Task<ResourceResponse> ReplyAsync(AdaptiveCard card, Texts texts, CancellationToken cancellationToken) =>
        SendReplyAsync(CardMessage(card, texts), cancellationToken);

    public string ConversationId => Activity.Conversation?.Id
        ?? throw new InvalidOperationException("The activity has no conversation id; the endpoint should have refused it.");

    private Activity CardMessage(AdaptiveCard card) => CardMessage(card, Texts);

    // The reply carries this activity's addressing (conversation, recipient, replyToId), plus the card.
    private Activity CardMessage(AdaptiveCard card, Texts texts)
    {
        var message = Poster.Message(card, texts);
        return Activity.CreateReply() with { Attachments = message.Attachments, Summary = message.Summary };
    }

    private Task<ResourceResponse> SendReplyAsync(Activity reply, CancellationToken cancellationToken) =>
        string.IsNullOrEmpty(Activity.Id)
            ? connector.SendToConversationAsync(ServiceUrl, ConversationId, reply, cancellationToken)
            : connector.ReplyToActivityAsync(ServiceUrl, ConversationId, Activity.Id, reply, cancellationToken);

    private string ServiceUrl => Activity.ServiceUrl
        ?? throw new InvalidOperationException("The activity has no serviceUrl; the endpoint should have refused it.");

}
