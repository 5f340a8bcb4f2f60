using AgendaBot.Domain.People;
using AgendaBot.Storage.Agendas;
using AgendaBot.Storage.Conversations;
using AgendaBot.Storage.Measures;
using AgendaBot.Storage.PersonalData;
using AgendaBot.Storage.Tests.Delivery;
using AgendaBot.Storage.Voting;
using AgendaBot.Storage.Workshops;
using Azure.Data.Tables;

namespace AgendaBot.Storage.Tests.PersonalData;

public sealed class PersonalDataErasureTests
{
    private readonly PersonalDataService personalData = new(TestStorage.Tables, TestDelivery.Storage);
    private readonly WorkshopRepository workshops = new(TestStorage.Tables);
    private readonly VotingRepository voting = new(TestStorage.Tables);
    private readonly MeasureRepository measures = new(TestStorage.Tables);

    [Fact]
    public async Task Erasure_deletes_the_registration()
    {
        var tenant = await ErasedAliceAsync();

        Assert.Null(await workshops.GetParticipantAsync(tenant, Town.WorkshopId, Town.Alice.Id));
        Assert.NotNull(await workshops.GetParticipantAsync(tenant, Town.WorkshopId, Town.Bob.Id));
    }

    [Fact]
    public async Task Erasure_frees_the_seat_of_the_registration()
    {
        var tenant = await Town.ArrangeAsync();
        var before = (await workshops.GetAsync(tenant, Town.WorkshopId))!.Value.ParticipantCount;

        await personalData.EraseAsync(tenant, Town.Alice.Id);

        Assert.Equal(before - 1, (await workshops.GetAsync(tenant, Town.WorkshopId))!.Value.ParticipantCount);
    }

    [Fact]
    public async Task Erasure_deletes_the_marker_that_the_person_voted()
    {
        var tenant = await ErasedAliceAsync();

        var marker = await TestStorage.Tables.Workshops.GetEntityIfExistsAsync<TableEntity>(
            Keys.WorkshopPartition(tenant.TenantId, Town.WorkshopId), Keys.VotedMarkerRow(Town.AnonymousRound, Town.Alice.Id));

        Assert.False(marker.HasValue);
    }

    [Fact]
    public async Task Erasure_deletes_the_conversation_reference()
    {
        var tenant = await ErasedAliceAsync();

        Assert.Null(await new ConversationReferenceRepository(TestStorage.Tables).GetAsync(tenant, Town.AliceChat));
    }

    [Fact]
    public async Task Erasure_keeps_contributions_without_their_author()
    {
        var tenant = await ErasedAliceAsync();

        var contributions = await workshops.GetContributionsAsync(tenant, Town.WorkshopId);

        Assert.Equal([TeamsUser.Anonymous, TeamsUser.Anonymous, Town.Bob, Town.Bob], contributions.Select(c => c.Author));
        Assert.StartsWith("Kein WLAN im Rathaus", contributions[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Erasure_takes_the_owner_out_of_a_plan_line_the_bot_wrote_for_someone_else()
    {
        var tenant = await ErasedAliceAsync();

        var line = (await workshops.GetContributionsAsync(tenant, Town.WorkshopId))[3];

        Assert.Equal(Town.Bob, line.Author);
        Assert.Null(line.Mentioned);
        Assert.StartsWith("Plan: Online-Termine · verantwortlich: – · (", line.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Erasure_keeps_comments_without_their_author()
    {
        var tenant = await ErasedAliceAsync();

        var comments = await measures.GetCommentsAsync(tenant, Town.AgendaId, Town.AliceMeasure);

        Assert.Equal([(TeamsUser.Anonymous, "c-alice"), (Town.Bob, "c-bob")], comments.Select(c => (c.Author, c.Id)));
    }

    [Fact]
    public async Task Erasure_keeps_the_named_ballot_without_the_voter()
    {
        var tenant = await ErasedAliceAsync();

        var ballots = await voting.GetBallotsAsync(tenant, Town.WorkshopId, Town.NamedRound);

        Assert.Equal([(null, 1), (Town.Bob.Id, 3)], ballots.Select(b => (b.VoterId, b.Scores.Single().Item)).OrderBy(b => b.Item));
    }

    [Fact]
    public async Task Erasure_keeps_the_secret_rounds_sums()
    {
        var tenant = await ErasedAliceAsync();

        var round = (await voting.GetRoundAsync(tenant, Town.WorkshopId, Town.AnonymousRound))!.Value;
        Assert.Equal(2, (await voting.GetSecretTallyAsync(tenant, round)).Tally.Ballots);
    }

    [Fact]
    public async Task Erasure_keeps_the_owned_measure_without_its_owner()
    {
        var tenant = await ErasedAliceAsync();

        var measure = (await measures.GetAsync(tenant, Town.AgendaId, Town.AliceMeasure))!.Value;

        Assert.Equal(("Online-Terminvergabe", null), (measure.Title, measure.Owner));
    }

    [Fact]
    public async Task Erasure_keeps_measure_history_without_who_changed_it()
    {
        var tenant = await ErasedAliceAsync();

        var history = await measures.GetHistoryAsync(tenant, Town.AgendaId, Town.AliceMeasure);

        Assert.Equal([("created", TeamsUser.Anonymous)], history.Select(c => (c.Field, c.ChangedBy)));
    }

    [Fact]
    public async Task Erasure_keeps_the_agenda_without_its_project_lead()
    {
        var tenant = await ErasedAliceAsync();

        var agenda = (await new AgendaRepository(TestStorage.Tables).GetAsync(tenant, Town.AgendaId))!.Value;

        Assert.Equal(TeamsUser.Anonymous, agenda.ProjectLead);
    }

    [Fact]
    public async Task Erasure_removes_the_person_from_the_moderators()
    {
        var tenant = await ErasedAliceAsync();

        var workshop = (await workshops.GetAsync(tenant, Town.WorkshopId))!.Value;

        Assert.Equal([Town.Bob.Id], workshop.ModeratorIds);
    }

    [Fact]
    public async Task Erasure_leaves_neither_id_nor_name_anywhere_in_the_tenant()
    {
        var tenant = await ErasedAliceAsync();

        var mentions = (await TenantRows.AllAsync(tenant))
            .Where(r => TenantRows.Texts(r.Row).Any(t =>
                t.Contains(Town.Alice.Id, StringComparison.Ordinal) || t.Contains(Town.Alice.Name, StringComparison.Ordinal)))
            .Select(r => $"{r.Table}: {r.Row.RowKey}");

        Assert.Empty(mentions);
    }

    [Fact]
    public async Task A_second_export_after_erasure_is_empty()
    {
        var tenant = await ErasedAliceAsync();

        var export = await personalData.ExportAsync(tenant, Town.Alice.Id);

        Assert.All(TenantRows.Tables, table => Assert.Empty(export[table.Name]!.AsArray()));
    }

    private async Task<TenantScope> ErasedAliceAsync()
    {
        var tenant = await Town.ArrangeAsync();
        await personalData.EraseAsync(tenant, Town.Alice.Id);
        return tenant;
    }
}
