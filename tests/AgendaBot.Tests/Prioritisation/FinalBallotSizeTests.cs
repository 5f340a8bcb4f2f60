using System.Globalization;
using System.Text.Json;
using AgendaBot.Bot.Localization;
using AgendaBot.Bot.Posting;
using AgendaBot.Domain.Common;
using AgendaBot.Domain.Measures;
using AgendaBot.Domain.Voting;
using AgendaBot.Features.Prioritisation;
using AgendaBot.Protocol;

namespace AgendaBot.Tests.Prioritisation;

/// <summary>The Schlussrunde's largest ballot and result still fit into one Teams message.</summary>
public sealed class FinalBallotSizeTests
{
    /// <summary>Teams refuses larger messages (platform notes: keep a message under about 28 KB of JSON).</summary>
    private const int TeamsMessageLimitBytes = 28_000;

    private static readonly DateTimeOffset Now = new(2027, 3, 15, 7, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(VotingMethod.StarRating, 5)]
    [InlineData(VotingMethod.StarRating, 3)]
    [InlineData(VotingMethod.DotVoting, 0)]
    public void The_ballot_and_the_result_for_the_most_measures_a_round_takes_fit_into_one_message(VotingMethod method, int criteria)
    {
        var texts = new Texts(new CultureInfo("de-DE"));
        var plan = Enumerable.Range(0, FinalRound.MaxMeasures(method, criteria))
            .Select(i => new Measure { Id = $"measure-{i:D3}-{new string('x', 8)}", AgendaId = "agenda-1", Title = $"{i} " + new string('M', TextLimits.Title - 4) })
            .ToList();
        var names = Enumerable.Range(1, criteria).Select(c => $"Kriterium {c} " + new string('k', 20)).ToList();
        var round = FinalRound.Start("round-1", "agenda-1", "19:lenkung@thread.tacv2", method, names, plan, "user-lead", Now);
        var everyone = round.MeasureIds.Select((_, i) => new Score(i + 1, method == VotingMethod.StarRating ? names[0] : null, 1)).ToList();
        var mine = new Ballot(round.Id, "user-1", method == VotingMethod.StarRating ? everyone : everyone.Take(round.PointsPerPerson).ToList(), Now);

        foreach (var card in new[]
        {
            PrioritisationCards.Ballot(round, plan, 12, texts, mine, texts[TextKey.FinalBallotChanged]),
            PrioritisationCards.Results(round.Close([mine], Now), plan, texts),
        })
        {
            var bytes = JsonSerializer.SerializeToUtf8Bytes(Poster.Message(card, texts, "19:lenkung@thread.tacv2"), ProtocolJson.Context.Activity);
            Assert.True(bytes.Length < TeamsMessageLimitBytes, $"{card.FallbackText}: {bytes.Length} bytes for {plan.Count} measures.");
        }
    }
}
