using AgendaBot.Bot.Cards;
using AgendaBot.Bot.Localization;
using AgendaBot.Domain.Agendas;
using AgendaBot.Protocol.Cards;

namespace AgendaBot.Features.Agendas;

public static class AgendaSetupCard
{
    public static AdaptiveCard Render(Texts texts) => new()
    {
        Lang = texts.Culture.TwoLetterISOLanguageName,
        FallbackText = texts[TextKey.AgendaSetupTitle],
        MsTeams = new(),
        Body =
        [
            new TextBlock(texts[TextKey.AgendaSetupTitle]) { Size = TextSize.Large, Weight = TextWeight.Bolder },
            new TextBlock(texts[TextKey.AgendaSetupIntro]),
            new TextInput
            {
                Id = CardInput.Id<AgendaSetupData>(nameof(AgendaSetupData.Title)), Label = texts[TextKey.AgendaSetupTitleLabel], IsRequired = true, ErrorMessage = texts[TextKey.FormRequired],
                Value = texts[TextKey.AgendaSetupTitleDefault], MaxLength = Domain.Common.TextLimits.Title,
            },
            new TextInput
            {
                Id = CardInput.Id<AgendaSetupData>(nameof(AgendaSetupData.FieldsOfAction)), Label = texts[TextKey.AgendaSetupFields], IsMultiline = true,
                Value = string.Join("\n", Agenda.DefaultFieldsOfAction), MaxLength = 1500,
            },
            new ToggleInput(texts[TextKey.AgendaSetupStatusHere]) { Id = CardInput.Id<AgendaSetupData>(nameof(AgendaSetupData.StatusHere)), Value = "true", ValueOn = "true", ValueOff = "false" },
            new TextBlock(texts[TextKey.AgendaSetupSchedule]) { IsSubtle = true, Size = TextSize.Small },
        ],
        Actions = [ExecuteAction.WithSubmitFallback(texts[TextKey.ButtonCreateAgenda], CardVerbs.CreateAgenda, data: null)],
    };
}

public static class AgendaSummaryCard
{
    public static AdaptiveCard Render(Agenda agenda, Texts texts) => new()
    {
        Lang = texts.Culture.TwoLetterISOLanguageName,
        FallbackText = texts[TextKey.AgendaSetupTitle],
        MsTeams = new(),
        Body =
        [
            new RichTextBlock([new TextRun(agenda.Title) { Size = TextSize.Large, Weight = TextWeight.Bolder }]),
            new RichTextBlock([new TextRun(texts.Format(TextKey.AgendaCreated, agenda.Title, agenda.ProjectLead.Name))]),
            new Container(agenda.FieldsOfAction.Select(f => (CardElement)new RichTextBlock([new TextRun("• " + f)])).ToList()),
            new TextBlock(texts[TextKey.AgendaSetupSchedule]) { IsSubtle = true, Size = TextSize.Small },
        ],
    };
}
