using AgendaBot.Bot.Cards;
using AgendaBot.Bot.Localization;
using AgendaBot.Domain.People;
using AgendaBot.Domain.Workshops;
using AgendaBot.Infrastructure.Graph;
using AgendaBot.Protocol.Cards;

namespace AgendaBot.Features.Workshops;

/// <summary>
/// Registration with one click and the Akteursanalyse in one card: who is there for which group, which groups are
/// still missing, who waits. Names are what people chose in Teams, so they go into plain text runs.
/// </summary>
public static class RegistrationCard
{
    /// <param name="suggestion">
    /// The group suggested from the viewer's profile (their own view), nothing to suggest (the card everyone sees, with
    /// Graph), or "unavailable" (no Graph; said once, under the group choice). Null: no word about suggestions.
    /// </param>
    public static AdaptiveCard Render(Workshop workshop, IReadOnlyList<Participant> participants, Texts texts, bool withForm = true,
        ProfileSuggestion? suggestion = null)
    {
        var balance = StakeholderBalance.Of(participants);
        var body = new List<CardElement>
        {
            new RichTextBlock([new TextRun(texts.Format(TextKey.RegistrationTitle, workshop.FieldOfAction)) { Size = TextSize.Large, Weight = TextWeight.Bolder }]),
            new TextBlock(texts.Format(TextKey.RegistrationCount, workshop.ParticipantCount, workshop.Capacity)),
            new TextBlock(texts[TextKey.BalanceTitle]) { Weight = TextWeight.Bolder, Spacing = ElementSpacing.Medium },
        };
        foreach (var group in Enum.GetValues<StakeholderGroup>())
        {
            var names = participants.Where(p => !p.Waitlisted && p.Group == group && p.Role == Role.Participant).Select(p => p.User.Name).ToList();
            if (names.Count > 0)
            {
                body.Add(new RichTextBlock(
                [
                    new TextRun($"{StepTexts.Group(texts, group)}: ") { Weight = TextWeight.Bolder },
                    new TextRun(string.Join(", ", names)),
                ]) { Spacing = ElementSpacing.Small });
            }
        }

        body.Add(new TextBlock(balance.Missing.Count == 0
            ? texts[TextKey.BalanceComplete]
            // Semicolons: a group's own name has commas ("Land, Landkreis, Stadt").
            : texts.Format(TextKey.BalanceMissing, string.Join("; ", balance.Missing.Select(g => StepTexts.Group(texts, g)))))
        {
            Color = balance.Missing.Count == 0 ? TextColor.Good : TextColor.Attention,
        });
        var waiting = participants.Where(p => p.Waitlisted).Select(p => p.User.Name).ToList();
        if (waiting.Count > 0)
        {
            body.Add(new RichTextBlock([new TextRun(texts.Format(TextKey.BalanceWaitlist, string.Join(", ", waiting))) { IsSubtle = true }]));
        }

        if (!withForm)
        {
            return Card(body, null, texts);
        }

        body.Add(new ChoiceSetInput(Enum.GetValues<StakeholderGroup>().Select(g => new Choice(StepTexts.Group(texts, g), g.ToString())).ToList())
        {
            Id = CardInput.Id<RegistrationData>(nameof(RegistrationData.Group)), Label = texts[TextKey.RegistrationGroup], IsRequired = true, ErrorMessage = texts[TextKey.FormRequired],
            Value = (suggestion?.Group ?? StakeholderGroup.Citizens).ToString(),
        });
        if (SuggestionHint(suggestion, texts) is { } hint)
        {
            body.Add(new TextBlock(hint) { IsSubtle = true, Size = TextSize.Small, Spacing = ElementSpacing.Small });
        }

        var data = CardPayload.Write(new WorkshopRef(workshop.Id), WorkshopCardJson.Default.WorkshopRef);
        return Card(body, [ExecuteAction.WithSubmitFallback(texts[TextKey.ButtonRegister], CardVerbs.Register, data)], texts) with
        {
            // With Graph, Teams asks the bot for each viewer's own view of this card, in which their group is preselected.
            Refresh = suggestion is { GraphAvailable: true }
                // The fallback only satisfies the rule that every Execute has one: clients without Universal Actions never refresh.
                ? new CardRefresh(ExecuteAction.WithSubmitFallback(texts[TextKey.RegistrationShowMine], CardVerbs.RegistrationView, data), null)
                : null,
        };
    }

    // Without Graph there is simply no suggestion: a server setting is the business of whoever runs the bot (the lead
    // hears it when asking for "gruppenvorschläge"), not of every participant.
    private static string? SuggestionHint(ProfileSuggestion? suggestion, Texts texts) => suggestion switch
    {
        { GraphAvailable: true, Group: { } group } => texts.Format(TextKey.RegistrationSuggested, StepTexts.Group(texts, group)),
        _ => null,
    };

    private static AdaptiveCard Card(List<CardElement> body, IReadOnlyList<CardAction>? actions, Texts texts) => new()
    {
        Lang = texts.Culture.TwoLetterISOLanguageName,
        FallbackText = texts[TextKey.BalanceTitle],
        MsTeams = new(),
        Body = body,
        Actions = actions,
    };
}
