using AgendaBot.Domain.Common;
using AgendaBot.Domain.People;

namespace AgendaBot.Domain.Tests;

public sealed class ContributionEditTests
{
    private static readonly DateTimeOffset Later = Given.Now.AddMinutes(5);

    [Fact]
    public void The_author_may_edit_their_contribution()
    {
        var edited = Given.NewContribution(author: Given.Alice).Edit(Given.Alice, Role.Participant, " Neuer Text ", Later);

        Assert.Equal("Neuer Text", edited.Text);
        Assert.Equal(Later, edited.EditedAt);
    }

    [Fact]
    public void Another_participant_may_not_edit_it()
    {
        var contribution = Given.NewContribution(author: Given.Alice);

        var error = Assert.Throws<DomainException>(() => contribution.Edit(Given.Bob, Role.Participant, "Fremder Text", Later));

        Assert.Equal(DomainErrorCode.NotAllowed, error.Code);
    }

    [Fact]
    public void A_moderator_may_edit_anyones_contribution()
    {
        var edited = Given.NewContribution(author: Given.Alice).Edit(Given.Moderator, Role.Moderator, "Zusammengefasst", Later);

        Assert.Equal("Zusammengefasst", edited.Text);
        Assert.Equal(Given.Alice, edited.Author);
    }

    [Fact]
    public void An_edit_to_an_empty_text_is_refused()
    {
        var contribution = Given.NewContribution(author: Given.Alice);

        var error = Assert.Throws<DomainException>(() => contribution.Edit(Given.Alice, Role.Participant, " ", Later));

        Assert.Equal(DomainErrorCode.TextMissing, error.Code);
    }
}
