using AgendaBot.Bot.Localization;
using AgendaBot.Bot.Routing;
using AgendaBot.Domain.Agendas;
using AgendaBot.Storage.Measures;

namespace AgendaBot.Features.Consultations;

/// <summary>"@AgendaBot konsultation": the form to record a consultation, with the latest ones below it.</summary>
public sealed class OfferConsultationForm(ConsultationRights rights, ConsultationForm form) : ICommandHandler
{
    public async Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        if (await rights.AgendaHereAsync(turn, cancellationToken) is not { } agenda)
        {
            await turn.ReplyAsync(turn.Texts[TextKey.ConsultationNoAgenda], cancellationToken);
            return;
        }

        await turn.ReplyAsync(await form.RenderAsync(turn, agenda, cancellationToken), cancellationToken);
    }
}

/// <summary>
/// "Konsultation erfassen" on the plan summary or the list: the form is posted below, so the card clicked stays as
/// everyone sees it.
/// </summary>
public sealed class OpenConsultationForm(ConsultationRights rights, ConsultationForm form) : ICardActionHandler<ConsultationAgendaRef>
{
    public async Task<CardActionResult> HandleAsync(TurnContext turn, ConsultationAgendaRef input, CancellationToken cancellationToken)
    {
        var agenda = await rights.RequireFromCardAsync(turn, input.AgendaId, cancellationToken);
        await turn.ReplyAsync(await form.RenderAsync(turn, agenda, cancellationToken), cancellationToken);
        return new CardActionResult.Message(turn.Texts[TextKey.ConsultationFormBelow]);
    }
}

/// <summary>"@AgendaBot konsultationen": every consultation of the agenda, newest first.</summary>
public sealed class ShowConsultations(ConsultationRights rights, MeasureRepository measures) : ICommandHandler
{
    public async Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        if (await rights.AgendaHereAsync(turn, cancellationToken) is not { } agenda)
        {
            await turn.ReplyAsync(turn.Texts[TextKey.ConsultationNoAgenda], cancellationToken);
            return;
        }

        var all = await measures.GetAllAsync(turn.Tenant, agenda.Id, cancellationToken);
        var recorded = await measures.GetConsultationsAsync(turn.Tenant, agenda.Id, cancellationToken);
        await turn.ReplyAsync(ConsultationCards.List(agenda, all, recorded, turn.Texts), cancellationToken);
    }
}

/// <summary>The form as the person asking sees it: the agenda's measures to choose from and the latest consultations.</summary>
public sealed class ConsultationForm(MeasureRepository measures, TimeProvider time)
{
    public async Task<Protocol.Cards.AdaptiveCard> RenderAsync(TurnContext turn, Agenda agenda, CancellationToken cancellationToken)
    {
        var all = await measures.GetAllAsync(turn.Tenant, agenda.Id, cancellationToken);
        var recorded = await measures.GetConsultationsAsync(turn.Tenant, agenda.Id, cancellationToken);
        return ConsultationCards.Form(agenda, all, recorded, RecordConsultation.Today(time.GetUtcNow()), turn.Texts);
    }
}
