namespace AgendaBot.Bot.Endpoint;

/// <summary>
/// The last line behind <c>/api/messages</c>: a failure the endpoint did not foresee is logged and answered with a plain
/// reason, never with the developer exception page's stack trace (it would show the bot's insides to any caller).
/// </summary>
public static partial class EndpointFailureGuard
{
    public const string Reason = "the bot could not handle this request; its log says why";

    public static IApplicationBuilder UseEndpointFailureGuard(this IApplicationBuilder app, PathString path) =>
        app.UseWhen(http => http.Request.Path.StartsWithSegments(path), branch => branch.Use(GuardAsync));

    private static async Task GuardAsync(HttpContext http, RequestDelegate next)
    {
        try
        {
            await next(http);
        }
        catch (Exception failure) when (!http.RequestAborted.IsCancellationRequested && !http.Response.HasStarted)
        {
            var logger = http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(EndpointFailureGuard).FullName!);
            LogUnexpected(logger, failure);
            http.Response.Clear();
            await Results.Problem(statusCode: StatusCodes.Status500InternalServerError, title: Reason).ExecuteAsync(http);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A request to the bot failed outside its handlers")]
    private static partial void LogUnexpected(ILogger logger, Exception failure);
}
