using AgendaBot.Bot.Localization;
using AgendaBot.Bot.Routing;
using AgendaBot.Domain.Agendas;
using AgendaBot.Domain.Measures;
using AgendaBot.Protocol.Cards;
using AgendaBot.Storage.Agendas;
using AgendaBot.Storage.Measures;

namespace AgendaBot.Features.Comments;

/// <summary>
/// "kommentare" in the personal chat, where the draft arrives: the latest draft the person was sent (or, for a project
/// lead, sent out) — the lead sees every comment, a participant only their own. Across the tenant's agendas, as the
/// personal chat belongs to no team.
/// </summary>
public sealed class MyDraftComments(AgendaRepository agendas, CommentRoundRepository rounds, MeasureRepository measures, DraftComments comments)
{
    public async Task ShowAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        (Agenda Agenda, CommentRound Round)? latest = null;
        foreach (var agenda in await agendas.GetAllAsync(turn.Tenant, cancellationToken))
        {
            var lead = agenda.ProjectLead.Id == turn.User.Id;
            foreach (var round in await rounds.ListAsync(turn.Tenant, agenda.Id, cancellationToken))
            {
                if ((lead || round.IsRecipient(turn.User.Id)) && (latest is null || round.StartedAt > latest.Value.Round.StartedAt))
                {
                    latest = (agenda, round);
                }
            }
        }

        if (latest is not var (found, last))
        {
            await turn.ReplyAsync(turn.Texts[TextKey.MyDraftCommentsNone], cancellationToken);
            return;
        }

        if (found.ProjectLead.Id == turn.User.Id)
        {
            await turn.ReplyAsync(await comments.RenderAsync(turn.Tenant, found, last, turn.Texts, cancellationToken), cancellationToken);
            return;
        }

        var plan = await measures.GetAllAsync(turn.Tenant, found.Id, cancellationToken);
        var mine = (await measures.GetAllCommentsAsync(turn.Tenant, found.Id, cancellationToken))
            .Where(c => last.Owns(c) && c.Author.Id == turn.User.Id).ToList();
        await turn.ReplyAsync(Render(found, last, plan, mine, turn.Texts), cancellationToken);
    }

    private static AdaptiveCard Render(Agenda agenda, CommentRound round, IReadOnlyList<Measure> plan, List<MeasureComment> mine, Texts texts)
    {
        var body = new List<CardElement>
        {
            new TextBlock(texts.Format(TextKey.MyDraftCommentsTitle, agenda.Title)) { Size = TextSize.Large, Weight = TextWeight.Bolder },
            new TextBlock(texts.Format(TextKey.MyDraftCommentsSummary, DraftCards.Local(round.Deadline, texts), mine.Count))
            {
                IsSubtle = true, Spacing = ElementSpacing.None,
            },
        };
        foreach (var id in round.MeasureIds)
        {
            if (plan.FirstOrDefault(m => m.Id == id) is not { } measure)
            {
                continue;
            }

            body.Add(new TextBlock(measure.Title) { Weight = TextWeight.Bolder, Separator = true });
            var own = mine.Where(c => c.MeasureId == id).OrderBy(c => c.At).ToList();
            body.AddRange(own.Count == 0
                ? [new TextBlock(texts[TextKey.MyDraftCommentsNoneHere]) { IsSubtle = true, Spacing = ElementSpacing.None }]
                : own.Select(c => (CardElement)new RichTextBlock([new TextRun(c.Text)]) { Spacing = ElementSpacing.None }));
        }

        return new AdaptiveCard
        {
            Lang = texts.Culture.TwoLetterISOLanguageName,
            FallbackText = texts.Format(TextKey.MyDraftCommentsTitle, agenda.Title),
            MsTeams = new(),
            Body = body,
        };
    }
}
