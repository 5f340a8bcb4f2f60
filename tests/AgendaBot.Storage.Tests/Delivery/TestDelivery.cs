using AgendaBot.Storage.Delivery;
using AgendaBot.Testing;

namespace AgendaBot.Storage.Tests.Delivery;

/// <summary>Delivery tables on the shared Azurite. Tables keep tests apart by tenant; a queue has no tenant, so each test gets its own.</summary>
public static class TestDelivery
{
    private static readonly Lazy<DeliveryStorage> SharedStorage = new(() =>
    {
        var storage = new DeliveryStorage(Options("test"));
        storage.EnsureCreatedAsync().GetAwaiter().GetResult();
        return storage;
    });

    public static DeliveryStorage Storage => SharedStorage.Value;

    /// <summary>A queue (and tables) nobody else uses.</summary>
    public static async Task<DeliveryStorage> NewQueueAsync()
    {
        var storage = new DeliveryStorage(Options($"q{Guid.NewGuid():N}"[..16]));
        await storage.EnsureCreatedAsync();
        return storage;
    }

    private static StorageOptions Options(string prefix) =>
        new() { ConnectionString = AzuriteServer.Shared.ConnectionString, TablePrefix = prefix };

    public static OutboxPost Post(TenantScope tenant, string key, string text = "Wochenstatus", string conversationId = "19:status@thread.tacv2") => new()
    {
        Tenant = tenant,
        ConversationId = conversationId,
        IdempotencyKey = key,
        ActivityJson = $$"""{"type":"message","text":"{{text}}"}""",
    };
}
