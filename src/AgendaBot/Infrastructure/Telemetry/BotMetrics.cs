using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace AgendaBot.Infrastructure.Telemetry;

/// <summary>
/// The bot's own instruments on the <c>AgendaBot</c> meter. Created through <see cref="IMeterFactory"/>, so every host
/// (and every test's bot) has its own meter instance.
/// </summary>
public sealed class BotMetrics
{
    private readonly Counter<long> activities;
    private readonly Histogram<double> handlerDuration;
    private readonly Counter<long> connectorCalls;
    private readonly Histogram<double> connectorDuration;
    private readonly Counter<long> votes;

    public BotMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        Meter = meters.Create(BotTelemetry.Name);
        activities = Meter.CreateCounter<long>("agendabot.activities", "{activity}",
            "Activities that reached the bot, by type and outcome (handled, refused, failed, unrouted).");
        handlerDuration = Meter.CreateHistogram<double>("agendabot.activity.duration", "s",
            "How long handling an activity took, answer included.");
        connectorCalls = Meter.CreateCounter<long>("agendabot.connector.calls", "{call}",
            "Calls to the Bot Framework connector (each attempt), by operation and status code.");
        connectorDuration = Meter.CreateHistogram<double>("agendabot.connector.duration", "s",
            "Duration of one connector call attempt.");
        votes = Meter.CreateCounter<long>("agendabot.votes", "{ballot}",
            "Ballots cast, by outcome (counted, changed, already_voted, too_late).");
    }

    public Meter Meter { get; }

    public void ActivityHandled(string type, string? route, string outcome, TimeSpan duration)
    {
        var tags = new TagList
        {
            { BotTelemetry.ActivityTypeTag, type },
            { BotTelemetry.RouteTag, route ?? "none" },
            { BotTelemetry.OutcomeTag, outcome },
        };
        activities.Add(1, tags);
        handlerDuration.Record(duration.TotalSeconds, tags);
    }

    public void ConnectorCalled(string operation, string status, TimeSpan duration)
    {
        var tags = new TagList { { BotTelemetry.OperationTag, operation }, { BotTelemetry.StatusCodeTag, status } };
        connectorCalls.Add(1, tags);
        connectorDuration.Record(duration.TotalSeconds, tags);
    }

    public void VoteCast(string outcome) => votes.Add(1, new KeyValuePair<string, object?>(BotTelemetry.OutcomeTag, outcome));
}
