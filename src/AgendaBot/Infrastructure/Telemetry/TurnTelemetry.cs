using System.Diagnostics;
using BotActivity = AgendaBot.Protocol.Activities.Activity;

namespace AgendaBot.Infrastructure.Telemetry;

/// <summary>
/// The span and measurements of handling one activity. The span names the activity type and the route (a handler,
/// card verb or conversation event the route table knows), never the text. Ends as <see cref="TurnOutcome.Failed"/>
/// unless <see cref="Finish"/> says otherwise.
/// </summary>
public sealed class TurnTelemetry : IDisposable
{
    private readonly BotMetrics metrics;
    private readonly string type;
    private readonly long started = Stopwatch.GetTimestamp();
    private readonly Activity? span;
    private string outcome = TurnOutcome.Failed;
    private string? route;

    public TurnTelemetry(BotMetrics metrics, BotActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        this.metrics = metrics;
        type = BotTelemetry.KnownType(activity.Type);
        span = BotTelemetry.Source.StartActivity($"handle {type}");
        span?.SetTag(BotTelemetry.ActivityTypeTag, type);
        span?.SetTag(BotTelemetry.ActivityIdTag, activity.Id);
    }

    /// <param name="route">What the router chose; null when nothing was routed.</param>
    /// <param name="failure">The exception behind a refusal or failure: only its type is recorded.</param>
    public void Finish(string outcome, string? route, Exception? failure = null)
    {
        this.outcome = outcome;
        this.route = route;
        if (failure is not null)
        {
            span?.SetTag("error.type", failure.GetType().FullName);
        }
    }

    public void Dispose()
    {
        metrics.ActivityHandled(type, route, outcome, Stopwatch.GetElapsedTime(started));
        if (span is null)
        {
            return;
        }

        span.SetTag(BotTelemetry.RouteTag, route);
        span.SetTag(BotTelemetry.OutcomeTag, outcome);
        if (outcome == TurnOutcome.Failed)
        {
            // Only the exception type: exception messages may quote what they failed on.
            span.SetStatus(ActivityStatusCode.Error);
        }

        span.Dispose();
    }
}
