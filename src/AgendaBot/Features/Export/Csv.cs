using System.Text;

namespace AgendaBot.Features.Export;

/// <summary>
/// CSV as Excel opens it by double-click: RFC 4180 quoting, UTF-8 with a byte order mark (without it Excel reads
/// umlauts as Windows-1252) and CRLF line ends.
/// </summary>
public static class Csv
{
    /// <summary>
    /// A semicolon, not a comma: Excel splits a double-clicked CSV at the list separator of the Windows locale, which
    /// in German is ';' (the comma is the decimal mark). The town's staff open these files in German Excel.
    /// </summary>
    public const char Separator = ';';

    public const string MediaType = "text/csv; charset=utf-8";

    private static readonly System.Buffers.SearchValues<char> MustQuote = System.Buffers.SearchValues.Create([Separator, '"', '\r', '\n']);

    public static byte[] Write(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        var text = new StringBuilder();
        AppendLine(text, header);
        foreach (var row in rows)
        {
            AppendLine(text, row);
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    /// <summary>
    /// One cell, made inert and quoted as needed. A cell starting with = + - @ (or a tab or carriage return, which
    /// Excel skips before looking) would be run as a formula by a spreadsheet — "=HYPERLINK(...)" in a contribution
    /// is an attack on whoever opens the file — so it gets a leading apostrophe and is shown as the text it is.
    /// </summary>
    public static string Cell(string? value)
    {
        var text = value ?? string.Empty;
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            text = "'" + text;
        }

        return text.AsSpan().IndexOfAny(MustQuote) >= 0 || text.StartsWith(' ') || text.EndsWith(' ')
            ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : text;
    }

    private static void AppendLine(StringBuilder text, IEnumerable<string?> cells) =>
        text.AppendJoin(Separator, cells.Select(Cell)).Append("\r\n");
}
