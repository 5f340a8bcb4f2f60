using System.Text.Json;
using AgendaBot.Bot.Localization;
using AgendaBot.Bot.Routing;
using AgendaBot.Infrastructure.Telemetry;
using AgendaBot.Protocol;
using AgendaBot.Protocol.Activities;
using AgendaBot.Protocol.Authentication;
using AgendaBot.Protocol.Connector;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace AgendaBot.Bot.Endpoint;

/// <summary><c>POST /api/messages</c>: the one door through which the channel reaches the bot.</summary>
public static partial class BotMessagesEndpoint
{
    public static IEndpointRouteBuilder MapBotMessages(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/messages", HandleAsync);
        // The Agents Playground probes the endpoint with HEAD before it sends anything.
        endpoints.MapMethods("/api/messages", [HttpMethods.Head], () => Results.Ok());
        return endpoints;
    }

    private static async Task<IResult> HandleAsync(
        HttpContext http,
        BotRequestAuthenticator authenticator,
        ActivityRouter router,
        ConnectorClient connector,
        IOptions<BotLocalizationOptions> localization,
        IOptions<MessageEndpointOptions> endpointOptions,
        TeamsDoor door,
        BotMetrics metrics,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(BotMessagesEndpoint).FullName!);
        // The token first: a caller without one learns nothing about how the bot reads what it sends.
        var caller = await authenticator.AuthenticateCallerAsync(
            http.Request.Headers.Authorization.ToString(), http.Connection.RemoteIpAddress, cancellationToken);
        if (!caller.Succeeded)
        {
            LogRefused(logger, caller.StatusCode, caller.Reason);
            return Results.StatusCode(caller.StatusCode);
        }

        var (activity, problem) = await ReadActivityAsync(
            http, endpointOptions.Value.MaxBodyBytes, authenticator.AllowsLoopbackHttpServiceUrl, cancellationToken);
        if (activity is null)
        {
            LogBadRequest(logger, problem!);
            return Results.Problem(statusCode: problem == TooLarge ? 413 : 400, title: problem);
        }

        var verdict = BotRequestAuthenticator.Authorize(caller.Caller!, activity);
        var refusal = verdict.Succeeded ? door.Refusal(activity) : verdict.Reason;
        if (refusal is not null)
        {
            // 403 with the reason: the channel does not retry it, and whoever runs the other end can read why.
            LogRefused(logger, 403, refusal);
            return Results.Problem(statusCode: 403, title: refusal);
        }

        using var scope = logger.BeginScope(new Dictionary<string, object?>
        {
            ["ActivityId"] = activity.Id,
            ["ActivityType"] = activity.Type,
            ["ConversationId"] = activity.Conversation?.Id,
        });
        var turn = new TurnContext(activity, new Texts(BotCulture.For(activity, localization.Value)), connector);
        using var measured = new TurnTelemetry(metrics, activity);
        try
        {
            var invokeResponse = await router.RouteAsync(turn, cancellationToken);
            measured.Finish(turn.Route is null ? TurnOutcome.Unrouted : TurnOutcome.Handled, turn.Route);
            if (activity.Type == ActivityTypes.Invoke)
            {
                return Results.Json(invokeResponse ?? new AdaptiveCardInvokeResponse { StatusCode = 200 },
                    ProtocolJson.Context.AdaptiveCardInvokeResponse);
            }

            return Results.Ok();
        }
        catch (Exception failure) when (failure is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var explanation = UserFacingErrors.TextFor(failure, turn.Texts);
            measured.Finish(explanation is null ? TurnOutcome.Failed : TurnOutcome.Refused, turn.Route, failure);
            if (explanation is null)
            {
                LogHandlerFailed(logger, failure, activity.Type);
            }
            else
            {
                LogRefusal(logger, failure);
            }

            return await ApologiseAsync(turn, explanation ?? turn.Texts[TextKey.SomethingWentWrong], logger, cancellationToken);
        }
    }

    // A failed handler must not become a 500: the channel would retry and the user would see nothing useful.
    private static async Task<IResult> ApologiseAsync(TurnContext turn, string apology, ILogger logger, CancellationToken cancellationToken)
    {
        if (turn.Activity.Type == ActivityTypes.Invoke)
        {
            return Results.Json(AdaptiveCardInvokeResponse.Message(apology), ProtocolJson.Context.AdaptiveCardInvokeResponse);
        }

        if (turn.Activity.Type == ActivityTypes.Message)
        {
            try
            {
                await turn.ReplyAsync(apology, cancellationToken);
            }
            catch (Exception failure) when (failure is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // The handler failed already; an apology that cannot be delivered must not turn the turn into a 500.
                LogApologyFailed(logger, failure);
            }
        }

        return Results.Ok();
    }

    private const string TooLarge = "request body too large";

    private static async Task<(Activity? Activity, string? Problem)> ReadActivityAsync(
        HttpContext http, long maxBytes, bool allowLoopbackHttp, CancellationToken cancellationToken)
    {
        if (http.Request.ContentLength > maxBytes)
        {
            return (null, TooLarge);
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxBytes;
        }

        byte[] body;
        try
        {
            using var buffer = new MemoryStream();
            await http.Request.Body.CopyToAsync(buffer, cancellationToken);
            body = buffer.ToArray();
        }
        catch (BadHttpRequestException failure) when (failure.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, TooLarge);
        }

        if (body.AsSpan().Trim(" \t\r\n"u8).IsEmpty)
        {
            return (null, "empty body: an activity was expected");
        }

        Activity? activity;
        try
        {
            activity = JsonSerializer.Deserialize(body, ProtocolJson.Context.Activity);
        }
        catch (JsonException failure)
        {
            return (null, $"malformed activity JSON: {FirstLine(failure.Message)}");
        }

        return activity switch
        {
            null => (null, "empty body: an activity was expected"),
            { Type: null or "" } => (null, "the activity has no type"),
            { ServiceUrl: null or "" } => (null, "the activity has no serviceUrl"),
            { Conversation.Id: null or "" } or { Conversation: null } => (null, "the activity has no conversation id"),
            // Before anything else reads it: the bot answers, and stores for later posts, whatever address this names.
            _ when ServiceUrlRule.Problem(activity.ServiceUrl, allowLoopbackHttp) is { } badAddress => (null, badAddress),
            _ => (activity, null),
        };
    }

    private static string FirstLine(string message) => message.Split('\n', 2)[0];

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused request with {Status}: {Reason}")]
    private static partial void LogRefused(ILogger logger, int status, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Bad request: {Reason}")]
    private static partial void LogBadRequest(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Handling a {Type} activity failed")]
    private static partial void LogHandlerFailed(ILogger logger, Exception failure, string type);

    [LoggerMessage(Level = LogLevel.Information, Message = "The request was refused and the user told why")]
    private static partial void LogRefusal(ILogger logger, Exception failure);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tell the user that handling failed")]
    private static partial void LogApologyFailed(ILogger logger, Exception failure);
}
