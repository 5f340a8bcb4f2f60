namespace AgendaBot.Protocol.Activities;

/// <summary>Activity type names from the Bot Framework activity spec.</summary>
public static class ActivityTypes
{
    public const string Message = "message";
    public const string ConversationUpdate = "conversationUpdate";
    public const string InstallationUpdate = "installationUpdate";
    public const string Invoke = "invoke";
    public const string MessageReaction = "messageReaction";
    public const string Typing = "typing";
    public const string Event = "event";
}

public static class InvokeNames
{
    /// <summary>Universal Actions: an <c>Action.Execute</c> click on an Adaptive Card.</summary>
    public const string AdaptiveCardAction = "adaptiveCard/action";
}

public static class ConversationTypes
{
    public const string Personal = "personal";
    public const string GroupChat = "groupChat";
    public const string Channel = "channel";
}

public static class InstallationActions
{
    public const string Add = "add";
    public const string Remove = "remove";
    public const string AddUpgrade = "add-upgrade";
    public const string RemoveUpgrade = "remove-upgrade";
}

public static class ContentTypes
{
    public const string AdaptiveCard = "application/vnd.microsoft.card.adaptive";
    public const string MessageActivity = "application/vnd.microsoft.activity.message";
    public const string Error = "application/vnd.microsoft.error";
}
