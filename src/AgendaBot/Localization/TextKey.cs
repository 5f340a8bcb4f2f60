namespace AgendaBot.Localization;

/// <summary>Names of the texts in <c>Resources/Strings*.resx</c>; a test checks each exists in German and English.</summary>
public static class TextKey
{
    public const string CardFallbackText = nameof(CardFallbackText);
    public const string WelcomeTitle = nameof(WelcomeTitle);
    public const string WelcomeText = nameof(WelcomeText);
    public const string WelcomeNext = nameof(WelcomeNext);
    public const string WelcomeShowHelp = nameof(WelcomeShowHelp);
    public const string HelpTitle = nameof(HelpTitle);
    public const string HelpWhereToWrite = nameof(HelpWhereToWrite);
    public const string HelpCommandsHeading = nameof(HelpCommandsHeading);
    public const string HelpCommandHelp = nameof(HelpCommandHelp);
    public const string HelpCommandHelpDescription = nameof(HelpCommandHelpDescription);
    public const string HelpComingHeading = nameof(HelpComingHeading);
    public const string HelpComing = nameof(HelpComing);
    public const string UnknownCommand = nameof(UnknownCommand);
    public const string UnknownCardAction = nameof(UnknownCardAction);
    public const string SomethingWentWrong = nameof(SomethingWentWrong);
    public const string HelpShown = nameof(HelpShown);
}
