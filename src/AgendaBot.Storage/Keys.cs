using System.Globalization;
using System.Text;

namespace AgendaBot.Storage;

/// <summary>
/// Every partition and row key the storage writes, in one place. Each key starts with the tenant, so no query that
/// is built here can reach another tenant's rows. Parts are escaped: Table keys may not contain '/', '\', '#', '?'
/// or control characters, and '|' separates parts.
/// </summary>
public static partial class Keys
{
    public const char Separator = '|';

    public static string Escape(string part)
    {
        ArgumentException.ThrowIfNullOrEmpty(part);
        var builder = new StringBuilder(part.Length);
        foreach (var c in part)
        {
            if (c is '%' or '|' or '/' or '\\' or '#' or '?' || char.IsControl(c))
            {
                builder.Append('%').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    public static string Join(params string[] parts) => string.Join(Separator, parts.Select(Escape));

    /// <summary>The last part of a joined key, unescaped: the agenda of a Measures partition.</summary>
    public static string LastPart(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var last = key[(key.LastIndexOf(Separator) + 1)..];
        var builder = new StringBuilder(last.Length);
        for (var i = 0; i < last.Length; i++)
        {
            if (last[i] == '%' && i + 2 < last.Length && int.TryParse(last.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code))
            {
                builder.Append((char)code);
                i += 2;
            }
            else
            {
                builder.Append(last[i]);
            }
        }

        return builder.ToString();
    }

    // Agendas table: one partition per tenant; the agenda and its workshop index.
    public static string TenantPartition(string tenantId) => Escape(tenantId);

    public static string AgendaRow(string agendaId) => Join("agenda", agendaId);

    public const string AgendaPrefix = "agenda|";

    public static string AgendaWorkshopRow(string agendaId, string workshopId) => Join("ws", agendaId, workshopId);

    public const string AgendaWorkshopPrefixAll = "ws|";

    public static string MemberRow(string userId) => Join("member", userId);

    public const string MemberPrefix = "member|";

    public static string AgendaWorkshopPrefix(string agendaId) => Join("ws", agendaId) + Separator;

    /// <summary>The agenda's published version: its public id (in the tenant's partition).</summary>
    public static string PublicationRow(string agendaId) => Join("publication", agendaId);

    public const string PublicationPrefix = "publication|";

    /// <summary>
    /// Published versions, found by public id alone. The separator in it makes it no tenant's partition, as a tenant id
    /// is escaped.
    /// </summary>
    public const string PublicPartition = "public|";

    public static string PublishedRow(string publicId) => Join("published", publicId);

    public const string PublishedPrefix = "published|";

    /// <summary>The published version as a document to download, per language, beside the version in the public partition.</summary>
    public static string PublishedDocumentRow(string publicId, string language) => Join("document", publicId, language);

    public const string PublishedDocumentPrefix = "document|";

    /// <summary>A person agreed to be named on the public pages (the tenant's partition; deleted when withdrawn).</summary>
    public static string PublicNameRow(string userId) => Join("publicname", userId);

    public const string PublicNamePrefix = "publicname|";

    // Workshops table: one partition per workshop, so its counters and what they count change in one transaction.
    public static string WorkshopPartition(string tenantId, string workshopId) => Join(tenantId, workshopId);

    public const string WorkshopHeaderRow = "header";

    public static string ParticipantRow(string userId) => Join("p", userId);

    public const string ParticipantPrefix = "p|";

    // Zero-padded so that rows sort by number.
    public static string ContributionRow(int number) => "c|" + number.ToString("D6", CultureInfo.InvariantCulture);

    public const string ContributionPrefix = "c|";

    public static string DedupeRow(string activityId) => Join("dedupe", activityId);

    public const string DedupePrefix = "dedupe|";

    /// <summary>The fingerprints of the pinboard messages as last sent, one row per workshop beside its header.</summary>
    public const string PinboardShownRow = "pinboard";

    public static string RoundRow(string roundId) => Join("round", roundId);

    public const string RoundPrefix = "round|";

    public static string BallotRow(string roundId, string voterKey) => Join("ballot", roundId, voterKey);

    public static string BallotPrefix(string roundId) => Join("ballot", roundId) + Separator;

    public const string BallotPrefixAll = "ballot|";

    public static string VotedMarkerRow(string roundId, string voterId) => Join("voted", roundId, voterId);

    public const string VotedMarkerPrefix = "voted|";

    /// <summary>A secret round's sums: the only row its ballots leave besides who voted.</summary>
    public static string SecretTallyRow(string roundId) => Join("tally", roundId);

    public const string SecretTallyPrefix = "tally|";

    /// <summary>Exists while a round is open: a ballot is written together with a touch of it, closing deletes it.</summary>
    public static string RoundOpenRow(string roundId) => Join("open", roundId);

    public const string RoundOpenPrefix = "open|";

    // Measures table: one partition per agenda; the weekly report reads exactly one partition.
    public static string MeasurePartition(string tenantId, string agendaId) => Join(tenantId, agendaId);

    public static string MeasureRow(string measureId) => Join("m", measureId);

    public const string MeasurePrefix = "m|";

    /// <summary>Newest first: inverted ticks sort descending.</summary>
    public static string MeasureHistoryRow(string measureId, DateTimeOffset at, string changeId) =>
        Join("h", measureId, (DateTimeOffset.MaxValue.UtcTicks - at.UtcTicks).ToString("D19", CultureInfo.InvariantCulture), changeId);

    public static string MeasureHistoryPrefix(string measureId) => Join("h", measureId) + Separator;

    public const string MeasureHistoryPrefixAll = "h|";

    public static string CommentRow(string measureId, string commentId) => Join("cm", measureId, commentId);

    public static string CommentPrefix(string measureId) => Join("cm", measureId) + Separator;

    public static string ConsultationRow(string entryId) => Join("consult", entryId);

    public const string ConsultationPrefix = "consult|";

    // Conversations table: one partition per tenant.
    public static string ConversationRow(string conversationId) => Escape(conversationId);

    // Images table: one partition per picture, named by its random token alone, because the URL Teams fetches carries
    // nothing else. The one table whose partitions do not start with the tenant: the tenant is a column. A token has
    // no '|', so no image partition falls in a tenant's range.
    public static string ImagePartition(string token) => Escape(token);

    public const string ImageRow = "png";

    // Exports table: like the images, one partition per random token, the tenant in a column.
    public static string ExportPartition(string token) => Escape(token);

    public const string ExportRow = "file";

    /// <summary>All partitions of one tenant in a table partitioned by "tenant|…": the range [tenant|, tenant}).</summary>
    public static (string From, string To) TenantRange(string tenantId)
    {
        var tenant = Escape(tenantId);
        return (tenant + Separator, tenant + (char)(Separator + 1));
    }

    /// <summary>Upper bound for a row-key prefix scan.</summary>
    public static string PrefixEnd(string prefix) => prefix[..^1] + (char)(prefix[^1] + 1);
}
