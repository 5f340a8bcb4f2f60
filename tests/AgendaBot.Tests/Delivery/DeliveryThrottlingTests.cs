namespace AgendaBot.Tests.Delivery;

/// <summary>Teams' rate limits: the worker waits when told to (429 + Retry-After) and never bursts past 7 posts a second.</summary>
public sealed class DeliveryThrottlingTests
{
    [Fact]
    public async Task A_throttled_post_waits_as_long_as_Retry_After_says_and_is_delivered()
    {
        await using var bot = await DeliveryBot.StartAsync();
        await bot.InstallInAsync();
        bot.Teams.AnswerNextWith(429, null, ("Retry-After", "1"));

        await bot.PostAsync("weekly|agenda-1|2026-W10|status");

        var calls = await bot.Teams.WaitForCallsAsync(2);
        AssertWaited(TimeSpan.FromSeconds(1), calls[0].At, calls[1].At);
        await Eventually.ReturnsAsync(bot.QueuedAsync, count => count == 0);
        Assert.Equal(2, bot.Teams.Calls.Count);
    }

    [Fact]
    public async Task When_the_connector_has_used_up_its_retries_the_post_comes_back_after_Retry_After()
    {
        await using var bot = await DeliveryBot.StartAsync(new Dictionary<string, string?> { ["Connector:MaxAttempts"] = "1" });
        await bot.InstallInAsync();
        bot.Teams.AnswerNextWith(429, null, ("Retry-After", "1"));

        await bot.PostAsync("weekly|agenda-1|2026-W10|status");

        var calls = await bot.Teams.WaitForCallsAsync(2);
        AssertWaited(TimeSpan.FromSeconds(1), calls[0].At, calls[1].At);
        await Eventually.ReturnsAsync(bot.QueuedAsync, count => count == 0);
        Assert.Equal(2, bot.Teams.Calls.Count);
        Assert.Empty(await bot.ParkedAsync());
    }

    [Fact]
    public async Task A_burst_of_20_posts_to_one_conversation_never_reaches_Teams_faster_than_7_per_second()
    {
        await using var bot = await DeliveryBot.StartAsync();
        await bot.InstallInAsync();

        await Task.WhenAll(Enumerable.Range(1, 20).Select(n => bot.PostAsync($"burst|{n}", $"Beitrag {n}")));

        var calls = await bot.Teams.WaitForCallsAsync(20, TimeSpan.FromSeconds(30));
        var arrivals = calls.Select(c => c.At).Order().ToList();
        var busiestSecond = arrivals.Max(start => arrivals.Count(at => at >= start && at < start + TimeSpan.FromSeconds(1)));
        Assert.True(busiestSecond <= 7, $"{busiestSecond} posts arrived within one second");
        Assert.Equal(20, calls.Select(c => c.Text).Distinct().Count());
    }

    // Arrival times are taken on the server, so allow for the clock's granularity but not for an early retry.
    private static void AssertWaited(TimeSpan expected, DateTimeOffset first, DateTimeOffset second) =>
        Assert.True(second - first >= expected - TimeSpan.FromMilliseconds(20), $"waited only {(second - first).TotalMilliseconds} ms");
}
