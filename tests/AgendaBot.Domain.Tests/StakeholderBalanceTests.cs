using AgendaBot.Domain.People;
using AgendaBot.Domain.Workshops;

namespace AgendaBot.Domain.Tests;

public sealed class StakeholderBalanceTests
{
    [Fact]
    public void Groups_nobody_came_from_are_missing()
    {
        var balance = StakeholderBalance.Of(
        [
            Registered(Given.Alice, StakeholderGroup.Citizens),
            Registered(Given.Bob, StakeholderGroup.Companies),
        ]);

        Assert.Equal(
            [StakeholderGroup.PublicAdministration, StakeholderGroup.ChambersAndAssociations, StakeholderGroup.Universities,
                StakeholderGroup.BestPracticeProjects],
            balance.Missing);
    }

    [Fact]
    public void People_are_counted_per_group()
    {
        var balance = StakeholderBalance.Of(
        [
            Registered(Given.Alice, StakeholderGroup.Citizens),
            Registered(Given.Bob, StakeholderGroup.Citizens),
            Registered(Given.Moderator, StakeholderGroup.PublicAdministration),
        ]);

        Assert.Equal(2, balance.Present[StakeholderGroup.Citizens]);
        Assert.Equal(1, balance.Present[StakeholderGroup.PublicAdministration]);
    }

    [Fact]
    public void People_on_the_waiting_list_are_not_counted()
    {
        var balance = StakeholderBalance.Of(
        [
            Registered(Given.Alice, StakeholderGroup.Citizens),
            Registered(Given.Bob, StakeholderGroup.Universities) with { Waitlisted = true },
        ]);

        Assert.False(balance.Present.ContainsKey(StakeholderGroup.Universities));
        Assert.Contains(StakeholderGroup.Universities, balance.Missing);
    }

    [Fact]
    public void Without_participants_every_group_is_missing()
    {
        var balance = StakeholderBalance.Of([]);

        Assert.Empty(balance.Present);
        Assert.Equal(Enum.GetValues<StakeholderGroup>(), balance.Missing);
    }

    private static Participant Registered(TeamsUser user, StakeholderGroup group) =>
        new() { User = user, Group = group, RegisteredAt = Given.Now };
}
