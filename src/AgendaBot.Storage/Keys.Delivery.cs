namespace AgendaBot.Storage;

/// <summary>Keys of the delivery and scheduling tables (Outbox, Parked, Schedule); the rest of <see cref="Keys"/> is in Keys.cs.</summary>
public static partial class Keys
{
    // Outbox table: one partition per tenant, like the Conversations table.
    public static string OutboxPartition(string tenantId) => Escape(tenantId);

    /// <summary>The claim and, once delivered, the "sent" marker of one logical post.</summary>
    public static string PostRow(string idempotencyKey) => Join("post", idempotencyKey);

    public const string PostPrefix = "post|";

    /// <summary>An activity too large for a queue message; one row per queued message, never shared.</summary>
    public static string BodyRow(string idempotencyKey, string bodyId) => Join("body", idempotencyKey, bodyId);

    public const string BodyPrefix = "body|";

    public static string BlockedRow(string conversationId) => Join("blocked", conversationId);

    public const string BlockedPrefix = "blocked|";

    // Parked table: one partition per tenant; messages that name no readable tenant go to their own partition.
    public const string UndecodablePartition = "~undecodable";

    public static string ParkedPartition(string? tenantId) => tenantId is null ? UndecodablePartition : Escape(tenantId);

    /// <summary>Newest first, like the measure history.</summary>
    public static string ParkedRow(DateTimeOffset at, string messageId) =>
        Join((DateTimeOffset.MaxValue.UtcTicks - at.UtcTicks).ToString("D19", System.Globalization.CultureInfo.InvariantCulture), messageId);

    // Schedule table: the index of all agendas in one partition (the scheduler lists them across tenants), and the
    // weekly leases in each tenant's partition.
    public const string AgendaIndexPartition = "~agendas";

    public static string AgendaIndexRow(string tenantId, string agendaId) => Join(tenantId, agendaId);

    public static string SchedulePartition(string tenantId) => Escape(tenantId);

    public static string WeeklyLeaseRow(string agendaId, string isoWeek) => Join("lease", agendaId, isoWeek);

    public const string WeeklyLeasePrefix = "lease|";
}
