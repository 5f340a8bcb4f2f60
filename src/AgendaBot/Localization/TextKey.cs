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
    public const string ErrorTextTooLong = nameof(ErrorTextTooLong);
    public const string ErrorTextMissing = nameof(ErrorTextMissing);
    public const string ErrorTooManyItems = nameof(ErrorTooManyItems);
    public const string ErrorNotAllowed = nameof(ErrorNotAllowed);
    public const string ErrorStepClosed = nameof(ErrorStepClosed);
    public const string ErrorWrongStep = nameof(ErrorWrongStep);
    public const string ErrorInvalidStepTransition = nameof(ErrorInvalidStepTransition);
    public const string ErrorWorkshopFull = nameof(ErrorWorkshopFull);
    public const string ErrorAlreadyRegistered = nameof(ErrorAlreadyRegistered);
    public const string ErrorNotRegistered = nameof(ErrorNotRegistered);
    public const string ErrorNotFound = nameof(ErrorNotFound);
    public const string ErrorConflict = nameof(ErrorConflict);
    public const string ErrorRoundClosed = nameof(ErrorRoundClosed);
    public const string ErrorInvalidBallot = nameof(ErrorInvalidBallot);
    public const string ErrorInvalidValue = nameof(ErrorInvalidValue);
    public const string StorageUnavailable = nameof(StorageUnavailable);
    public const string PersonalDataOnlyInPersonalChat = nameof(PersonalDataOnlyInPersonalChat);
    public const string PersonalDataExportTitle = nameof(PersonalDataExportTitle);
    public const string PersonalDataExportIntro = nameof(PersonalDataExportIntro);
    public const string PersonalDataExportEmpty = nameof(PersonalDataExportEmpty);
    public const string PersonalDataEraseTitle = nameof(PersonalDataEraseTitle);
    public const string PersonalDataEraseExplain = nameof(PersonalDataEraseExplain);
    public const string PersonalDataEraseConfirm = nameof(PersonalDataEraseConfirm);
    public const string PersonalDataErased = nameof(PersonalDataErased);
    public const string HelpCommandMyData = nameof(HelpCommandMyData);
    public const string HelpCommandMyDataDescription = nameof(HelpCommandMyDataDescription);
    public const string HelpCommandDeleteData = nameof(HelpCommandDeleteData);
    public const string HelpCommandDeleteDataDescription = nameof(HelpCommandDeleteDataDescription);
}
