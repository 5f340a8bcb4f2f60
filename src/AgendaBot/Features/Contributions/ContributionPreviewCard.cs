using AgendaBot.Bot.Cards;
using AgendaBot.Bot.Localization;
using AgendaBot.Domain.Workshops;
using AgendaBot.Features.Workshops;
using AgendaBot.Protocol.Cards;

namespace AgendaBot.Features.Contributions;

/// <summary>
/// A text written in the personal chat, shown back before anything is public: where it would go (or a choice, for a
/// person in several workshops), the text quoted, "Speichern" and "Verwerfen"; then what became of it.
/// </summary>
public static class ContributionPreviewCard
{
    public static AdaptiveCard Render(string previewId, string text, IReadOnlyList<Workshop> targets, Texts texts)
    {
        var data = new ContributionPreviewData(previewId, text);
        List<CardElement> body;
        if (targets is [var only])
        {
            data = data with { WorkshopId = only.Id, Step = (int)only.CurrentStep };
            body = [new TextBlock(Where(TextKey.PreviewQuestion, only, texts)) { Weight = TextWeight.Bolder }, Quote(text)];
        }
        else
        {
            body =
            [
                new TextBlock(texts[TextKey.PreviewQuestionChoose]) { Weight = TextWeight.Bolder },
                Quote(text),
                new ChoiceSetInput([.. targets.Select(w => new Choice(
                    texts.Format(TextKey.PreviewChoice, w.FieldOfAction, (int)w.CurrentStep, StepTexts.Title(texts, w.CurrentStep)),
                    ContributionPreviewData.TargetOf(w.Id, (int)w.CurrentStep)))])
                {
                    Id = CardInput.Id<ContributionPreviewData>(nameof(ContributionPreviewData.Target)),
                    Label = texts[TextKey.PreviewChoiceLabel],
                    Style = ChoiceSetStyle.Expanded,
                    Value = ContributionPreviewData.TargetOf(targets[0].Id, (int)targets[0].CurrentStep),
                    IsRequired = true,
                    ErrorMessage = texts[TextKey.FormRequired],
                },
            ];
        }

        var payload = CardPayload.Write(data, ContributionPreviewJson.Default.ContributionPreviewData);
        return Card(texts, [.. body, new TextBlock(texts[TextKey.PreviewPublicNote]) { IsSubtle = true }],
        [
            ExecuteAction.WithSubmitFallback(texts[TextKey.ButtonPreviewSave], CardVerbs.SaveContributionPreview, payload),
            ExecuteAction.WithSubmitFallback(texts[TextKey.ButtonPreviewDiscard], CardVerbs.DiscardContributionPreview, payload),
        ]);
    }

    /// <summary>After "Speichern" (or a second click on it): what the text became, no buttons left.</summary>
    public static AdaptiveCard Saved(Contribution contribution, Workshop workshop, Texts texts) => Card(texts,
    [
        new TextBlock(texts.Format(TextKey.PreviewSaved, contribution.Number, (int)contribution.Step, StepTexts.Title(texts, contribution.Step),
            workshop.FieldOfAction)) { Weight = TextWeight.Bolder, Color = TextColor.Good },
        Quote(contribution.Text),
    ]);

    public static AdaptiveCard Discarded(string text, Texts texts) => Card(texts,
    [
        new TextBlock(texts[TextKey.PreviewDiscarded]) { Weight = TextWeight.Bolder },
        Quote(text, subtle: true),
    ]);

    private static string Where(string key, Workshop workshop, Texts texts) =>
        texts.Format(key, (int)workshop.CurrentStep, StepTexts.Title(texts, workshop.CurrentStep), workshop.FieldOfAction);

    // A text run, never markdown: what the person wrote is shown as they wrote it.
    private static Container Quote(string text, bool subtle = false) =>
        new([new RichTextBlock([new TextRun(text) { Italic = true, IsSubtle = subtle ? true : null }])]) { Style = ContainerStyle.Emphasis };

    private static AdaptiveCard Card(Texts texts, IReadOnlyList<CardElement> body, IReadOnlyList<CardAction>? actions = null) => new()
    {
        Lang = texts.Culture.TwoLetterISOLanguageName,
        FallbackText = body.OfType<TextBlock>().First().Text,
        MsTeams = new(),
        Body = body,
        Actions = actions,
    };
}
