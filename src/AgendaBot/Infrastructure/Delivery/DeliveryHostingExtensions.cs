using AgendaBot.Infrastructure.Scheduling;
using AgendaBot.Storage;
using AgendaBot.Storage.Delivery;
using AgendaBot.Storage.Scheduling;
using Azure.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AgendaBot.Infrastructure.Delivery;

/// <summary>Durable delivery of proactive posts (outbox queue, delivery worker) and the weekly post scheduler.</summary>
public static class DeliveryHostingExtensions
{
    public static IServiceCollection AddAgendaBotDelivery(this IServiceCollection services)
    {
        services.AddOptions<DeliveryOptions>().BindConfiguration(DeliveryOptions.SectionName)
            .Validate(o => o.VisibilityTimeout >= TimeSpan.FromSeconds(1) && o.ClaimLifetime >= o.VisibilityTimeout && o.PollInterval > TimeSpan.Zero && o.MaxConcurrency > 0
                && o.MaxAttempts > 0 && o.PerConversationPerSecond > 0 && o.PerConversationPerTwoSeconds > 0
                && o.PerConversationPerThirtySeconds > 0 && o.PerConversationPerHour > 0 && o.PerTenantPerSecond > 0,
                "Delivery: the visibility timeout is at least 1 s and the claim lifetime at least as long; poll interval, concurrency, attempts and rate limits are positive.")
            .ValidateOnStart();
        services.AddOptions<WeeklyPostOptions>().BindConfiguration(WeeklyPostOptions.SectionName);
        services.AddOptions<StorageOptions>()
            .Validate(o => !string.IsNullOrWhiteSpace(o.ConnectionString) || o.QueueServiceUri is not null,
                "Set Storage:QueueServiceUri (e.g. https://account.queue.core.windows.net) next to Storage:TableServiceUri: the outbox is a queue.")
            .ValidateOnStart();

        services.AddSingleton(sp => new DeliveryStorage(
            sp.GetRequiredService<IOptions<StorageOptions>>().Value, sp.GetService<TokenCredential>()));
        services.AddSingleton<OutboxQueue>();
        services.AddSingleton<DeliveryLedger>();
        services.AddSingleton<ParkedPosts>();
        services.AddSingleton<WeeklyLeases>();
        services.AddSingleton<AgendaIndex>();

        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<Outbox>();
        services.AddSingleton<SendRateLimiter>();
        // The connector client is a typed HttpClient: one delivery per DI scope gets a fresh one.
        services.AddScoped<PostDelivery>();
        services.AddScoped<WritesBlockedHandling>();
        services.TryAddSingleton<IWritesBlockedNotice, LoggingWritesBlockedNotice>();
        services.TryAddSingleton<IWeeklyReport, NoWeeklyReport>();

        services.AddHostedService<DeliveryWorker>();
        services.AddHostedService<WeeklyPostScheduler>();
        return services;
    }
}
