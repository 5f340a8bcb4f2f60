using AgendaBot.Bot.Localization;
using AgendaBot.Domain.Agendas;
using AgendaBot.Domain.Measures;
using AgendaBot.Protocol.Cards;
using AgendaBot.Storage;
using AgendaBot.Storage.Measures;

namespace AgendaBot.Features.Comments;

/// <summary>The comments of a round per measure, as a card for the project lead: two queries in the agenda's partition.</summary>
public sealed class DraftComments(MeasureRepository measures)
{
    public async Task<AdaptiveCard> RenderAsync(TenantScope tenant, Agenda agenda, CommentRound round, Texts texts, CancellationToken cancellationToken)
    {
        var plan = await measures.GetAllAsync(tenant, agenda.Id, cancellationToken);
        var comments = await measures.GetAllCommentsAsync(tenant, agenda.Id, cancellationToken);
        return DraftCards.Comments(agenda, round, plan, comments, texts);
    }
}
