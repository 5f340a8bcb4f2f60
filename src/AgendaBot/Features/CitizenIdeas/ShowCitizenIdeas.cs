using AgendaBot.Bot.Localization;
using AgendaBot.Bot.Routing;
using AgendaBot.Domain.Agendas;
using AgendaBot.Storage.Agendas;

namespace AgendaBot.Features.CitizenIdeas;

/// <summary>
/// "bürgerideen": the ideas still waiting for a decision, oldest first, each as its moderation card with the workshops
/// that collect now — for an idea that came while none did, or whose card scrolled away.
/// </summary>
public sealed class ShowCitizenIdeas(Consultations.ConsultationRights moderators, CitizenIdeaStore ideas, IdeaTargets targets) : ICommandHandler
{
    // A few cards at a time keep the chat readable; deciding them brings the next ones.
    private const int Shown = 5;

    public async Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        if (await moderators.SpokenForAsync(turn, null, cancellationToken) is not { } agenda)
        {
            await turn.ReplyAsync(turn.Texts[TextKey.CitizenIdeasNoAgenda], cancellationToken);
            return;
        }

        var waiting = (await ideas.GetAllAsync(turn.Tenant, agenda.Id, cancellationToken)).Where(i => i.State == CitizenIdeaState.Pending).ToList();
        if (waiting.Count == 0)
        {
            await turn.ReplyAsync(turn.Texts[TextKey.CitizenIdeasNone], cancellationToken);
            return;
        }

        var line = turn.Texts.Format(TextKey.CitizenIdeasWaiting, waiting.Count);
        await turn.ReplyAsync(waiting.Count > Shown ? $"{line} {turn.Texts.Format(TextKey.CitizenIdeasMore, waiting.Count - Shown)}" : line, cancellationToken);
        var open = await targets.OfAsync(turn.Tenant, agenda.Id, cancellationToken);
        foreach (var idea in waiting.Take(Shown))
        {
            await turn.ReplyAsync(CitizenIdeaCards.Moderation(agenda.Id, idea, open, turn.Texts), cancellationToken);
        }
    }
}
