using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Sunlight.Web.Infrastructure.Documents;

/// <summary>
/// The one way Sunlight writes a Word document: the government-document layout of GB/T 9704 (A4, margins
/// 37/35/28/26 mm, title in 小标宋 二号 centred, body in 仿宋 三号 with a two-character first-line indent, headings in
/// 黑体, tables with a header row, the issuer and date right-aligned, an optional footer line such as an act code).
/// Build it step by step, then render the same blocks as Word (<see cref="ToBytes"/>) or as PDF (<see cref="ToPdf"/>, with an
/// embedded CJK font): one document, two renderings. Open the results with the OpenXml SDK / PdfPig in tests.
/// </summary>
internal sealed class OfficialDocument
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string PdfContentType = "application/pdf";

    private const string TitleFont = "方正小标宋简体";
    private const string BodyFont = "仿宋";
    private const string HeadingFont = "黑体";
    private const string PageNumberFont = "宋体";
    private const int TitleSize = 44; // half-points: 二号 22 pt
    private const int BodySize = 32; // 三号 16 pt
    private const int TableSize = 24; // 小四 12 pt
    private const int PageNumberSize = 28; // 四号 14 pt

    private readonly List<DocumentBlock> blocks = [];

    /// <summary>The blocks in order, for the renderings.</summary>
    public IReadOnlyList<DocumentBlock> Blocks => blocks;

    /// <summary>A line printed in every page's footer (e.g. "行政行为码：…").</summary>
    public string? FooterText { get; private set; }

    /// <summary>Whether every page carries its number ("— 1 —") at the foot.</summary>
    public bool HasPageNumbers { get; private set; }

    /// <summary>The document's title (centred, 小标宋 二号), with a blank line after it.</summary>
    public OfficialDocument Title(string text) => Add(BlockKind.Title, text).Add(BlockKind.Blank, "");

    /// <summary>A centred line under the title, e.g. the document number (文号).</summary>
    public OfficialDocument Centered(string text) => Add(BlockKind.Centered, text);

    /// <summary>A heading such as "一、基本情况" (黑体 三号, indented like the body).</summary>
    public OfficialDocument Heading(string text) => Add(BlockKind.Heading, text);

    /// <summary>A body paragraph (仿宋 三号, first line indented by two characters).</summary>
    public OfficialDocument Paragraph(string text) => Add(BlockKind.Paragraph, text);

    /// <summary>A body line without indent (addressee, form field "当事人：…").</summary>
    public OfficialDocument Line(string text) => Add(BlockKind.Line, text);

    /// <summary>A table with a bold header row; every cell is text.</summary>
    public OfficialDocument Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        blocks.Add(new DocumentBlock(BlockKind.Table, "", header, rows.ToList()));
        return Add(BlockKind.Blank, "");
    }

    /// <summary>
    /// A form (审批表, 笔录 head): a two-column bordered table, the field names in 黑体 on the left, the values left-aligned on
    /// the right (an empty value leaves the line to fill in by hand).
    /// </summary>
    public OfficialDocument Form(IEnumerable<(string Label, string Value)> fields)
    {
        blocks.Add(new DocumentBlock(BlockKind.Form, "", null, fields.Select(f => (IReadOnlyList<string>)[f.Label, f.Value]).ToList()));
        return Add(BlockKind.Blank, "");
    }

    /// <summary>The issuer and the date, right-aligned, after a blank line.</summary>
    public OfficialDocument Signature(string issuer, DateOnly date) =>
        Add(BlockKind.Blank, "").Add(BlockKind.Right, issuer).Add(BlockKind.Right, date.ToString("yyyy年M月d日", CultureInfo.InvariantCulture));

    /// <summary>A line printed in every page's footer (e.g. "行政行为码：…").</summary>
    public OfficialDocument Footer(string text)
    {
        FooterText = text;
        return this;
    }

    /// <summary>Numbers the pages at their foot ("— 1 —", 宋体 四号), as GB/T 9704 asks of a document longer than a page.</summary>
    public OfficialDocument PageNumbers()
    {
        HasPageNumbers = true;
        return this;
    }

    /// <summary>The document as PDF, with the CJK font subset-embedded (see <see cref="OfficialPdf"/>).</summary>
    public byte[] ToPdf() => OfficialPdf.Render(this);

    /// <summary>The document as Word (.docx).</summary>
    public byte[] ToBytes()
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var body = new Body();
            foreach (var block in blocks)
            {
                body.Append(Word(block));
            }
            var section = new SectionProperties();
            if (FooterText is not null || HasPageNumbers)
            {
                var footerPart = main.AddNewPart<FooterPart>();
                footerPart.Footer = new Footer();
                if (HasPageNumbers)
                {
                    footerPart.Footer.Append(PageNumberParagraph());
                }
                if (FooterText is not null)
                {
                    footerPart.Footer.Append(Para(FooterText, BodyFont, 21, JustificationValues.Center, indent: false));
                }
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

    private OfficialDocument Add(BlockKind kind, string text)
    {
        blocks.Add(new DocumentBlock(kind, text));
        return this;
    }

    private static OpenXmlElement Word(DocumentBlock block) => block.Kind switch
    {
        BlockKind.Title => Para(block.Text, TitleFont, TitleSize, JustificationValues.Center, indent: false),
        BlockKind.Centered => Para(block.Text, BodyFont, BodySize, JustificationValues.Center, indent: false),
        BlockKind.Heading => Para(block.Text, HeadingFont, BodySize, JustificationValues.Left, indent: true),
        BlockKind.Paragraph => Para(block.Text, BodyFont, BodySize, JustificationValues.Both, indent: true),
        BlockKind.Right => Para(block.Text, BodyFont, BodySize, JustificationValues.Right, indent: false),
        BlockKind.Table => WordTable(block),
        BlockKind.Form => WordForm(block),
        _ => Para(block.Text, BodyFont, BodySize, JustificationValues.Left, indent: false),
    };

    private static Table WordForm(DocumentBlock block)
    {
        var table = BorderedTable();
        foreach (var field in block.Rows!)
        {
            table.Append(new TableRow(
                new TableCell(new TableCellProperties(new TableCellWidth { Type = TableWidthUnitValues.Pct, Width = "1250" }),
                    Para(field[0], HeadingFont, TableSize, JustificationValues.Center, indent: false)),
                new TableCell(Para(field[1], BodyFont, TableSize, JustificationValues.Left, indent: false))));
        }
        return table;
    }

    private static Table WordTable(DocumentBlock block)
    {
        var table = BorderedTable();
        table.Append(Row(block.Header!, bold: true));
        foreach (var row in block.Rows!)
        {
            table.Append(Row(row, bold: false));
        }
        return table;
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
        if (bold)
        {
            row.Append(new TableRowProperties(new TableHeader())); // repeated at the top of each page
        }
        foreach (var cell in cells)
        {
            var paragraph = Para(cell, bold ? HeadingFont : BodyFont, TableSize, JustificationValues.Center, indent: false);
            row.Append(new TableCell(paragraph));
        }
        return row;
    }

    /// <summary>"— PAGE —" centred: the page number as a field Word fills in.</summary>
    private static Paragraph PageNumberParagraph()
    {
        Run Text(string text) => new(Props(PageNumberFont, PageNumberSize), new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        return new Paragraph(new ParagraphProperties(new Justification { Val = JustificationValues.Center }),
            Text("— "),
            new Run(Props(PageNumberFont, PageNumberSize), new FieldChar { FieldCharType = FieldCharValues.Begin }),
            new Run(Props(PageNumberFont, PageNumberSize), new FieldCode(" PAGE ") { Space = SpaceProcessingModeValues.Preserve }),
            new Run(Props(PageNumberFont, PageNumberSize), new FieldChar { FieldCharType = FieldCharValues.Separate }),
            Text("1"),
            new Run(Props(PageNumberFont, PageNumberSize), new FieldChar { FieldCharType = FieldCharValues.End }),
            Text(" —"));
    }

    // Schema order inside rPr: fonts before size.
    private static RunProperties Props(string font, int size) => new(
        new RunFonts { Ascii = font, HighAnsi = font, EastAsia = font },
        new FontSize { Val = size.ToString(CultureInfo.InvariantCulture) },
        new FontSizeComplexScript { Val = size.ToString(CultureInfo.InvariantCulture) });

    private static Paragraph Para(string text, string font, int size, JustificationValues justification, bool indent)
    {
        // Schema order inside pPr: indentation before justification.
        var paraProps = new ParagraphProperties();
        if (indent)
        {
            paraProps.Append(new Indentation { FirstLineChars = 200 });
        }
        paraProps.Append(new Justification { Val = justification });
        return new Paragraph(paraProps, new Run(Props(font, size), new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
    }
}

internal enum BlockKind
{
    Title,
    Centered,
    Heading,
    Paragraph,
    Line,
    Right,
    Table,
    Form,
    Blank,
}

/// <summary>One block of an <see cref="OfficialDocument"/>: a line of text of some kind, or a table (header and rows).</summary>
internal sealed record DocumentBlock(BlockKind Kind, string Text, IReadOnlyList<string>? Header = null, IReadOnlyList<IReadOnlyList<string>>? Rows = null);
