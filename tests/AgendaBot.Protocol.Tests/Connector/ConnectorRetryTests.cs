using System.Net;
using AgendaBot.Protocol.Activities;
using AgendaBot.Protocol.Connector;
using AgendaBot.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AgendaBot.Protocol.Tests.Connector;

/// <summary>
/// Throttling and transient failures of the channel are retried a bounded number of times; everything else fails at
/// once with the channel's status and error code. Back-off is shortened so that the tests run in real time.
/// </summary>
public sealed class ConnectorRetryTests : IAsyncLifetime
{
    private const int MaxAttempts = 3;

    private RecordingConnector teams = null!;
    private HttpClient http = null!;
    private ConnectorClient connector = null!;

    public async Task InitializeAsync()
    {
        teams = await RecordingConnector.StartAsync();
        var options = new ConnectorOptions { MaxAttempts = MaxAttempts, BaseDelay = TimeSpan.FromMilliseconds(1) };
        http = new HttpClient(new ConnectorRetryHandler(Options.Create(options), TimeProvider.System, NullLogger<ConnectorRetryHandler>.Instance)
        {
            InnerHandler = new SocketsHttpHandler(),
        });
        connector = new ConnectorClient(http);
    }

    public async Task DisposeAsync()
    {
        http.Dispose();
        await teams.DisposeAsync();
    }

    private Task<ResourceResponse> SendAsync() =>
        connector.SendToConversationAsync(teams.ServiceUrl, "a:personal-chat", new Activity { Text = "Agenda for Friday" });

    private static string Error(string code) => $$$"""{"error":{"code":"{{{code}}}","message":"The channel says no."}}""";

    [Theory]
    [InlineData(429)]
    [InlineData(412)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task A_transient_failure_is_retried_and_the_send_succeeds(int status)
    {
        teams.AnswerNextWith(status);

        var sent = await SendAsync();

        Assert.Equal(2, teams.Calls.Count);
        Assert.NotNull(sent.Id);
    }

    [Fact]
    public async Task A_retry_sends_the_same_activity_again()
    {
        teams.AnswerNextWith(503);

        await SendAsync();

        var (first, retry) = (teams.Calls[0], teams.Calls[1]);
        Assert.Equal(first.Path, retry.Path);
        Assert.Equal(first.Body?.ToJsonString(), retry.Body?.ToJsonString());
        Assert.Equal("Agenda for Friday", retry.Text);
    }

    [Fact]
    public async Task Retrying_stops_after_the_maximum_attempts_with_the_channels_status_and_error_code()
    {
        for (var i = 0; i < MaxAttempts + 1; i++)
        {
            teams.AnswerNextWith(503, Error("ServiceUnavailable"));
        }

        var failure = await Assert.ThrowsAsync<ConnectorException>(SendAsync);

        Assert.Equal(MaxAttempts, teams.Calls.Count);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, failure.StatusCode);
        Assert.Equal("ServiceUnavailable", failure.ErrorCode);
    }

    [Fact]
    public async Task When_throttling_outlasts_the_retries_the_failure_says_how_long_the_channel_asked_to_wait()
    {
        for (var i = 1; i < MaxAttempts; i++)
        {
            teams.AnswerNextWith(429, null, ("Retry-After", "0"));
        }

        teams.AnswerNextWith(429, null, ("Retry-After", "7"));

        var failure = await Assert.ThrowsAsync<ConnectorException>(SendAsync);

        Assert.Equal(MaxAttempts, teams.Calls.Count);
        Assert.Equal(HttpStatusCode.TooManyRequests, failure.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(7), failure.RetryAfter);
    }

    [Fact]
    public async Task A_failure_without_Retry_After_names_no_wait()
    {
        teams.AnswerNextWith(400, Error("BadArgument"));

        var failure = await Assert.ThrowsAsync<ConnectorException>(SendAsync);

        Assert.Null(failure.RetryAfter);
    }

    [Fact]
    public async Task A_bot_blocked_by_the_user_is_told_so_at_once_without_retrying()
    {
        teams.AnswerNextWith(403, Error("MessageWritesBlocked"));

        var failure = await Assert.ThrowsAsync<ConnectorException>(SendAsync);

        Assert.Single(teams.Calls);
        Assert.Equal(HttpStatusCode.Forbidden, failure.StatusCode);
        Assert.True(failure.IsWritesBlocked);
    }

    [Fact]
    public async Task Another_403_is_not_mistaken_for_blocked_writes()
    {
        teams.AnswerNextWith(403, Error("BotNotInConversationRoster"));

        var failure = await Assert.ThrowsAsync<ConnectorException>(SendAsync);

        Assert.False(failure.IsWritesBlocked);
        Assert.Equal("BotNotInConversationRoster", failure.ErrorCode);
    }

    [Fact]
    public async Task A_bad_request_is_not_retried()
    {
        teams.AnswerNextWith(400, Error("BadArgument"));

        var failure = await Assert.ThrowsAsync<ConnectorException>(SendAsync);

        Assert.Single(teams.Calls);
        Assert.Equal(HttpStatusCode.BadRequest, failure.StatusCode);
        Assert.Equal("BadArgument", failure.ErrorCode);
    }

    [Fact]
    public async Task A_failure_without_the_documented_error_body_still_reports_its_status()
    {
        teams.AnswerNextWith(404, "<html><body>Not Found</body></html>");

        var failure = await Assert.ThrowsAsync<ConnectorException>(SendAsync);

        Assert.Equal(HttpStatusCode.NotFound, failure.StatusCode);
        Assert.Null(failure.ErrorCode);
    }

    [Fact]
    public async Task A_failure_with_an_empty_body_still_reports_its_status()
    {
        teams.AnswerNextWith(404);

        var failure = await Assert.ThrowsAsync<ConnectorException>(SendAsync);

        Assert.Equal(HttpStatusCode.NotFound, failure.StatusCode);
    }
}
