using System.Globalization;
using AgendaBot.Bot.Cards;
using AgendaBot.Bot.Localization;
using AgendaBot.Domain.Measures;
using AgendaBot.Domain.Voting;
using AgendaBot.Features.Measures;
using AgendaBot.Features.Voting;
using AgendaBot.Protocol.Cards;

namespace AgendaBot.Features.Prioritisation;

/// <summary>
/// The cards of the Schlussrunde: setting it up, the ballot (shared, and a voter's own copy with their choices), the
/// result with the plan order, and the budget priorities with the step to the final version. Measure titles are
/// people's words: they go into text runs.
/// </summary>
public static class PrioritisationCards
{
    public const string Stars = "stars";
    public const string Dots = "dots";

    public static AdaptiveCard Setup(string agendaId, int measures, Texts texts) => Card(texts[TextKey.FinalRoundSetupTitle], texts,
        [
            Title(texts[TextKey.FinalRoundSetupTitle]),
            new TextBlock(texts.Format(TextKey.FinalRoundSetupIntro, measures)),
            new ChoiceSetInput([new Choice(texts[TextKey.FinalRoundMethodStars], Stars), new Choice(texts[TextKey.FinalRoundMethodDots], Dots)])
            {
                Id = CardInput.Id<FinalRoundSetupData>(nameof(FinalRoundSetupData.Method)), Label = texts[TextKey.FinalRoundMethod],
                Style = ChoiceSetStyle.Expanded, Value = Stars,
            },
            new TextInput
            {
                Id = CardInput.Id<FinalRoundSetupData>(nameof(FinalRoundSetupData.Criteria)), Label = texts[TextKey.FinalRoundCriteria],
                Value = string.Join(", ", FinalRound.DefaultCriteria), MaxLength = 200,
            },
        ],
        [ExecuteAction.WithSubmitFallback(texts[TextKey.ButtonStartFinalRound], CardVerbs.StartFinalRound,
            CardPayload.Write(new FinalRoundSetupData(agendaId), PrioritisationCardJson.Default.FinalRoundSetupData))]);

    /// <param name="mine">The voter's own ballot, on their copy only.</param>
    public static AdaptiveCard Ballot(FinalRound round, IReadOnlyList<Measure> measures, int turnout, Texts texts, Ballot? mine = null, string? note = null)
    {
        var body = new List<CardElement>
        {
            Title(texts[TextKey.FinalBallotTitle]),
            new TextBlock(round.Method == VotingMethod.DotVoting
                ? texts.Format(TextKey.FinalBallotHowDots, round.PointsPerPerson, round.MaxPointsPerItem)
                : texts[TextKey.FinalBallotHowStars]) { IsSubtle = true },
            new TextBlock(texts.Format(TextKey.FinalBallotTurnout, turnout)) { Weight = TextWeight.Bolder, Color = TextColor.Accent },
        };
        if (note is not null)
        {
            body.Add(new TextBlock(note) { Color = TextColor.Good, Weight = TextWeight.Bolder });
        }

        var voting = round.AsVotingRound();
        for (var item = 1; item <= round.MeasureIds.Count; item++)
        {
            var measure = measures.FirstOrDefault(m => m.Id == round.MeasureOf(item));
            body.Add(new RichTextBlock([new TextRun($"{item}. ") { Weight = TextWeight.Bolder }, new TextRun(measure?.Title ?? "–") { Weight = TextWeight.Bolder }])
            {
                Separator = true, Spacing = ElementSpacing.Medium,
            });
            if (round.IsOpen)
            {
                body.AddRange(BallotCard.Inputs(voting, item, texts, mine));
            }
        }

        var reference = CardPayload.Write(new FinalRoundRef(round.AgendaId, round.Id), PrioritisationCardJson.Default.FinalRoundRef);
        if (!round.IsOpen)
        {
            body.Add(new TextBlock(texts[TextKey.FinalRoundClosed]) { Weight = TextWeight.Bolder, Spacing = ElementSpacing.Medium });
        }

        return Card(texts[TextKey.FinalBallotTitle], texts, body, !round.IsOpen ? null :
            [
                ExecuteAction.WithSubmitFallback(texts[TextKey.ButtonCastFinalBallot], CardVerbs.CastFinalBallot,
                    CardPayload.Write(new FinalBallotData(round.AgendaId, round.Id), PrioritisationCardJson.Default.FinalBallotData)),
                ExecuteAction.WithSubmitFallback(texts[TextKey.ButtonCloseFinalRound], CardVerbs.CloseFinalRound, reference),
            ]);
    }

    public static AdaptiveCard Results(FinalRound round, IReadOnlyList<Measure> measures, Texts texts, string? note = null, bool offerOrder = true)
    {
        var results = round.Results!;
        var body = new List<CardElement>
        {
            Title(texts[TextKey.FinalRoundResultsTitle]),
            new TextBlock(results.Ballots == 0 ? texts[TextKey.FinalRoundNoVotes] : texts.Format(TextKey.FinalRoundResultsTurnout, results.Ballots)),
        };
        if (note is not null)
        {
            body.Add(new TextBlock(note) { Color = TextColor.Good, Weight = TextWeight.Bolder });
        }

        foreach (var ranked in results.Ranking)
        {
            var title = measures.FirstOrDefault(m => m.Id == round.MeasureOf(ranked.Item))?.Title ?? "–";
            var score = round.Method == VotingMethod.DotVoting
                ? texts.Format(TextKey.FinalRoundResultDots, (int)ranked.Score)
                : texts.Format(TextKey.FinalRoundResultStars, ranked.Score.ToString("0.0", texts.Culture));
            body.Add(new RichTextBlock([new TextRun($"{ranked.Rank}. ") { Weight = TextWeight.Bolder }, new TextRun(title) { Weight = TextWeight.Bolder }])
            {
                Separator = true,
            });
            // Per criterion too, so the group sees why a measure is where it is (much impact but much effort, say).
            var detail = round.Method == VotingMethod.StarRating && ranked.PerCriterion.Count > 1
                ? " (" + string.Join(" · ", ranked.PerCriterion.Select(c => $"{c.Criterion} {c.Mean.ToString("0.0", texts.Culture)}")) + ")"
                : string.Empty;
            body.Add(new TextBlock((ranked.Tied ? $"{score} · {texts[TextKey.FinalRoundResultTied]}" : score) + detail) { IsSubtle = true, Spacing = ElementSpacing.None });
        }

        return Card(texts[TextKey.FinalRoundResultsTitle], texts, body, !offerOrder || results.Ballots == 0 ? null :
            [
                ExecuteAction.WithSubmitFallback(texts[TextKey.ButtonApplyFinalOrder], CardVerbs.ApplyFinalOrder,
                    CardPayload.Write(new FinalRoundRef(round.AgendaId, round.Id), PrioritisationCardJson.Default.FinalRoundRef)),
            ]);
    }

    /// <param name="plan">The measures in plan order; dropped ones are not offered.</param>
    public static AdaptiveCard Budget(string agendaId, IReadOnlyList<Measure> plan, PlanState standing, int year, Texts texts, string? note = null)
    {
        var offered = plan.Where(m => m.Status != MeasureStatus.Dropped).ToList();
        var body = new List<CardElement>
        {
            Title(texts[TextKey.BudgetTitle]),
            new TextBlock(MeasureTexts.Stage(standing, texts)) { IsSubtle = true, Spacing = ElementSpacing.None },
        };
        if (note is not null)
        {
            body.Add(new TextBlock(note) { Color = TextColor.Good, Weight = TextWeight.Bolder });
        }

        body.Add(new TextBlock(texts[TextKey.BudgetIntro]));
        body.Add(new NumberInput
        {
            Id = CardInput.Id<BudgetData>(nameof(BudgetData.BudgetYear)), Label = texts[TextKey.BudgetYear], Min = 2000, Max = 2100, Value = year,
        });
        body.Add(new ChoiceSetInput(offered.Select((m, i) => new Choice($"{m.Priority ?? i + 1}. {m.Title}", m.Id)).ToList())
        {
            Id = CardInput.Id<BudgetData>(nameof(BudgetData.Measures)), Label = texts[TextKey.BudgetMeasures], IsMultiSelect = true,
            Style = ChoiceSetStyle.Expanded, Value = string.Join(",", offered.Where(m => m.NextBudgetYear).Select(m => m.Id)),
        });
        var data = CardPayload.Write(new BudgetData(agendaId), PrioritisationCardJson.Default.BudgetData);
        return Card(texts[TextKey.BudgetTitle], texts, body,
            standing.IsFinal
                ? [ExecuteAction.WithSubmitFallback(texts[TextKey.ButtonSaveBudget], CardVerbs.SaveBudgetPriorities, data)]
                :
                [
                    ExecuteAction.WithSubmitFallback(texts[TextKey.ButtonSaveBudget], CardVerbs.SaveBudgetPriorities, data),
                    ExecuteAction.WithSubmitFallback(texts[TextKey.ButtonFinalisePlan], CardVerbs.FinalisePlan, data),
                ]);
    }

    private static TextBlock Title(string text) => new(text) { Size = TextSize.Large, Weight = TextWeight.Bolder };

    private static AdaptiveCard Card(string fallback, Texts texts, List<CardElement> body, IReadOnlyList<CardAction>? actions) => new()
    {
        Lang = texts.Culture.TwoLetterISOLanguageName,
        FallbackText = fallback,
        MsTeams = new(),
        Body = body,
        Actions = actions,
    };
}
