using System.Text.Json;
using System.Text.Json.Nodes;
using AgendaBot.Protocol.Cards;

namespace AgendaBot.Protocol.Tests.Cards;

/// <summary>An Action.Submit fallback carries the verb inside its data, so the submit reaches the same handler.</summary>
public sealed class SubmitDataTests
{
    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();

    [Fact]
    public void The_verb_is_added_to_the_actions_own_data()
    {
        var data = SubmitData.With("agenda.add", Json("""{"title":"Budget 2025","minutes":15}"""));

        JsonAssert.Equivalent("""{"title":"Budget 2025","minutes":15,"verb":"agenda.add"}""", JsonNode.Parse(data.GetRawText()));
    }

    [Fact]
    public void Without_data_the_verb_is_all_there_is()
    {
        var data = SubmitData.With("help.show", null);

        JsonAssert.Equivalent("""{"verb":"help.show"}""", JsonNode.Parse(data.GetRawText()));
    }

    [Fact]
    public void Data_that_is_not_an_object_gives_way_to_the_verb()
    {
        var data = SubmitData.With("help.show", Json("""["not", "an", "object"]"""));

        JsonAssert.Equivalent("""{"verb":"help.show"}""", JsonNode.Parse(data.GetRawText()));
    }

    [Fact]
    public void The_actions_verb_wins_over_a_verb_field_in_its_data()
    {
        var data = SubmitData.With("agenda.add", Json("""{"verb":"something.else"}"""));

        Assert.Equal("agenda.add", SubmitData.VerbOf(data));
    }

    [Fact]
    public void The_verb_is_read_back_from_a_submitted_value()
    {
        Assert.Equal("agenda.add", SubmitData.VerbOf(Json("""{"verb":"agenda.add","title":"Budget 2025"}""")));
    }

    [Theory]
    [InlineData("""{"title":"no verb here"}""")]
    [InlineData("""{"verb":42}""")]
    [InlineData("""["agenda.add"]""")]
    [InlineData("\"agenda.add\"")]
    public void A_value_without_a_string_verb_has_no_verb(string value)
    {
        Assert.Null(SubmitData.VerbOf(Json(value)));
    }

    [Fact]
    public void No_value_has_no_verb()
    {
        Assert.Null(SubmitData.VerbOf(null));
    }
}
