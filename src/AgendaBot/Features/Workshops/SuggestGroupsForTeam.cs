using System.Text;
using AgendaBot.Bot.Localization;
using AgendaBot.Bot.Routing;
using AgendaBot.Domain.Common;
using AgendaBot.Domain.People;
using AgendaBot.Infrastructure.Graph;
using Microsoft.Kiota.Abstractions;

namespace AgendaBot.Features.Workshops;

/// <summary>
/// "@AgendaBot gruppenvorschläge": for the Akteursanalyse, the moderation sees which stakeholder group each member of
/// the team would likely stand for, according to their directory profile — whom to invite for a missing group.
/// </summary>
[UsedIn(CommandScopes.Team)]
public sealed partial class SuggestGroupsForTeam(WorkshopFinder finder, DirectoryProfiles profiles, ILogger<SuggestGroupsForTeam> logger)
    : ICommandHandler
{
    public async Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        if (turn.Activity.ChannelData?.Team?.AadGroupId is not { Length: > 0 } teamGroupId)
        {
            await turn.ReplyAsync(turn.Texts[TextKey.AgendaOnlyInTeams], cancellationToken);
            return;
        }

        var here = await finder.RequireHereAsync(turn, cancellationToken);
        if (here.Role is not (Role.Moderator or Role.ProjectLead))
        {
            throw new DomainException(DomainErrorCode.NotAllowed, "group suggestions");
        }

        IReadOnlyList<MemberProfile>? members;
        try
        {
            members = await profiles.TeamMembersAsync(teamGroupId, cancellationToken);
        }
        catch (Exception error) when (error is ApiException or HttpRequestException or AggregateException)
        {
            LogMembersFailed(logger, error.GetType().Name, (error as ApiException)?.ResponseStatusCode);
            await turn.ReplyAsync(turn.Texts[TextKey.GroupSuggestionsFailed], cancellationToken);
            return;
        }

        if (members is null)
        {
            await turn.ReplyAsync(turn.Texts[TextKey.GraphNotConfigured], cancellationToken);
            return;
        }

        // Plain text: names and groups are what people typed into the directory.
        await turn.ReplyPlainAsync(Roster(members, turn.Texts), cancellationToken);
    }

    private static string Roster(IReadOnlyList<MemberProfile> members, Texts texts)
    {
        var text = new StringBuilder(texts.Format(TextKey.GroupSuggestionsTitle, members.Count));
        foreach (var group in Enum.GetValues<StakeholderGroup>())
        {
            var names = members.Where(m => m.SuggestedGroup == group).Select(m => m.Name).Order(StringComparer.CurrentCulture).ToList();
            if (names.Count > 0)
            {
                text.Append('\n').Append(StepTexts.Group(texts, group)).Append(": ").AppendJoin(", ", names);
            }
        }

        var without = members.Count(m => m.SuggestedGroup is null);
        if (without > 0)
        {
            text.Append('\n').Append(texts.Format(TextKey.GroupSuggestionsWithout, without));
        }

        return text.ToString();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the team's members from Microsoft Graph failed ({Error}, status {Status})")]
    private static partial void LogMembersFailed(ILogger logger, string error, int? status);
}
