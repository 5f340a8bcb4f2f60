using AgendaBot.Bot.Cards;
using AgendaBot.Bot.Localization;
using AgendaBot.Domain.Workshops;
using AgendaBot.Features.Contributions;
using AgendaBot.Features.Plan;
using AgendaBot.Protocol.Cards;

namespace AgendaBot.Features.Workshops;

/// <summary>The card of one step: its guiding questions and the form for that step's kind of contribution.</summary>
// Seam: the plan form's "Weiterer …" buttons redraw the step card of step 6.
[Seam]
public static class StepCard
{
    /// <param name="final">The step is behind us: no buttons any more.</param>
    /// <param name="plan">For step 6: the measures of step 5 and the people who can own them.</param>
    /// <param name="typed">For step 6: what the person typed into the plan form, when it is redrawn for them.</param>
    /// <param name="moderating">
    /// A moderator's own view, with the buttons that steer the workshop. The card everyone sees has none of them, and
    /// asks Teams to show the moderators their view instead (refresh, by Teams id); the server checks every click anyway.
    /// </param>
    public static AdaptiveCard Render(Workshop workshop, Texts texts, bool final = false, PlanChoices? plan = null, PlanData? typed = null,
        bool moderating = false)
    {
        var step = workshop.CurrentStep;
        var stepRef = CardPayload.Write(new StepRef(workshop.Id, (int)step), WorkshopCardJson.Default.StepRef);
        var collecting = workshop.StepState == StepState.Collecting;
        var body = new List<CardElement>
        {
            new TextBlock(texts.Format(TextKey.StepFieldOfAction, workshop.FieldOfAction)) { IsSubtle = true, Spacing = ElementSpacing.None },
            new TextBlock(StepTexts.Heading(texts, step)) { Size = TextSize.Large, Weight = TextWeight.Bolder, Spacing = ElementSpacing.Small },
            new TextBlock(StepTexts.Questions(texts, step, workshop.FieldOfAction)),
        };
        List<CardAction> actions;
        if (collecting)
        {
            var planning = step == WorkshopStep.TimeAndMeasuresPlan;
            body.Add(new TextBlock(texts[planning ? TextKey.StepCollectingPlan : TextKey.StepCollecting]) { IsSubtle = true, Size = TextSize.Small });
            body.AddRange(planning ? PlanForm.Inputs(workshop, plan ?? PlanChoices.None, texts, typed) : FormFor(step, texts));
            actions =
            [
                planning
                    ? ExecuteAction.WithSubmitFallback(texts[TextKey.ButtonSavePlan], CardVerbs.SavePlan, stepRef)
                    : ExecuteAction.WithSubmitFallback(texts[TextKey.ButtonContribute], CardVerbs.AddContribution, stepRef),
            ];
            if (moderating)
            {
                actions.Add(ExecuteAction.WithSubmitFallback(texts[TextKey.ButtonCloseStep], CardVerbs.CloseStep, stepRef));
            }
        }
        else if (final)
        {
            body.Add(new TextBlock(texts[TextKey.StepClosedNote]) { Weight = TextWeight.Bolder, Color = TextColor.Good });
            actions = [];
        }
        else
        {
            body.Add(new TextBlock(texts[TextKey.StepClosedNote]) { Weight = TextWeight.Bolder, Color = TextColor.Good });
            if (workshop.Completed)
            {
                body.Add(new TextBlock(texts[TextKey.StepCompletedEndHint]) { IsSubtle = true });
            }

            actions = !moderating ? []
                : workshop.Completed && step == WorkshopStep.TimeAndMeasuresPlan
                ? [ExecuteAction.WithSubmitFallback(texts[TextKey.ButtonReopen], CardVerbs.ReopenStep, stepRef)]
                : [
                    ExecuteAction.WithSubmitFallback(texts.Format(TextKey.ButtonAdvance, (int)step + 1), CardVerbs.AdvanceStep, stepRef),
                    ExecuteAction.WithSubmitFallback(texts[TextKey.ButtonReopen], CardVerbs.ReopenStep, stepRef),
                ];
        }

        return new AdaptiveCard
        {
            Lang = texts.Culture.TwoLetterISOLanguageName,
            FallbackText = $"{StepTexts.Heading(texts, step)}: {StepTexts.Questions(texts, step, workshop.FieldOfAction)}",
            MsTeams = new(),
            Body = body,
            Actions = actions.Count == 0 ? null : actions,
            Refresh = final ? null : ModerationRefresh(workshop, texts, CardVerbs.StepView, stepRef),
        };
    }

    /// <summary>
    /// Asks Teams to show the people who moderate here their own view of a shared card (with the buttons that steer
    /// the workshop); null when the bot knows none of their Teams ids.
    /// </summary>
    public static CardRefresh? ModerationRefresh(Workshop workshop, Texts texts, string verb, System.Text.Json.JsonElement data) =>
        workshop.ModerationViewers.Count == 0 ? null
        // The fallback only satisfies the rule that every Execute has one: clients without Universal Actions never refresh.
        : new CardRefresh(ExecuteAction.WithSubmitFallback(texts[TextKey.ModerationView], verb, data), workshop.ModerationViewerTeamsIds);

    private static IEnumerable<CardElement> FormFor(WorkshopStep step, Texts texts)
    {
        if (step == WorkshopStep.BestPractice)
        {
            yield return new TextInput { Id = CardInput.Id<ContributionData>(nameof(ContributionData.ExampleName)), Label = texts[TextKey.FormExampleName], MaxLength = 120 };
            yield return new TextInput { Id = CardInput.Id<ContributionData>(nameof(ContributionData.ExamplePlace)), Label = texts[TextKey.FormExamplePlace], MaxLength = 120 };
            yield return new TextInput { Id = CardInput.Id<ContributionData>(nameof(ContributionData.ExampleLink)), Label = texts[TextKey.FormExampleLink], MaxLength = 500, Placeholder = "https://" };
        }

        yield return new TextInput
        {
            Id = CardInput.Id<ContributionData>(nameof(ContributionData.Text)),
            Label = texts[TextKey.FormContribution],
            Placeholder = texts[TextKey.FormContributionPlaceholder],
            IsMultiline = true,
            MaxLength = Domain.Common.TextLimits.ContributionText,
        };

        if (step == WorkshopStep.Goals)
        {
            yield return new ToggleInput(texts[TextKey.FormGoalDesirable]) { Id = CardInput.Id<ContributionData>(nameof(ContributionData.Desirable)), Value = "false", ValueOn = "true", ValueOff = "false" };
            yield return new ToggleInput(texts[TextKey.FormGoalNecessary]) { Id = CardInput.Id<ContributionData>(nameof(ContributionData.Necessary)), Value = "false", ValueOn = "true", ValueOff = "false" };
            yield return new ToggleInput(texts[TextKey.FormGoalFeasible]) { Id = CardInput.Id<ContributionData>(nameof(ContributionData.Feasible)), Value = "false", ValueOn = "true", ValueOff = "false" };
        }

        if (step == WorkshopStep.ActionConcept)
        {
            yield return new TextInput { Id = CardInput.Id<ContributionData>(nameof(ContributionData.LinkedGoals)), Label = texts[TextKey.FormLinkedGoals], MaxLength = 100 };
        }
    }
}
