using Azure.Monitor.OpenTelemetry.Exporter;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace AgendaBot.Infrastructure.Telemetry;

/// <summary>
/// OpenTelemetry traces, metrics and logs: the bot's own (<see cref="BotTelemetry"/>), ASP.NET Core, HttpClient and
/// the Azure SDK's storage calls. Exported to Azure Monitor when a connection string is configured, otherwise to the
/// console when <c>Telemetry:ConsoleExporter</c> is on, otherwise only to listeners in the process (tests).
/// </summary>
public static class TelemetryHostingExtensions
{
    // Every Azure SDK request carries it; the SDK traces those requests itself (Azure.Core.Http), and HttpClient's span
    // of the same request would only repeat them.
    private const string AzureRequestIdHeader = "x-ms-client-request-id";

    public static WebApplicationBuilder AddAgendaBotTelemetry(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<TelemetryOptions>().BindConfiguration(TelemetryOptions.SectionName)
            .Validate(o => o.QueueDepthRefresh >= TimeSpan.Zero && o.ConsoleMetricsInterval > TimeSpan.Zero,
                "Telemetry: the queue depth refresh is not negative and the console metrics interval is positive.")
            .ValidateOnStart();
        var settings = builder.Configuration.GetSection(TelemetryOptions.SectionName).Get<TelemetryOptions>() ?? new TelemetryOptions();
        var connectionString = string.IsNullOrWhiteSpace(settings.AzureMonitorConnectionString)
            ? builder.Configuration[TelemetryOptions.ConnectionStringVariable]
            : settings.AzureMonitorConnectionString;

        services.AddSingleton<BotMetrics>();
        services.AddTransient<ConnectorTelemetryHandler>();
        services.AddSingleton<OutboxDepthGauge>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDepthGauge>());

        // The Azure SDK reports its calls (tables, queues) as spans only when asked to.
        AppContext.SetSwitch("Azure.Experimental.EnableActivitySource", true);

        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(BotTelemetry.Name))
            .WithTracing(tracing => tracing
                .SetSampler(new QuietPollingSampler())
                .AddSource(BotTelemetry.Name, "Azure.*")
                // Query strings are left out by default; paths carry no secrets except image tokens.
                .AddProcessor(new ImageTokenRedaction())
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation(options =>
                    options.FilterHttpRequestMessage = request => !request.Headers.Contains(AzureRequestIdHeader)))
            .WithMetrics(metrics => metrics
                .AddMeter(BotTelemetry.Name)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation())
            .WithLogging(configureBuilder: null, configureOptions: options =>
            {
                options.IncludeScopes = true;
                options.IncludeFormattedMessage = true;
            });

        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            telemetry
                .WithTracing(tracing => tracing.AddAzureMonitorTraceExporter(o => AzureMonitor(o, connectionString, settings.AzureMonitorStorageDirectory)))
                .WithMetrics(metrics => metrics.AddAzureMonitorMetricExporter(o => AzureMonitor(o, connectionString, settings.AzureMonitorStorageDirectory)))
                .WithLogging(logging => logging.AddAzureMonitorLogExporter(o => AzureMonitor(o, connectionString, settings.AzureMonitorStorageDirectory)));
        }
        else if (settings.ConsoleExporter)
        {
            telemetry
                .WithTracing(tracing => tracing.AddConsoleExporter())
                .WithMetrics(metrics => metrics.AddConsoleExporter((_, reader) =>
                    reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = (int)settings.ConsoleMetricsInterval.TotalMilliseconds));
        }

        return builder;
    }

    private static void AzureMonitor(AzureMonitorExporterOptions options, string connectionString, string? storageDirectory)
    {
        options.ConnectionString = connectionString;
        if (!string.IsNullOrWhiteSpace(storageDirectory))
        {
            options.StorageDirectory = storageDirectory;
        }

        // Live Metrics keeps a second channel open to Azure; the bot's telemetry goes only where the connection string says.
        options.EnableLiveMetrics = false;
    }
}
