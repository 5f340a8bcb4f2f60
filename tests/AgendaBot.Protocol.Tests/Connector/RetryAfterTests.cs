using System.Net.Http.Headers;
using AgendaBot.Protocol.Activities;
using AgendaBot.Protocol.Connector;
using AgendaBot.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AgendaBot.Protocol.Tests.Connector;

/// <summary>A throttled call (429) waits as long as the channel's Retry-After asks, on the handler's clock.</summary>
public sealed class RetryAfterTests : IAsyncLifetime
{
    private readonly WatchedClock time = new(new DateTimeOffset(2024, 5, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly ConnectorOptions options = new();
    private RecordingConnector teams = null!;
    private HttpClient http = null!;

    public async Task InitializeAsync()
    {
        teams = await RecordingConnector.StartAsync();
        http = new HttpClient(new ConnectorRetryHandler(Options.Create(options), time, NullLogger<ConnectorRetryHandler>.Instance)
        {
            InnerHandler = new SocketsHttpHandler(),
        });
    }

    public async Task DisposeAsync()
    {
        http.Dispose();
        await teams.DisposeAsync();
    }

    [Fact]
    public async Task A_throttled_send_is_retried_once_the_time_Retry_After_names_has_passed()
    {
        teams.AnswerNextWith(429, null, ("Retry-After", "1"));

        var sending = new ConnectorClient(http).SendToConversationAsync(teams.ServiceUrl, "a:personal-chat", new Activity { Text = "Hi" });
        var wait = await time.WaitForTimerAsync();
        time.Advance(wait);
        await sending;

        Assert.Equal(TimeSpan.FromSeconds(1), wait);
        Assert.Equal(2, teams.Calls.Count);
    }

    [Fact]
    public void Retry_After_in_seconds_is_waited_exactly()
    {
        using var throttled = Throttled(new RetryConditionHeaderValue(TimeSpan.FromSeconds(1)));

        Assert.Equal(TimeSpan.FromSeconds(1), Handler().DelayFor(throttled, attempt: 1, options));
    }

    [Fact]
    public void Retry_After_as_a_date_is_waited_until_then()
    {
        using var throttled = Throttled(new RetryConditionHeaderValue(time.GetUtcNow().AddSeconds(3)));

        Assert.Equal(TimeSpan.FromSeconds(3), Handler().DelayFor(throttled, attempt: 1, options));
    }

    [Fact]
    public void Retry_After_longer_than_the_longest_wait_is_capped()
    {
        using var throttled = Throttled(new RetryConditionHeaderValue(TimeSpan.FromMinutes(10)));

        Assert.Equal(options.MaxDelay, Handler().DelayFor(throttled, attempt: 1, options));
    }

    [Theory]
    [InlineData(1, 250, 500)]
    [InlineData(2, 500, 1000)]
    [InlineData(3, 1000, 2000)]
    public void Without_Retry_After_the_wait_doubles_per_attempt_with_jitter(int attempt, int atLeastMs, int atMostMs)
    {
        using var unavailable = new HttpResponseMessage(System.Net.HttpStatusCode.ServiceUnavailable);
        var handler = Handler();

        var waits = Enumerable.Range(0, 50).Select(_ => handler.DelayFor(unavailable, attempt, options)).ToList();

        Assert.All(waits, wait => Assert.InRange(wait.TotalMilliseconds, atLeastMs, atMostMs));
    }

    [Fact]
    public void Back_off_never_exceeds_the_longest_wait()
    {
        using var unavailable = new HttpResponseMessage(System.Net.HttpStatusCode.ServiceUnavailable);

        Assert.Equal(options.MaxDelay, Handler().DelayFor(unavailable, attempt: 20, options));
    }

    private ConnectorRetryHandler Handler() =>
        new(Options.Create(options), time, NullLogger<ConnectorRetryHandler>.Instance);

    private static HttpResponseMessage Throttled(RetryConditionHeaderValue retryAfter) =>
        new(System.Net.HttpStatusCode.TooManyRequests) { Headers = { RetryAfter = retryAfter } };
}
