using AgendaBot.Domain.People;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;

namespace AgendaBot.Infrastructure.Graph;

/// <summary>A team member as the directory describes them, with the group their profile suggests.</summary>
public sealed record MemberProfile(string Id, string Name, string? Department, string? JobTitle, StakeholderGroup? SuggestedGroup);

/// <summary>
/// Reads people's department and job title from Microsoft Graph to suggest a stakeholder group. A person Graph does
/// not know (guests, 404) or a Graph that fails gets no suggestion: a suggestion is a convenience, never a gate.
/// </summary>
public sealed partial class DirectoryProfiles(
    GraphConnection graph, IOptions<GraphOptions> options, TimeProvider time, ILogger<DirectoryProfiles> logger)
{
    private static readonly string[] ProfileFields = ["id", "displayName", "department", "jobTitle"];

    /// <summary>What the card everybody sees says: nothing while Graph can suggest per person, "unavailable" otherwise.</summary>
    public ProfileSuggestion ForEveryone => graph.IsAvailable ? ProfileSuggestion.None : ProfileSuggestion.Unavailable;

    public async Task<ProfileSuggestion> SuggestGroupAsync(string? aadObjectId, CancellationToken cancellationToken)
    {
        if (graph.Client is not { } client)
        {
            return ProfileSuggestion.Unavailable;
        }

        if (string.IsNullOrWhiteSpace(aadObjectId))
        {
            return ProfileSuggestion.None;
        }

        // The view is answered inside Teams' invoke, which gives up after a few seconds: a slow Graph means no suggestion.
        using var deadline = new CancellationTokenSource(options.Value.LookupTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            var user = await client.Users[aadObjectId].GetAsync(r => r.QueryParameters.Select = ProfileFields, linked.Token);
            return new ProfileSuggestion(true, GroupSuggestion.From(user?.Department, user?.JobTitle, options.Value.Keywords));
        }
        catch (ODataError error) when (error.ResponseStatusCode == StatusCodes.Status404NotFound)
        {
            return ProfileSuggestion.None;
        }
        catch (Exception error) when (error is ApiException or HttpRequestException or AggregateException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            LogLookupFailed(logger, error.GetType().Name, (error as ApiException)?.ResponseStatusCode);
            return ProfileSuggestion.None;
        }
    }

    /// <summary>Every member of a team (its Microsoft 365 group), all pages; null when Graph is not configured.</summary>
    public async Task<IReadOnlyList<MemberProfile>?> TeamMembersAsync(string teamAadGroupId, CancellationToken cancellationToken)
    {
        if (graph.Client is not { } client)
        {
            return null;
        }

        var members = new List<MemberProfile>();
        var first = await client.Groups[teamAadGroupId].Members.GetAsync(r => r.QueryParameters.Select = ProfileFields, cancellationToken);
        if (first is null)
        {
            return members;
        }

        var pages = PageIterator<DirectoryObject, DirectoryObjectCollectionResponse>.CreatePageIterator(client, first, item =>
        {
            // Groups can hold devices, service principals and nested groups too: only people get a suggestion.
            if (item is User { Id: { } id } user)
            {
                members.Add(new MemberProfile(id, user.DisplayName ?? string.Empty, user.Department, user.JobTitle,
                    GroupSuggestion.From(user.Department, user.JobTitle, options.Value.Keywords)));
            }

            return true;
        });
        await pages.IterateAsync(cancellationToken);
        return members;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Profile lookup in Microsoft Graph failed ({Error}, status {Status}); no group suggestion")]
    private static partial void LogLookupFailed(ILogger logger, string error, int? status);
}
