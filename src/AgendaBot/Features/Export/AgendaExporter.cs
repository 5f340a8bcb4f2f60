using System.Globalization;
using System.Text;
using AgendaBot.Bot.Localization;
using AgendaBot.Storage;
using AgendaBot.Storage.Exports;

namespace AgendaBot.Features.Export;

/// <summary>The files of one export that are made at once; the PDF follows (<see cref="AgendaExporter.PdfAsync"/>).</summary>
public sealed record ExportFiles(ExportFile Document, ExportFile Contributions, ExportFile Ballots);

/// <summary>
/// Makes the agenda's export files. Reusable beyond the export card: <see cref="DocumentAsync"/> gives the Word
/// document alone, e.g. to put it into a channel's files folder.
/// </summary>
public sealed class AgendaExporter(AgendaContentReader reader, PdfConverter pdf, TimeProvider clock)
{
    /// <summary>The agenda as a Word document with its file name, or null when there is no such agenda in the tenant.</summary>
    public async Task<ExportFile?> DocumentAsync(TenantScope scope, string agendaId, Texts texts, CancellationToken cancellationToken)
    {
        var content = await reader.ReadAsync(scope, agendaId, cancellationToken);
        return content is null ? null : Document(content, texts);
    }

    /// <summary>Document and both CSVs, made in memory at once. The CSVs hold only the workshops left in <paramref name="csvContent"/>.</summary>
    public ExportFiles Files(AgendaContent content, AgendaContent csvContent, Texts texts)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(csvContent);
        var name = BaseName(content, texts);
        return new ExportFiles(
            Document(content, texts),
            new ExportFile($"{name}-{texts[TextKey.ExportFileContributions]}.csv", Csv.MediaType, ExportTables.Contributions(csvContent, texts)),
            new ExportFile($"{name}-{texts[TextKey.ExportFileBallots]}.csv", Csv.MediaType, ExportTables.Ballots(csvContent, texts)));
    }

    /// <summary>The document as PDF (LibreOffice, seconds to a minute), or null when LibreOffice is missing or failed.</summary>
    public async Task<ExportFile?> PdfAsync(ExportFile document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var bytes = await pdf.ConvertAsync(document.Content, cancellationToken);
        return bytes is null ? null : new ExportFile(Path.ChangeExtension(document.FileName, ".pdf"), PdfConverter.MediaType, bytes);
    }

    private ExportFile Document(AgendaContent content, Texts texts) =>
        new(BaseName(content, texts) + ".docx", AgendaDocument.MediaType, AgendaDocument.Build(content, texts, Today(content)));

    private DateOnly Today(AgendaContent content)
    {
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(content.Agenda.Schedule.TimeZone, out var found) ? found : TimeZoneInfo.Utc;
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).DateTime);
    }

    /// <summary>"Digitale-Agenda-Hagenow-2026-11-29": the title's letters and digits, then the date.</summary>
    private string BaseName(AgendaContent content, Texts texts)
    {
        var slug = new StringBuilder();
        foreach (var c in content.Agenda.Title)
        {
            if (char.IsLetterOrDigit(c))
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        var title = slug.ToString().Trim('-');
        var stem = title.Length == 0 ? texts[TextKey.ExportFileBase] : title[..Math.Min(title.Length, 60)].TrimEnd('-');
        return $"{stem}-{Today(content).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
    }
}
