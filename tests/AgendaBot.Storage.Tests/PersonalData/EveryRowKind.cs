using AgendaBot.Domain.Agendas;
using AgendaBot.Domain.Measures;
using AgendaBot.Storage.Agendas;
using AgendaBot.Storage.Delivery;
using AgendaBot.Storage.Exports;
using AgendaBot.Storage.Images;
using AgendaBot.Storage.Measures;
using AgendaBot.Storage.PersonalData;
using AgendaBot.Storage.Scheduling;
using AgendaBot.Storage.Voting;
using AgendaBot.Testing;
using Azure.Data.Tables;

namespace AgendaBot.Storage.Tests.PersonalData;

/// <summary>
/// Every kind of row the repositories write, about Alice and Bob, in tables of its own (a prefix nobody else uses), so
/// that every row of every table can be read and checked against its declaration: <see cref="Town"/>, and what Town
/// leaves out because its tests count the rows about Alice.
/// </summary>
public sealed class EveryRowKind : IAsyncLifetime
{
    private readonly string prefix = $"pd{Guid.NewGuid():N}"[..14];
    private readonly TableServiceClient service = new(AzuriteServer.Shared.ConnectionString);
    private DeliveryStorage delivery = null!;

    /// <summary>Whatever identifies Alice or Bob: ids, names, personal chats.</summary>
    public static IReadOnlyList<string> Identifying { get; } =
        [Town.Alice.Id, Town.Alice.Name, Town.Bob.Id, Town.Bob.Name, Town.AliceChat, Town.AliceEarlierChat, Town.BobChat];

    /// <summary>Every stored row, with the table it is in (null for a table the registry does not know).</summary>
    internal IReadOnlyList<(string TableName, StoredTable? Table, TableEntity Row)> Rows { get; private set; } = [];

    public async Task InitializeAsync()
    {
        var options = new StorageOptions { ConnectionString = AzuriteServer.Shared.ConnectionString, TablePrefix = prefix };
        var tables = new StorageTables(options);
        await tables.EnsureCreatedAsync();
        delivery = new DeliveryStorage(options);
        await delivery.EnsureCreatedAsync();
        var tenant = await Town.ArrangeAsync(tables, delivery);
        await ArrangeWhatTownLeavesOutAsync(tables, tenant);
        Rows = await ReadAllAsync();
    }

    public async Task DisposeAsync()
    {
        await foreach (var table in service.QueryAsync(Prefixed()))
        {
            await service.DeleteTableAsync(table.Name);
        }

        await delivery.Queue.DeleteIfExistsAsync();
    }

    private async Task ArrangeWhatTownLeavesOutAsync(StorageTables tables, TenantScope tenant)
    {
        var at = People.Monday;
        await new AgendaRepository(tables).RememberWorkshopOfAsync(tenant, Town.Alice.Id, Town.WorkshopId);
        // A published version: the plan without anyone's name, under a public id, and the agenda's pointer to it.
        var agenda = (await new AgendaRepository(tables).GetAsync(tenant, Town.AgendaId))!.Value;
        await new PublicationStore(tables, TimeProvider.System).PublishAsync(tenant, Town.AgendaId,
            PublishedAgenda.Of(agenda, await new MeasureRepository(tables).GetAllAsync(tenant, Town.AgendaId), at),
            documents: new Dictionary<string, byte[]> { ["de"] = [0x50, 0x4B, 0x03, 0x04] });
        // Alice agreed to be named on the public pages beside her measures.
        await new PublicNames(tables).AgreeAsync(tenant, Town.Alice.Id, at);
        // A citizen's idea from the idea window (no name asked) and the day's count, one accepted into the workshop.
        var ideas = new CitizenIdeaStore(tables, TimeProvider.System);
        var idea = CitizenIdea.Submit("idea-1", agenda.FieldsOfAction, agenda.FieldsOfAction[0], "Freies WLAN im Bürgerbüro", "Altstadt", consent: true, at);
        await ideas.SubmitAsync(tenant, Town.AgendaId, idea, dailyCap: 10);
        var stored = (await ideas.GetAsync(tenant, Town.AgendaId, "idea-1"))!;
        await ideas.DecideAsync(tenant, Town.AgendaId, stored with { Value = idea.Accept(Town.WorkshopId, "Verwaltung", Domain.Workshops.WorkshopStep.Problems, 7, at) });
        var measures = new MeasureRepository(tables);
        var bobs = (await measures.GetAsync(tenant, Town.AgendaId, Town.BobMeasure))!;
        await measures.UpdateAsync(tenant, bobs, bobs.Value with { Owner = Town.Alice }, Town.Bob, at.AddDays(1));
        await measures.AddConsultationAsync(tenant, Town.AgendaId,
            new ConsultationEntry("consult-1", "Hagenow", new DateOnly(2026, 3, 2), "Terminvergabe wie dort", Town.Alice));
        // The Schlussrunde started by Alice, Bob's ballot in it, and the plan made final.
        var finalRounds = new FinalRoundStore(tables);
        var round = FinalRound.Start("final-1", Town.AgendaId, "19:lenkung@thread.tacv2", Domain.Voting.VotingMethod.StarRating, null,
            await measures.GetAllAsync(tenant, Town.AgendaId), Town.Alice.Id, at);
        await finalRounds.StartAsync(tenant, round);
        await finalRounds.CastAsync(tenant, Town.AgendaId, round.Id, Town.Bob.Id,
            new Domain.Voting.Ballot(round.Id, Town.Bob.Id, [new Domain.Voting.Score(1, "Wirkung", 4)], at));
        await finalRounds.SetStandingAsync(tenant, Town.AgendaId, PlanState.Draft.WithBudgetYear(2027).Finalise(at));
        // The kick-off: its framework, Alice at it, and Bob's first idea.
        var kickOffs = new KickOffStore(tables);
        await kickOffs.SaveAsync(tenant, KickOff.Open(agenda, "Bürgernah und digital",
            new Dictionary<string, DateOnly> { [agenda.FieldsOfAction[0]] = new(2026, 4, 1) }, at));
        await kickOffs.RegisterAsync(tenant, Town.AgendaId, new KickOffMember(Town.Alice, Domain.People.StakeholderGroup.Citizens, at));
        await kickOffs.AddIdeaAsync(tenant, Town.AgendaId, KickOffIdea.Submit("kickoff-idea-1", Town.Bob, "Ratsunterlagen digital", null, agenda, at));
        var followUp = new PlanFollowUpStore(tables);
        await followUp.TryClaimPlanPostAsync(tenant, Town.AgendaId, "19:plan@thread.tacv2", at, TimeSpan.FromMinutes(5));
        await followUp.TryClaimReminderAsync(tenant, (await measures.GetAsync(tenant, Town.AgendaId, Town.AliceMeasure))!.Value, 1, at);
        await new DeadlineRepository(tables).ScheduleAsync(tenant, Town.WorkshopId, Town.NamedRound, at.AddDays(1));
        // A moderator's export: the CSVs limited to the workshops they moderate; a personal chat's conversation.
        await new ExportJobs(tables).AddAsync(new ExportJob(tenant, "message-export", Town.AgendaId, [Town.WorkshopId], "de-DE",
            "https://smba.trafficmanager.net/emea/", "a:personal-chat", "activity-7", Publishable: false, "https://agendabot.example/", at), at);
        await new ImageStore(tables, TimeProvider.System).SaveAsync(tenant, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3]);
        await new AgendaIndex(delivery).AddAsync(tenant, Town.AgendaId);
        await new WeeklyLeases(delivery).TryClaimAsync(tenant, Town.AgendaId, "2026-W10", "instance-1", at, TimeSpan.FromMinutes(10));
        await new DeliveryLedger(delivery).TryClaimAsync(tenant, $"remind|{Town.AliceMeasure}", "message-4", at, TimeSpan.FromMinutes(1), Town.Alice.Id);
        // Too large for a queue message: the activity waits in a body row.
        var text = $"Hallo {Town.Alice.Name}, " + new string('x', 50_000);
        await new OutboxQueue(delivery).EnqueueAsync(new OutboxPost
        {
            Tenant = tenant,
            ConversationId = Town.AliceChat,
            IdempotencyKey = "weekly|large",
            ActivityJson = $$"""{"type":"message","text":"{{text}}"}""",
            PersonId = Town.Alice.Id,
        });
    }

    private async Task<IReadOnlyList<(string, StoredTable?, TableEntity)>> ReadAllAsync()
    {
        var rows = new List<(string, StoredTable?, TableEntity)>();
        await foreach (var table in service.QueryAsync(Prefixed()))
        {
            StoredTable? declared = Enum.GetValues<StoredTable>().Any(t => prefix + t == table.Name) ? Enum.Parse<StoredTable>(table.Name[prefix.Length..]) : null;
            await foreach (var row in service.GetTableClient(table.Name).QueryAsync<TableEntity>())
            {
                rows.Add((table.Name[prefix.Length..], declared, row));
            }
        }

        return rows;
    }

    private string Prefixed() => TableServiceClient.CreateQueryFilter($"TableName ge {prefix} and TableName lt {prefix + "~"}");
}
