using System.Globalization;
using AgendaBot.Bot.Cards;
using AgendaBot.Bot.Localization;
using AgendaBot.Domain.Agendas;
using AgendaBot.Domain.Common;
using AgendaBot.Domain.People;
using AgendaBot.Features.Measures;
using AgendaBot.Features.Workshops;
using AgendaBot.Protocol.Cards;

namespace AgendaBot.Features.KickOffs;

/// <summary>
/// The kick-off's cards: the lead's setup, and the card everyone at the kick-off uses — the framework, who is there,
/// the first ideas, and the forms to join, to add an idea and (for moderators) to assign one. People's words go into
/// text runs.
/// </summary>
public static class KickOffCards
{
    /// <summary>Ideas the card lists, newest last; all of them go into their workshops, whole.</summary>
    public const int IdeasShown = 8;

    // The card must stay one Teams message (about 28 KB, KickOffCardSizeTests): long texts are shortened on it.
    private const int IdeaChars = 180;
    private const int GoalsChars = 500;
    private const int ChoiceChars = 60;

    public static AdaptiveCard Setup(Agenda agenda, Texts texts)
    {
        var body = new List<CardElement>
        {
            Title(texts[TextKey.KickOffSetupTitle]),
            new TextBlock(texts[TextKey.KickOffSetupIntro]),
            new TextInput
            {
                Id = CardInput.Id<KickOffSetupData>(nameof(KickOffSetupData.Goals)), Label = texts[TextKey.KickOffGoals], IsMultiline = true,
                MaxLength = TextLimits.ContributionText, IsRequired = true, ErrorMessage = texts[TextKey.KickOffGoalsMissing],
            },
        };
        body.AddRange(agenda.FieldsOfAction.Select((field, i) => new DateInput { Id = KickOffSetupData.DateId(i), Label = texts.Format(TextKey.KickOffDate, field) }));
        body.Add(new TimeInput
        {
            Id = CardInput.Id<KickOffSetupData>(nameof(KickOffSetupData.StartsAt)), Label = texts[TextKey.KickOffStartsAt],
            Value = Domain.Agendas.KickOff.DefaultStart.ToString("HH:mm", CultureInfo.InvariantCulture),
        });
        return Card(texts[TextKey.KickOffSetupTitle], texts, body,
            [ExecuteAction.WithSubmitFallback(texts[TextKey.ButtonOpenKickOff], CardVerbs.OpenKickOff,
                CardPayload.Write(new KickOffSetupData(agenda.Id), KickOffCardJson.Default.KickOffSetupData))]);
    }

    public static AdaptiveCard Board(Agenda agenda, Domain.Agendas.KickOff kickOff, IReadOnlyList<KickOffMember> members, IReadOnlyList<KickOffIdea> ideas,
        Texts texts, string? note = null)
    {
        var data = CardPayload.Write(new KickOffData(agenda.Id), KickOffCardJson.Default.KickOffData);
        var title = texts.Format(TextKey.KickOffTitle, agenda.Title);
        var body = new List<CardElement> { new RichTextBlock([new TextRun(title) { Size = TextSize.Large, Weight = TextWeight.Bolder }]) };
        if (note is not null)
        {
            body.Add(new TextBlock(note) { Color = TextColor.Good, Weight = TextWeight.Bolder });
        }

        body.Add(Heading(texts[TextKey.KickOffGoals]));
        body.Add(new RichTextBlock([new TextRun(Shorten(kickOff.Goals, GoalsChars))]) { Spacing = ElementSpacing.None });
        body.Add(Heading(texts[TextKey.KickOffFieldsHeading]));
        foreach (var field in agenda.FieldsOfAction)
        {
            var planned = kickOff.Dates.FirstOrDefault(d => d.FieldOfAction == field);
            body.Add(new RichTextBlock([new TextRun(planned is null
                ? texts.Format(TextKey.KickOffFieldNoDate, field)
                : texts.Format(TextKey.KickOffFieldDateTime, field, MeasureTexts.Date(planned.Date, texts), kickOff.StartsAt.ToString("HH:mm", CultureInfo.InvariantCulture)))])
            {
                Spacing = ElementSpacing.None,
            });
            if (planned?.MeetingUrl is { } meeting)
            {
                body.Add(new ActionSet([new OpenUrlAction(texts.Format(TextKey.KickOffMeetingLink, field), meeting)]) { Spacing = ElementSpacing.None });
            }
        }

        body.Add(Heading(texts.Format(TextKey.KickOffMembers, members.Count)));
        if (members.Count > 0)
        {
            body.Add(new TextBlock(string.Join(" · ", members.GroupBy(m => m.Group).OrderByDescending(g => g.Count())
                .Select(g => $"{StepTexts.Group(texts, g.Key)} ({g.Count()})"))) { IsSubtle = true, Spacing = ElementSpacing.None });

            // The Akteursanalyse: which groups the agenda still has to win for its workshops.
            if (Enum.GetValues<StakeholderGroup>().Where(g => members.All(m => m.Group != g)).ToList() is { Count: > 0 } missing)
            {
                body.Add(new TextBlock(texts.Format(TextKey.BalanceMissing, string.Join("; ", missing.Select(g => StepTexts.Group(texts, g)))))
                {
                    Color = TextColor.Warning, Spacing = ElementSpacing.None,
                });
            }
        }

        body.Add(new ChoiceSetInput(Enum.GetValues<StakeholderGroup>().Select(g => new Choice(StepTexts.Group(texts, g), g.ToString())).ToList())
        {
            Id = CardInput.Id<KickOffData>(nameof(KickOffData.Group)), Label = texts[TextKey.KickOffGroup], Style = ChoiceSetStyle.Compact, Placeholder = "–",
        });
        body.Add(new ActionSet([ExecuteAction.WithSubmitFallback(texts[TextKey.ButtonJoinKickOff], CardVerbs.JoinKickOff, data)]));

        body.Add(Heading(texts[TextKey.KickOffIdeasHeading]));
        if (ideas.Count == 0)
        {
            body.Add(new TextBlock(texts[TextKey.KickOffNoIdeas]) { IsSubtle = true, Spacing = ElementSpacing.None });
        }

        body.AddRange(ideas.TakeLast(IdeasShown).Select(idea => new RichTextBlock(
        [
            new TextRun(Shorten(idea.Text, IdeaChars)),
            new TextRun($"  – {(idea.Author.IsAnonymous ? string.Empty : idea.Author.Name + ", ")}{Where(idea, texts)}") { IsSubtle = true, Size = TextSize.Small },
        ]) { Spacing = ElementSpacing.Small }));

        body.Add(new TextInput
        {
            Id = CardInput.Id<KickOffData>(nameof(KickOffData.Idea)), Label = texts[TextKey.KickOffIdea], IsMultiline = true, MaxLength = TextLimits.ContributionText,
        });
        body.Add(FieldChoice(agenda, CardInput.Id<KickOffData>(nameof(KickOffData.IdeaField)), texts[TextKey.KickOffIdeaField]));
        body.Add(new ActionSet([ExecuteAction.WithSubmitFallback(texts[TextKey.ButtonAddKickOffIdea], CardVerbs.AddKickOffIdea, data)]));

        var open = ideas.Where(i => !i.TakenIn).TakeLast(IdeasShown).ToList();
        if (open.Count > 0)
        {
            body.Add(Heading(texts[TextKey.KickOffAssignHeading]));
            body.Add(new ChoiceSetInput(open.Select(i => new Choice(Shorten(i.Text, ChoiceChars), i.Id)).ToList())
            {
                Id = CardInput.Id<KickOffData>(nameof(KickOffData.AssignIdea)), Label = texts[TextKey.KickOffAssignIdea], Style = ChoiceSetStyle.Compact, Placeholder = "–",
            });
            body.Add(FieldChoice(agenda, CardInput.Id<KickOffData>(nameof(KickOffData.AssignField)), texts[TextKey.KickOffAssignField]));
            body.Add(new ActionSet([ExecuteAction.WithSubmitFallback(texts[TextKey.ButtonAssignKickOffIdea], CardVerbs.AssignKickOffIdea, data)]));
        }

        return Card(title, texts, body, null);
    }

    private static string Where(KickOffIdea idea, Texts texts) =>
        idea.TakenIn && idea.FieldOfAction is { } taken ? texts.Format(TextKey.KickOffIdeaTakenIn, taken, idea.Contribution ?? 0)
        : idea.FieldOfAction ?? texts[TextKey.KickOffIdeaUnassigned];

    private static ChoiceSetInput FieldChoice(Agenda agenda, string id, string label) =>
        new(agenda.FieldsOfAction.Select(f => new Choice(f, f)).ToList()) { Id = id, Label = label, Style = ChoiceSetStyle.Compact, Placeholder = "–" };

    private static string Shorten(string text, int most) => text.Length <= most ? text : text[..(most - 1)] + "…";

    private static TextBlock Heading(string text) => new(text) { Weight = TextWeight.Bolder, Spacing = ElementSpacing.Medium };

    private static TextBlock Title(string text) => new(text) { Size = TextSize.Large, Weight = TextWeight.Bolder };

    private static AdaptiveCard Card(string fallback, Texts texts, List<CardElement> body, IReadOnlyList<CardAction>? actions) => new()
    {
        Lang = texts.Culture.TwoLetterISOLanguageName,
        FallbackText = fallback,
        MsTeams = new(),
        Body = body,
        Actions = actions,
    };
}
