using System.Text.Json;
using AgendaBot.Protocol.Activities;

namespace AgendaBot.Protocol.Tests.Activities;

/// <summary>Entities are open-ended: whatever is no entity object is left out, and the mention of the bot still counts.</summary>
public sealed class OddEntitiesTests
{
    private const string Mention = """{"type":"mention","mentioned":{"id":"28:agendabot","name":"AgendaBot"},"text":"<at>AgendaBot</at>"}""";

    private static Activity Read(string entities) => JsonSerializer.Deserialize(
        $$"""{"type":"message","text":"<at>AgendaBot</at> hilfe","recipient":{"id":"28:agendabot"},"entities":{{entities}}}""",
        ProtocolJson.Context.Activity)!;

    [Theory]
    [InlineData($"[null,{Mention}]")]
    [InlineData($"[5,\"mention\",true,{Mention}]")]
    [InlineData($"[[{Mention}],{Mention}]")]
    [InlineData($"[{{\"type\":\"mention\",\"mentioned\":5}},{Mention}]")]
    [InlineData($"[{{\"type\":\"clientInfo\",\"locale\":[1]}},{Mention}]")]
    public void Items_that_are_no_entities_are_left_out_and_the_mention_still_counts(string entities)
    {
        var activity = Read(entities);

        var entity = Assert.Single(activity.Entities!);
        Assert.Equal("mention", entity.Type);
        Assert.Equal("hilfe", MentionText.WithoutMentionOf(activity, "28:agendabot"));
    }

    [Theory]
    [InlineData("null")]
    [InlineData("5")]
    [InlineData("\"entities\"")]
    [InlineData("{\"type\":\"mention\"}")]
    public void Entities_that_are_no_list_are_read_as_none(string entities)
    {
        var activity = Read(entities);

        Assert.Null(activity.Entities);
        Assert.Equal("<at>AgendaBot</at> hilfe", MentionText.WithoutMentionOf(activity, "28:agendabot"));
    }

    [Fact]
    public void Entities_are_written_as_they_were_read()
    {
        var activity = Read($"[{Mention},{{\"type\":\"clientInfo\",\"locale\":\"de-DE\",\"extra\":1}}]");

        var written = JsonSerializer.SerializeToElement(activity, ProtocolJson.Context.Activity).GetProperty("entities");

        Assert.Equal(2, written.GetArrayLength());
        Assert.Equal("28:agendabot", written[0].GetProperty("mentioned").GetProperty("id").GetString());
        Assert.Equal("de-DE", written[1].GetProperty("locale").GetString());
        Assert.Equal(1, written[1].GetProperty("extra").GetInt32());
    }
}
