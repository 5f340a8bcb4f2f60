using AgendaBot.Domain.People;

namespace AgendaBot.Tests.Graph;

public sealed class GroupSuggestionTests
{
    [Theory]
    [InlineData("Stadtwerke Hagenow GmbH", "Vertrieb", StakeholderGroup.Companies)]
    [InlineData("Stadtverwaltung", "Sachbearbeiterin", StakeholderGroup.PublicAdministration)]
    [InlineData(null, "Bürgermeister", StakeholderGroup.PublicAdministration)]
    [InlineData("IHK Schwerin", null, StakeholderGroup.ChambersAndAssociations)]
    [InlineData("grundschule am see", "Lehrer", StakeholderGroup.Universities)]
    public void The_longest_matching_keyword_of_the_profile_decides(string? department, string? jobTitle, StakeholderGroup expected) =>
        Assert.Equal(expected, GroupSuggestion.From(department, jobTitle, GroupSuggestion.DefaultKeywords));

    [Theory]
    [InlineData(null, null)]
    [InlineData("Vertrieb", "Außendienst")]
    public void A_profile_without_a_keyword_suggests_nothing(string? department, string? jobTitle) =>
        Assert.Null(GroupSuggestion.From(department, jobTitle, GroupSuggestion.DefaultKeywords));
}
