using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Sunlight.Web.Infrastructure.Documents;

/// <summary>
/// The one way Sunlight writes a Word document: the government-document layout of GB/T 9704 (A4, margins
/// 37/35/28/26 mm, title in 小标宋 二号 centred, body in 仿宋 三号 with a two-character first-line indent, headings in
/// 黑体, tables with a header row, the issuer and date right-aligned, an optional footer line such as an act code).
/// Build it step by step and call <see cref="ToBytes"/>; open the result with the OpenXml SDK in tests.
/// </summary>
internal sealed class OfficialDocument
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private const string TitleFont = "方正小标宋简体";
    private const string BodyFont = "仿宋";
    private const string HeadingFont = "黑体";
    private const int TitleSize = 44; // half-points: 二号 22 pt
    private const int BodySize = 32; // 三号 16 pt
    private const int TableSize = 24; // 小四 12 pt

    private readonly List<OpenXmlElement> blocks = [];
    private string? footer;

    /// <summary>The document's title (centred, 小标宋 二号), with a blank line after it.</summary>
    public OfficialDocument Title(string text)
    {
        blocks.Add(Para(text, TitleFont, TitleSize, JustificationValues.Center, indent: false));
        blocks.Add(Para(string.Empty, BodyFont, BodySize, JustificationValues.Left, indent: false));
        return this;
    }

    /// <summary>A centred line under the title, e.g. the document number (文号).</summary>
    public OfficialDocument Centered(string text)
    {
        blocks.Add(Para(text, BodyFont, BodySize, JustificationValues.Center, indent: false));
        return this;
    }

    /// <summary>A heading such as "一、基本情况" (黑体 三号, indented like the body).</summary>
    public OfficialDocument Heading(string text)
    {
        blocks.Add(Para(text, HeadingFont, BodySize, JustificationValues.Left, indent: true));
        return this;
    }

    /// <summary>A body paragraph (仿宋 三号, first line indented by two characters).</summary>
    public OfficialDocument Paragraph(string text)
    {
        blocks.Add(Para(text, BodyFont, BodySize, JustificationValues.Both, indent: true));
        return this;
    }

    /// <summary>A body line without indent (addressee, form field "当事人：…").</summary>
    public OfficialDocument Line(string text)
    {
        blocks.Add(Para(text, BodyFont, BodySize, JustificationValues.Left, indent: false));
        return this;
    }

    /// <summary>A table with a bold header row; every cell is text.</summary>
    public OfficialDocument Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        var table = BorderedTable();
        table.Append(Row(header, bold: true));
        foreach (var row in rows)
        {
            table.Append(Row(row, bold: false));
        }
        blocks.Add(table);
        blocks.Add(Para(string.Empty, BodyFont, BodySize, JustificationValues.Left, indent: false));
        return this;
    }

    /// <summary>
    /// A form (审批表, 笔录 head): a two-column bordered table, the field names in 黑体 on the left, the values left-aligned on
    /// the right (an empty value leaves the line to fill in by hand).
    /// </summary>
    public OfficialDocument Form(IEnumerable<(string Label, string Value)> fields)
    {
        var table = BorderedTable();
        foreach (var (label, value) in fields)
        {
            table.Append(new TableRow(
                new TableCell(new TableCellProperties(new TableCellWidth { Type = TableWidthUnitValues.Pct, Width = "1250" }),
                    Para(label, HeadingFont, TableSize, JustificationValues.Center, indent: false)),
                new TableCell(Para(value, BodyFont, TableSize, JustificationValues.Left, indent: false))));
        }
        blocks.Add(table);
        blocks.Add(Para(string.Empty, BodyFont, BodySize, JustificationValues.Left, indent: false));
        return this;
    }

    /// <summary>The issuer and the date, right-aligned, after a blank line.</summary>
    public OfficialDocument Signature(string issuer, DateOnly date)
    {
        blocks.Add(Para(string.Empty, BodyFont, BodySize, JustificationValues.Left, indent: false));
        blocks.Add(Para(issuer, BodyFont, BodySize, JustificationValues.Right, indent: false));
        blocks.Add(Para(date.ToString("yyyy年M月d日", CultureInfo.InvariantCulture), BodyFont, BodySize, JustificationValues.Right, indent: false));
        return this;
    }

    /// <summary>A line printed in every page's footer (e.g. "行政行为码：…").</summary>
    public OfficialDocument Footer(string text)
    {
        footer = text;
        return this;
    }

    public byte[] ToBytes()
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var body = new Body();
            foreach (var block in blocks)
            {
                body.Append(block.CloneNode(true));
            }
            var section = new SectionProperties();
            if (footer is not null)
            {
                var footerPart = main.AddNewPart<FooterPart>();
                footerPart.Footer = new Footer(Para(footer, BodyFont, 21, JustificationValues.Center, indent: false));
                footerPart.Footer.Save();
                section.Append(new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footerPart) });
            }
            // A4 in twentieths of a point; margins 37 / 35 / 28 / 26 mm (1 mm ≈ 56.7 twips).
            section.Append(new PageSize { Width = 11906U, Height = 16838U });
            section.Append(new PageMargin { Top = 2098, Bottom = 1984, Left = 1588U, Right = 1474U, Header = 851U, Footer = 992U, Gutter = 0U });
            body.Append(section);
            main.Document = new Document(body);
            main.Document.Save();
        }
        return stream.ToArray();
    }

    private static Table BorderedTable()
    {
        var border = new EnumValue<BorderValues>(BorderValues.Single);
        return new Table(new TableProperties(
            new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" },
            new TableBorders(
                new TopBorder { Val = border, Size = 4 }, new BottomBorder { Val = border, Size = 4 },
                new LeftBorder { Val = border, Size = 4 }, new RightBorder { Val = border, Size = 4 },
                new InsideHorizontalBorder { Val = border, Size = 4 }, new InsideVerticalBorder { Val = border, Size = 4 })));
    }

    private static TableRow Row(IReadOnlyList<string> cells, bool bold)
    {
        var row = new TableRow();
        foreach (var cell in cells)
        {
            var paragraph = Para(cell, bold ? HeadingFont : BodyFont, TableSize, JustificationValues.Center, indent: false);
            row.Append(new TableCell(paragraph));
        }
        return row;
    }

    private static Paragraph Para(string text, string font, int size, JustificationValues justification, bool indent)
    {
        // Schema order inside rPr: fonts before size; inside pPr: indentation before justification.
        var runProps = new RunProperties(
            new RunFonts { Ascii = font, HighAnsi = font, EastAsia = font },
            new FontSize { Val = size.ToString(CultureInfo.InvariantCulture) },
            new FontSizeComplexScript { Val = size.ToString(CultureInfo.InvariantCulture) });
        var paraProps = new ParagraphProperties();
        if (indent)
        {
            paraProps.Append(new Indentation { FirstLineChars = 200 });
        }
        paraProps.Append(new Justification { Val = justification });
        return new Paragraph(paraProps, new Run(runProps, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
    }
}
