using AgendaBot.Bot.Localization;
using AgendaBot.Domain.Common;

namespace AgendaBot.Bot.Endpoint;

/// <summary>
/// The sentence for each <see cref="InputProblem"/>: which field, what was entered, what is allowed. Dates and numbers
/// as people write them in the user's language.
/// </summary>
public static class InputProblemTexts
{
    public static string For(InputProblem problem, Texts texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        string Date(DateOnly date) => date.ToString("d", texts.Culture);
        return problem switch
        {
            InputProblem.EndBeforeStart p => texts.Format(TextKey.ProblemEndBeforeStart, Date(p.End), Date(p.Start)),
            InputProblem.StartNotADate p => texts.Format(TextKey.ProblemStartNotADate, Typed(p.Text)),
            InputProblem.EndNotADate p => texts.Format(TextKey.ProblemEndNotADate, Typed(p.Text)),
            InputProblem.MeasureWithoutTitle => texts[TextKey.ProblemMeasureWithoutTitle],
            InputProblem.OwnerNotRegistered => texts[TextKey.ProblemOwnerNotRegistered],
            InputProblem.MilestoneWithoutDate p => texts.Format(TextKey.ProblemMilestoneWithoutDate, Typed(p.Title)),
            InputProblem.MilestoneDateNotADate p => texts.Format(TextKey.ProblemMilestoneDateNotADate, Typed(p.Title), Typed(p.Text)),
            InputProblem.MilestoneWithoutTitle p => texts.Format(TextKey.ProblemMilestoneWithoutTitle, Date(p.Due)),
            InputProblem.IndicatorWithoutName => texts[TextKey.ProblemIndicatorWithoutName],
            InputProblem.IndicatorWithoutTarget p => texts.Format(TextKey.ProblemIndicatorWithoutTarget, Typed(p.Name)),
            InputProblem.TargetNotANumber p => texts.Format(TextKey.ProblemTargetNotANumber, Typed(p.Name), Typed(p.Text)),
            InputProblem.BaselineNotANumber p => texts.Format(TextKey.ProblemBaselineNotANumber, Typed(p.Name), Typed(p.Text)),
            InputProblem.UnknownStatus => texts[TextKey.MeasureUpdateBadStatus],
            InputProblem.ProgressOutOfRange => texts[TextKey.MeasureUpdateBadProgress],
            InputProblem.IndicatorValueNotANumber p => texts.Format(TextKey.MeasureUpdateBadIndicator, Typed(p.Name)),
            InputProblem.TooManyPoints p => texts.Format(TextKey.ProblemTooManyPoints, p.Given, p.Allowed),
            InputProblem.TooManyPointsOnItem p => texts.Format(TextKey.ProblemTooManyPointsOnItem, p.Item, p.Given, p.Allowed),
            InputProblem.NegativePoints p => texts.Format(TextKey.ProblemNegativePoints, p.Item),
            InputProblem.StarsOutOfRange p => texts.Format(TextKey.ProblemStarsOutOfRange, p.Item, p.Stars),
            InputProblem.ItemNotInRound p => texts.Format(TextKey.ProblemItemNotInRound, p.Item),
            InputProblem.NotAWholeNumber p => texts.Format(TextKey.ProblemNotAWholeNumber, p.Item),
            _ => texts[problem.Code == DomainErrorCode.InvalidBallot ? TextKey.ErrorInvalidBallot : TextKey.ErrorInvalidValue],
        };
    }

    // What the person typed is quoted back, but not at any length: a sentence must stay a sentence.
    private static string Typed(string text) => text.Length <= 60 ? text : string.Concat(text.AsSpan(0, 59), "…");
}
