using System.Diagnostics;
using AgendaBot.Protocol.Activities;

namespace AgendaBot.Infrastructure.Telemetry;

/// <summary>
/// The names under which the bot reports: one <see cref="ActivitySource"/> and one meter, both <c>AgendaBot</c>, and
/// the tags they use. Tags carry kinds and outcomes, never what people wrote.
/// </summary>
public static class BotTelemetry
{
    public const string Name = "AgendaBot";

    /// <summary>Spans around handling an activity and around connector calls.</summary>
    public static readonly ActivitySource Source = new(Name);

    public const string ActivityTypeTag = "agendabot.activity.type";
    public const string ActivityIdTag = "agendabot.activity.id";
    public const string RouteTag = "agendabot.route";
    public const string OutcomeTag = "agendabot.outcome";
    public const string OperationTag = "agendabot.connector.operation";
    public const string StatusCodeTag = "http.response.status_code";

    /// <summary>
    /// The activity type as a tag value: one of the types Bot Framework defines, else <c>other</c>. The type comes from
    /// the caller, and a tag must not take any value a caller invents.
    /// </summary>
    public static string KnownType(string? type) => type switch
    {
        ActivityTypes.Message or ActivityTypes.Invoke or ActivityTypes.ConversationUpdate or ActivityTypes.InstallationUpdate
            or ActivityTypes.MessageReaction or ActivityTypes.Typing or ActivityTypes.Event
            or "messageUpdate" or "messageDelete" or "endOfConversation" => type,
        _ => "other",
    };
}

/// <summary>What became of an activity.</summary>
public static class TurnOutcome
{
    /// <summary>A handler ran to its end (its answer may still be a polite "no" it chose to give).</summary>
    public const string Handled = "handled";

    /// <summary>The domain refused the action or storage was unavailable, and the user was told why.</summary>
    public const string Refused = "refused";

    /// <summary>An unexpected failure: the user got an apology.</summary>
    public const string Failed = "failed";

    /// <summary>No route: an unknown command or verb, an activity type or event the bot does not handle.</summary>
    public const string Unrouted = "unrouted";
}
