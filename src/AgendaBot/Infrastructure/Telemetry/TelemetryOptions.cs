namespace AgendaBot.Infrastructure.Telemetry;

/// <summary>Where traces, metrics and logs go (section <c>Telemetry</c>); see the configuration table in docs/operations.md.</summary>
public sealed class TelemetryOptions
{
    public const string SectionName = "Telemetry";

    /// <summary>The variable App Service and the Bicep template set for Application Insights.</summary>
    public const string ConnectionStringVariable = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary>Application Insights; overrides <see cref="ConnectionStringVariable"/>. Set: everything goes to Azure Monitor.</summary>
    public string? AzureMonitorConnectionString { get; set; }

    /// <summary>
    /// Where the Azure Monitor exporter keeps telemetry it could not send yet, to send it later (default: the
    /// exporter's own folder under /var/tmp). Instances that must not send each other's leftovers get one each.
    /// </summary>
    public string? AzureMonitorStorageDirectory { get; set; }

    /// <summary>Without Azure Monitor: write traces and metrics to standard output (logs go there anyway).</summary>
    public bool ConsoleExporter { get; set; }

    /// <summary>How often metrics are written to the console.</summary>
    public TimeSpan ConsoleMetricsInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The outbox depth gauge asks Queue Storage at most this often, however often it is read.</summary>
    public TimeSpan QueueDepthRefresh { get; set; } = TimeSpan.FromSeconds(30);
}
