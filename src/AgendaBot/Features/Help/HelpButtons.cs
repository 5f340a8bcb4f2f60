using System.Text.Json.Nodes;
using AgendaBot.Bot.Localization;
using AgendaBot.Bot.Routing;
using AgendaBot.Domain.People;
using AgendaBot.Features.Workshops;
using AgendaBot.Protocol.Cards;

namespace AgendaBot.Features.Help;

/// <summary>Where help was asked, as far as the next likely actions depend on it.</summary>
public enum HelpPlace
{
    PersonalChat,
    ChannelWithoutWorkshop,
    WorkshopChannel,
    WorkshopChannelModerated,
}

/// <summary>
/// The next likely actions as buttons under the help card. Each one sends a command as if the person had typed it
/// (Teams' <c>messageBack</c> on an <c>Action.Submit</c>: the bot gets the text, the chat shows it), so a button does
/// exactly what the command does and is checked the same way.
/// </summary>
public static class HelpButtons
{
    public static async Task<HelpPlace> PlaceOfAsync(TurnContext turn, WorkshopFinder finder, ChannelSteering channels, CancellationToken cancellationToken)
    {
        if (turn.IsPersonalChat)
        {
            return HelpPlace.PersonalChat;
        }

        if (turn.Activity.TenantId is null || turn.Activity.From?.AadObjectId is not { Length: > 0 })
        {
            return HelpPlace.WorkshopChannel;
        }

        ChannelFacts here;
        try
        {
            here = await channels.GetAsync(turn, finder, cancellationToken);
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            // Help must answer even when storage cannot: the buttons for everyone then.
            return HelpPlace.WorkshopChannel;
        }

        return !here.HasWorkshop ? HelpPlace.ChannelWithoutWorkshop
            : here.Steering.Contains(turn.User.Id) ? HelpPlace.WorkshopChannelModerated
            : HelpPlace.WorkshopChannel;
    }

    public static IReadOnlyList<CardAction> For(HelpPlace place, Texts texts) => place switch
    {
        HelpPlace.PersonalChat =>
        [
            Command(texts, TextKey.HelpButtonMyMeasures, TextKey.HelpCommandMeasures),
            Command(texts, TextKey.HelpButtonMyData, TextKey.HelpCommandMyData),
            Command(texts, TextKey.HelpButtonComments, TextKey.HelpCommandComments),
        ],
        HelpPlace.ChannelWithoutWorkshop =>
        [
            Command(texts, TextKey.HelpButtonAgenda, TextKey.HelpCommandAgenda),
            Command(texts, TextKey.HelpButtonOpenWorkshop, TextKey.HelpCommandWorkshop),
        ],
        HelpPlace.WorkshopChannelModerated =>
        [
            Command(texts, TextKey.HelpButtonVote, TextKey.HelpCommandVote),
            Command(texts, TextKey.HelpButtonStakeholders, TextKey.HelpCommandStakeholders),
        ],
        _ =>
        [
            Command(texts, TextKey.HelpButtonStakeholders, TextKey.HelpCommandStakeholders),
        ],
    };

    private static SubmitAction Command(Texts texts, string title, string command)
    {
        var text = texts[command];
        var data = new JsonObject
        {
            ["msteams"] = new JsonObject { ["type"] = "messageBack", ["text"] = text, ["displayText"] = text },
        };
        return new SubmitAction(texts[title], System.Text.Json.JsonSerializer.SerializeToElement(data, CardJsonContext.Default.JsonObject));
    }
}
