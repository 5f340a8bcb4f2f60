using AgendaBot.Storage.Delivery;
using AgendaBot.Storage.Measures;
using AgendaBot.Storage.PersonalData;
using static AgendaBot.Tests.Measures.DraftRoom;
using static AgendaBot.Tests.Workshops.WorkshopRoom;

namespace AgendaBot.Tests.Measures;

/// <summary>A draft for comment, sent and parked through the real outbox, as personal data of its recipient.</summary>
public sealed class DraftPersonalDataTests : IAsyncLifetime
{
    private DraftRoom room = null!;

    public async Task InitializeAsync() => room = await DraftRoom.OpenAsync();

    public async Task DisposeAsync() => await room.DisposeAsync();

    [Fact]
    public async Task A_draft_that_could_not_be_delivered_is_in_the_recipients_export_and_gone_after_their_erasure()
    {
        var calls = room.Room.Connector.Calls.Count;
        room.Room.Connector.AnswerNextWith(404, """{"error":{"code":"ConversationNotFound","message":"Not found."}}""");

        await room.SendDraftAsync();
        var refused = (await room.Room.Connector.WaitForCallsAsync(calls + 1))[calls];
        var recipient = refused.Path.Contains(Uri.EscapeDataString(ChatOf(Anna)), StringComparison.Ordinal) ? Anna : Klaus;
        await room.DeliveredAllAsync();
        var parked = Assert.Single(await room.Service<ParkedPosts>().ListAsync(room.Tenant));
        var personalData = room.Service<PersonalDataService>();
        var export = await personalData.ExportAsync(room.Tenant, recipient.AadObjectId);
        await personalData.EraseAsync(room.Tenant, recipient.AadObjectId);

        Assert.Equal(recipient.AadObjectId, parked.PersonId);
        Assert.Equal([parked.IdempotencyKey], export[room.Service<DeliveryStorage>().Parked.Name]!.AsArray().Select(r => r!["Key"]!.GetValue<string>()));
        Assert.Empty(await room.Service<ParkedPosts>().ListAsync(room.Tenant));
        var round = Assert.Single(await room.Service<CommentRoundRepository>().ListAsync(room.Tenant, room.Room.TeamId));
        Assert.False(round.IsRecipient(recipient.AadObjectId));
    }

    [Fact]
    public async Task The_record_of_a_delivered_draft_is_in_the_recipients_export_and_gone_after_their_erasure()
    {
        await room.SendDraftAsync();
        await room.WaitForDraftsAsync(Anna);
        await room.DeliveredAllAsync();
        var personalData = room.Service<PersonalDataService>();
        var outbox = room.Service<DeliveryStorage>().Outbox.Name;

        var export = await personalData.ExportAsync(room.Tenant, Anna.AadObjectId);
        await personalData.EraseAsync(room.Tenant, Anna.AadObjectId);

        var sent = Assert.Single(export[outbox]!.AsArray());
        var key = sent!["Key"]!.GetValue<string>();
        Assert.Equal(("Sent", $"draft|{room.Room.TeamId}|{room.RoundId()}|{Anna.AadObjectId}"), (sent["State"]!.GetValue<string>(), key));
        Assert.False((await room.Service<DeliveryLedger>().GetSentAsync(room.Tenant, key)).Sent);
        Assert.True((await room.Service<DeliveryLedger>().GetSentAsync(room.Tenant, $"draft|{room.Room.TeamId}|{room.RoundId()}|{Klaus.AadObjectId}")).Sent);
    }
}
