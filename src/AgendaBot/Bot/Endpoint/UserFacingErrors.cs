using AgendaBot.Bot.Cards;
using AgendaBot.Bot.Localization;
using AgendaBot.Domain.Common;
using AgendaBot.Storage;

namespace AgendaBot.Bot.Endpoint;

/// <summary>Turns a refusal of the domain, or an outage of the storage, into a sentence for the user.</summary>
public static class UserFacingErrors
{
    public static string? TextFor(Exception failure, Texts texts) => failure switch
    {
        DomainException { Code: DomainErrorCode.InvalidValue, Subject: CardPayload.Subject } => texts[TextKey.ErrorCardData],
        DomainException { Problem: { } problem } => InputProblemTexts.For(problem, texts),
        DomainException domain => texts.Format(KeyFor(domain.Code), domain.Limit),
        _ when StorageOutage.IsUnavailable(failure) => texts[TextKey.StorageUnavailable],
        AggregateException { InnerException: { } inner } => TextFor(inner, texts),
        _ => null,
    };

    private static string KeyFor(DomainErrorCode code) => code switch
    {
        DomainErrorCode.TextTooLong => TextKey.ErrorTextTooLong,
        DomainErrorCode.TextMissing => TextKey.ErrorTextMissing,
        DomainErrorCode.TooManyItems => TextKey.ErrorTooManyItems,
        DomainErrorCode.NotAllowed => TextKey.ErrorNotAllowed,
        DomainErrorCode.StepClosed => TextKey.ErrorStepClosed,
        DomainErrorCode.WrongStep => TextKey.ErrorWrongStep,
        DomainErrorCode.InvalidStepTransition => TextKey.ErrorInvalidStepTransition,
        DomainErrorCode.WorkshopFull => TextKey.ErrorWorkshopFull,
        DomainErrorCode.AlreadyRegistered => TextKey.ErrorAlreadyRegistered,
        DomainErrorCode.NotRegistered => TextKey.ErrorNotRegistered,
        DomainErrorCode.NotFound => TextKey.ErrorNotFound,
        DomainErrorCode.Conflict => TextKey.ErrorConflict,
        DomainErrorCode.RoundClosed => TextKey.ErrorRoundClosed,
        DomainErrorCode.InvalidBallot => TextKey.ErrorInvalidBallot,
        DomainErrorCode.WorkshopEnded => TextKey.ErrorWorkshopEnded,
        _ => TextKey.ErrorInvalidValue,
    };
}
