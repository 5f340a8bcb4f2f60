using System.Text.Json.Nodes;
using AgendaBot.Domain.People;
using AgendaBot.Storage.Measures;
using AgendaBot.Storage.PersonalData;
using AgendaBot.Storage.Tests.Delivery;

namespace AgendaBot.Storage.Tests.PersonalData;

/// <summary>Drafts sent for comment name their recipients in a list on the round's row: Bob's draft went to Alice too.</summary>
public sealed class PersonalDataDraftRecipientsTests
{
    private readonly PersonalDataService personalData = new(TestStorage.Tables, TestDelivery.Storage);
    private readonly CommentRoundRepository rounds = new(TestStorage.Tables);

    [Fact]
    public async Task Export_lists_the_drafts_sent_to_the_person_for_comment()
    {
        var tenant = await Town.ArrangeAsync();

        var export = await personalData.ExportAsync(tenant, Town.Alice.Id);

        var draft = Round(export, Town.BobsDraft);
        Assert.Equal((true, 2), (draft["SentToYou"]!.GetValue<bool>(), draft["RecipientCount"]!.GetValue<int>()));
        Assert.Equal($"""["{Town.AliceMeasure}","{Town.BobMeasure}"]""", draft["MeasureIds"]!.ToJsonString());
    }

    [Fact]
    public async Task Export_of_a_draft_names_neither_the_other_recipients_nor_another_sender()
    {
        var tenant = await Town.ArrangeAsync();

        var export = await personalData.ExportAsync(tenant, Town.Alice.Id);

        Assert.All([Round(export, Town.BobsDraft), Round(export, Town.AlicesDraft)], round =>
        {
            Assert.DoesNotContain(Town.Bob.Id, round.ToJsonString(), StringComparison.Ordinal);
            Assert.DoesNotContain(Town.Bob.Name, round.ToJsonString(), StringComparison.Ordinal);
        });
        Assert.False(Round(export, Town.AlicesDraft)["SentToYou"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Erasure_removes_the_person_from_draft_recipients()
    {
        var tenant = await Town.ArrangeAsync();

        await personalData.EraseAsync(tenant, Town.Alice.Id);

        var round = (await rounds.GetAsync(tenant, Town.AgendaId, Town.BobsDraft))!.Value;
        Assert.Equal([TeamsUser.Anonymous, Town.Bob], round.Recipients);
        Assert.False(round.IsRecipient(Town.Alice.Id));
    }

    [Fact]
    public async Task Erasure_keeps_the_draft_the_person_sent_without_their_name()
    {
        var tenant = await Town.ArrangeAsync();

        await personalData.EraseAsync(tenant, Town.Alice.Id);

        var round = (await rounds.GetAsync(tenant, Town.AgendaId, Town.AlicesDraft))!.Value;
        Assert.Equal(TeamsUser.Anonymous, round.StartedBy);
        Assert.Equal([Town.Bob], round.Recipients);
    }

    [Fact]
    public async Task Erasure_leaves_the_other_recipients_able_to_comment()
    {
        var tenant = await Town.ArrangeAsync();

        await personalData.EraseAsync(tenant, Town.Alice.Id);

        Assert.True((await rounds.GetAsync(tenant, Town.AgendaId, Town.BobsDraft))!.Value.IsRecipient(Town.Bob.Id));
        Assert.True((await rounds.GetAsync(tenant, Town.AgendaId, Town.AlicesDraft))!.Value.IsRecipient(Town.Bob.Id));
    }

    private static JsonObject Round(JsonObject export, string roundId) =>
        export[TestStorage.Tables.Measures.Name]!.AsArray().Select(r => r!.AsObject())
            .Single(r => r["RowKey"]!.GetValue<string>() == Keys.CommentRoundRow(roundId));
}
