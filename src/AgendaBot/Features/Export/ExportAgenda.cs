using AgendaBot.Bot.Localization;
using AgendaBot.Bot.Routing;
using AgendaBot.Domain.Agendas;
using AgendaBot.Infrastructure.Charts;
using AgendaBot.Storage.Agendas;
using AgendaBot.Storage.Exports;
using AgendaBot.Storage.Workshops;

namespace AgendaBot.Features.Export;

/// <summary>
/// "@AgendaBot exportieren": the project lead or a moderator gets the export card at once, saying the files are being
/// made; <see cref="ExportJobWorker"/> makes them outside the turn and fills the card in (Word and CSV, then the PDF).
/// The CSVs name people, so only they may export, checked here on the server; a moderator's CSVs hold only the
/// workshops they moderate, the project lead's all of them — decided here, stored with the job.
/// </summary>
public sealed class ExportAgenda(ExportRights rights, AgendaRepository agendas, WorkshopRepository workshops, ExportJobs jobs,
    ExportSignal signal, ImageLinks links, TimeProvider time) : ICommandHandler
{
    // Long enough for the card to be posted; if this turn dies before, a worker takes the job then and posts a new card.
    private static readonly TimeSpan HeldForTheCard = TimeSpan.FromSeconds(30);

    public async Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        if (await rights.AgendaToExportAsync(turn, cancellationToken) is not { } agenda)
        {
            await turn.ReplyAsync(turn.Texts[TextKey.ExportNoAgenda], cancellationToken);
            return;
        }

        var now = time.GetUtcNow();
        var job = new ExportJob(turn.Tenant, turn.Activity.Id ?? Guid.NewGuid().ToString("N"), agenda.Id,
            agenda.ProjectLead.Id == turn.User.Id ? null : await ModeratedAsync(turn, agenda, cancellationToken),
            turn.Texts.Culture.Name, turn.Activity.ServiceUrl!, turn.ConversationId, CardActivityId: null,
            // Only a team channel has a files folder in the team's SharePoint library.
            Publishable: PublishAgendaToChannelFiles.ChannelOf(turn) is not null, links.PublicBaseUrl().AbsoluteUri, now);
        if (!await jobs.AddAsync(job, now + HeldForTheCard, cancellationToken))
        {
            // The same message delivered again: its card is posted, or will be.
            return;
        }

        var posted = await turn.ReplyAsync(ExportCard.BeingMade(agenda.Title, turn.Texts), cancellationToken);
        await jobs.SetCardAsync(job, posted.Id ?? string.Empty, time.GetUtcNow(), cancellationToken);
        signal.Asked(job);
    }

    private async Task<IReadOnlyList<string>> ModeratedAsync(TurnContext turn, Agenda agenda, CancellationToken cancellationToken)
    {
        var moderated = new List<string>();
        foreach (var listing in await agendas.GetWorkshopsAsync(turn.Tenant, agenda.Id, cancellationToken))
        {
            if ((await workshops.GetAsync(turn.Tenant, listing.WorkshopId, cancellationToken))?.Value is { } workshop && workshop.IsModerator(turn.User.Id))
            {
                moderated.Add(workshop.Id);
            }
        }

        return moderated;
    }
}
