using AgendaBot.Bot.Localization;
using AgendaBot.Bot.Routing;
using AgendaBot.Domain.Common;
using AgendaBot.Domain.Measures;
using AgendaBot.Storage.Agendas;
using AgendaBot.Storage.Measures;

namespace AgendaBot.Features.Measures;

/// <summary>
/// "Verantwortliche um Stand bitten" on the weekly post: the project lead asks every owner of a measure without a recent
/// update for its status; each gets the status card 1:1 through the outbox, and the lead learns how many were asked.
/// </summary>
public sealed class AskOwnersForUpdates(AgendaRepository agendas, MeasureRepository measures, OwnerRequests requests, TimeProvider time)
    : ICardActionHandler<AgendaRef>
{
    public async Task<CardActionResult> HandleAsync(TurnContext turn, AgendaRef input, CancellationToken cancellationToken)
    {
        var agenda = await agendas.GetAsync(turn.Tenant, input.AgendaId, cancellationToken) ?? throw new DomainException(DomainErrorCode.NotFound, "agenda");
        var texts = turn.Texts;
        if (turn.User.IsAnonymous || agenda.Value.ProjectLead.Id != turn.User.Id)
        {
            return new CardActionResult.Message(texts[TextKey.AskOwnersOnlyLead]);
        }

        var silent = WeeklyStatus.Compose(await measures.GetAllAsync(turn.Tenant, input.AgendaId, cancellationToken), [], time.GetUtcNow()).WithoutUpdate
            .Where(m => m.Owner is not null).ToList();
        if (silent.Count == 0)
        {
            return new CardActionResult.Message(texts[TextKey.AskOwnersNobody]);
        }

        // Keyed by the click: Teams delivering it twice asks once; a click next week asks again.
        var click = turn.Activity.Id ?? Guid.NewGuid().ToString("N");
        var reached = new HashSet<string>(StringComparer.Ordinal);
        var unreachable = new SortedSet<string>(StringComparer.CurrentCulture);
        foreach (var measure in silent)
        {
            var owner = measure.Owner!;
            if (await requests.SendAsync(turn.Tenant, measure, t => t.Format(TextKey.AskOwnersRequest, turn.User.Name, measure.Title),
                    $"ask|{input.AgendaId}|{measure.Id}|{click}", cancellationToken))
            {
                reached.Add(owner.Id);
            }
            else
            {
                unreachable.Add(owner.Name);
            }
        }

        var answer = texts.Format(TextKey.AskOwnersDone, reached.Count, silent.Count(m => reached.Contains(m.Owner!.Id)));
        return new CardActionResult.Message(unreachable.Count == 0
            ? answer
            : answer + " " + texts.Format(TextKey.AskOwnersUnreachable, unreachable.Count, string.Join(", ", unreachable)));
    }
}
