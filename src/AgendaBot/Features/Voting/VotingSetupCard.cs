using AgendaBot.Bot.Cards;
using AgendaBot.Bot.Localization;
using AgendaBot.Domain.Voting;
using AgendaBot.Domain.Workshops;
using AgendaBot.Protocol.Cards;

namespace AgendaBot.Features.Voting;

/// <summary>The moderator's card to start a round on the current step's contributions.</summary>
// Seam: the plan form offers a vote on its proposals.
[Seam]
public static class VotingSetupCard
{
    public static AdaptiveCard Render(Workshop workshop, IReadOnlyList<Contribution> items, Texts texts)
    {
        var data = CardPayload.Write(new VotingSetupData(workshop.Id, (int)workshop.CurrentStep), VotingCardJson.Default.VotingSetupData);
        return new AdaptiveCard
        {
            Lang = texts.Culture.TwoLetterISOLanguageName,
            FallbackText = texts[TextKey.VoteSetupTitle],
            MsTeams = new(),
            Body =
            [
                new TextBlock(texts[TextKey.VoteSetupTitle]) { Size = TextSize.Large, Weight = TextWeight.Bolder },
                new TextBlock(texts[TextKey.VoteSetupIntro]),
                new ChoiceSetInput(items.Select(c => new Choice(Label(c), c.Number.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList())
                {
                    Id = CardInput.Id<VotingSetupData>(nameof(VotingSetupData.Items)), Label = texts[TextKey.VoteSetupItems], IsMultiSelect = true, Style = ChoiceSetStyle.Expanded,
                    Value = string.Join(",", items.Select(c => c.Number)), IsRequired = true, ErrorMessage = texts[TextKey.FormRequired],
                },
                new ChoiceSetInput([new Choice(texts[TextKey.VoteMethodStars], "stars"), new Choice(texts[TextKey.VoteMethodDots], "dots")])
                {
                    Id = CardInput.Id<VotingSetupData>(nameof(VotingSetupData.Method)), Label = texts[TextKey.VoteSetupMethod], Value = "stars", Style = ChoiceSetStyle.Expanded,
                },
                new TextInput
                {
                    Id = CardInput.Id<VotingSetupData>(nameof(VotingSetupData.Criteria)), Label = texts[TextKey.VoteSetupCriteria], IsMultiline = true, MaxLength = 300,
                    Value = string.Join("\n", DefaultCriteria(workshop.CurrentStep, texts)),
                },
                new NumberInput { Id = CardInput.Id<VotingSetupData>(nameof(VotingSetupData.Points)), Label = texts[TextKey.VoteSetupPoints], Value = 5, Min = 1, Max = 50 },
                new NumberInput { Id = CardInput.Id<VotingSetupData>(nameof(VotingSetupData.MaxPerItem)), Label = texts[TextKey.VoteSetupMaxPerItem], Value = 3, Min = 1, Max = 50 },
                new ToggleInput(texts[TextKey.VoteSetupAnonymous]) { Id = CardInput.Id<VotingSetupData>(nameof(VotingSetupData.Anonymous)), Value = "false", ValueOn = "true", ValueOff = "false" },
                new NumberInput { Id = CardInput.Id<VotingSetupData>(nameof(VotingSetupData.Minutes)), Label = texts[TextKey.VoteSetupMinutes], Min = 1, Max = 60 * 24 * 14 },
            ],
            Actions = [ExecuteAction.WithSubmitFallback(texts[TextKey.ButtonStartVote], CardVerbs.StartVote, data)],
        };
    }

    /// <summary>Goals are judged by the method's three questions, measures by impact, effort and urgency.</summary>
    public static IReadOnlyList<string> DefaultCriteria(WorkshopStep step, Texts texts) => step switch
    {
        WorkshopStep.Goals => [texts[TextKey.CriterionDesirable], texts[TextKey.CriterionNecessary], texts[TextKey.CriterionFeasible]],
        WorkshopStep.ActionConcept or WorkshopStep.TimeAndMeasuresPlan =>
            [texts[TextKey.CriterionImpact], texts[TextKey.CriterionEffort], texts[TextKey.CriterionUrgency]],
        _ => [texts[TextKey.DefaultCriterion]],
    };

    public static string Label(Contribution c) =>
        $"#{c.Number} {(c.Text.Length > 80 ? c.Text[..79] + "…" : c.Text)}";

    public static VotingMethod MethodOf(string? value) => value == "dots" ? VotingMethod.DotVoting : VotingMethod.StarRating;
}
