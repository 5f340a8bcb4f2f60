using AgendaBot.Storage;
using AgendaBot.Storage.Agendas;
using AgendaBot.Storage.Conversations;
using AgendaBot.Storage.Measures;
using AgendaBot.Storage.PersonalData;
using AgendaBot.Storage.Voting;
using AgendaBot.Storage.Workshops;
using Azure.Core;
using Microsoft.Extensions.Options;

namespace AgendaBot.Hosting;

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
        services.AddSingleton<WorkshopRepository>();
        services.AddSingleton<VotingRepository>();
        services.AddSingleton<MeasureRepository>();
        services.AddSingleton<ConversationReferenceRepository>();
        services.AddSingleton<PersonalDataService>();
        services.AddHostedService<StorageInitializer>();
        return services;
    }
}

/// <summary>
/// Creates the tables at start-up. If storage is not reachable yet the bot still starts — users are told that data
/// is unavailable — and creation is tried again in the background.
/// </summary>
internal sealed partial class StorageInitializer(StorageTables tables, ILogger<StorageInitializer> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        for (var attempt = 1; !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                await tables.EnsureCreatedAsync(stoppingToken);
                LogReady(logger);
                return;
            }
            catch (Exception failure) when (failure is Azure.RequestFailedException or HttpRequestException)
            {
                LogNotReady(logger, attempt, failure.Message);
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(30, attempt * 2)), stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Storage tables are ready")]
    private static partial void LogReady(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storage not reachable yet (attempt {Attempt}): {Reason}")]
    private static partial void LogNotReady(ILogger logger, int attempt, string reason);
}
