using AgendaBot.Bot.Localization;
using AgendaBot.Domain.Voting;
using AgendaBot.Domain.Workshops;
using AgendaBot.Features.Workshops;
using AgendaBot.Infrastructure.Charts;
using AgendaBot.Storage;

namespace AgendaBot.Features.Voting;

/// <summary>The bar chart of a round's ranking, stored so that the results card can show it.</summary>
public sealed class ResultsPicture(ImageLinks links)
{
    /// <returns>The picture's URL, or null when it cannot be made — the results post then goes out without it.</returns>
    public async Task<string?> UrlForAsync(TenantScope tenant, VotingRound round, IReadOnlyList<Contribution> items, Texts texts,
        CancellationToken cancellationToken)
    {
        var ranking = round.Results?.Ranking ?? [];
        var bars = ranking.Take(ResultsChart.MaxRows).Select(r => new RankedBar(
            $"#{r.Item} {items.FirstOrDefault(c => c.Number == r.Item)?.Text}", r.Score) { Spread = r.Spread }).ToList();
        var data = new ResultsChartData(
            texts.Format(TextKey.ResultsTitle, StepTexts.Title(texts, (WorkshopStep)round.Step)),
            texts[round.Method == VotingMethod.DotVoting ? TextKey.ResultsAxisPoints : TextKey.ResultsAxisStars],
            bars)
        {
            ScaleMax = round.Method == VotingMethod.StarRating ? 5 : null,
            NoDataText = texts[TextKey.ResultsNoVotes],
            Culture = texts.Culture,
        };
        return await links.TryStoreAndLinkAsync(tenant, ResultsChart.Render(data), cancellationToken);
    }
}
