using AgendaBot.Bot.Cards;
using AgendaBot.Bot.Localization;
using AgendaBot.Protocol.Cards;

namespace AgendaBot.Features.Export;

/// <summary>Where the files of one export can be downloaded; null links are files that could not be made.</summary>
public sealed record ExportLinks(string Document, string? Pdf, string Contributions, string Ballots);

/// <summary>Whether the PDF is there, and if not, why.</summary>
public enum PdfState
{
    Made,
    BeingMade,
    NotInstalled,
    Failed,
}

/// <summary>The answer to "exportieren": download buttons for the document, the PDF and the two CSV files.</summary>
public static class ExportCard
{
    /// <param name="publishAgendaId">Given (in a team channel), the card offers to put the document into the channel's files.</param>
    public static AdaptiveCard Render(string agendaTitle, ExportLinks links, PdfState pdf, bool onlyOwnWorkshops, Texts texts, string? publishAgendaId = null)
    {
        ArgumentNullException.ThrowIfNull(links);
        ArgumentNullException.ThrowIfNull(texts);
        var title = texts.Format(TextKey.ExportCardTitle, agendaTitle);
        var body = new List<CardElement>
        {
            // The title is the project lead's words: a text run, never markdown.
            new RichTextBlock([new TextRun(title) { Size = TextSize.Large, Weight = TextWeight.Bolder }]),
            new TextBlock(texts[TextKey.ExportCardIntro]),
        };
        if (onlyOwnWorkshops)
        {
            body.Add(new TextBlock(texts[TextKey.ExportCardScopeModerator]) { IsSubtle = true });
        }

        if (pdf != PdfState.Made)
        {
            // Default text colour: the theme's warning yellow is hard to read on white.
            body.Add(new TextBlock(texts[pdf switch
            {
                PdfState.BeingMade => TextKey.ExportPdfBeingMade,
                PdfState.NotInstalled => TextKey.ExportPdfUnavailable,
                _ => TextKey.ExportPdfFailed,
            }]));
        }

        var actions = new List<CardAction> { new OpenUrlAction(texts[TextKey.ExportButtonDocx], links.Document) };
        if (links.Pdf is not null)
        {
            actions.Add(new OpenUrlAction(texts[TextKey.ExportButtonPdf], links.Pdf));
        }

        actions.Add(new OpenUrlAction(texts[TextKey.ExportButtonContributions], links.Contributions));
        actions.Add(new OpenUrlAction(texts[TextKey.ExportButtonBallots], links.Ballots));
        if (publishAgendaId is not null)
        {
            actions.Add(ExecuteAction.WithSubmitFallback(texts[TextKey.ExportButtonPublish], CardVerbs.PublishAgendaToChannelFiles,
                CardPayload.Write(new PublishData(publishAgendaId), ExportCardJson.Default.PublishData)));
        }

        return new AdaptiveCard
        {
            Lang = texts.Culture.TwoLetterISOLanguageName,
            FallbackText = title,
            MsTeams = new(),
            Body = body,
            Actions = actions,
        };
    }

    /// <summary>The answer to "exportieren" at once: the files are being made, and this card will show them.</summary>
    public static AdaptiveCard BeingMade(string agendaTitle, Texts texts) => Note(agendaTitle, texts[TextKey.ExportCardBeingMade], texts);

    /// <summary>The export could not be made, even after retries.</summary>
    public static AdaptiveCard Failed(string agendaTitle, Texts texts) => Note(agendaTitle, texts[TextKey.ExportCardFailed], texts);

    private static AdaptiveCard Note(string agendaTitle, string note, Texts texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var title = texts.Format(TextKey.ExportCardTitle, agendaTitle);
        return new AdaptiveCard
        {
            Lang = texts.Culture.TwoLetterISOLanguageName,
            FallbackText = title,
            MsTeams = new(),
            Body = [new RichTextBlock([new TextRun(title) { Size = TextSize.Large, Weight = TextWeight.Bolder }]), new TextBlock(note)],
        };
    }

    /// <summary>Posted in the channel once the document is in its files: where everyone finds it.</summary>
    public static AdaptiveCard Published(string fileName, Uri webUrl, Texts texts)
    {
        ArgumentNullException.ThrowIfNull(webUrl);
        ArgumentNullException.ThrowIfNull(texts);
        var title = texts.Format(TextKey.ExportPublishedTitle, fileName);
        return new AdaptiveCard
        {
            Lang = texts.Culture.TwoLetterISOLanguageName,
            FallbackText = title,
            MsTeams = new(),
            // The file name comes from the agenda's title: a text run, never markdown.
            Body = [new RichTextBlock([new TextRun(title)])],
            Actions = [new OpenUrlAction(texts[TextKey.ExportPublishedOpen], webUrl.AbsoluteUri)],
        };
    }
}
