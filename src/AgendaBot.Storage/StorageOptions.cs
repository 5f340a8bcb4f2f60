namespace AgendaBot.Storage;

public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>A connection string (Azurite locally). When empty, <see cref="TableServiceUri"/> and the app's TokenCredential are used.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>e.g. https://account.table.core.windows.net, with a managed identity in Azure.</summary>
    public Uri? TableServiceUri { get; set; }

    /// <summary>e.g. https://account.queue.core.windows.net: the outbox queue when no connection string is set.</summary>
    public Uri? QueueServiceUri { get; set; }

    /// <summary>Prefix of every table (and, in lower case, queue) name, so that several deployments or test runs can share one account.</summary>
    public string TablePrefix { get; set; } = "agendabot";

    /// <summary>
    /// Whether each instance creates the tables and the queue at start-up (locally, in tests). False where the
    /// deployment creates them (infra/modules/storage.bicep; the web app sets it): once per deployment, not per start.
    /// </summary>
    public bool CreateTables { get; set; } = true;
}
