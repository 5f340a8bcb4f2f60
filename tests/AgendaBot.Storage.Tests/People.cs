using AgendaBot.Domain.People;

namespace AgendaBot.Storage.Tests;

/// <summary>The people the storage tests use; each test still writes into its own tenant.</summary>
internal static class People
{
    public static readonly TeamsUser Alice = new("user-alice", "Alice Ammann");
    public static readonly TeamsUser Bob = new("user-bob", "Bob Berger");
    public static readonly TeamsUser Lead = new("user-lead", "Lena Leitung");

    /// <summary>A fixed instant on whole seconds, so that it survives the round-trip through the table unchanged.</summary>
    public static readonly DateTimeOffset Monday = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);
}
