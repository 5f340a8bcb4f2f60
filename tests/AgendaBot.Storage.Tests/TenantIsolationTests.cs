using AgendaBot.Domain.Agendas;
using AgendaBot.Storage.Agendas;
using AgendaBot.Storage.Workshops;
using static AgendaBot.Storage.Tests.WorkshopBuilder;

namespace AgendaBot.Storage.Tests;

/// <summary>Ids from one tenant — for example copied into a tampered card — never reach another tenant's rows.</summary>
public sealed class TenantIsolationTests
{
    private readonly TenantScope ours = TestStorage.NewTenant();
    private readonly TenantScope theirs = TestStorage.NewTenant();
    private readonly WorkshopRepository workshops = new(TestStorage.Tables);
    private readonly AgendaRepository agendas = new(TestStorage.Tables);

    [Fact]
    public async Task Another_tenant_cannot_read_a_workshop_by_its_id()
    {
        var workshop = await CreateAsync(theirs);

        Assert.Null(await workshops.GetAsync(ours, workshop.Id));
    }

    [Fact]
    public async Task Another_tenant_sees_no_contributions_or_participants_of_a_workshop()
    {
        var workshop = await CreateAsync(theirs);
        await workshops.AddContributionAsync(theirs, workshop.Id, "a1", Idea(Person(1), "Vertraulich"));
        await workshops.RegisterAsync(theirs, workshop.Id, Person(1), Domain.People.StakeholderGroup.Citizens, Domain.People.Role.Participant, Now);

        Assert.Empty(await workshops.GetContributionsAsync(ours, workshop.Id));
        Assert.Empty(await workshops.GetParticipantsAsync(ours, workshop.Id));
        Assert.Null(await workshops.GetContributionAsync(ours, workshop.Id, 1));
    }

    [Fact]
    public async Task Another_tenant_cannot_contribute_to_a_workshop_by_its_id()
    {
        var workshop = await CreateAsync(theirs);

        var refused = await Assert.ThrowsAsync<Domain.Common.DomainException>(() =>
            workshops.AddContributionAsync(ours, workshop.Id, "a1", Idea(Person(1), "Eingeschleust")));

        Assert.Equal(Domain.Common.DomainErrorCode.NotFound, refused.Code);
        Assert.Empty(await workshops.GetContributionsAsync(theirs, workshop.Id));
    }

    [Fact]
    public async Task Agendas_and_their_workshop_lists_are_per_tenant()
    {
        var agenda = Agenda.Create("team-1", "Digitale Agenda Hagenow", Moderator, null, null, null, Now);
        await agendas.CreateAsync(theirs, agenda);
        await CreateAsync(theirs);

        Assert.Null(await agendas.GetAsync(ours, "team-1"));
        Assert.Empty(await agendas.GetWorkshopsAsync(ours, "agenda-1"));
        Assert.Single(await agendas.GetWorkshopsAsync(theirs, "agenda-1"));
    }

    [Fact]
    public async Task A_separator_inside_an_id_cannot_reach_into_another_tenants_partition()
    {
        // Unescaped, tenant "x" + workshop "y|z" and tenant "x|y" + workshop "z" would share the partition "x|y|z".
        var tenantX = new TenantScope($"{ours.TenantId}");
        var tenantXy = new TenantScope($"{ours.TenantId}|y");
        var workshop = Domain.Workshops.Workshop.Open("z", "agenda-1", "Verwaltung", "19:c", Moderator, null, Now);
        await workshops.CreateAsync(tenantXy, workshop);

        Assert.Null(await workshops.GetAsync(tenantX, "y|z"));
    }
}
