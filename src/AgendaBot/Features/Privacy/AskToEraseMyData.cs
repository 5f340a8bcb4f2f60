using AgendaBot.Bot.Localization;
using AgendaBot.Bot.Routing;
using AgendaBot.Protocol.Cards;

namespace AgendaBot.Features.Privacy;

/// <summary>The user asked "daten löschen": explain what erasure means and ask for a click to confirm.</summary>
[UsedIn(CommandScopes.Personal)]
public sealed class AskToEraseMyData : ICommandHandler
{
    public Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken) =>
        turn.IsPersonalChat
            ? turn.ReplyAsync(EraseCard.Render(turn.Texts), cancellationToken)
            : turn.ReplyAsync(turn.Texts[TextKey.PersonalDataOnlyInPersonalChat], cancellationToken);
}

public static class EraseCard
{
    public static AdaptiveCard Render(Texts texts) => new()
    {
        Lang = texts.Culture.TwoLetterISOLanguageName,
        FallbackText = texts[TextKey.PersonalDataEraseExplain],
        Body =
        [
            new TextBlock(texts[TextKey.PersonalDataEraseTitle]) { Size = TextSize.Large, Weight = TextWeight.Bolder },
            new TextBlock(texts[TextKey.PersonalDataEraseExplain]),
        ],
        Actions = [ExecuteAction.WithSubmitFallback(texts[TextKey.PersonalDataEraseConfirm], CardVerbs.ErasePersonalData, data: null)],
    };
}
