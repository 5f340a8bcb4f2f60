using AgendaBot.Bot.Cards;
using AgendaBot.Bot.Localization;
using AgendaBot.Domain.Agendas;
using AgendaBot.Features.Measures;
using AgendaBot.Protocol.Cards;
using AgendaBot.Storage.Agendas;

namespace AgendaBot.Features.Publishing;

/// <summary>The project lead's cards for publishing: what would become public, and what is public now.</summary>
public static class PublicationCards
{
    // A card stays well under Teams' size limit; the pages show every measure anyway.
    private const int MeasuresShown = 25;

    /// <param name="changed">The plan changed since the preview the lead clicked: this is the new version, to check again.</param>
    /// <param name="shown">The version as the pages would show it now (with the names of owners who agreed); default: as stored.</param>
    public static AdaptiveCard Preview(string agendaId, PublishedAgenda version, Publication? published, Texts texts, bool changed = false,
        PublishedAgenda? shown = null)
    {
        var body = new List<CardElement>
        {
            new RichTextBlock([new TextRun(texts.Format(TextKey.PublishPreviewTitle, version.Title)) { Size = TextSize.Large, Weight = TextWeight.Bolder }]),
        };
        if (changed)
        {
            body.Add(new TextBlock(texts[TextKey.PublishChanged]) { Weight = TextWeight.Bolder });
        }

        body.Add(new TextBlock(texts[TextKey.PublishPreviewIntro]));
        body.Add(new RichTextBlock([new TextRun(texts.Format(TextKey.PublishPreviewFields, string.Join("; ", version.FieldsOfAction)))]));
        body.Add(new TextBlock(texts.Format(TextKey.PublishPreviewMeasures, version.Measures.Count)) { Weight = TextWeight.Bolder, Spacing = ElementSpacing.Medium });
        foreach (var m in (shown ?? version).Measures.Take(MeasuresShown))
        {
            var line = texts.Format(TextKey.PublishPreviewMeasure, m.Number, m.Title, MeasureTexts.Date(m.Start, texts), MeasureTexts.Date(m.End, texts),
                MeasureTexts.Status(m.Status, texts), m.Progress);
            body.Add(new RichTextBlock(m.Responsible is { } responsible
                ? [new TextRun(line), new TextRun(" · " + texts.Format(TextKey.PublishPreviewResponsible, responsible)) { IsSubtle = true }]
                : [new TextRun(line)]) { Spacing = ElementSpacing.Small });
        }

        if (version.Measures.Count > MeasuresShown)
        {
            body.Add(new TextBlock(texts.Format(TextKey.PublishPreviewMore, version.Measures.Count - MeasuresShown)) { IsSubtle = true });
        }

        if (version.Standing is not null || version.Consultations.Count > 0)
        {
            body.Add(new TextBlock(texts.Format(TextKey.PublishPreviewExtras, version.Consultations.Count)) { Spacing = ElementSpacing.Medium });
        }

        body.Add(new TextBlock(texts[TextKey.PublishPreviewNoNames]) { IsSubtle = true, Spacing = ElementSpacing.Medium });
        // Input.Toggle does not wrap in Teams: the title stays short, the explanation is a text above it.
        body.Add(new TextBlock(texts[TextKey.PublishLiveExplain]) { Spacing = ElementSpacing.Medium });
        body.Add(new ToggleInput(texts[TextKey.PublishLiveToggle])
        {
            Id = CardInput.Id<PublicationData>(nameof(PublicationData.LiveStatus)), Value = published?.LiveStatus == true ? "true" : "false",
            ValueOn = "true", ValueOff = "false",
        });
        if (published is { IsPublic: true, Version: { } current })
        {
            body.Add(new TextBlock(texts.Format(TextKey.PublishPreviewReplaces, MeasureTexts.Date(current.PublishedAt, texts))) { IsSubtle = true });
        }

        var data = CardPayload.Write(new PublicationData(agendaId, version.Fingerprint()), PublishingCardJson.Default.PublicationData);
        return new AdaptiveCard
        {
            Lang = texts.Culture.TwoLetterISOLanguageName,
            FallbackText = texts.Format(TextKey.PublishPreviewTitle, version.Title),
            MsTeams = new(),
            Body = body,
            Actions =
            [
                ExecuteAction.WithSubmitFallback(texts[TextKey.PublishButton], CardVerbs.PublishAgenda, data),
                ExecuteAction.WithSubmitFallback(texts[TextKey.PublishCancelButton], CardVerbs.CancelPublication, data),
            ],
        };
    }

    /// <param name="liveStatus">Whether the pages show the measures' status as it is now; the card offers to switch.</param>
    public static AdaptiveCard Published(string agendaId, PublishedAgenda version, string url, bool liveStatus, Texts texts) => new()
    {
        Lang = texts.Culture.TwoLetterISOLanguageName,
        FallbackText = texts.Format(TextKey.PublishDone, MeasureTexts.Date(version.PublishedAt, texts)),
        MsTeams = new(),
        Body =
        [
            new TextBlock(texts.Format(TextKey.PublishDone, MeasureTexts.Date(version.PublishedAt, texts))) { Weight = TextWeight.Bolder, Color = TextColor.Good },
            new TextBlock(texts.Format(TextKey.PublishDoneWhere, url)),
            new TextBlock(texts[liveStatus ? TextKey.PublishLiveOn : TextKey.PublishLiveOff]) { IsSubtle = true },
        ],
        Actions =
        [
            new OpenUrlAction(texts[TextKey.PublishOpenPage], url),
            ExecuteAction.WithSubmitFallback(texts[liveStatus ? TextKey.PublishLiveSwitchOff : TextKey.PublishLiveSwitchOn], CardVerbs.SwitchLiveStatus,
                CardPayload.Write(new PublicationData(agendaId, version.Fingerprint()) { LiveStatus = !liveStatus }, PublishingCardJson.Default.PublicationData)),
        ],
    };

    public static AdaptiveCard Note(string text, Texts texts) => new()
    {
        Lang = texts.Culture.TwoLetterISOLanguageName,
        FallbackText = text,
        MsTeams = new(),
        Body = [new TextBlock(text)],
    };
}
