using AgendaBot.Bot.Localization;
using AgendaBot.Protocol.Cards;

namespace AgendaBot.Features.Welcome;

public static class WelcomeCard
{
    /// <param name="personalChat">
    /// Said in the personal chat; otherwise in a channel or group chat, where the bot hears only messages that mention it.
    /// </param>
    public static AdaptiveCard Render(Texts texts, bool personalChat) => new()
    {
        Lang = texts.Culture.TwoLetterISOLanguageName,
        FallbackText = $"{texts[TextKey.WelcomeTitle]}. {texts[Next(personalChat)]}",
        MsTeams = new(),
        Body =
        [
            new TextBlock(texts[TextKey.WelcomeTitle]) { Size = TextSize.Large, Weight = TextWeight.Bolder },
            new TextBlock(texts[TextKey.WelcomeText]),
            new TextBlock(texts[Next(personalChat)]) { Spacing = ElementSpacing.Medium },
        ],
        Actions = [ExecuteAction.WithSubmitFallback(texts[TextKey.WelcomeShowHelp], CardVerbs.ShowHelp, data: null)],
    };

    private static string Next(bool personalChat) => personalChat ? TextKey.WelcomeNext : TextKey.WelcomeNextChannel;
}
