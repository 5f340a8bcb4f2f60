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
    /// <param name="mine">The viewer's own registration (their view of the card): said at the top, their group chosen.</param>
    /// <param name="changed">The viewer has just moved to another group: the card says so.</param>
    public static AdaptiveCard Render(Workshop workshop, IReadOnlyList<Participant> participants, Texts texts, bool withForm = true,
        ProfileSuggestion? suggestion = null, Participant? mine = null, bool changed = false)
    {
        var balance = StakeholderBalance.Of(participants);
        var body = new List<CardElement>
        {
            new RichTextBlock([new TextRun(texts.Format(TextKey.RegistrationTitle, workshop.FieldOfAction)) { Size = TextSize.Large, Weight = TextWeight.Bolder }]),
        };
        if (withForm && mine is not null)
        {
            var group = StepTexts.Group(texts, mine.Group);
            var key = (changed, mine.Waitlisted) switch
            {
                (true, false) => TextKey.RegistrationGroupChanged,
                (true, true) => TextKey.RegistrationGroupChangedWaiting,
                (false, false) => TextKey.RegistrationMine,
                (false, true) => TextKey.RegistrationMineWaiting,
            };
            body.Add(new TextBlock(texts.Format(key, group)) { Weight = TextWeight.Bolder, Color = mine.Waitlisted ? TextColor.Default : TextColor.Good });
        }

        body.Add(new TextBlock(texts.Format(TextKey.RegistrationCount, workshop.ParticipantCount, workshop.Capacity)));
        body.Add(new TextBlock(texts[TextKey.BalanceTitle]) { Weight = TextWeight.Bolder, Spacing = ElementSpacing.Medium });
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

        // Nothing is chosen for someone who has not said their group: a preselected "Bürgerinnen und Bürger" would
        // register a town official as a citizen with one careless click. The choice is required, so Teams asks.
        body.Add(new ChoiceSetInput(Enum.GetValues<StakeholderGroup>().Select(g => new Choice(StepTexts.Group(texts, g), g.ToString())).ToList())
        {
            Id = CardInput.Id<RegistrationData>(nameof(RegistrationData.Group)), Label = texts[mine is null ? TextKey.RegistrationGroup : TextKey.RegistrationMyGroup],
            IsRequired = true, ErrorMessage = texts[TextKey.FormRequired], Placeholder = texts[TextKey.RegistrationGroupPlaceholder],
            Value = (mine?.Group ?? suggestion?.Group)?.ToString(),
        });
        if (mine is null && SuggestionHint(suggestion, texts) is { } hint)
        {
            body.Add(new TextBlock(hint) { IsSubtle = true, Size = TextSize.Small, Spacing = ElementSpacing.Small });
        }

        var data = CardPayload.Write(new WorkshopRef(workshop.Id), WorkshopCardJson.Default.WorkshopRef);
        var button = texts[mine is null ? TextKey.ButtonRegister : TextKey.ButtonChangeGroup];
        return Card(body, [ExecuteAction.WithSubmitFallback(button, CardVerbs.Register, data)], texts) with { Refresh = RefreshFor(participants, suggestion, texts, data) };
    }

    // Everyone registered gets their own view (their registration, "Gruppe ändern") from Teams' refresh, which names
    // them by Teams id; with Graph, as before, the others may ask for theirs (a suggested group). Teams keeps own
    // views for at most 60 people: beyond that, the card everyone sees still lists who is registered.
    private static CardRefresh? RefreshFor(IReadOnlyList<Participant> participants, ProfileSuggestion? suggestion, Texts texts, System.Text.Json.JsonElement data)
    {
        var registered = participants.Where(p => p.TeamsId is { Length: > 0 }).OrderBy(p => p.RegisteredAt).Select(p => p.TeamsId!)
            .Distinct(StringComparer.Ordinal).Take(Workshop.MaxModerationViewers).ToList();
        if (registered.Count == 0 && suggestion is not { GraphAvailable: true })
        {
            return null;
        }

        // The fallback only satisfies the rule that every Execute has one: clients without Universal Actions never refresh.
        return new CardRefresh(ExecuteAction.WithSubmitFallback(texts[TextKey.RegistrationShowMine], CardVerbs.RegistrationView, data),
            registered.Count == 0 ? null : registered);
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
