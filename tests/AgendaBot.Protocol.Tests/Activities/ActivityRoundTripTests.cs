using System.Text.Json;
using System.Text.Json.Nodes;
using AgendaBot.Protocol.Activities;

namespace AgendaBot.Protocol.Tests.Activities;

/// <summary>
/// Whatever Teams sends survives reading and writing an <see cref="Activity"/>: typed fields keep their values and fields
/// the bot does not model are carried along, so nothing the channel said is silently dropped.
/// </summary>
public sealed class ActivityRoundTripTests
{
    [Theory]
    [InlineData(nameof(TeamsPayloads.ChannelMessage))]
    [InlineData(nameof(TeamsPayloads.CardActionInvoke))]
    [InlineData(nameof(TeamsPayloads.ChannelCreated))]
    [InlineData(nameof(TeamsPayloads.TeamMemberAdded))]
    public void A_Teams_activity_round_trips_without_losing_a_field(string payload)
    {
        var original = JsonNode.Parse(Fixture(payload))!.AsObject();

        var roundTripped = RoundTrip(original.ToJsonString());

        // Timestamps are compared as instants: "Z" comes back as "+00:00", which is the same moment.
        Assert.Equal(Instant(original, "timestamp"), Instant(roundTripped, "timestamp"));
        Assert.Equal(Instant(original, "localTimestamp"), Instant(roundTripped, "localTimestamp"));
        JsonAssert.Equivalent(WithoutTimestamps(original), WithoutTimestamps(roundTripped));
    }

    [Fact]
    public void The_local_timestamp_keeps_the_users_offset()
    {
        var activity = JsonSerializer.Deserialize(TeamsPayloads.CardActionInvoke, ProtocolJson.Context.Activity)!;

        Assert.Equal(TimeSpan.FromHours(-4), activity.LocalTimestamp?.Offset);
    }

    private static JsonObject RoundTrip(string json)
    {
        var activity = JsonSerializer.Deserialize(json, ProtocolJson.Context.Activity);
        return JsonNode.Parse(JsonSerializer.Serialize(activity, ProtocolJson.Context.Activity))!.AsObject();
    }

    private static DateTimeOffset? Instant(JsonObject activity, string field) =>
        activity[field] is { } value ? DateTimeOffset.Parse(value.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture) : null;

    private static JsonObject WithoutTimestamps(JsonObject activity)
    {
        var copy = activity.DeepClone().AsObject();
        copy.Remove("timestamp");
        copy.Remove("localTimestamp");
        return copy;
    }

    private static string Fixture(string name) => name switch
    {
        nameof(TeamsPayloads.ChannelMessage) => TeamsPayloads.ChannelMessage,
        nameof(TeamsPayloads.CardActionInvoke) => TeamsPayloads.CardActionInvoke,
        nameof(TeamsPayloads.ChannelCreated) => TeamsPayloads.ChannelCreated,
        nameof(TeamsPayloads.TeamMemberAdded) => TeamsPayloads.TeamMemberAdded,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such fixture"),
    };
}
