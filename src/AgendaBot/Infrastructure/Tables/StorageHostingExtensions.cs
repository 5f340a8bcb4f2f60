using AgendaBot.Storage;
using AgendaBot.Storage.Agendas;
using AgendaBot.Storage.Conversations;
using AgendaBot.Storage.Measures;
using AgendaBot.Storage.PersonalData;
using AgendaBot.Storage.Voting;
using AgendaBot.Storage.Workshops;
using Azure.Core;
using Microsoft.Extensions.Options;

namespace AgendaBot.Infrastructure.Tables;

public static partial class StorageHostingExtensions
{
    public static IServiceCollection AddAgendaBotStorage(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName)
            .Validate(o => !string.IsNullOrWhiteSpace(o.ConnectionString) || o.TableServiceUri is not null,
                "Set Storage:ConnectionString (Azurite: UseDevelopmentStorage=true) or Storage:TableServiceUri.")
            .ValidateOnStart();
        services.AddSingleton(sp => new StorageTables(
            sp.GetRequiredService<IOptions<StorageOptions>>().Value, sp.GetService<TokenCredential>()));
        services.AddSingleton<AgendaRepository>();
        services.AddSingleton<PublicationStore>();
        services.AddSingleton<CitizenIdeaStore>();
        services.AddSingleton<FinalRoundStore>();
        services.AddSingleton<KickOffStore>();
        services.AddSingleton<PublicNames>();
        services.AddSingleton<WorkshopRepository>();
        services.AddSingleton<VotingRepository>();
        services.AddSingleton<BallotReads>();
        services.AddSingleton<MeasureRepository>();
        services.AddSingleton<CommentRoundRepository>();
        services.AddSingleton<PlanFollowUpStore>();
        services.AddSingleton<ConversationReferenceRepository>();
        services.AddSingleton<PersonalDataService>();
        services.AddSingleton<DeadlineRepository>();
        services.AddHostedService<StorageInitializer>();
        return services;
    }
}

/// <summary>
/// Creates the tables at start-up, before the bot takes requests, when storage answers within a few seconds. If it
/// does not, the bot starts anyway — users are told that data is unavailable — and creation goes on in the background.
/// </summary>
internal sealed partial class StorageInitializer(StorageTables tables, Storage.Delivery.DeliveryStorage delivery, ILogger<StorageInitializer> logger) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource stopping = new();
    private Task background = Task.CompletedTask;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        using var quick = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        quick.CancelAfter(TimeSpan.FromSeconds(10));
        if (!await TryCreateAsync(1, quick.Token))
        {
            background = RetryAsync(stopping.Token);
        }
    }

    // The host may stop a service more than once (a test host disposes after stopping): only the first stop acts.
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref stopped, 1) == 1)
        {
            return;
        }

        await stopping.CancelAsync();
        await background.WaitAsync(cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    public void Dispose()
    {
        Interlocked.Exchange(ref stopped, 1);
        stopping.Dispose();
    }

    private int stopped;

    private async Task RetryAsync(CancellationToken stoppingToken)
    {
        for (var attempt = 2; !stoppingToken.IsCancellationRequested; attempt++)
        {
            await Task.Delay(TimeSpan.FromSeconds(Math.Min(30, attempt * 2)), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            if (await TryCreateAsync(attempt, stoppingToken))
            {
                return;
            }
        }
    }

    private async Task<bool> TryCreateAsync(int attempt, CancellationToken cancellationToken)
    {
        try
        {
            await tables.EnsureCreatedAsync(cancellationToken);
            // Also the delivery tables: a handler writes the agenda index (Schedule) long before a worker would create it.
            await delivery.EnsureCreatedAsync(cancellationToken);
            LogReady(logger);
            return true;
        }
        catch (Exception failure) when (failure is Azure.RequestFailedException or HttpRequestException or OperationCanceledException or AggregateException)
        {
            LogNotReady(logger, attempt, failure.Message);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Storage tables are ready")]
    private static partial void LogReady(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storage not reachable yet (attempt {Attempt}): {Reason}")]
    private static partial void LogNotReady(ILogger logger, int attempt, string reason);
}
