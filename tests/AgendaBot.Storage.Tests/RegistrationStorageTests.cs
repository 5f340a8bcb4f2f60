using AgendaBot.Domain.People;
using AgendaBot.Domain.Workshops;
using AgendaBot.Storage.Workshops;
using static AgendaBot.Storage.Tests.WorkshopBuilder;

namespace AgendaBot.Storage.Tests;

public sealed class RegistrationStorageTests
{
    private readonly TenantScope tenant = TestStorage.NewTenant();
    private readonly WorkshopRepository workshops = new(TestStorage.Tables);

    [Fact]
    public async Task A_participant_registers_with_a_stakeholder_group()
    {
        var workshop = await CreateAsync(tenant);

        var outcome = await workshops.RegisterAsync(tenant, workshop.Id, Person(1), StakeholderGroup.Universities, Role.Participant, Now);

        Assert.Equal(RegistrationResult.Registered, outcome.Result);
        var stored = await workshops.GetParticipantAsync(tenant, workshop.Id, Person(1).Id);
        Assert.Equal(StakeholderGroup.Universities, stored?.Group);
        Assert.Equal(1, (await workshops.GetAsync(tenant, workshop.Id))!.Value.ParticipantCount);
    }

    [Fact]
    public async Task Registering_twice_keeps_one_registration()
    {
        var workshop = await CreateAsync(tenant);

        await workshops.RegisterAsync(tenant, workshop.Id, Person(1), StakeholderGroup.Companies, Role.Participant, Now);
        var again = await workshops.RegisterAsync(tenant, workshop.Id, Person(1), StakeholderGroup.Citizens, Role.Participant, Now);

        Assert.Equal(RegistrationResult.AlreadyRegistered, again.Result);
        Assert.Equal(StakeholderGroup.Companies, again.Participant.Group);
        Assert.Single(await workshops.GetParticipantsAsync(tenant, workshop.Id));
        Assert.Equal(1, (await workshops.GetAsync(tenant, workshop.Id))!.Value.ParticipantCount);
    }

    [Fact]
    public async Task Beyond_capacity_people_are_put_on_the_waiting_list()
    {
        // Two places: seats count the people registered, the moderator only if they register too.
        var workshop = await CreateAsync(tenant, capacity: 2);
        await workshops.RegisterAsync(tenant, workshop.Id, Person(1), StakeholderGroup.Companies, Role.Participant, Now);
        await workshops.RegisterAsync(tenant, workshop.Id, Person(2), StakeholderGroup.Citizens, Role.Participant, Now);

        var third = await workshops.RegisterAsync(tenant, workshop.Id, Person(3), StakeholderGroup.Universities, Role.Participant, Now);

        Assert.Equal(RegistrationResult.Waitlisted, third.Result);
        Assert.True((await workshops.GetParticipantAsync(tenant, workshop.Id, Person(3).Id))!.Waitlisted);
        Assert.Equal(2, (await workshops.GetAsync(tenant, workshop.Id))!.Value.ParticipantCount);
    }

    [Fact]
    public async Task Many_people_registering_at_once_never_exceed_the_capacity()
    {
        var workshop = await CreateAsync(tenant, capacity: 5);

        var outcomes = await Task.WhenAll(Enumerable.Range(1, 16).Select(n =>
            workshops.RegisterAsync(tenant, workshop.Id, Person(n), StakeholderGroup.Citizens, Role.Participant, Now)));

        Assert.Equal(5, outcomes.Count(o => o.Result == RegistrationResult.Registered));
        Assert.Equal(11, outcomes.Count(o => o.Result == RegistrationResult.Waitlisted));
        Assert.Equal(5, (await workshops.GetAsync(tenant, workshop.Id))!.Value.ParticipantCount);
        Assert.Equal(16, (await workshops.GetParticipantsAsync(tenant, workshop.Id)).Count);
    }

    [Fact]
    public async Task The_stakeholder_balance_shows_the_missing_groups()
    {
        var workshop = await CreateAsync(tenant);
        await workshops.RegisterAsync(tenant, workshop.Id, Person(1), StakeholderGroup.PublicAdministration, Role.Participant, Now);
        await workshops.RegisterAsync(tenant, workshop.Id, Person(2), StakeholderGroup.Companies, Role.Participant, Now);

        var balance = StakeholderBalance.Of(await workshops.GetParticipantsAsync(tenant, workshop.Id));

        Assert.Equal(1, balance.Present[StakeholderGroup.Companies]);
        Assert.Contains(StakeholderGroup.Citizens, balance.Missing);
        Assert.DoesNotContain(StakeholderGroup.PublicAdministration, balance.Missing);
    }
}
