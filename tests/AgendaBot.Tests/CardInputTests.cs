using System.Text.Json;
using AgendaBot.Bot.Cards;
using AgendaBot.Features.Contributions;
using AgendaBot.Features.Plan;

namespace AgendaBot.Tests;

/// <summary>Card inputs are named by the payload record their values arrive in, and toggles arrive as booleans.</summary>
public sealed class CardInputTests
{
    [Fact]
    public void An_input_is_named_as_its_payload_property_arrives_in_JSON()
    {
        Assert.Equal("workPackages", CardInput.Id<PlanData>(nameof(PlanData.WorkPackages)));
    }

    [Fact]
    public void An_input_that_is_no_property_of_its_payload_stops_the_card()
    {
        Assert.Throws<InvalidOperationException>(() => CardInput.Id<PlanData>("Budget"));
    }

    [Theory]
    [InlineData("\"true\"", true)]
    [InlineData("\"false\"", false)]
    [InlineData("\"yes\"", false)]
    [InlineData("true", true)]
    public void A_toggle_arrives_as_a_boolean(string sent, bool expected)
    {
        var json = $$"""{"workshopId":"w","step":3,"desirable":{{sent}}}""";

        var data = JsonSerializer.Deserialize(json, ContributionCardJson.Default.ContributionData)!;

        Assert.Equal(expected, data.Desirable);
    }
}
