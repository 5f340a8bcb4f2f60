using AgendaBot.Infrastructure.Delivery;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AgendaBot.Tests.Delivery;

/// <summary>The limiter on a fake clock: Teams' windows are counted exactly, plus the safety margin.</summary>
public sealed class SendRateLimiterTests
{
    private static readonly TimeSpan Margin = TimeSpan.FromMilliseconds(250);
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 3, 2, 7, 0, 0, TimeSpan.Zero));
    private readonly SendRateLimiter limiter;

    public SendRateLimiterTests() =>
        limiter = new SendRateLimiter(Options.Create(new DeliveryOptions { RateWindowMargin = Margin }), time);

    [Fact]
    public void Seven_sends_in_a_second_go_at_once_and_the_eighth_waits_until_the_first_is_a_second_old()
    {
        var waits = Enumerable.Range(0, 8).Select(_ => limiter.TryAcquire("t", "c")).ToList();

        Assert.All(waits.Take(7), w => Assert.Equal(TimeSpan.Zero, w));
        Assert.Equal(TimeSpan.FromSeconds(1) + Margin, waits[7]);
    }

    [Fact]
    public void A_refused_send_is_not_counted()
    {
        SendTimes(7);
        limiter.TryAcquire("t", "c");

        time.Advance(TimeSpan.FromSeconds(1) + Margin);

        Assert.Equal(TimeSpan.Zero, limiter.TryAcquire("t", "c"));
    }

    [Fact]
    public void The_eighth_send_within_two_seconds_is_the_last_until_the_window_has_passed()
    {
        SendTimes(7);
        time.Advance(TimeSpan.FromSeconds(1) + Margin);
        SendTimes(1);

        var ninth = limiter.TryAcquire("t", "c");

        Assert.Equal(TimeSpan.FromSeconds(1), ninth);
    }

    [Fact]
    public void Sixty_sends_in_thirty_seconds_are_the_most_a_conversation_gets()
    {
        var sent = 0;
        var start = time.GetUtcNow();
        while (time.GetUtcNow() - start < TimeSpan.FromSeconds(30))
        {
            var wait = limiter.TryAcquire("t", "c");
            if (wait == TimeSpan.Zero)
            {
                sent++;
            }
            else
            {
                time.Advance(wait);
            }
        }

        Assert.Equal(60, sent);
    }

    [Fact]
    public void Conversations_have_their_own_limits()
    {
        SendTimes(7);

        Assert.Equal(TimeSpan.Zero, limiter.TryAcquire("t", "another conversation"));
        Assert.Equal(TimeSpan.Zero, limiter.TryAcquire("another tenant", "c"));
    }

    [Fact]
    public void A_tenant_gets_at_most_fifty_sends_a_second_across_its_conversations()
    {
        var waits = Enumerable.Range(0, 51).Select(n => limiter.TryAcquire("t", $"conversation-{n / 7}")).ToList();

        Assert.Equal(50, waits.Count(w => w == TimeSpan.Zero));
        Assert.Equal(TimeSpan.FromSeconds(1) + Margin, waits[50]);
    }

    [Fact]
    public async Task Waiting_longer_than_allowed_is_reported_instead_of_waited()
    {
        SendTimes(7);

        var putBack = await limiter.AcquireAsync("t", "c", TimeSpan.FromMilliseconds(500), CancellationToken.None);

        Assert.Equal(TimeSpan.FromSeconds(1) + Margin, putBack);
    }

    private void SendTimes(int count)
    {
        for (var i = 0; i < count; i++)
        {
            Assert.Equal(TimeSpan.Zero, limiter.TryAcquire("t", "c"));
        }
    }
}
