using System.Globalization;
using AgendaBot.Bot.Cards;
using AgendaBot.Bot.Localization;
using AgendaBot.Domain.Voting;
using AgendaBot.Domain.Workshops;
using AgendaBot.Features.Workshops;
using AgendaBot.Protocol.Cards;

namespace AgendaBot.Features.Voting;

/// <summary>
/// The ballot of a round, posted once in the channel and updated in place with the turnout. A voter's own copy —
/// the answer to their click — shows their choices and what happened to them.
/// </summary>
// Seam: the final round's ballot asks for its ratings with the same inputs.
[Seam]
public static class BallotCard
{
    /// <param name="moderating">A moderator's own view: with "Abstimmung beenden", which the card everyone sees leaves out.</param>
    public static AdaptiveCard Render(VotingRound round, Workshop workshop, IReadOnlyList<Contribution> items, int turnout, int eligible,
        Texts texts, Ballot? mine = null, string? note = null, bool moderating = false)
    {
        var roundRef = CardPayload.Write(new RoundRef(workshop.Id, round.Id), VotingCardJson.Default.RoundRef);
        var open = round.State == RoundState.Open;
        var body = new List<CardElement>
        {
            new TextBlock(texts.Format(TextKey.BallotTitle, StepTexts.Title(texts, (WorkshopStep)round.Step))) { Size = TextSize.Large, Weight = TextWeight.Bolder },
            new TextBlock(round.Method == VotingMethod.DotVoting
                ? texts.Format(TextKey.BallotHowDots, round.PointsPerPerson, round.MaxPointsPerItem)
                : texts[round.Anonymous ? TextKey.BallotHowStarsAnonymous : TextKey.BallotHowStars]) { IsSubtle = true },
        };
        if (round.Deadline is { } deadline && open)
        {
            body.Add(new TextBlock(texts.Format(TextKey.BallotDeadline,
                TimeZoneInfo.ConvertTime(deadline, Berlin).ToString("g", texts.Culture))) { IsSubtle = true, Spacing = ElementSpacing.None });
        }

        body.Add(new TextBlock(texts.Format(TextKey.BallotTurnout, turnout, eligible)) { Weight = TextWeight.Bolder, Color = TextColor.Accent });
        if (note is not null)
        {
            body.Add(new TextBlock(note) { Color = TextColor.Good, Weight = TextWeight.Bolder });
        }

        foreach (var item in round.Items)
        {
            var contribution = items.FirstOrDefault(c => c.Number == item);
            body.Add(new RichTextBlock([new TextRun($"#{item}  ") { Weight = TextWeight.Bolder }, new TextRun(contribution?.Text ?? string.Empty)])
            {
                Separator = true, Spacing = ElementSpacing.Medium,
            });
            if (open)
            {
                body.AddRange(Inputs(round, item, texts, mine));
            }
        }

        if (!open)
        {
            body.Add(new TextBlock(texts[TextKey.VoteClosedNote]) { Weight = TextWeight.Bolder, Spacing = ElementSpacing.Medium });
        }

        return new AdaptiveCard
        {
            Lang = texts.Culture.TwoLetterISOLanguageName,
            FallbackText = texts.Format(TextKey.BallotTitle, StepTexts.Title(texts, (WorkshopStep)round.Step)),
            MsTeams = new(),
            Body = body,
            Actions = !open ? null
                : moderating
                ?
                [
                    ExecuteAction.WithSubmitFallback(texts[TextKey.ButtonVote], CardVerbs.CastVote, roundRef),
                    ExecuteAction.WithSubmitFallback(texts[TextKey.ButtonCloseVote], CardVerbs.CloseVote, roundRef),
                ]
                : [ExecuteAction.WithSubmitFallback(texts[TextKey.ButtonVote], CardVerbs.CastVote, roundRef)],
            Refresh = open ? StepCard.ModerationRefresh(workshop, texts, CardVerbs.BallotView, roundRef) : null,
        };
    }

    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    /// <summary>The rating inputs of one item: stars per criterion or points, named as <see cref="BallotData"/> reads them.</summary>
    public static IEnumerable<CardElement> Inputs(VotingRound round, int item, Texts texts, Ballot? mine)
    {
        if (round.Method == VotingMethod.DotVoting)
        {
            var given = mine?.Scores.Where(s => s.Item == item).Sum(s => s.Value);
            yield return new NumberInput
            {
                Id = BallotData.PointsId(item), Label = texts[TextKey.BallotPoints], Min = 0, Max = round.MaxPointsPerItem, Value = given,
            };
            yield break;
        }

        for (var c = 0; c < round.Criteria.Count; c++)
        {
            var chosen = mine?.Scores.FirstOrDefault(s => s.Item == item && s.Criterion == round.Criteria[c])?.Value;
            yield return new ChoiceSetInput(Enumerable.Range(1, 5)
                .Select(stars => new Choice($"{stars} {new string('★', stars)}", stars.ToString(CultureInfo.InvariantCulture))).ToList())
            {
                Id = BallotData.StarsId(item, c),
                Label = round.Criteria[c],
                Style = ChoiceSetStyle.Compact,
                Placeholder = "–",
                Value = chosen?.ToString(CultureInfo.InvariantCulture),
            };
        }
    }
}
