using System.Globalization;
using AgendaBot.Bot.Localization;
using AgendaBot.Bot.Posting;
using AgendaBot.Protocol.Cards;
using AgendaBot.Storage.Exports;
using AgendaBot.Web;

namespace AgendaBot.Features.Export;

/// <summary>
/// Makes one export job's files and shows them on its card: the Word document and the CSVs first (in memory, quick),
/// then the PDF (LibreOffice, seconds to a minute), each step an update of the same card.
/// </summary>
public sealed class ExportMaker(AgendaContentReader reader, AgendaExporter exporter, PdfConverter pdf, ExportStore store, ExportJobs jobs, Poster poster,
    TimeProvider time)
{
    public async Task MakeAsync(ExportJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var texts = TextsOf(job);
        var content = await reader.ReadAsync(job.Tenant, job.AgendaId, cancellationToken);
        if (content is null)
        {
            // The agenda was deleted meanwhile: nothing to make.
            await ShowAsync(job, ExportCard.Failed(string.Empty, texts), texts, cancellationToken);
            return;
        }

        var csvContent = job.CsvWorkshops is not { } own ? content : content.OnlyWorkshops(w => own.Contains(w.Id, StringComparer.Ordinal));
        var files = exporter.Files(content, csvContent, texts);
        var links = new ExportLinks(await LinkAsync(job, files.Document, cancellationToken), null,
            await LinkAsync(job, files.Contributions, cancellationToken), await LinkAsync(job, files.Ballots, cancellationToken));
        AdaptiveCard Card(PdfState state) =>
            ExportCard.Render(content.Agenda.Title, links, state, job.CsvWorkshops is not null, texts, job.Publishable ? job.AgendaId : null);

        if (pdf.Program is null)
        {
            await ShowAsync(job, Card(PdfState.NotInstalled), texts, cancellationToken);
            return;
        }

        job = await ShowAsync(job, Card(PdfState.BeingMade), texts, cancellationToken);
        var document = await exporter.PdfAsync(files.Document, cancellationToken);
        links = links with { Pdf = document is null ? null : await LinkAsync(job, document, cancellationToken) };
        await ShowAsync(job, Card(document is null ? PdfState.Failed : PdfState.Made), texts, cancellationToken);
    }

    /// <summary>The job failed too often: its card says so, and "exportieren" again is the way on.</summary>
    public async Task GiveUpAsync(ExportJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var texts = TextsOf(job);
        var title = (await reader.ReadAsync(job.Tenant, job.AgendaId, cancellationToken))?.Agenda.Title ?? string.Empty;
        await ShowAsync(job, ExportCard.Failed(title, texts), texts, cancellationToken);
    }

    private static Texts TextsOf(ExportJob job) => new(CultureInfo.GetCultureInfo(job.Culture));

    /// <summary>Updates the job's card; posts one when the turn that asked died before posting it.</summary>
    private async Task<ExportJob> ShowAsync(ExportJob job, AdaptiveCard card, Texts texts, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(job.CardActivityId))
        {
            await poster.Now.UpdateAsync(job.ServiceUrl, job.ConversationId, job.CardActivityId, card, texts, cancellationToken);
            return job;
        }

        var posted = await poster.Now.PostAsync(job.ServiceUrl, job.ConversationId, card, texts, cancellationToken);
        if (string.IsNullOrEmpty(posted.Id))
        {
            return job;
        }

        await jobs.SetCardAsync(job, posted.Id, time.GetUtcNow(), cancellationToken);
        return job with { CardActivityId = posted.Id };
    }

    private async Task<string> LinkAsync(ExportJob job, ExportFile file, CancellationToken cancellationToken) =>
        new Uri(new Uri(job.LinkBase), ExportEndpoint.PathFor(await store.SaveAsync(job.Tenant, file, cancellationToken))).AbsoluteUri;
}
