using AgendaBot.Bot.Localization;
using AgendaBot.Domain.People;
using AgendaBot.Domain.Workshops;

namespace AgendaBot.Features.Workshops;

/// <summary>The names and guiding questions of the six steps and the stakeholder groups, in the user's language.</summary>
// Seam: the names of the method's steps, shown by every feature that shows a step.
[Seam]
public static class StepTexts
{
    public static string Title(Texts texts, WorkshopStep step) => texts[$"Step{(int)step}Title"];

    public static string Questions(Texts texts, WorkshopStep step, string fieldOfAction) =>
        texts.Format($"Step{(int)step}Questions", fieldOfAction);

    public static string Heading(Texts texts, WorkshopStep step) =>
        texts.Format(TextKey.StepHeading, (int)step, Title(texts, step));

    public static string Group(Texts texts, StakeholderGroup group) => texts[$"Group{group}"];
}
