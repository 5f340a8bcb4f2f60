using AgendaBot.Domain.People;

namespace AgendaBot.Infrastructure.Graph;

/// <summary>Microsoft Graph, reached with the bot's own <see cref="Azure.Core.TokenCredential"/>. Off unless enabled.</summary>
public sealed class GraphOptions
{
    public const string SectionName = "Graph";

    public const string Scope = "https://graph.microsoft.com/.default";

    /// <summary>Whether the bot calls Graph at all; it also needs a credential (Bot:CredentialKind).</summary>
    public bool Enabled { get; set; }

    /// <summary>The Graph endpoint, API version included; tests point it at a local stand-in.</summary>
    public Uri BaseUrl { get; set; } = new("https://graph.microsoft.com/v1.0");

    /// <summary>Retries of throttled or failing calls (429, 503, 504); the SDK waits as long as <c>Retry-After</c> says.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The wait before a retry when Graph names none, in whole seconds (the SDK's unit), doubled each time.</summary>
    public int RetryDelaySeconds { get; set; } = 3;

    /// <summary>How long the profile lookup for a card view may take, retries included, before the card goes without a suggestion.</summary>
    public TimeSpan LookupTimeout { get; set; } = TimeSpan.FromSeconds(4);

    /// <summary>Keyword → stakeholder group for the suggestion at registration; empty = <see cref="GroupSuggestion.DefaultKeywords"/>.</summary>
    public Dictionary<string, StakeholderGroup> GroupKeywords { get; set; } = [];

    public IReadOnlyDictionary<string, StakeholderGroup> Keywords => GroupKeywords.Count > 0 ? GroupKeywords : GroupSuggestion.DefaultKeywords;
}
