using AgendaBot.Bot.Localization;
using AgendaBot.Bot.Posting;
using AgendaBot.Domain.Agendas;
using AgendaBot.Infrastructure.Delivery;
using AgendaBot.Protocol.Activities;
using AgendaBot.Storage;
using AgendaBot.Storage.Agendas;
using AgendaBot.Storage.Conversations;
using AgendaBot.Storage.Workshops;

namespace AgendaBot.Features.Conversations;

/// <summary>
/// A conversation answered 403 MessageWritesBlocked: the project lead of the agenda the post belonged to is told, in
/// their personal chat through the outbox, which conversation or person no longer takes messages. Once per block:
/// the key names the conversation and the reference the block applies to (a new install saves a newer one).
/// </summary>
public sealed partial class TellLeadAboutBlockedConversation(
    DurablePosts durable,
    AgendaRepository agendas,
    WorkshopRepository workshops,
    ConversationReferenceRepository references,
    ILogger<TellLeadAboutBlockedConversation> logger) : IWritesBlockedNotice
{
    public async Task NotifyAsync(WritesBlocked blocked, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(blocked);
        var reference = await references.GetAsync(blocked.Tenant, blocked.ConversationId, cancellationToken);
        var agenda = blocked.AgendaId is { } agendaId ? (await agendas.GetAsync(blocked.Tenant, agendaId, cancellationToken))?.Value : null;
        var leadChat = blocked.ProjectLead is { } lead ? await references.FindPersonalChatAsync(blocked.Tenant, lead.Id, cancellationToken) : null;
        if (agenda is null || leadChat is null || leadChat.ConversationId == blocked.ConversationId)
        {
            LogNobodyToTell(logger, blocked.ConversationId, blocked.AgendaId);
            return;
        }

        var texts = PersonalTexts.For(leadChat);
        var which = await DescribeAsync(blocked, agenda, reference, texts, cancellationToken);
        var notice = new Activity
        {
            Type = ActivityTypes.Message,
            Text = texts.Format(TextKey.BlockedNotice, which),
            TextFormat = "plain",
        };
        var since = (reference?.UpdatedAt ?? default).UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await durable.EnqueueAsync(blocked.Tenant, new ProactivePost(leadChat.ConversationId, notice, PersonId: leadChat.UserId),
            $"blocked|{agenda.Id}|{blocked.ConversationId}|{since}", agenda.Id, cancellationToken);
    }

    private async Task<string> DescribeAsync(WritesBlocked blocked, Agenda agenda, Domain.People.ConversationReference? reference, Texts texts,
        CancellationToken cancellationToken)
    {
        if (reference?.UserId is { } userId)
        {
            return texts.Format(TextKey.BlockedPersonalChat, await NameOfAsync(blocked.Tenant, agenda.Id, userId, cancellationToken) ?? userId);
        }

        var bound = blocked.ConversationId.Split(";messageid=", 2)[0];
        if (bound == agenda.StatusConversationId)
        {
            return texts[TextKey.BlockedStatusChannel];
        }

        var workshop = (await agendas.GetWorkshopsAsync(blocked.Tenant, agenda.Id, cancellationToken)).FirstOrDefault(w => w.ConversationId == bound);
        return workshop is not null
            ? texts.Format(TextKey.BlockedWorkshopChannel, workshop.FieldOfAction)
            : texts.Format(TextKey.BlockedOtherConversation, blocked.ConversationId);
    }

    /// <summary>The person's name as they registered for one of the agenda's workshops; the lead knows people by name, not by id.</summary>
    private async Task<string?> NameOfAsync(TenantScope tenant, string agendaId, string userId, CancellationToken cancellationToken)
    {
        foreach (var listing in await agendas.GetWorkshopsAsync(tenant, agendaId, cancellationToken))
        {
            if (await workshops.GetParticipantAsync(tenant, listing.WorkshopId, userId, cancellationToken) is { } participant)
            {
                return participant.User.Name;
            }
        }

        return null;
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "The bot may no longer post in conversation {ConversationId} (agenda {AgendaId}), and no project lead can be told in a personal chat")]
    private static partial void LogNobodyToTell(ILogger logger, string conversationId, string? agendaId);
}
