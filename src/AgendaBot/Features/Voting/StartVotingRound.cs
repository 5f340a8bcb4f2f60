using System.Globalization;
using AgendaBot.Bot.Localization;
using AgendaBot.Bot.Routing;
using AgendaBot.Domain.Common;
using AgendaBot.Domain.People;
using AgendaBot.Domain.Voting;
using AgendaBot.Features.Conversations;
using AgendaBot.Features.Workshops;
using AgendaBot.Protocol.Cards;
using AgendaBot.Storage.Conversations;
using AgendaBot.Storage.Voting;
using AgendaBot.Storage.Workshops;

namespace AgendaBot.Features.Voting;

/// <summary>
/// "Abstimmung starten": the round is stored, its ballot posted in the channel, its deadline scheduled. A click from a
/// personal chat (a set-up card sent there earlier, or a forged invoke) is refused before anything is read or stored:
/// the ballot would land where only one person sees it.
/// </summary>
[UsedIn(CommandScopes.Team | CommandScopes.GroupChat, Elsewhere = TextKey.VoteOnlyInChannel)]
[Requires(WorkshopAction.StartVotingRound)]
public sealed class StartVotingRound(
    WorkshopFinder finder, WorkshopRepository workshops, VotingRepository voting, DeadlineRepository deadlines,
    ConversationReferenceRepository references, SharedBallotCard sharedCard, KnownVoters known, TimeProvider time)
    : WorkshopCardHandler<VotingSetupData>(finder)
{
    private static readonly TimeSpan FirstCopyGrace = TimeSpan.FromSeconds(30);

    protected override async Task<CardActionResult> HandleAsync(TurnContext turn, VotingSetupData input, WorkshopContext here,
        CancellationToken cancellationToken)
    {
        if (input.Step != (int)here.Value.CurrentStep)
        {
            throw new DomainException(DomainErrorCode.WrongStep, "vote");
        }

        var contributions = await workshops.GetContributionsAsync(turn.Tenant, here.Value.Id, cancellationToken);
        var proposed = Build(input, here, contributions, turn);
        // The same click delivered again returns the round it started; its ballot is posted once.
        var stored = await voting.StartRoundAsync(turn.Tenant, proposed, turn.Activity.Id ?? proposed.Id, cancellationToken);
        var round = stored.Value;
        // A copy that arrives while the first one is still posting must not post too; only if the first one evidently
        // died before posting (the round is older than any post takes) does a later copy post the ballot instead.
        var startedElsewhere = round.Id != proposed.Id && time.GetUtcNow() - round.StartedAt < FirstCopyGrace;
        if (round.BallotCard is not null || startedElsewhere)
        {
            return new CardActionResult.Message(turn.Texts.Format(TextKey.BallotTitle, StepTexts.Title(turn.Texts, here.Value.CurrentStep)));
        }

        var shared = SharedTexts.For(here.Value);
        var posted = await turn.ReplyAsync(BallotCard.Render(round, here.Value, contributions, 0, here.Value.ParticipantCount, shared), shared, cancellationToken);
        var withCard = await voting.UpdateRoundAsync(turn.Tenant, stored with
        {
            Value = round with { BallotCard = new PostedCard(turn.Activity.ServiceUrl!, turn.ConversationId, posted.Id ?? string.Empty) },
        }, cancellationToken);
        // Ballots on this instance need not read what was just read and written (docs/performance.md).
        known.RememberRound(turn.Tenant, withCard.Value);
        sharedCard.RoundStarted(turn.Tenant, here.Value, contributions, round.Id);
        if (round.Deadline is { } deadline)
        {
            // The deadline's results go through the outbox, which finds the conversation by its stored reference.
            await references.SaveAsync(RememberConversation.ReferenceOf(turn, time.GetUtcNow()), cancellationToken);
            await deadlines.ScheduleAsync(turn.Tenant, here.Value.Id, round.Id, deadline, cancellationToken);
        }

        // The setup form is done for everyone: nobody else should start the same round from it.
        return CardActionResult.ForAll(new AdaptiveCard
        {
            Lang = turn.Texts.Culture.TwoLetterISOLanguageName,
            Body = [new TextBlock(turn.Texts.Format(TextKey.BallotTitle, StepTexts.Title(turn.Texts, here.Value.CurrentStep))) { Weight = TextWeight.Bolder }],
        });
    }

    private VotingRound Build(VotingSetupData input, WorkshopContext here, IReadOnlyList<Domain.Workshops.Contribution> contributions, TurnContext turn)
    {
        var eligible = contributions.Where(c => c.Step == here.Value.CurrentStep && !c.Hidden).Select(c => c.Number).ToHashSet();
        var items = (input.Items ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(n => int.TryParse(n, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) && eligible.Contains(i)
                ? i
                : throw new DomainException(DomainErrorCode.InvalidValue, "items"))
            .Distinct().ToList();
        if (items.Count == 0)
        {
            throw new DomainException(DomainErrorCode.TextMissing, "items");
        }

        var method = VotingSetupCard.MethodOf(input.Method);
        var criteria = method == VotingMethod.StarRating
            ? (input.Criteria ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(c => TextLimits.Required(c, 60, "criterion")).Distinct().ToList()
            : [];
        if (method == VotingMethod.StarRating && criteria.Count == 0)
        {
            criteria = [.. VotingSetupCard.DefaultCriteria(here.Value.CurrentStep, turn.Texts)];
        }

        var points = Number(input.Points, 5, 1, 50);
        var now = time.GetUtcNow();
        return new VotingRound
        {
            Id = Guid.NewGuid().ToString("N")[..16],
            WorkshopId = here.Value.Id,
            Step = (int)here.Value.CurrentStep,
            Method = method,
            Items = TextLimits.Bounded(items, TextLimits.ListItems, "items"),
            Criteria = TextLimits.Bounded(criteria, 6, "criteria"),
            PointsPerPerson = points,
            MaxPointsPerItem = Math.Min(points, Number(input.MaxPerItem, 3, 1, 50)),
            Anonymous = input.Anonymous,
            Deadline = string.IsNullOrWhiteSpace(input.Minutes) ? null : now.AddMinutes(Number(input.Minutes, 60, 1, 60 * 24 * 14)),
            StartedBy = turn.User.Id,
            StartedAt = now,
        };
    }

    private static int Number(string? text, int fallback, int min, int max)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? (int)value
            : throw new DomainException(DomainErrorCode.InvalidValue, "number");
    }
}
