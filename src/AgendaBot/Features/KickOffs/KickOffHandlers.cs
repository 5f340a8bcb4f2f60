using System.Security.Cryptography;
using System.Text;
using AgendaBot.Bot.Localization;
using AgendaBot.Bot.Routing;
using AgendaBot.Domain.Agendas;
using AgendaBot.Domain.Common;
using AgendaBot.Domain.People;
using AgendaBot.Features.Consultations;
using AgendaBot.Features.Workshops;
using AgendaBot.Infrastructure.Graph;
using AgendaBot.Storage.Agendas;

namespace AgendaBot.Features.KickOffs;

/// <summary>"kickoff": the project lead gets the setup card in the agenda's team or group chat.</summary>
[UsedIn(CommandScopes.Team | CommandScopes.GroupChat)]
public sealed class OfferKickOff(WorkshopFinder finder) : ICommandHandler
{
    public async Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        var agenda = turn.IsPersonalChat ? null : (await finder.FindAgendaAsync(turn, cancellationToken))?.Value;
        var refusal = turn.IsPersonalChat ? TextKey.KickOffNotInPersonalChat
            : agenda is null ? TextKey.KickOffNoAgenda
            : agenda.ProjectLead.Id != turn.User.Id ? TextKey.KickOffOnlyLead
            : null;
        await (refusal is not null
            ? turn.ReplyAsync(turn.Texts[refusal], cancellationToken)
            : turn.ReplyAsync(KickOffCards.Setup(agenda!, turn.Texts), cancellationToken));
    }
}

/// <summary>
/// "Kick-off eröffnen": the setup becomes the kick-off card for everyone in the conversation. With Microsoft Graph each
/// planned date becomes a Teams meeting in the team's calendar; without it the lead — only the lead — is told once.
/// </summary>
[UsedIn(CommandScopes.Team | CommandScopes.GroupChat, Elsewhere = TextKey.KickOffNotInPersonalChat)]
public sealed partial class OpenKickOff(KickOffBoard board, KickOffStore kickOffs, TeamMeetings meetings, TimeProvider time, ILogger<OpenKickOff> logger)
    : ICardActionHandler<KickOffSetupData>
{
    public async Task<CardActionResult> HandleAsync(TurnContext turn, KickOffSetupData input, CancellationToken cancellationToken)
    {
        var agenda = await board.AgendaAsync(turn, input.AgendaId, cancellationToken);
        if (agenda.ProjectLead.Id != turn.User.Id)
        {
            return new CardActionResult.Message(turn.Texts[TextKey.KickOffOnlyLead]);
        }

        if (string.IsNullOrWhiteSpace(input.Goals))
        {
            return new CardActionResult.Message(turn.Texts[TextKey.KickOffGoalsMissing]);
        }

        var dates = input.Dates().Where(d => d.Key < agenda.FieldsOfAction.Count).ToDictionary(d => agenda.FieldsOfAction[d.Key], d => d.Value);
        // Opening again (a changed date, Teams delivering the click twice) keeps the meetings of the dates that stayed.
        var kickOff = KickOff.Open(agenda, input.Goals.Trim(), dates, time.GetUtcNow(), input.StartTime())
            .KeepingMeetingsOf(await kickOffs.GetAsync(turn.Tenant, agenda.Id, cancellationToken));
        await kickOffs.SaveAsync(turn.Tenant, kickOff, cancellationToken);
        var note = await ScheduleAsync(turn, agenda, kickOff, cancellationToken);

        var everyone = await board.DrawAsync(turn, agenda, null, cancellationToken);
        return note is null
            ? CardActionResult.ForAll(everyone)
            : new CardActionResult.ReplaceCard(await board.DrawAsync(turn, agenda, note, cancellationToken)) { ForEveryone = everyone };
    }

    // What the lead is told about the meetings, or null when there is nothing to tell.
    private async Task<string?> ScheduleAsync(TurnContext turn, Agenda agenda, KickOff kickOff, CancellationToken cancellationToken)
    {
        var unscheduled = kickOff.Dates.Where(d => d.MeetingUrl is null).ToList();
        if (unscheduled.Count == 0)
        {
            return null;
        }

        if (!meetings.IsAvailable || turn.Activity.ChannelData?.Team?.AadGroupId is not { Length: > 0 } group)
        {
            return turn.Texts[TextKey.KickOffNoGraph];
        }

        var scheduled = kickOff;
        try
        {
            foreach (var planned in unscheduled)
            {
                var meeting = await meetings.ScheduleAsync(group, $"Workshop „{planned.FieldOfAction}“ – {agenda.Title}",
                    planned.Date.ToDateTime(kickOff.StartsAt), KickOff.WorkshopLength, cancellationToken);
                scheduled = scheduled.WithMeeting(planned.FieldOfAction, meeting.JoinUrl);
                // Saved after each: a failure on the third date keeps the first two, and the next click makes only the rest.
                await kickOffs.SaveAsync(turn.Tenant, scheduled, cancellationToken);
            }
        }
        catch (Exception failure) when (failure is Microsoft.Kiota.Abstractions.ApiException or HttpRequestException or InvalidOperationException)
        {
            LogMeetingsFailed(logger, failure);
            return turn.Texts[TextKey.KickOffMeetingsFailed];
        }

        return turn.Texts.Format(TextKey.KickOffMeetingsCreated, scheduled.Dates.Count(d => d.MeetingUrl is not null));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The kick-off's Teams meetings could not be made through Graph")]
    private static partial void LogMeetingsFailed(ILogger logger, Exception failure);
}

/// <summary>"Ich bin dabei": the person is at the kick-off with their stakeholder group (choosing again changes it).</summary>
[UsedIn(CommandScopes.Team | CommandScopes.GroupChat, Elsewhere = TextKey.KickOffNotInPersonalChat)]
public sealed class JoinKickOff(KickOffBoard board, KickOffStore kickOffs, TimeProvider time) : ICardActionHandler<KickOffData>
{
    public async Task<CardActionResult> HandleAsync(TurnContext turn, KickOffData input, CancellationToken cancellationToken)
    {
        var agenda = await board.AgendaAsync(turn, input.AgendaId, cancellationToken);
        if (!Enum.TryParse<StakeholderGroup>(input.Group, out var group) || !Enum.IsDefined(group))
        {
            return new CardActionResult.Message(turn.Texts[TextKey.KickOffGroupMissing]);
        }

        await kickOffs.RegisterAsync(turn.Tenant, agenda.Id, new KickOffMember(turn.User, group, time.GetUtcNow()), cancellationToken);
        return CardActionResult.ForAll(await board.DrawAsync(turn, agenda,
            turn.Texts.Format(TextKey.KickOffJoined, turn.User.Name, StepTexts.Group(turn.Texts, group)), cancellationToken));
    }
}

/// <summary>"Idee einbringen": a first idea on the kick-off's board, with its field of action when the person knows it.</summary>
[UsedIn(CommandScopes.Team | CommandScopes.GroupChat, Elsewhere = TextKey.KickOffNotInPersonalChat)]
public sealed class AddKickOffIdea(KickOffBoard board, KickOffStore kickOffs, TimeProvider time) : ICardActionHandler<KickOffData>
{
    public async Task<CardActionResult> HandleAsync(TurnContext turn, KickOffData input, CancellationToken cancellationToken)
    {
        var agenda = await board.AgendaAsync(turn, input.AgendaId, cancellationToken);
        if (string.IsNullOrWhiteSpace(input.Idea))
        {
            return new CardActionResult.Message(turn.Texts[TextKey.KickOffIdeaMissing]);
        }

        // The click's activity id names the idea: a click Teams delivers twice is one idea.
        var id = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(turn.Activity.Id ?? Guid.NewGuid().ToString("N"))))[..20];
        var idea = KickOffIdea.Submit(id, turn.User, input.Idea.Trim(), string.IsNullOrWhiteSpace(input.IdeaField) ? null : input.IdeaField, agenda,
            time.GetUtcNow());
        await kickOffs.AddIdeaAsync(turn.Tenant, agenda.Id, idea, cancellationToken);
        return CardActionResult.ForAll(await board.DrawAsync(turn, agenda, turn.Texts[TextKey.KickOffIdeaAdded], cancellationToken));
    }
}

/// <summary>"Zuordnen": the lead or a moderator gives an idea its field of action; one already in a workshop stays there.</summary>
[UsedIn(CommandScopes.Team | CommandScopes.GroupChat, Elsewhere = TextKey.KickOffNotInPersonalChat)]
public sealed class AssignKickOffIdea(KickOffBoard board, KickOffStore kickOffs, ConsultationRights rights) : ICardActionHandler<KickOffData>
{
    public async Task<CardActionResult> HandleAsync(TurnContext turn, KickOffData input, CancellationToken cancellationToken)
    {
        var agenda = await board.AgendaAsync(turn, input.AgendaId, cancellationToken);
        if (!await rights.SpeaksForAsync(turn, agenda, cancellationToken))
        {
            return new CardActionResult.Message(turn.Texts[TextKey.KickOffAssignOnlyModerators]);
        }

        if (string.IsNullOrWhiteSpace(input.AssignIdea) || string.IsNullOrWhiteSpace(input.AssignField))
        {
            return new CardActionResult.Message(turn.Texts[TextKey.KickOffAssignChoose]);
        }

        var stored = (await kickOffs.GetIdeasAsync(turn.Tenant, agenda.Id, cancellationToken)).FirstOrDefault(i => i.Value.Id == input.AssignIdea)
            ?? throw new DomainException(DomainErrorCode.NotFound, "idea");
        var assigned = stored.Value.AssignTo(input.AssignField, agenda);
        if (!await kickOffs.UpdateIdeaAsync(turn.Tenant, agenda.Id, stored with { Value = assigned }, cancellationToken))
        {
            throw new DomainException(DomainErrorCode.Conflict, "idea");
        }

        return CardActionResult.ForAll(await board.DrawAsync(turn, agenda, turn.Texts.Format(TextKey.KickOffAssigned, assigned.FieldOfAction!), cancellationToken));
    }
}
