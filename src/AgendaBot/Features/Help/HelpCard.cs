using AgendaBot.Bot.Localization;
using AgendaBot.Protocol.Cards;

namespace AgendaBot.Features.Help;

public static class HelpCard
{
    public static AdaptiveCard Render(Texts texts) => new()
    {
        Lang = texts.Culture.TwoLetterISOLanguageName,
        FallbackText = $"{texts[TextKey.HelpTitle]}: {texts[TextKey.HelpCommandHelp]} – {texts[TextKey.HelpCommandHelpDescription]}",
        MsTeams = new(),
        Body =
        [
            new TextBlock(texts[TextKey.HelpTitle]) { Size = TextSize.Large, Weight = TextWeight.Bolder },
            new TextBlock(texts[TextKey.HelpWhereToWrite]),
            new TextBlock(texts[TextKey.HelpCommandsHeading]) { Weight = TextWeight.Bolder, Spacing = ElementSpacing.Medium },
            new FactSet(
            [
                new Fact(texts[TextKey.HelpCommandHelp], texts[TextKey.HelpCommandHelpDescription]),
                new Fact(texts[TextKey.HelpCommandAgenda], texts[TextKey.HelpCommandAgendaDescription]),
                new Fact(texts[TextKey.HelpCommandWorkshop], texts[TextKey.HelpCommandWorkshopDescription]),
                new Fact(texts[TextKey.HelpCommandIdea], texts[TextKey.HelpCommandIdeaDescription]),
                new Fact(texts[TextKey.HelpCommandStakeholders], texts[TextKey.HelpCommandStakeholdersDescription]),
                new Fact(texts[TextKey.HelpCommandVote], texts[TextKey.HelpCommandVoteDescription]),
                new Fact(texts[TextKey.HelpCommandModeration], texts[TextKey.HelpCommandModerationDescription]),
                new Fact(texts[TextKey.HelpCommandMeasures], texts[TextKey.HelpCommandMeasuresDescription]),
                new Fact(texts[TextKey.HelpCommandDraft], texts[TextKey.HelpCommandDraftDescription]),
                new Fact(texts[TextKey.HelpCommandComments], texts[TextKey.HelpCommandCommentsDescription]),
                new Fact(texts[TextKey.HelpCommandExport], texts[TextKey.HelpCommandExportDescription]),
                new Fact(texts[TextKey.HelpCommandGroupSuggestions], texts[TextKey.HelpCommandGroupSuggestionsDescription]),
                new Fact(texts[TextKey.HelpCommandMyData], texts[TextKey.HelpCommandMyDataDescription]),
                new Fact(texts[TextKey.HelpCommandDeleteData], texts[TextKey.HelpCommandDeleteDataDescription]),
            ]),
        ],
    };
}
