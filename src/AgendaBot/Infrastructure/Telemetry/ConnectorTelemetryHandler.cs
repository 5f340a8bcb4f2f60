using System.Diagnostics;
using AgendaBot.Protocol.Connector;

namespace AgendaBot.Infrastructure.Telemetry;

/// <summary>
/// Measures each attempt of a connector call: a client span and the call counter and duration, by the operation the
/// <see cref="ConnectorClient"/> named and the status code. Neither URL (it names the conversation) nor headers (the
/// bot's token) nor body are recorded.
/// </summary>
public sealed class ConnectorTelemetryHandler(BotMetrics metrics) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var operation = request.Options.TryGetValue(ConnectorClient.OperationOption, out var named) ? named : "other";
        using var span = BotTelemetry.Source.StartActivity($"connector {operation}", ActivityKind.Client);
        span?.SetTag(BotTelemetry.OperationTag, operation);
        var started = Stopwatch.GetTimestamp();
        var status = "error";
        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            status = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
            span?.SetTag(BotTelemetry.StatusCodeTag, (int)response.StatusCode);
            if (!response.IsSuccessStatusCode)
            {
                span?.SetStatus(ActivityStatusCode.Error);
            }

            return response;
        }
        catch (Exception failure)
        {
            span?.SetTag("error.type", failure.GetType().FullName);
            span?.SetStatus(ActivityStatusCode.Error);
            throw;
        }
        finally
        {
            metrics.ConnectorCalled(operation, status, Stopwatch.GetElapsedTime(started));
        }
    }
}
