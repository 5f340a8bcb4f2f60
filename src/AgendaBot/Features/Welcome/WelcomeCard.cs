using AgendaBot.Bot.Localization;
using AgendaBot.Protocol.Cards;

namespace AgendaBot.Features.Welcome;

public static class WelcomeCard
{
    public static AdaptiveCard Render(Texts texts) => new()
    {
        Lang = texts.Culture.TwoLetterISOLanguageName,
        FallbackText = $"{texts[TextKey.WelcomeTitle]}. {texts[TextKey.WelcomeNext]}",
        MsTeams = new(),
        Body =
        [
            new TextBlock(texts[TextKey.WelcomeTitle]) { Size = TextSize.Large, Weight = TextWeight.Bolder },
            new TextBlock(texts[TextKey.WelcomeText]),
            new TextBlock(texts[TextKey.WelcomeNext]) { Spacing = ElementSpacing.Medium },
        ],
        Actions = [ExecuteAction.WithSubmitFallback(texts[TextKey.WelcomeShowHelp], CardVerbs.ShowHelp, data: null)],
    };
}
