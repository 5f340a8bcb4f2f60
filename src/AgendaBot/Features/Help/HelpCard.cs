using AgendaBot.Bot.Localization;
using AgendaBot.Protocol.Cards;

namespace AgendaBot.Features.Help;

/// <summary>
/// The overview of what one can write, for the place it is asked in: first what works right here, then what works in
/// the other place; in a channel or group chat the heading says to write "@AgendaBot" first, as Teams needs it (once,
/// not on every line, which a card's narrow column would break up).
/// </summary>
public static class HelpCard
{
    private enum Place
    {
        Anywhere,
        Personal,
        Channel,
    }

    // In the order people need them: joining in first, then moderating, then the project lead's tools.
    private static readonly (string Command, string Description, Place Place)[] Commands =
    [
        (TextKey.HelpCommandHelp, TextKey.HelpCommandHelpDescription, Place.Anywhere),
        (TextKey.HelpCommandIdea, TextKey.HelpCommandIdeaDescription, Place.Anywhere),
        (TextKey.HelpCommandStakeholders, TextKey.HelpCommandStakeholdersDescription, Place.Anywhere),
        (TextKey.HelpCommandMeasures, TextKey.HelpCommandMeasuresDescription, Place.Personal),
        (TextKey.HelpCommandMyData, TextKey.HelpCommandMyDataDescription, Place.Personal),
        (TextKey.HelpCommandDeleteData, TextKey.HelpCommandDeleteDataDescription, Place.Personal),
        (TextKey.HelpCommandPublicName, TextKey.HelpCommandPublicNameDescription, Place.Personal),
        (TextKey.HelpCommandAgenda, TextKey.HelpCommandAgendaDescription, Place.Channel),
        (TextKey.HelpCommandKickOff, TextKey.HelpCommandKickOffDescription, Place.Channel),
        (TextKey.HelpCommandWorkshop, TextKey.HelpCommandWorkshopDescription, Place.Channel),
        (TextKey.HelpCommandVote, TextKey.HelpCommandVoteDescription, Place.Channel),
        (TextKey.HelpCommandModeration, TextKey.HelpCommandModerationDescription, Place.Anywhere),
        (TextKey.HelpCommandDraft, TextKey.HelpCommandDraftDescription, Place.Channel),
        (TextKey.HelpCommandFinalRound, TextKey.HelpCommandFinalRoundDescription, Place.Channel),
        (TextKey.HelpCommandComments, TextKey.HelpCommandCommentsDescription, Place.Anywhere),
        (TextKey.HelpCommandExport, TextKey.HelpCommandExportDescription, Place.Anywhere),
        (TextKey.HelpCommandPublish, TextKey.HelpCommandPublishDescription, Place.Anywhere),
        (TextKey.HelpCommandCitizenIdeas, TextKey.HelpCommandCitizenIdeasDescription, Place.Anywhere),
        (TextKey.HelpCommandGroupSuggestions, TextKey.HelpCommandGroupSuggestionsDescription, Place.Channel),
    ];

    /// <param name="personalChat">Asked in the personal chat with the bot; otherwise in a channel or group chat.</param>
    /// <param name="place">Where exactly, for the buttons of the next likely actions (unknown: those for everyone).</param>
    public static AdaptiveCard Render(Texts texts, bool personalChat, HelpPlace? place = null)
    {
        var here = personalChat ? Place.Personal : Place.Channel;
        var elsewhere = personalChat ? Place.Channel : Place.Personal;
        return new AdaptiveCard
        {
            Lang = texts.Culture.TwoLetterISOLanguageName,
            FallbackText = $"{texts[TextKey.HelpTitle]}: {texts[TextKey.HelpCommandHelp]} – {texts[TextKey.HelpCommandHelpDescription]}",
            MsTeams = new(),
            Body =
            [
                new TextBlock(texts[TextKey.HelpTitle]) { Size = TextSize.Large, Weight = TextWeight.Bolder },
                new TextBlock(texts[personalChat ? TextKey.HelpHerePersonal : TextKey.HelpHereChannel]) { Weight = TextWeight.Bolder, Spacing = ElementSpacing.Medium },
                List(texts, c => c.Place is Place.Anywhere || c.Place == here),
                new TextBlock(texts[personalChat ? TextKey.HelpElsewhereChannel : TextKey.HelpElsewherePersonal]) { Weight = TextWeight.Bolder, Spacing = ElementSpacing.Medium },
                List(texts, c => c.Place == elsewhere),
            ],
            Actions = HelpButtons.For(place ?? (personalChat ? HelpPlace.PersonalChat : HelpPlace.WorkshopChannel), texts),
        };
    }

    private static FactSet List(Texts texts, Func<(string Command, string Description, Place Place), bool> shown) =>
        new([.. Commands.Where(shown).Select(c => new Fact(texts[c.Command], texts[c.Description]))]);
}
