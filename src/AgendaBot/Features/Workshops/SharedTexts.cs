using AgendaBot.Bot.Localization;
using AgendaBot.Domain.Workshops;

namespace AgendaBot.Features.Workshops;

/// <summary>
/// Posts everyone sees (step cards, pinboard, reflections) are in the workshop's language, not in the language of
/// whoever happened to click last, so a shared message does not switch language from update to update.
/// </summary>
// Seam: the language of posts everyone in a workshop channel reads.
[Seam]
public static class SharedTexts
{
    public static Texts For(Workshop workshop) =>
        new(BotCulture.ForLanguage(workshop.Language));
}
