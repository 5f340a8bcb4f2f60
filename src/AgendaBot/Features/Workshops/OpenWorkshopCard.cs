using System.Globalization;
using AgendaBot.Bot.Cards;
using AgendaBot.Bot.Localization;
using AgendaBot.Domain.Agendas;
using AgendaBot.Domain.Workshops;
using AgendaBot.Protocol.Cards;

namespace AgendaBot.Features.Workshops;

public static class OpenWorkshopCard
{
    /// <param name="ended">The channel's workshop that ended, when this card opens the next one.</param>
    public static AdaptiveCard Render(Agenda agenda, Texts texts, Workshop? ended = null) => new()
    {
        Lang = texts.Culture.TwoLetterISOLanguageName,
        FallbackText = texts[TextKey.OpenWorkshopTitle],
        MsTeams = new(),
        Body =
        [
            new TextBlock(texts[TextKey.OpenWorkshopTitle]) { Size = TextSize.Large, Weight = TextWeight.Bolder },
            .. ended is null ? Array.Empty<CardElement>()
                : [new TextBlock(texts.Format(TextKey.OpenWorkshopAfterEnded, ended.FieldOfAction, EndWorkshopCard.EndedOn(ended))) { IsSubtle = true }],
            new TextBlock(texts[TextKey.OpenWorkshopIntro]),
            new ChoiceSetInput(agenda.FieldsOfAction.Select(f => new Choice(f, f)).ToList())
            {
                Id = CardInput.Id<OpenWorkshopData>(nameof(OpenWorkshopData.FieldOfAction)), Label = texts[TextKey.OpenWorkshopField], IsRequired = true, ErrorMessage = texts[TextKey.FormRequired],
                // After one field's workshop, the next field is the likelier choice.
                Value = agenda.FieldsOfAction.FirstOrDefault(f => f != ended?.FieldOfAction) ?? agenda.FieldsOfAction[0],
            },
            new NumberInput
            {
                Id = CardInput.Id<OpenWorkshopData>(nameof(OpenWorkshopData.Capacity)), Label = texts[TextKey.OpenWorkshopCapacity], Value = Workshop.DefaultCapacity, Min = 2, Max = 200,
            },
        ],
        Actions = [ExecuteAction.WithSubmitFallback(texts[TextKey.ButtonOpenWorkshop], CardVerbs.OpenWorkshop, data: null)],
    };

    public static AdaptiveCard Opened(Workshop workshop, string moderatorName, Texts texts) => new()
    {
        Lang = texts.Culture.TwoLetterISOLanguageName,
        FallbackText = texts.Format(TextKey.WorkshopOpened, workshop.FieldOfAction, moderatorName),
        MsTeams = new(),
        Body =
        [
            new RichTextBlock([new TextRun(texts.Format(TextKey.WorkshopOpened, workshop.FieldOfAction, moderatorName))]),
            new TextBlock(texts.Format(TextKey.RegistrationCount,
                workshop.ParticipantCount.ToString(CultureInfo.InvariantCulture), workshop.Capacity.ToString(CultureInfo.InvariantCulture))) { IsSubtle = true },
        ],
    };
}
