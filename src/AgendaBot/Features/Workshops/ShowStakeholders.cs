using AgendaBot.Bot.Routing;
using AgendaBot.Storage.Workshops;

namespace AgendaBot.Features.Workshops;

/// <summary>"@AgendaBot akteure": the stakeholder balance of this channel's workshop.</summary>
public sealed class ShowStakeholders(WorkshopFinder finder, WorkshopRepository workshops) : ICommandHandler
{
    public async Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        var here = await finder.RequireHereAsync(turn, cancellationToken);
        var participants = await workshops.GetParticipantsAsync(turn.Tenant, here.Value.Id, cancellationToken);
        await turn.ReplyAsync(RegistrationCard.Render(here.Value, participants, turn.Texts, withForm: false), cancellationToken);
    }
}
