using System.Globalization;
using AgendaBot.Bot.Cards;
using AgendaBot.Bot.Localization;
using AgendaBot.Domain.Agendas;
using AgendaBot.Domain.Common;
using AgendaBot.Domain.Measures;
using AgendaBot.Protocol.Cards;

namespace AgendaBot.Features.Consultations;

/// <summary>
/// The consultation form, the card that replaces it once saved, and the agenda's list. Partners and notes are people's
/// words: they go into text runs, which Teams never reads as markdown.
/// </summary>
public static class ConsultationCards
{
    /// <summary>The list card shows the newest ones; the export has all of them.</summary>
    public const int MaxListed = 25;

    private const int RecentOnForm = 3;

    public static AdaptiveCard Form(Agenda agenda, IReadOnlyList<Measure> measures, IReadOnlyList<ConsultationEntry> recorded, DateOnly today, Texts texts)
    {
        var data = CardPayload.Write(new ConsultationData(agenda.Id), ConsultationCardJson.Default.ConsultationData);
        var body = new List<CardElement>
        {
            new TextBlock(texts[TextKey.ConsultationFormTitle]) { Size = TextSize.Large, Weight = TextWeight.Bolder },
            new TextBlock(texts[TextKey.ConsultationFormIntro]),
            new TextInput
            {
                Id = CardInput.Id<ConsultationData>(nameof(ConsultationData.Partner)), Label = texts[TextKey.ConsultationPartner],
                MaxLength = TextLimits.Title, IsRequired = true, ErrorMessage = texts[TextKey.FormRequired],
            },
            new DateInput
            {
                Id = CardInput.Id<ConsultationData>(nameof(ConsultationData.Date)), Label = texts[TextKey.ConsultationDate],
                Value = Iso(today), Max = Iso(today), IsRequired = true, ErrorMessage = texts[TextKey.FormRequired],
            },
        };
        if (measures.Count > 0)
        {
            body.Add(new ChoiceSetInput(measures.Select(m => new Choice(m.Title, m.Id)).ToList())
            {
                Id = CardInput.Id<ConsultationData>(nameof(ConsultationData.Measures)), Label = texts[TextKey.ConsultationMeasures],
                IsMultiSelect = true, Style = ChoiceSetStyle.Compact,
            });
        }

        body.Add(new TextInput
        {
            Id = CardInput.Id<ConsultationData>(nameof(ConsultationData.Note)), Label = texts[TextKey.ConsultationNote],
            IsMultiline = true, MaxLength = TextLimits.Comment, IsRequired = true, ErrorMessage = texts[TextKey.FormRequired],
        });
        body.Add(new ToggleInput(texts[TextKey.ConsultationMaterial])
        {
            Id = CardInput.Id<ConsultationData>(nameof(ConsultationData.MaterialShared)), Value = "false", ValueOn = "true", ValueOff = "false",
        });
        if (recorded.Count > 0)
        {
            body.Add(new TextBlock(texts.Format(TextKey.ConsultationsSoFar, recorded.Count)) { Weight = TextWeight.Bolder, Spacing = ElementSpacing.Medium, Separator = true });
            body.AddRange(recorded.OrderByDescending(c => c.Date).Take(RecentOnForm).SelectMany(c => Lines(c, measures, texts)));
        }

        return new AdaptiveCard
        {
            Lang = texts.Culture.TwoLetterISOLanguageName,
            FallbackText = texts[TextKey.ConsultationFormTitle],
            MsTeams = new(),
            Body = body,
            Actions = [ExecuteAction.WithSubmitFallback(texts[TextKey.ButtonSaveConsultation], CardVerbs.RecordConsultation, data)],
        };
    }

    public static AdaptiveCard Saved(ConsultationEntry entry, IReadOnlyList<Measure> measures, int total, Texts texts) => new()
    {
        Lang = texts.Culture.TwoLetterISOLanguageName,
        FallbackText = texts[TextKey.ConsultationSaved],
        MsTeams = new(),
        Body =
        [
            new TextBlock(texts[TextKey.ConsultationSaved]) { Weight = TextWeight.Bolder, Color = TextColor.Good },
            .. Lines(entry, measures, texts),
            new TextBlock(texts.Format(TextKey.ConsultationsTotal, total)) { IsSubtle = true },
        ],
    };

    public static AdaptiveCard List(Agenda agenda, IReadOnlyList<Measure> measures, IReadOnlyList<ConsultationEntry> recorded, Texts texts)
    {
        var title = texts.Format(TextKey.ConsultationsTitle, agenda.Title);
        var body = new List<CardElement>
        {
            new RichTextBlock([new TextRun(title) { Size = TextSize.Large, Weight = TextWeight.Bolder }]),
            new TextBlock(recorded.Count == 0 ? texts[TextKey.ConsultationsNone]
                : texts.Format(TextKey.ConsultationsSummary, recorded.Count, recorded.Count(c => c.MaterialShared))),
        };
        body.AddRange(recorded.OrderByDescending(c => c.Date).Take(MaxListed).SelectMany(c => Lines(c, measures, texts)));
        if (recorded.Count > MaxListed)
        {
            body.Add(new TextBlock(texts.Format(TextKey.ConsultationsMore, recorded.Count - MaxListed)) { IsSubtle = true });
        }

        return new AdaptiveCard
        {
            Lang = texts.Culture.TwoLetterISOLanguageName,
            FallbackText = title,
            MsTeams = new(),
            Body = body,
            Actions = [ExecuteAction.WithSubmitFallback(texts[TextKey.ButtonRecordConsultation], CardVerbs.OpenConsultationForm,
                CardPayload.Write(new ConsultationAgendaRef(agenda.Id), ConsultationCardJson.Default.ConsultationAgendaRef))],
        };
    }

    /// <summary>"12.03.2027 · Ludwigslust: Austausch zur Bürger-App" and, below it, the measures and whether material was shared.</summary>
    public static IEnumerable<CardElement> Lines(ConsultationEntry c, IReadOnlyList<Measure> measures, Texts texts)
    {
        yield return new RichTextBlock(
        [
            new($"{c.Date.ToString("d", texts.Culture)} · ") { IsSubtle = true },
            new(c.Town) { Weight = TextWeight.Bolder },
            new(": " + c.Notes),
        ]) { Spacing = ElementSpacing.Small };
        var details = new List<string>();
        if (MeasureTitles(c, measures) is { Count: > 0 } about)
        {
            details.Add(texts.Format(TextKey.ConsultationAbout, string.Join(", ", about)));
        }

        if (c.MaterialShared)
        {
            details.Add(texts[TextKey.ConsultationMaterialShared]);
        }

        if (details.Count > 0)
        {
            yield return new RichTextBlock([new TextRun(string.Join(" · ", details)) { IsSubtle = true, Size = TextSize.Small }]) { Spacing = ElementSpacing.None };
        }
    }

    /// <summary>The titles of the measures a consultation names, as they are now; a measure since removed is left out.</summary>
    public static IReadOnlyList<string> MeasureTitles(ConsultationEntry c, IReadOnlyList<Measure> measures) =>
        c.MeasureIds.Select(id => measures.FirstOrDefault(m => m.Id == id)?.Title).OfType<string>().ToList();

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
