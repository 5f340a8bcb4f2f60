using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using PIC = DocumentFormat.OpenXml.Drawing.Pictures;

namespace AgendaBot.Features.Export;

/// <summary>The WordprocessingML pieces <see cref="AgendaDocument"/> is made of: styles, paragraphs, tables, a picture.</summary>
internal static class WordParts
{
    // A4 with 2.5 cm margins, in twentieths of a point; the text is 16 cm wide.
    private const int PageWidth = 11906;
    private const int PageHeight = 16838;
    private const int Margin = 1417;
    private const long TextWidthEmu = 16L * 360000;

    public static Styles Styles(string language) => new(
        new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = "Calibri", HighAnsi = "Calibri", ComplexScript = "Calibri" },
                new FontSize { Val = "22" },
                new Languages { Val = language })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "120" }))),
        ParagraphStyle("Normal", "Normal", null, bold: false, halfPoints: null),
        ParagraphStyle("Title", "Title", "Normal", bold: true, halfPoints: 48),
        ParagraphStyle("Subtitle", "Subtitle", "Normal", bold: false, halfPoints: 26),
        ParagraphStyle("Heading1", "heading 1", "Normal", bold: true, halfPoints: 32, outline: 0),
        ParagraphStyle("Heading2", "heading 2", "Normal", bold: true, halfPoints: 26, outline: 1),
        ParagraphStyle("ListItem", "List Paragraph", "Normal", bold: false, halfPoints: null, indentTwips: 360));

    public static Paragraph Paragraph(string text, string? style = null, bool bold = false)
    {
        var paragraph = new Paragraph();
        if (style is not null)
        {
            paragraph.Append(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        }

        paragraph.Append(TextRun(text, bold));
        return paragraph;
    }

    /// <summary>"Label: value" with the label bold.</summary>
    public static Paragraph Labelled(string label, string value) =>
        new(new ParagraphProperties(new SpacingBetweenLines { After = "40" }), TextRun(label + ": ", bold: true), TextRun(value, bold: false));

    public static Paragraph ListItem(string text) => Paragraph("– " + text, "ListItem");

    public static Table Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        var border = new Func<BorderType, BorderType>(b =>
        {
            b.Val = BorderValues.Single;
            b.Size = 4;
            b.Color = "A0A0A0";
            return b;
        });
        var table = new Table(new TableProperties(
            new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" },
            new TableBorders(
                border(new TopBorder()), border(new LeftBorder()), border(new BottomBorder()), border(new RightBorder()),
                border(new InsideHorizontalBorder()), border(new InsideVerticalBorder())),
            new TableLayout { Type = TableLayoutValues.Autofit }));
        table.Append(new TableGrid(header.Select(_ => new GridColumn())));
        table.Append(Row(header, isHeader: true));
        foreach (var row in rows)
        {
            table.Append(Row(row, isHeader: false));
        }

        return table;
    }

    /// <summary>A PNG as an inline picture as wide as the text (or its own width, if smaller), in the given image part.</summary>
    public static Paragraph Picture(MainDocumentPart main, byte[] png, string description, uint id)
    {
        var part = main.AddImagePart(ImagePartType.Png);
        using (var stream = new MemoryStream(png))
        {
            part.FeedData(stream);
        }

        var (widthPx, heightPx) = PngSize(png);
        // 9525 EMU per pixel at 96 dpi.
        var width = Math.Min(widthPx * 9525L, TextWidthEmu);
        var height = width * heightPx / widthPx;
        var name = $"picture{id}.png";
        var graphic = new A.Graphic(new A.GraphicData(
            new PIC.Picture(
                new PIC.NonVisualPictureProperties(
                    new PIC.NonVisualDrawingProperties { Id = 0U, Name = name, Description = description },
                    new PIC.NonVisualPictureDrawingProperties()),
                new PIC.BlipFill(new A.Blip { Embed = main.GetIdOfPart(part) }, new A.Stretch(new A.FillRectangle())),
                new PIC.ShapeProperties(
                    new A.Transform2D(new A.Offset { X = 0L, Y = 0L }, new A.Extents { Cx = width, Cy = height }),
                    new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })))
        { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" });
        var inline = new DW.Inline(
            new DW.Extent { Cx = width, Cy = height },
            new DW.EffectExtent { LeftEdge = 0L, TopEdge = 0L, RightEdge = 0L, BottomEdge = 0L },
            new DW.DocProperties { Id = id, Name = name, Description = description },
            new DW.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
            graphic)
        { DistanceFromTop = 0U, DistanceFromBottom = 0U, DistanceFromLeft = 0U, DistanceFromRight = 0U };
        return new Paragraph(new Run(new Drawing(inline)));
    }

    public static SectionProperties A4() => new(
        new PageSize { Width = (UInt32Value)(uint)PageWidth, Height = (UInt32Value)(uint)PageHeight },
        new PageMargin
        {
            Top = Margin, Bottom = Margin, Left = (UInt32Value)(uint)Margin, Right = (UInt32Value)(uint)Margin,
            Header = 708U, Footer = 708U, Gutter = 0U,
        });

    private static Run TextRun(string text, bool bold)
    {
        var run = new Run();
        if (bold)
        {
            run.Append(new RunProperties(new Bold()));
        }

        // Line breaks inside people's text become breaks, not lost whitespace.
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                run.Append(new Break());
            }

            run.Append(new Text(lines[i].TrimEnd('\r')) { Space = SpaceProcessingModeValues.Preserve });
        }

        return run;
    }

    private static TableRow Row(IReadOnlyList<string> cells, bool isHeader)
    {
        var row = new TableRow();
        if (isHeader)
        {
            // Repeated at the top of every page the table runs over.
            row.Append(new TableRowProperties(new TableHeader()));
        }

        foreach (var cell in cells)
        {
            var properties = new TableCellProperties(new TableCellWidth { Type = TableWidthUnitValues.Auto });
            if (isHeader)
            {
                properties.Append(new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = "E7E6E6" });
            }

            row.Append(new TableCell(properties,
                new Paragraph(new ParagraphProperties(new SpacingBetweenLines { After = "0" }), TextRun(cell, isHeader))));
        }

        return row;
    }

    private static Style ParagraphStyle(string id, string name, string? basedOn, bool bold, int? halfPoints, int? outline = null,
        int? indentTwips = null)
    {
        var style = new Style { Type = StyleValues.Paragraph, StyleId = id, Default = id == "Normal" ? true : null };
        style.Append(new StyleName { Val = name });
        if (basedOn is not null)
        {
            style.Append(new BasedOn { Val = basedOn });
            style.Append(new NextParagraphStyle { Val = "Normal" });
        }

        style.Append(new PrimaryStyle());
        var paragraph = new StyleParagraphProperties();
        if (outline is not null)
        {
            paragraph.Append(new KeepNext());
            paragraph.Append(new SpacingBetweenLines { Before = "240", After = "120" });
        }

        if (indentTwips is not null)
        {
            paragraph.Append(new Indentation { Left = indentTwips.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        }

        if (outline is not null)
        {
            paragraph.Append(new OutlineLevel { Val = outline });
        }

        style.Append(paragraph);
        var run = new StyleRunProperties();
        if (bold)
        {
            run.Append(new Bold());
        }

        if (halfPoints is not null)
        {
            run.Append(new FontSize { Val = halfPoints.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        }

        style.Append(run);
        return style;
    }

    // The width and height in the PNG's IHDR chunk, big-endian at bytes 16 and 20.
    private static (long Width, long Height) PngSize(byte[] png) => png.Length >= 24
        ? (System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(16)), System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(20)))
        : throw new ArgumentException("Not a PNG.", nameof(png));
}
