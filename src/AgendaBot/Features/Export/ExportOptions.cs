namespace AgendaBot.Features.Export;

/// <summary>How the agenda is turned into a PDF: by LibreOffice, where the server has it.</summary>
public sealed class ExportOptions
{
    public const string SectionName = "Export";

    /// <summary>
    /// The LibreOffice program (<c>soffice</c>). Empty: looked up on PATH. A path that does not exist means no PDF:
    /// the export card says so and offers the Word document.
    /// </summary>
    public string? SofficePath { get; set; }

    /// <summary>How long one conversion may take before it is stopped (default 60 s; the first start of LibreOffice with a fresh profile takes a few seconds).</summary>
    public TimeSpan PdfTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How often every instance looks for export jobs nobody holds (another instance's, or one whose maker died). A job
    /// asked for on this instance starts at once.
    /// </summary>
    public TimeSpan JobPollInterval { get; set; } = TimeSpan.FromSeconds(30);

    public static bool IsValid(ExportOptions options) => options.PdfTimeout > TimeSpan.Zero && options.JobPollInterval > TimeSpan.Zero;
}
