using AgendaBot.Bot.Localization;
using AgendaBot.Bot.Routing;
using AgendaBot.Domain.Common;
using AgendaBot.Infrastructure.Charts;
using AgendaBot.Storage;
using AgendaBot.Storage.Exports;
using AgendaBot.Web;

namespace AgendaBot.Features.Export;

/// <summary>
/// "@AgendaBot exportieren": the project lead or a moderator gets the export card. The files are made now and kept
/// for <see cref="ExportStore.Lifetime"/>. The CSVs name people, so only they may export, checked here on the server;
/// a moderator's CSVs hold only the workshops they moderate, the project lead's all of them.
/// </summary>
public sealed class ExportAgenda(ExportRights rights, AgendaContentReader reader,
    AgendaExporter exporter, PdfConverter pdf, ExportStore store, ImageLinks links, IHostApplicationLifetime lifetime) : ICommandHandler
{
    public async Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        // With the PDF an export can outlast the 15 s Teams waits for the HTTP answer, and then Teams hangs up. The
        // card is sent through the connector, not in that answer, so the work goes on until the bot itself stops,
        // whatever happens to the request's cancellationToken.
        var untilShutdown = lifetime.ApplicationStopping;
        if (await rights.AgendaToExportAsync(turn, untilShutdown) is not { } agenda)
        {
            await turn.ReplyAsync(turn.Texts[TextKey.ExportNoAgenda], untilShutdown);
            return;
        }

        var user = turn.User;
        var isLead = agenda.ProjectLead.Id == user.Id;
        var content = await reader.ReadAsync(turn.Tenant, agenda.Id, untilShutdown)
            ?? throw new DomainException(DomainErrorCode.NotFound, "agenda");
        var csvContent = isLead ? content : content.OnlyWorkshops(w => w.IsModerator(user.Id));
        var bundle = await exporter.BundleAsync(content, csvContent, turn.Texts, untilShutdown);

        var files = new ExportLinks(
            await LinkAsync(turn, bundle.Document, untilShutdown),
            bundle.Pdf is null ? null : await LinkAsync(turn, bundle.Pdf, untilShutdown),
            await LinkAsync(turn, bundle.Contributions, untilShutdown),
            await LinkAsync(turn, bundle.Ballots, untilShutdown));
        var pdfState = bundle.Pdf is not null ? PdfState.Made : pdf.Program is null ? PdfState.NotInstalled : PdfState.Failed;
        // Only a team channel has a files folder in the team's SharePoint library.
        var publishable = PublishAgendaToChannelFiles.ChannelOf(turn) is not null ? agenda.Id : null;
        await turn.ReplyAsync(ExportCard.Render(agenda.Title, files, pdfState, !isLead, turn.Texts, publishable), untilShutdown);
    }

    private async Task<string> LinkAsync(TurnContext turn, ExportFile file, CancellationToken cancellationToken) =>
        new Uri(links.PublicBaseUrl(), ExportEndpoint.PathFor(await store.SaveAsync(turn.Tenant, file, cancellationToken))).AbsoluteUri;
}
