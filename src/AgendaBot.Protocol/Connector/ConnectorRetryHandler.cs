using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AgendaBot.Protocol.Connector;

/// <summary>
/// Retries throttled and transiently failing connector calls a bounded number of times. A 429 waits as long as the
/// channel's <c>Retry-After</c> says (capped); everything else backs off exponentially with jitter.
/// </summary>
public sealed partial class ConnectorRetryHandler(
    IOptions<ConnectorOptions> options,
    TimeProvider time,
    ILogger<ConnectorRetryHandler> logger) : DelegatingHandler
{
    private static readonly HashSet<HttpStatusCode> Retried =
    [
        HttpStatusCode.TooManyRequests,
        HttpStatusCode.PreconditionFailed,
        HttpStatusCode.BadGateway,
        HttpStatusCode.ServiceUnavailable,
        HttpStatusCode.GatewayTimeout,
    ];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var attempts = Math.Max(1, settings.MaxAttempts);
        for (var attempt = 1; ; attempt++)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (!Retried.Contains(response.StatusCode) || attempt >= attempts)
            {
                return response;
            }

            var delay = DelayFor(response, attempt, settings);
            LogRetry(logger, request.Method.Method, (int)response.StatusCode, attempt, delay.TotalMilliseconds);
            response.Dispose();
            await Task.Delay(delay, time, cancellationToken);
        }
    }

    internal TimeSpan DelayFor(HttpResponseMessage response, int attempt, ConnectorOptions settings)
    {
        var retryAfter = response.Headers.RetryAfter;
        TimeSpan? asked = retryAfter?.Delta
            ?? (retryAfter?.Date is { } date ? date - time.GetUtcNow() : null);
        if (asked is { } wait && wait >= TimeSpan.Zero)
        {
            return wait < settings.MaxDelay ? wait : settings.MaxDelay;
        }

        var exponential = settings.BaseDelay.TotalMilliseconds * Math.Pow(2, attempt - 1);
        // Full jitter keeps several instances that were throttled together from retrying in lock-step.
        var jittered = exponential / 2 + Random.Shared.NextDouble() * exponential / 2;
        return TimeSpan.FromMilliseconds(Math.Min(jittered, settings.MaxDelay.TotalMilliseconds));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Connector {Method} answered {Status}; attempt {Attempt}, retrying in {DelayMs} ms")]
    private static partial void LogRetry(ILogger logger, string method, int status, int attempt, double delayMs);
}
