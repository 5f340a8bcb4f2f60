using System.Text.Json;
using System.Text.Json.Serialization;
using AgendaBot.Protocol.Activities;

namespace AgendaBot.Protocol.Connector;

public sealed record ResourceResponse(string? Id);

/// <summary>Body of <c>POST v3/conversations</c>: a 1:1 chat (members) or a new channel thread (channelData + activity).</summary>
public sealed record ConversationParameters
{
    public bool? IsGroup { get; init; }
    public ChannelAccount? Bot { get; init; }
    public IReadOnlyList<ChannelAccount>? Members { get; init; }
    public string? TopicName { get; init; }
    public string? TenantId { get; init; }
    public Activity? Activity { get; init; }
    public TeamsChannelData? ChannelData { get; init; }
}

public sealed record ConversationResourceResponse
{
    public string? Id { get; init; }
    public string? ActivityId { get; init; }
    public string? ServiceUrl { get; init; }
}

/// <summary>A conversation member as Teams describes it.</summary>
public sealed record TeamsChannelAccount
{
    public string? Id { get; init; }
    public string? Name { get; init; }
    public string? AadObjectId { get; init; }
    public string? Email { get; init; }
    public string? UserPrincipalName { get; init; }
    public string? GivenName { get; init; }
    public string? Surname { get; init; }
    public string? TenantId { get; init; }
    public string? UserRole { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

public sealed record PagedMembersResult
{
    public string? ContinuationToken { get; init; }
    public IReadOnlyList<TeamsChannelAccount> Members { get; init; } = [];
}

public sealed record ErrorResponse(ErrorDetail? Error);

public sealed record ErrorDetail(string? Code, string? Message);
