using AgendaBot.Domain.People;

namespace AgendaBot.Domain.Tests;

public sealed class PermissionsTests
{
    [Theory]
    [InlineData(WorkshopAction.Contribute)]
    [InlineData(WorkshopAction.EditOwnContribution)]
    [InlineData(WorkshopAction.Vote)]
    [InlineData(WorkshopAction.Comment)]
    public void A_participant_may_take_part(WorkshopAction action) =>
        Assert.True(Permissions.Allows(Role.Participant, action));

    [Theory]
    [InlineData(WorkshopAction.StartVotingRound)]
    [InlineData(WorkshopAction.CloseVotingRound)]
    [InlineData(WorkshopAction.CloseStep)]
    [InlineData(WorkshopAction.AdvanceStep)]
    [InlineData(WorkshopAction.EditAnyContribution)]
    [InlineData(WorkshopAction.HideContribution)]
    [InlineData(WorkshopAction.MergeContributions)]
    [InlineData(WorkshopAction.PromoteContribution)]
    [InlineData(WorkshopAction.ManageMeasures)]
    [InlineData(WorkshopAction.PublishPlan)]
    public void A_participant_may_not_steer_the_workshop(WorkshopAction action) =>
        Assert.False(Permissions.Allows(Role.Participant, action));

    [Theory]
    [InlineData(WorkshopAction.StartVotingRound)]
    [InlineData(WorkshopAction.CloseVotingRound)]
    [InlineData(WorkshopAction.CloseStep)]
    [InlineData(WorkshopAction.AdvanceStep)]
    [InlineData(WorkshopAction.EditAnyContribution)]
    [InlineData(WorkshopAction.MergeContributions)]
    [InlineData(WorkshopAction.Contribute)]
    [InlineData(WorkshopAction.Vote)]
    public void A_moderator_may_steer_and_take_part(WorkshopAction action) =>
        Assert.True(Permissions.Allows(Role.Moderator, action));

    [Theory]
    [InlineData(WorkshopAction.ManageMeasures)]
    [InlineData(WorkshopAction.PublishPlan)]
    public void Only_the_project_lead_manages_measures_and_publishes_the_plan(WorkshopAction action) =>
        Assert.False(Permissions.Allows(Role.Moderator, action));

    [Fact]
    public void The_project_lead_may_do_everything()
    {
        var refused = Enum.GetValues<WorkshopAction>().Where(a => !Permissions.Allows(Role.ProjectLead, a));

        Assert.Empty(refused);
    }
}
