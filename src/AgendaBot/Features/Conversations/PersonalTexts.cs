using AgendaBot.Bot.Localization;
using AgendaBot.Domain.People;

namespace AgendaBot.Features.Conversations;

/// <summary>
/// Posts to one person's personal chat that they did not ask for (reminders, drafts, reports) are in the language
/// their Teams client last spoke to the bot in; German for people who never said.
/// </summary>
// Seam: posts nobody asked for come in the language the person last spoke.
[Seam]
public static class PersonalTexts
{
    public static Texts For(ConversationReference personalChat) => new(BotCulture.ForLanguage(personalChat.Language));
}
