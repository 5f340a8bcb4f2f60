using AgendaBot.Bot.Localization;
using AgendaBot.Bot.Routing;
using AgendaBot.Domain.Agendas;
using AgendaBot.Infrastructure.Charts;
using AgendaBot.Storage.Agendas;

namespace AgendaBot.Features.Publishing;

/// <summary>
/// "veröffentlichen": the project lead sees exactly what would become public — the plan without anyone's name — and
/// decides on the card. Nothing is public before they click.
/// </summary>
public sealed class PublishAgenda(PublicationAccess access, PublicationStore publications) : ICommandHandler
{
    public async Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        if (await access.LeadsAgendaAsync(turn, null, cancellationToken) is not { } agenda)
        {
            await turn.ReplyAsync(turn.Texts[TextKey.PublishOnlyLead], cancellationToken);
            return;
        }

        var published = await publications.GetOfAgendaAsync(turn.Tenant, agenda.Id, cancellationToken);
        var (version, shown) = await access.PreviewAsync(turn, agenda, cancellationToken);
        await turn.ReplyAsync(PublicationCards.Preview(agenda.Id, version, published, turn.Texts, shown: shown), cancellationToken);
    }
}

/// <summary>"Veröffentlichen" on the preview: publishes the version the lead saw, or shows the changed plan again.</summary>
public sealed class ConfirmPublication(PublicationAccess access, PublicationStore publications, PublicDocuments documents, ImageLinks links)
    : ICardActionHandler<PublicationData>
{
    public async Task<CardActionResult> HandleAsync(TurnContext turn, PublicationData input, CancellationToken cancellationToken)
    {
        if (await access.LeadsAgendaAsync(turn, input.AgendaId, cancellationToken) is not { } agenda)
        {
            return new CardActionResult.Message(turn.Texts[TextKey.PublishOnlyLead]);
        }

        var (version, asShown) = await access.PreviewAsync(turn, agenda, cancellationToken);
        var before = await publications.GetOfAgendaAsync(turn.Tenant, agenda.Id, cancellationToken);
        // Teams delivering the click again finds this version public already: the same answer, nothing written twice.
        if (before is { IsPublic: true, Version: { } shown } && shown.Fingerprint() == input.Fingerprint && version.Fingerprint() == input.Fingerprint)
        {
            var live = before.LiveStatus == input.LiveStatus ? before : await publications.SetLiveStatusAsync(turn.Tenant, agenda.Id, input.LiveStatus, cancellationToken);
            return CardActionResult.ForAll(PublicationCards.Published(agenda.Id, shown, PageUrl(links, before.PublicId), live?.LiveStatus ?? input.LiveStatus,
                turn.Texts));
        }

        if (version.Fingerprint() != input.Fingerprint)
        {
            return new CardActionResult.ReplaceCard(PublicationCards.Preview(agenda.Id, version, before, turn.Texts, changed: true, shown: asShown));
        }

        var publication = await publications.PublishAsync(turn.Tenant, agenda.Id, version, input.LiveStatus,
            await documents.MakeAsync(turn.Tenant, agenda.Id, cancellationToken), cancellationToken);
        return CardActionResult.ForAll(PublicationCards.Published(agenda.Id, version, PageUrl(links, publication.PublicId), publication.LiveStatus, turn.Texts));
    }

    public static string PageUrl(ImageLinks links, string publicId) => new Uri(links.PublicBaseUrl(), $"agenda/{publicId}").AbsoluteUri;
}

/// <summary>
/// "Live-Stand einschalten / ausschalten" on the published card: the pages show the measures' status as it is now, or
/// again as published. The lead's decision like publishing; the version stays the same.
/// </summary>
public sealed class SwitchLiveStatus(PublicationAccess access, PublicationStore publications, ImageLinks links) : ICardActionHandler<PublicationData>
{
    public async Task<CardActionResult> HandleAsync(TurnContext turn, PublicationData input, CancellationToken cancellationToken)
    {
        if (await access.LeadsAgendaAsync(turn, input.AgendaId, cancellationToken) is not { } agenda)
        {
            return new CardActionResult.Message(turn.Texts[TextKey.PublishOnlyLead]);
        }

        return await publications.SetLiveStatusAsync(turn.Tenant, agenda.Id, input.LiveStatus, cancellationToken) is { Version: { } version } switched
            ? CardActionResult.ForAll(PublicationCards.Published(agenda.Id, version, ConfirmPublication.PageUrl(links, switched.PublicId), switched.LiveStatus,
                turn.Texts))
            : new CardActionResult.Message(turn.Texts[TextKey.PublishNotPublic]);
    }
}

/// <summary>"Abbrechen" on the preview: nothing is published, and the card says so.</summary>
public sealed class CancelPublication : ICardActionHandler<PublicationData>
{
    public Task<CardActionResult> HandleAsync(TurnContext turn, PublicationData input, CancellationToken cancellationToken) =>
        Task.FromResult<CardActionResult>(CardActionResult.ForAll(PublicationCards.Note(turn.Texts[TextKey.PublishCancelled], turn.Texts)));
}

/// <summary>"veröffentlichung zurückziehen": the pages go (410 Gone); publishing again uses the same address.</summary>
public sealed class WithdrawPublication(PublicationAccess access, PublicationStore publications, TimeProvider time) : ICommandHandler
{
    public async Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        if (await access.LeadsAgendaAsync(turn, null, cancellationToken) is not { } agenda)
        {
            await turn.ReplyAsync(turn.Texts[TextKey.PublishOnlyLead], cancellationToken);
            return;
        }

        var withdrawn = await publications.WithdrawAsync(turn.Tenant, agenda.Id, time.GetUtcNow(), cancellationToken);
        await turn.ReplyAsync(turn.Texts[withdrawn ? TextKey.PublishWithdrawn : TextKey.PublishNothingToWithdraw], cancellationToken);
    }
}
