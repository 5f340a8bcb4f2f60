using AgendaBot.Bot.Cards;
using AgendaBot.Bot.Localization;
using AgendaBot.Domain.Agendas;
using AgendaBot.Domain.Common;
using AgendaBot.Domain.Workshops;
using AgendaBot.Features.Measures;
using AgendaBot.Features.Workshops;
using AgendaBot.Protocol.Cards;

namespace AgendaBot.Features.CitizenIdeas;

/// <summary>A workshop that could take an idea now: it is collecting in one of the steps 1 to 5.</summary>
public sealed record IdeaTarget(string WorkshopId, string FieldOfAction, WorkshopStep Step);

/// <summary>
/// The moderators' card for a citizen's idea, and what it becomes once decided. The citizen's words go into text
/// runs, which Teams never reads as markdown: a link or a mention typed on the web stays text.
/// </summary>
public static class CitizenIdeaCards
{
    /// <param name="note">Why the card is shown again (the chosen workshop stopped collecting), above everything else.</param>
    public static AdaptiveCard Moderation(string agendaId, CitizenIdea idea, IReadOnlyList<IdeaTarget> targets, Texts texts, string? note = null)
    {
        var body = Head(texts[TextKey.CitizenIdeaTitle], idea, texts, note);
        body.Add(new TextBlock(texts[TextKey.CitizenIdeaIntro]) { IsSubtle = true, Spacing = ElementSpacing.Medium });
        var data = CardPayload.Write(new CitizenIdeaData(agendaId, idea.Id), CitizenIdeaCardJson.Default.CitizenIdeaData);
        if (targets.Count > 0)
        {
            // The workshop of the idea's own field of action is the likely choice; anything else is the moderator's to pick.
            var ofField = targets.Where(t => t.FieldOfAction == idea.FieldOfAction).ToList();
            body.Add(new ChoiceSetInput(targets.Select(t => new Choice(
                texts.Format(TextKey.CitizenIdeaTargetChoice, t.FieldOfAction, (int)t.Step, StepTexts.Title(texts, t.Step)), t.WorkshopId)).ToList())
            {
                Id = CardInput.Id<CitizenIdeaData>(nameof(CitizenIdeaData.Workshop)), Label = texts[TextKey.CitizenIdeaTarget],
                Placeholder = texts[TextKey.CitizenIdeaTargetPlaceholder], Style = ChoiceSetStyle.Compact,
                Value = ofField.Count == 1 ? ofField[0].WorkshopId : null,
            });
        }
        else
        {
            body.Add(new TextBlock(texts[TextKey.CitizenIdeaNoTarget]) { Weight = TextWeight.Bolder });
        }

        body.Add(new TextInput
        {
            Id = CardInput.Id<CitizenIdeaData>(nameof(CitizenIdeaData.Reason)), Label = texts[TextKey.CitizenIdeaReason], MaxLength = TextLimits.ShortText,
            Spacing = ElementSpacing.Medium,
        });
        var card = Card(body, texts);
        return card with
        {
            Actions = targets.Count > 0
                ?
                [
                    ExecuteAction.WithSubmitFallback(texts[TextKey.CitizenIdeaAcceptButton], CardVerbs.AcceptCitizenIdea, data),
                    ExecuteAction.WithSubmitFallback(texts[TextKey.CitizenIdeaRejectConfirm], CardVerbs.RejectCitizenIdea, data),
                ]
                : [ExecuteAction.WithSubmitFallback(texts[TextKey.CitizenIdeaRejectConfirm], CardVerbs.RejectCitizenIdea, data)],
        };
    }

    /// <param name="by">Who decided, when this turn did; null when the card is drawn from what is stored.</param>
    public static AdaptiveCard Decided(CitizenIdea idea, string? by, Texts texts, string? note = null)
    {
        // Decided, it is no longer new: the card keeps the idea and says what became of it.
        var body = Head(texts[TextKey.PinboardCitizenIdea], idea, texts, note);
        var outcome = idea.State == CitizenIdeaState.Accepted
            ? by is null
                ? texts.Format(TextKey.CitizenIdeaAcceptedUnknown, idea.WorkshopTitle, (int?)idea.Step, Step(idea, texts), idea.ContributionNumber)
                : texts.Format(TextKey.CitizenIdeaAccepted, by, idea.WorkshopTitle, (int?)idea.Step, Step(idea, texts), idea.ContributionNumber)
            : by is null
                ? texts.Format(TextKey.CitizenIdeaRejectedUnknown, idea.Reason)
                : texts.Format(TextKey.CitizenIdeaRejected, by, idea.Reason);
        body.Add(new RichTextBlock([new TextRun(outcome)
        {
            Weight = TextWeight.Bolder, Color = idea.State == CitizenIdeaState.Accepted ? TextColor.Good : TextColor.Default,
        }]) { Spacing = ElementSpacing.Medium });
        return Card(body, texts);
    }

    private static string Step(CitizenIdea idea, Texts texts) => idea.Step is { } step ? StepTexts.Title(texts, step) : string.Empty;

    private static List<CardElement> Head(string title, CitizenIdea idea, Texts texts, string? note)
    {
        var body = new List<CardElement>
        {
            new TextBlock(title) { Size = TextSize.Large, Weight = TextWeight.Bolder },
        };
        if (note is not null)
        {
            body.Add(new TextBlock(note) { Color = TextColor.Attention, Weight = TextWeight.Bolder });
        }

        var facts = new List<CardElement>
        {
            new RichTextBlock([new TextRun(idea.Text)]),
            new RichTextBlock([new TextRun(texts.Format(TextKey.CitizenIdeaFacts, idea.FieldOfAction, MeasureTexts.Date(idea.SubmittedAt, texts))) { IsSubtle = true }])
            {
                Spacing = ElementSpacing.Small,
            },
        };
        if (idea.District is { } district)
        {
            facts.Add(new RichTextBlock([new TextRun(texts.Format(TextKey.CitizenIdeaDistrict, district)) { IsSubtle = true }]) { Spacing = ElementSpacing.None });
        }

        body.Add(new Container(facts) { Style = ContainerStyle.Emphasis });
        return body;
    }

    private static AdaptiveCard Card(List<CardElement> body, Texts texts) => new()
    {
        Lang = texts.Culture.TwoLetterISOLanguageName,
        FallbackText = texts[TextKey.CitizenIdeaTitle],
        MsTeams = new(),
        Body = body,
    };
}
