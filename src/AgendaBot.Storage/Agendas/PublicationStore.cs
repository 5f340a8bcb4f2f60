using System.Security.Cryptography;
using System.Text.Json;
using AgendaBot.Domain.Agendas;
using AgendaBot.Storage.Images;
using AgendaBot.Storage.PersonalData;
using Azure.Data.Tables;

namespace AgendaBot.Storage.Agendas;

/// <summary>Where a published agenda stands: its public address, the version shown there, or that it was withdrawn.</summary>
public sealed record Publication(string PublicId, string TenantId, string AgendaId, PublishedAgenda? Version, DateTimeOffset? WithdrawnAt)
{
    /// <summary>What the feed tells, newest first (at most <see cref="PublicationNews.Kept"/>).</summary>
    public IReadOnlyList<PublicationNews> News { get; init; } = [];

    /// <summary>The live-status switch: the pages show the measures' status as it is now, not as published.</summary>
    public bool LiveStatus { get; init; }

    public bool IsPublic => Version is not null && WithdrawnAt is null;
}

/// <summary>
/// The published versions of agendas, found by their public id alone (a web page knows no tenant): one row per
/// agenda in the partition "public" of the Agendas table, its public id a random token that does not change between
/// versions, so that a link printed in the newspaper keeps working. The agenda's own partition remembers the id.
/// </summary>
public sealed class PublicationStore(StorageTables tables, TimeProvider time)
{
    /// <summary>
    /// How long a page view may show what this instance read last, so that a link in the newspaper does not reach
    /// storage on every view. Publishing or withdrawing on this instance takes effect at once; on another, after this.
    /// </summary>
    public static readonly TimeSpan ReadFor = RecentReads<Publication?>.For;

    private readonly RecentReads<Publication?> read = new(time);

    /// <summary>Neither row names anyone: a published version leaves people out (<see cref="PublishedAgenda"/>).</summary>
    internal static readonly IReadOnlyList<StoredRow> PersonalData =
    [
        StoredRow.Nobody(StoredTable.Agendas, Keys.PublicationPrefix),
        StoredRow.Nobody(StoredTable.Agendas, Keys.PublishedPrefix),
        StoredRow.Nobody(StoredTable.Agendas, Keys.PublishedDocumentPrefix),
    ];

    private readonly TableClient table = tables.Agendas;

    /// <summary>The agenda's publication, published or withdrawn; null when it was never published.</summary>
    public async Task<Publication?> GetOfAgendaAsync(TenantScope scope, string agendaId, CancellationToken cancellationToken = default) =>
        await table.FindAsync(Keys.TenantPartition(scope.TenantId), Keys.PublicationRow(agendaId), cancellationToken) is { } pointer
            ? await GetAsync(pointer.GetString("PublicId"), cancellationToken)
            : null;

    /// <summary>What the web shows under a public id (read at most <see cref="ReadFor"/> ago); null for an id never given out.</summary>
    public async Task<Publication?> GetForPageAsync(string publicId, CancellationToken cancellationToken = default)
    {
        if (!ImageTokens.IsWellFormed(publicId))
        {
            return null;
        }

        return await read.GetAsync(publicId, () => GetAsync(publicId, cancellationToken));
    }

    /// <summary>What is stored under a public id now; null for an id that was never given out.</summary>
    public async Task<Publication?> GetAsync(string publicId, CancellationToken cancellationToken = default)
    {
        if (!ImageTokens.IsWellFormed(publicId) || await table.FindAsync(Keys.PublicPartition, Keys.PublishedRow(publicId), cancellationToken) is not { } row)
        {
            return null;
        }

        var bytes = row.GetInt32("SnapshotLength") is { } length ? BinaryColumns.Read(row, "Snapshot", length) : null;
        var version = bytes is null ? null : JsonSerializer.Deserialize(bytes, PublicationJson.Default.PublishedAgenda);
        return new Publication(publicId, row.GetString("TenantId"), row.GetString("AgendaId"), version, row.GetDateTimeOffset("WithdrawnAt"))
        {
            News = row.GetString("News") is { } news ? JsonSerializer.Deserialize(news, PublicationJson.Default.ListPublicationNews) ?? [] : [],
            LiveStatus = row.GetBoolean("LiveStatus") ?? false,
        };
    }

    /// <summary>Publishes a version under the agenda's public id (a new one the first time); returns the publication.</summary>
    /// <param name="liveStatus">The live-status switch, set with the version (<see cref="Publication.LiveStatus"/>).</param>
    /// <param name="documents">The version as documents to download, by language ("de", "en"); written before the version.</param>
    public async Task<Publication> PublishAsync(TenantScope scope, string agendaId, PublishedAgenda version, bool liveStatus = false,
        IReadOnlyDictionary<string, byte[]>? documents = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var publicId = (await table.FindAsync(Keys.TenantPartition(scope.TenantId), Keys.PublicationRow(agendaId), cancellationToken))?.GetString("PublicId")
            ?? NewPublicId();
        foreach (var (language, file) in documents ?? new Dictionary<string, byte[]>())
        {
            // A document too large for a row is left out: the pages offer the open data and the page itself instead.
            if (file.Length <= BinaryColumns.MaxBytes)
            {
                var document = new TableEntity(Keys.PublicPartition, Keys.PublishedDocumentRow(publicId, language))
                {
                    ["Length"] = file.Length, ["PublishedAt"] = version.PublishedAt,
                };
                BinaryColumns.Write(document, "Bytes", file);
                await table.UpsertEntityAsync(document, TableUpdateMode.Replace, cancellationToken);
            }
        }

        var before = await GetAsync(publicId, cancellationToken);
        // News since the version shown last; after a withdrawal the first version again tells only that it is there.
        var news = PublicationNews.Of(version, before?.IsPublic == true ? before.Version : null).Concat(before?.News ?? []).Take(PublicationNews.Kept).ToList();
        var bytes = JsonSerializer.SerializeToUtf8Bytes(version, PublicationJson.Default.PublishedAgenda);
        var row = new TableEntity(Keys.PublicPartition, Keys.PublishedRow(publicId))
        {
            ["TenantId"] = scope.TenantId, ["AgendaId"] = agendaId, ["PublishedAt"] = version.PublishedAt, ["SnapshotLength"] = bytes.Length,
            ["News"] = JsonSerializer.Serialize(news, PublicationJson.Default.ListPublicationNews), ["LiveStatus"] = liveStatus,
        };
        BinaryColumns.Write(row, "Snapshot", bytes);
        // The version first: a pointer is only written to an id that shows something.
        await table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
        read.Forget(publicId);
        await table.UpsertEntityAsync(new TableEntity(Keys.TenantPartition(scope.TenantId), Keys.PublicationRow(agendaId)) { ["PublicId"] = publicId },
            TableUpdateMode.Replace, cancellationToken);
        return new Publication(publicId, scope.TenantId, agendaId, version, null) { News = news, LiveStatus = liveStatus };
    }

    /// <summary>
    /// The document of the version shown under a public id, in a language; null when there is none or the version is
    /// not public (a document of an older version is not handed out: it must be of the version published last).
    /// </summary>
    public async Task<byte[]?> GetDocumentAsync(Publication publication, string language, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(publication);
        if (publication is not { IsPublic: true, Version: { } version }
            || await table.FindAsync(Keys.PublicPartition, Keys.PublishedDocumentRow(publication.PublicId, language), cancellationToken) is not { } row
            || row.GetDateTimeOffset("PublishedAt") != version.PublishedAt || row.GetInt32("Length") is not { } length)
        {
            return null;
        }

        return BinaryColumns.Read(row, "Bytes", length);
    }

    /// <summary>Turns the live-status switch on or off for what is public; null when nothing is.</summary>
    public async Task<Publication?> SetLiveStatusAsync(TenantScope scope, string agendaId, bool liveStatus, CancellationToken cancellationToken = default)
    {
        if (await GetOfAgendaAsync(scope, agendaId, cancellationToken) is not { IsPublic: true } published)
        {
            return null;
        }

        await table.UpdateEntityAsync(new TableEntity(Keys.PublicPartition, Keys.PublishedRow(published.PublicId)) { ["LiveStatus"] = liveStatus },
            Azure.ETag.All, TableUpdateMode.Merge, cancellationToken);
        read.Forget(published.PublicId);
        return published with { LiveStatus = liveStatus };
    }

    /// <summary>Takes the pages down (they answer 410 Gone); the id stays the agenda's, for publishing again.</summary>
    public async Task<bool> WithdrawAsync(TenantScope scope, string agendaId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        if (await GetOfAgendaAsync(scope, agendaId, cancellationToken) is not { IsPublic: true } published)
        {
            return false;
        }

        // The version goes with it: nothing of a withdrawn agenda stays readable.
        await table.UpsertEntityAsync(new TableEntity(Keys.PublicPartition, Keys.PublishedRow(published.PublicId))
        {
            ["TenantId"] = scope.TenantId, ["AgendaId"] = agendaId, ["WithdrawnAt"] = now,
        }, TableUpdateMode.Replace, cancellationToken);
        read.Forget(published.PublicId);
        return true;
    }

    // As unguessable as a picture's token: the address of a page nobody has announced yet.
    private static string NewPublicId() => ImageTokens.New();
}

[System.Text.Json.Serialization.JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[System.Text.Json.Serialization.JsonSerializable(typeof(PublishedAgenda))]
[System.Text.Json.Serialization.JsonSerializable(typeof(List<PublicationNews>))]
internal sealed partial class PublicationJson : System.Text.Json.Serialization.JsonSerializerContext;
