using System.Collections.Concurrent;
using AgendaBot.Domain.Agendas;
using AgendaBot.Domain.People;
using AgendaBot.Infrastructure.Delivery;
using AgendaBot.Storage.Agendas;
using AgendaBot.Storage.Delivery;
using Microsoft.Extensions.DependencyInjection;

namespace AgendaBot.Tests.Delivery;

/// <summary>What cannot be delivered is parked with its reason, and a conversation that blocked the bot gets no more calls.</summary>
public sealed class DeliveryFailureTests
{
    private const string Blocked = """{"error":{"code":"MessageWritesBlocked","message":"The bot is blocked."}}""";
    private static readonly TeamsUser Lead = new("user-lead", "Lena Leitung");

    [Fact]
    public async Task A_conversation_that_blocked_the_bot_gets_its_post_parked_is_marked_and_the_lead_is_told()
    {
        var notices = new RecordingNotice();
        await using var bot = await DeliveryBot.StartAsync(configureServices: s => s.AddSingleton<IWritesBlockedNotice>(notices));
        await bot.InstallInAsync();
        await bot.Get<AgendaRepository>().CreateAsync(bot.Tenant,
            Agenda.Create("agenda-1", "Digitale Agenda Hagenow", Lead, null, DeliveryBot.Channel, null, DateTimeOffset.UtcNow));
        bot.Teams.AnswerNextWith(403, Blocked);

        await bot.PostAsync("weekly|agenda-1|2026-W10|status", agendaId: "agenda-1");

        var parked = Assert.Single(await bot.WaitForParkedAsync());
        Assert.StartsWith("403 MessageWritesBlocked", parked.Reason, StringComparison.Ordinal);
        Assert.Equal("weekly|agenda-1|2026-W10|status", parked.IdempotencyKey);
        Assert.Contains("Wochenstatus", parked.Content, StringComparison.Ordinal);
        Assert.NotNull(await bot.Get<DeliveryLedger>().GetBlockAsync(bot.Tenant, DeliveryBot.Channel));
        var notice = Assert.Single(await Eventually.ReturnsAsync(() => Task.FromResult(notices.Received.ToList()), n => n.Count > 0));
        Assert.Equal((DeliveryBot.Channel, "agenda-1", Lead), (notice.ConversationId, notice.AgendaId, notice.ProjectLead));
        Assert.Single(bot.Teams.Calls);
    }

    [Fact]
    public async Task The_next_post_to_a_blocked_conversation_is_parked_without_calling_Teams()
    {
        await using var bot = await DeliveryBot.StartAsync();
        await bot.InstallInAsync(at: DateTimeOffset.UtcNow.AddMinutes(-5));
        bot.Teams.AnswerNextWith(403, Blocked);
        await bot.PostAsync("first");
        await bot.WaitForParkedAsync(1);

        await bot.PostAsync("second");

        var parked = await bot.WaitForParkedAsync(2);
        Assert.StartsWith("conversation blocked since", parked.Single(p => p.IdempotencyKey == "second").Reason, StringComparison.Ordinal);
        Assert.Single(bot.Teams.Calls);
    }

    [Fact]
    public async Task Installing_the_bot_again_lifts_the_block()
    {
        await using var bot = await DeliveryBot.StartAsync();
        await bot.InstallInAsync(at: DateTimeOffset.UtcNow.AddMinutes(-5));
        bot.Teams.AnswerNextWith(403, Blocked);
        await bot.PostAsync("first");
        await bot.WaitForParkedAsync(1);

        await bot.InstallInAsync(at: DateTimeOffset.UtcNow.AddSeconds(1));
        await bot.PostAsync("second", "Wieder da");

        Assert.Equal("Wieder da", (await bot.Teams.WaitForCallsAsync(2))[1].Text);
        Assert.Null(await Eventually.ReturnsAsync(() => bot.Get<DeliveryLedger>().GetBlockAsync(bot.Tenant, DeliveryBot.Channel), b => b is null));
    }

    [Fact]
    public async Task A_post_that_keeps_failing_is_parked_after_the_maximum_attempts()
    {
        await using var bot = await DeliveryBot.StartAsync(new Dictionary<string, string?>
        {
            ["Connector:MaxAttempts"] = "1",
            ["Delivery:MaxAttempts"] = "3",
        });
        await bot.InstallInAsync();
        for (var i = 0; i < 3; i++)
        {
            bot.Teams.AnswerNextWith(503);
        }

        await bot.PostAsync("weekly|agenda-1|2026-W10|status");

        var parked = Assert.Single(await bot.WaitForParkedAsync());
        Assert.Equal("503 (attempt 3)", parked.Reason);
        Assert.Equal(3, parked.Attempts);
        Assert.Equal(3, bot.Teams.Calls.Count);
        await Eventually.ReturnsAsync(bot.QueuedAsync, count => count == 0);
    }

    [Fact]
    public async Task A_post_Teams_refuses_as_a_bad_request_is_parked_at_once()
    {
        await using var bot = await DeliveryBot.StartAsync();
        await bot.InstallInAsync();
        bot.Teams.AnswerNextWith(400, """{"error":{"code":"BadArgument","message":"Unknown attachment."}}""");

        await bot.PostAsync("weekly|agenda-1|2026-W10|status");

        Assert.Equal("400 BadArgument (attempt 1)", Assert.Single(await bot.WaitForParkedAsync()).Reason);
        Assert.Single(bot.Teams.Calls);
    }

    [Fact]
    public async Task A_message_that_is_no_post_is_parked_and_the_worker_goes_on_delivering()
    {
        await using var bot = await DeliveryBot.StartAsync();
        await bot.InstallInAsync();
        var queue = bot.Get<DeliveryStorage>().Queue;
        var poison = (await queue.SendMessageAsync("{ not base64, not json")).Value.MessageId;

        await bot.PostAsync("weekly|agenda-1|2026-W10|status");

        Assert.Equal("Wochenstatus", Assert.Single(await bot.Teams.WaitForCallsAsync(1)).Text);
        var parked = await Eventually.ReturnsAsync(() => bot.Get<ParkedPosts>().ListUndecodableAsync(), p => p.Any(x => x.MessageId == poison));
        Assert.StartsWith("undecodable", parked.Single(p => p.MessageId == poison).Reason, StringComparison.Ordinal);
        await Eventually.ReturnsAsync(bot.QueuedAsync, count => count == 0);
    }

    private sealed class RecordingNotice : IWritesBlockedNotice
    {
        public ConcurrentQueue<WritesBlocked> Received { get; } = new();

        public Task NotifyAsync(WritesBlocked blocked, CancellationToken cancellationToken)
        {
            Received.Enqueue(blocked);
            return Task.CompletedTask;
        }
    }
}
