using System.Security.Cryptography;
using System.Text;
using AgendaBot.Bot.Routing;
using AgendaBot.Domain.Agendas;
using AgendaBot.Domain.Common;
using AgendaBot.Domain.People;
using AgendaBot.Features.Workshops;
using AgendaBot.Storage;
using AgendaBot.Storage.Agendas;
using AgendaBot.Storage.Conversations;
using AgendaBot.Storage.Workshops;

namespace AgendaBot.Features.Comments;

/// <summary>Who may run a comment round (the project lead, checked on the server) and whom the draft goes to.</summary>
public sealed class DraftAgenda(WorkshopFinder finder, AgendaRepository agendas, WorkshopRepository workshops, ConversationReferenceRepository references)
{
    /// <summary>The agenda of this team, if the person acting is its project lead; refuses everyone else.</summary>
    public async Task<Agenda?> FindAsLeadAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (await finder.FindAgendaAsync(turn, cancellationToken) is not { } agenda)
        {
            return null;
        }

        RequireLead(agenda.Value, turn.User);
        return agenda.Value;
    }

    /// <summary>The agenda a card names, if it exists in this tenant and the person acting is its project lead.</summary>
    public async Task<Agenda> RequireAsLeadAsync(TurnContext turn, string agendaId, CancellationToken cancellationToken)
    {
        var agenda = await agendas.GetAsync(turn.Tenant, agendaId, cancellationToken) ?? throw new DomainException(DomainErrorCode.NotFound, "agenda");
        RequireLead(agenda.Value, turn.User);
        return agenda.Value;
    }

    /// <summary>Every registered (not wait-listed) person of the agenda's workshops, and their personal chat with the bot if there is one.</summary>
    public async Task<IReadOnlyList<(TeamsUser User, ConversationReference? PersonalChat)>> RecipientsAsync(TenantScope tenant, string agendaId,
        CancellationToken cancellationToken)
    {
        var people = new Dictionary<string, TeamsUser>();
        foreach (var listing in await agendas.GetWorkshopsAsync(tenant, agendaId, cancellationToken))
        {
            foreach (var participant in await workshops.GetParticipantsAsync(tenant, listing.WorkshopId, cancellationToken))
            {
                if (!participant.Waitlisted && !participant.User.IsAnonymous)
                {
                    people.TryAdd(participant.User.Id, participant.User);
                }
            }
        }

        var recipients = new List<(TeamsUser, ConversationReference?)>();
        foreach (var person in people.Values.OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            recipients.Add((person, await references.FindPersonalChatAsync(tenant, person.Id, cancellationToken)));
        }

        return recipients;
    }

    /// <summary>Short, stable and key-safe: the same click delivered twice names the same round and the same comments.</summary>
    public static string IdFrom(params string[] parts) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', parts))))[..20];

    private static void RequireLead(Agenda agenda, TeamsUser user)
    {
        if (agenda.ProjectLead.Id != user.Id)
        {
            throw new DomainException(DomainErrorCode.NotAllowed, "comment round");
        }
    }
}
