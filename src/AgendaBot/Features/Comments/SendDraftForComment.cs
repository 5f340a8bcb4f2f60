using System.Globalization;
using AgendaBot.Bot.Localization;
using AgendaBot.Bot.Posting;
using AgendaBot.Bot.Routing;
using AgendaBot.Domain.Agendas;
using AgendaBot.Domain.Common;
using AgendaBot.Domain.Measures;
using AgendaBot.Features.Conversations;
using AgendaBot.Infrastructure.Delivery;
using AgendaBot.Storage;
using AgendaBot.Storage.Measures;

namespace AgendaBot.Features.Comments;

/// <summary>
/// "Entwurf versenden": the round is stored with its deadline, and the draft goes to every participant's personal chat
/// through the outbox, one keyed post per person — a click delivered twice, or a retry after a failure midway,
/// sends nobody a second copy.
/// </summary>
public sealed class SendDraftForComment(
    DraftAgenda drafts, MeasureRepository measures, CommentRoundRepository rounds, Poster poster, TimeProvider time) : ICardActionHandler<DraftSendData>
{
    public async Task<CardActionResult> HandleAsync(TurnContext turn, DraftSendData input, CancellationToken cancellationToken)
    {
        // The agenda is the team's, whatever the card says: a card copied into another team names nothing there.
        var agenda = await drafts.FindAsLeadAsync(turn, cancellationToken);
        if (agenda is null || agenda.Id != input.AgendaId)
        {
            throw new DomainException(DomainErrorCode.NotFound, "agenda");
        }

        var now = time.GetUtcNow();
        if (!DateOnly.TryParseExact(input.Deadline, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            || day <= DraftCards.Today(now))
        {
            return new CardActionResult.Message(turn.Texts[TextKey.DraftDeadlineInvalid]);
        }

        var roundId = DraftAgenda.IdFrom(agenda.Id, turn.Activity.ReplyToId ?? turn.Activity.Id ?? Guid.NewGuid().ToString("N"));
        var existing = await rounds.ListAsync(turn.Tenant, agenda.Id, cancellationToken);
        if (existing.FirstOrDefault(r => r.Id != roundId && r.IsOpenAt(now)) is { } running)
        {
            return new CardActionResult.Message(turn.Texts.Format(TextKey.DraftRunning, DraftCards.Local(running.Deadline, turn.Texts)));
        }

        var plan = (await measures.GetAllAsync(turn.Tenant, agenda.Id, cancellationToken))
            .Where(m => m.Status != MeasureStatus.Dropped).OrderBy(m => m.Priority ?? int.MaxValue).ThenBy(m => m.Title, StringComparer.Ordinal).ToList();
        if (plan.Count == 0)
        {
            return new CardActionResult.Message(turn.Texts[TextKey.DraftNoMeasures]);
        }

        var recipients = await drafts.RecipientsAsync(turn.Tenant, agenda.Id, cancellationToken);
        var proposed = CommentRound.Start(roundId, agenda.Id, turn.User, plan.Select(m => m.Id).ToList(), recipients.Select(r => r.User).ToList(),
            recipients.Count(r => r.PersonalChat is null), DraftCards.EndOfDay(day), now);
        var (round, _) = await rounds.StartAsync(turn.Tenant, proposed, cancellationToken);
        await SendAsync(turn.Tenant, agenda, round.Value, plan, recipients, cancellationToken);
        return new CardActionResult.ReplaceCard(DraftCards.Sent(round.Value, turn.Texts));
    }

    private async Task SendAsync(TenantScope tenant, Agenda agenda, CommentRound round, IReadOnlyList<Measure> plan,
        IReadOnlyList<(Domain.People.TeamsUser User, Domain.People.ConversationReference? PersonalChat)> recipients,
        CancellationToken cancellationToken)
    {
        // Each in the language they last wrote to the bot in: one card per language, not per person.
        var cards = new Dictionary<string, (Texts Texts, Protocol.Cards.AdaptiveCard Card)>();
        foreach (var (user, chat) in recipients)
        {
            if (chat is not null && round.IsRecipient(user.Id))
            {
                var texts = PersonalTexts.For(chat);
                if (!cards.TryGetValue(texts.Culture.Name, out var draft))
                {
                    cards[texts.Culture.Name] = draft = (texts, DraftCards.Draft(agenda, round, plan, texts));
                }

                await poster.Durable.EnqueueAsync(tenant,
                    new ProactivePost(chat.ConversationId, Poster.Message(draft.Card, draft.Texts, chat.ConversationId), PersonId: user.Id),
                    $"draft|{agenda.Id}|{round.Id}|{user.Id}", agenda.Id, cancellationToken);
            }
        }
    }
}
