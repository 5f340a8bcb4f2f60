using Azure.Core;
using Azure.Data.Tables;

namespace AgendaBot.Storage;

/// <summary>The tables the bot uses. Created once at start-up by <see cref="EnsureCreatedAsync"/>, not on every use.</summary>
public sealed class StorageTables
{
    private readonly bool createTables;

    public StorageTables(StorageOptions options, TokenCredential? credential = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        createTables = options.CreateTables;
        // A card click must be answered within seconds, so storage retries are short and bounded.
        var clientOptions = new TableClientOptions
        {
            Retry = { MaxRetries = 3, Delay = TimeSpan.FromMilliseconds(200), MaxDelay = TimeSpan.FromSeconds(2), NetworkTimeout = TimeSpan.FromSeconds(10) },
        };
        var service = !string.IsNullOrWhiteSpace(options.ConnectionString)
            ? new TableServiceClient(options.ConnectionString, clientOptions)
            : options.TableServiceUri is not null && credential is not null
                ? new TableServiceClient(options.TableServiceUri, credential, clientOptions)
                : throw new InvalidOperationException("Storage:ConnectionString or Storage:TableServiceUri (with a credential) must be set.");
        Agendas = service.GetTableClient(options.TablePrefix + "Agendas");
        Workshops = service.GetTableClient(options.TablePrefix + "Workshops");
        Measures = service.GetTableClient(options.TablePrefix + "Measures");
        Conversations = service.GetTableClient(options.TablePrefix + "Conversations");
        Deadlines = service.GetTableClient(options.TablePrefix + "Deadlines");
        Images = service.GetTableClient(options.TablePrefix + "Images");
        Exports = service.GetTableClient(options.TablePrefix + "Exports");
    }

    public TableClient Agendas { get; }

    /// <summary>Workshop headers, participants, contributions, voting rounds and ballots, one partition per workshop.</summary>
    public TableClient Workshops { get; }

    /// <summary>Measures, their history and comments, consultations, one partition per agenda.</summary>
    public TableClient Measures { get; }

    public TableClient Conversations { get; }

    /// <summary>Due times of voting rounds across all tenants, for the watcher that closes them (no personal data).</summary>
    public TableClient Deadlines { get; }

    /// <summary>Chart pictures for cards, one partition per random token (<see cref="AgendaBot.Storage.Images.ImageStore"/>).</summary>
    public TableClient Images { get; }

    /// <summary>Generated export files (DOCX, PDF, CSV) for download, one partition per random token; they expire.</summary>
    public TableClient Exports { get; }

    /// <summary>The tables partitioned by tenant. What each holds about people is declared per row (PersonalData/PersonalDataRegistry).</summary>
    public IEnumerable<TableClient> All => [Agendas, Workshops, Measures, Conversations];

    // Side by side, not one after the other: start-up waits for one round-trip instead of seven.
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken = default)
    {
        if (createTables)
        {
            await Task.WhenAll(All.Append(Deadlines).Append(Images).Append(Exports).Select(table => table.CreateIfNotExistsAsync(cancellationToken)));
        }
    }
}
