using AgendaBot.Bot.Cards;
using AgendaBot.Bot.Localization;
using AgendaBot.Domain.Workshops;
using AgendaBot.Protocol.Cards;

namespace AgendaBot.Features.Workshops;

/// <summary>Asking to end a workshop, and what the channel sees once it has ended (or kept running).</summary>
// Seam: the pinboard of an ended workshop says since when, in the same words of date.
[Seam]
public static class EndWorkshopCard
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    public static AdaptiveCard Ask(Workshop workshop, Texts texts)
    {
        var data = CardPayload.Write(new WorkshopRef(workshop.Id), WorkshopCardJson.Default.WorkshopRef);
        var title = texts.Format(TextKey.WorkshopEndTitle, workshop.FieldOfAction);
        return new AdaptiveCard
        {
            Lang = texts.Culture.TwoLetterISOLanguageName,
            FallbackText = title,
            MsTeams = new(),
            Body =
            [
                new TextBlock(title) { Size = TextSize.Large, Weight = TextWeight.Bolder },
                new TextBlock(texts[workshop.Completed ? TextKey.WorkshopEndExplain : TextKey.WorkshopEndExplainUnfinished]),
                new TextBlock(texts[TextKey.WorkshopEndWhatStays]) { IsSubtle = true },
            ],
            Actions =
            [
                ExecuteAction.WithSubmitFallback(texts[TextKey.ButtonEndWorkshop], CardVerbs.EndWorkshop, data),
                ExecuteAction.WithSubmitFallback(texts[TextKey.ButtonKeepWorkshop], CardVerbs.KeepWorkshop, data),
            ],
        };
    }

    public static AdaptiveCard Ended(Workshop workshop, Texts texts)
    {
        var title = texts.Format(TextKey.WorkshopEnded, workshop.FieldOfAction, EndedOn(workshop));
        return new AdaptiveCard
        {
            Lang = texts.Culture.TwoLetterISOLanguageName,
            FallbackText = title,
            MsTeams = new(),
            Body =
            [
                new TextBlock(title) { Weight = TextWeight.Bolder },
                new TextBlock(texts[TextKey.WorkshopEndedNext]),
            ],
        };
    }

    public static AdaptiveCard Kept(Workshop workshop, Texts texts) => new()
    {
        Lang = texts.Culture.TwoLetterISOLanguageName,
        FallbackText = texts.Format(TextKey.WorkshopKept, workshop.FieldOfAction),
        MsTeams = new(),
        Body = [new TextBlock(texts.Format(TextKey.WorkshopKept, workshop.FieldOfAction))],
    };

    /// <summary>The day it ended, as the town's calendar has it.</summary>
    public static DateOnly EndedOn(Workshop workshop) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(workshop.EndedAt ?? workshop.CreatedAt, Berlin).DateTime);
}
