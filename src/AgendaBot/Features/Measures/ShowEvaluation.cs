using AgendaBot.Bot.Localization;
using AgendaBot.Bot.Routing;
using AgendaBot.Features.Workshops;
using AgendaBot.Infrastructure.Charts;
using AgendaBot.Storage.Agendas;

namespace AgendaBot.Features.Measures;

/// <summary>
/// "@AgendaBot auswertung": how the agenda as a whole is doing against its plan — in the agenda's team for everyone
/// there (the weekly post in the status channel says the same), in a personal chat for the project lead.
/// </summary>
public sealed class ShowEvaluation(WorkshopFinder finder, AgendaRepository agendas, EvaluationReader reader, ImageLinks links) : ICommandHandler
{
    public async Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        var agenda = turn.IsPersonalChat
            ? (await agendas.GetAllAsync(turn.Tenant, cancellationToken)).FirstOrDefault(a => a.ProjectLead.Id == turn.User.Id)
            : (await finder.FindAgendaAsync(turn, cancellationToken))?.Value;
        if (agenda is null)
        {
            await turn.ReplyAsync(turn.Texts[TextKey.EvaluationNoAgenda], cancellationToken);
            return;
        }

        var evaluation = await reader.ReadAsync(turn.Tenant, agenda.Id, cancellationToken);
        var picture = evaluation.Measures.Count == 0 ? null
            : await links.TryStoreAndLinkAsync(turn.Tenant, EvaluationCard.Picture(evaluation, turn.Texts), cancellationToken);
        await turn.ReplyAsync(EvaluationCard.Render(agenda.Title, evaluation, picture, turn.Texts), cancellationToken);
    }
}
