using System.Text.Json;
using System.Text.Json.Nodes;
using AgendaBot.Domain.People;
using AgendaBot.Storage.Measures;
using Azure;
using Azure.Data.Tables;

namespace AgendaBot.Storage.PersonalData;

/// <summary>
/// The people a draft was sent to for comment sit in JSON lists on the round's row (<c>cround|…</c>), which no filter
/// can search: export and erasure read the tenant's rounds, like the moderator lists on workshop headers. This also
/// finds rounds stored before anything else would have marked them.
/// </summary>
internal sealed class DraftRecipients(StorageTables tables)
{
    private const string IdsColumn = CommentRoundRepository.RecipientIdsColumn;
    private const string NamesColumn = CommentRoundRepository.RecipientNamesColumn;

    /// <summary>
    /// A round as the person sees it in their export: when, which measures, whether it was sent to them and to how
    /// many — not who else got it, nor, unless it was them, who sent it. The storage's time of the last write is left
    /// out too: another person's erasure changes it.
    /// </summary>
    public static JsonObject Export(TableEntity round, string userId)
    {
        var item = round.GetString("PersonId") == userId
            ? ExportJson.Row(round, IdsColumn, NamesColumn, "Timestamp")
            : ExportJson.Row(round, IdsColumn, NamesColumn, "Timestamp", "PersonId", "StartedByName");
        var ids = Ids(round);
        item["SentToYou"] = ids.Contains(userId);
        item["RecipientCount"] = ids.Count;
        return item;
    }

    /// <summary>The tenant's rounds whose recipients include the person.</summary>
    public async Task<List<TableEntity>> SentToAsync(TenantScope scope, string userId, CancellationToken cancellationToken)
    {
        var (from, to) = Keys.TenantRange(scope.TenantId);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey ge {from} and PartitionKey lt {to} and RowKey ge {Keys.CommentRoundPrefix} and RowKey lt {Keys.PrefixEnd(Keys.CommentRoundPrefix)}");
        return (await tables.Measures.ListAsync(filter, cancellationToken)).Where(round => Ids(round).Contains(userId)).ToList();
    }

    /// <summary>
    /// Puts the anonymous user in the person's place in each round they were sent, so the round keeps its count of
    /// recipients but no longer names them. Each round is one conditional write; a round changed meanwhile (reported
    /// by the deadline watcher) is read again. Returns how many rounds changed.
    /// </summary>
    public async Task<int> EraseAsync(TenantScope scope, string userId, CancellationToken cancellationToken)
    {
        var rounds = await SentToAsync(scope, userId, cancellationToken);
        foreach (var round in rounds)
        {
            await EraseFromAsync(round, userId, cancellationToken);
        }

        return rounds.Count;
    }

    private async Task EraseFromAsync(TableEntity round, string userId, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= OptimisticRetry.MaxAttempts; attempt++)
        {
            var ids = Ids(round);
            var names = JsonSerializer.Deserialize(round.GetString(NamesColumn) ?? "[]", StorageJson.Default.ListString) ?? [];
            for (var i = 0; i < ids.Count; i++)
            {
                if (ids[i] == userId)
                {
                    ids[i] = TeamsUser.Anonymous.Id;
                    if (i < names.Count)
                    {
                        names[i] = TeamsUser.Anonymous.Name;
                    }
                }
            }

            round[IdsColumn] = JsonSerializer.Serialize(ids, StorageJson.Default.ListString);
            round[NamesColumn] = JsonSerializer.Serialize(names, StorageJson.Default.ListString);
            try
            {
                await tables.Measures.UpdateEntityAsync(round, round.ETag, TableUpdateMode.Replace, cancellationToken);
                return;
            }
            catch (RequestFailedException failure) when (failure.IsStale())
            {
                await OptimisticRetry.PauseAsync(attempt, cancellationToken);
                if (await tables.Measures.FindAsync(round.PartitionKey, round.RowKey, cancellationToken) is not { } fresh)
                {
                    return;
                }

                round = fresh;
            }
            catch (RequestFailedException failure) when (failure.Status == Failures.NotFound)
            {
                return;
            }
        }

        throw Failures.StaleWrite();
    }

    private static List<string> Ids(TableEntity round) =>
        JsonSerializer.Deserialize(round.GetString(IdsColumn) ?? "[]", StorageJson.Default.ListString) ?? [];
}
