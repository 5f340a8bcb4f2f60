using AgendaBot.Bot.Cards;
using AgendaBot.Bot.Localization;
using AgendaBot.Domain.Voting;
using AgendaBot.Domain.Workshops;
using AgendaBot.Features.Workshops;
using AgendaBot.Infrastructure.Charts;
using AgendaBot.Protocol.Cards;

namespace AgendaBot.Features.Voting;

/// <summary>The results post: the ranking with mean, count and spread per item and criterion, ties flagged, and the chart.</summary>
public static class ResultsCard
{
    public static AdaptiveCard Render(VotingRound round, IReadOnlyList<Contribution> items, Texts texts, string? chartUrl)
    {
        var results = round.Results ?? new RoundResults([], 0);
        var title = texts.Format(TextKey.ResultsTitle, StepTexts.Title(texts, (WorkshopStep)round.Step));
        var body = new List<CardElement>
        {
            new TextBlock(title) { Size = TextSize.Large, Weight = TextWeight.Bolder },
            new TextBlock(texts.Format(TextKey.ResultsSummary, results.Ballots)) { IsSubtle = true },
        };
        if (chartUrl is not null)
        {
            body.Add(new Image(chartUrl, AltText(round, results, items, texts)) { Size = ImageSize.Stretch });
        }

        foreach (var ranked in results.Ranking)
        {
            var text = items.FirstOrDefault(c => c.Number == ranked.Item)?.Text ?? string.Empty;
            var place = texts.Format(TextKey.ResultsRank, ranked.Rank) + (ranked.Tied ? $" ({texts[TextKey.ResultsTied]})" : string.Empty);
            body.Add(new RichTextBlock(
            [
                new TextRun($"{place}  ") { Weight = TextWeight.Bolder, Color = ranked.Tied ? TextColor.Warning : null },
                new TextRun($"#{ranked.Item}  ") { Weight = TextWeight.Bolder },
                new TextRun(text),
            ]) { Separator = true, Spacing = ElementSpacing.Medium });
            body.Add(new TextBlock(Line(round, ranked, texts)) { IsSubtle = true, Spacing = ElementSpacing.None });
            if (round.Method == VotingMethod.StarRating && round.Criteria.Count > 1)
            {
                // A criterion nobody rated has no mean: "Ø 0,0 (0)" would read as a bad mark.
                body.Add(new TextBlock(string.Join(" · ", ranked.PerCriterion.Select(c => c.Count == 0
                    ? texts.Format(TextKey.ResultsCriterionUnrated, c.Criterion)
                    : texts.Format(TextKey.ResultsCriterionLine, c.Criterion, c.Mean, c.Count)))) { IsSubtle = true, Size = TextSize.Small, Spacing = ElementSpacing.None });
            }
        }

        body.Add(new TextBlock(texts[TextKey.ResultsPriorityNote]) { Spacing = ElementSpacing.Medium, Size = TextSize.Small });
        var actions = round.Anonymous
            ? null
            : new List<CardAction>
            {
                ExecuteAction.WithSubmitFallback(texts[TextKey.ButtonVoteDetails], CardVerbs.VoteDetails,
                    CardPayload.Write(new RoundRef(round.WorkshopId, round.Id), VotingCardJson.Default.RoundRef)),
            };
        return new AdaptiveCard
        {
            Lang = texts.Culture.TwoLetterISOLanguageName,
            FallbackText = title,
            MsTeams = new(),
            Body = body,
            Actions = actions,
        };
    }

    // The picture says in words what it shows, for screen readers and clients that do not load it.
    private static string AltText(VotingRound round, RoundResults results, IReadOnlyList<Contribution> items, Texts texts)
    {
        var key = round.Method == VotingMethod.DotVoting ? TextKey.ResultsChartAltPoints : TextKey.ResultsChartAltStars;
        var places = results.Ranking.Take(ResultsChart.MaxRows).Select(r =>
            texts.Format(key, r.Rank, r.Item, items.FirstOrDefault(c => c.Number == r.Item)?.Text ?? string.Empty, r.Score));
        return texts.Format(TextKey.ResultsChartAlt, string.Join("; ", places));
    }

    private static string Line(VotingRound round, RankedItem ranked, Texts texts) =>
        round.Method == VotingMethod.DotVoting
            ? texts.Format(TextKey.ResultsDotsLine, ranked.Score, ranked.Voters, ranked.Spread)
            : texts.Format(TextKey.ResultsStarsLine, ranked.Score, ranked.Voters, ranked.Spread);

    /// <summary>Who voted what, for moderators of named rounds only, sent to their personal chat.</summary>
    public static AdaptiveCard Details(VotingRound round, IReadOnlyList<(string Name, Ballot Ballot)> ballots, Texts texts)
    {
        var title = texts.Format(TextKey.VoteDetailsTitle, StepTexts.Title(texts, (WorkshopStep)round.Step));
        var body = new List<CardElement> { new TextBlock(title) { Size = TextSize.Large, Weight = TextWeight.Bolder } };
        body.AddRange(ballots.Select(b => (CardElement)new RichTextBlock(
        [
            new TextRun($"{b.Name}: ") { Weight = TextWeight.Bolder },
            new TextRun(string.Join(", ", b.Ballot.Scores.Select(s => s.Criterion is null ? $"#{s.Item}={s.Value}" : $"#{s.Item} {s.Criterion}={s.Value}"))),
        ])));
        return new AdaptiveCard { Lang = texts.Culture.TwoLetterISOLanguageName, FallbackText = title, MsTeams = new(), Body = body };
    }
}
