using AgendaBot.Bot.Localization;
using AgendaBot.Bot.Routing;
using AgendaBot.Storage.Agendas;
using AgendaBot.Storage.Measures;

namespace AgendaBot.Features.Measures;

/// <summary>"maßnahmen" / "measures" in the personal chat: the measures the user owns, in every agenda of the tenant.</summary>
[UsedIn(CommandScopes.Personal)]
public sealed class ShowMyMeasures(AgendaRepository agendas, MeasureRepository measures) : ICommandHandler
{
    public async Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        if (!turn.IsPersonalChat)
        {
            await turn.ReplyAsync(turn.Texts[TextKey.MyMeasuresOnlyPersonal], cancellationToken);
            return;
        }

        var owned = new List<Domain.Measures.Measure>();
        foreach (var agenda in await agendas.GetAllAsync(turn.Tenant, cancellationToken))
        {
            owned.AddRange((await measures.GetAllAsync(turn.Tenant, agenda.Id, cancellationToken)).Where(m => m.Owner?.Id == turn.User.Id));
        }

        if (owned.Count == 0)
        {
            await turn.ReplyAsync(turn.Texts[TextKey.MyMeasuresNone], cancellationToken);
            return;
        }

        await turn.ReplyAsync(MyMeasuresCard.Render(owned, turn.Texts), turn.Texts, cancellationToken);
    }
}
