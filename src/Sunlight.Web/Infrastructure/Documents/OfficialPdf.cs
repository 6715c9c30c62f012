using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace Sunlight.Web.Infrastructure.Documents;

/// <summary>
/// The PDF rendering of an <see cref="OfficialDocument"/>: the same blocks laid out on A4 with the GB/T 9704 margins, text as
/// text (Unicode, so it can be searched and copied) in Noto Serif SC, which the build copies from npm next to the assemblies
/// (<c>fonts/NotoSerifSC-Regular.ttf</c>) and PDFsharp embeds as a subset of the glyphs used. Headings and titles are the
/// same face in simulated bold. Lines break between any two characters (Chinese has no spaces); closing punctuation never
/// starts a line. A table breaks between rows and repeats its header on the next page.
/// </summary>
internal static class OfficialPdf
{
    private const double PageWidth = 595.28; // A4 in points
    private const double PageHeight = 841.89;
    private const double Top = 104.9; // 37 mm
    private const double Bottom = 99.2; // 35 mm
    private const double Left = 79.4; // 28 mm
    private const double Right = 73.7; // 26 mm
    private const double ContentWidth = PageWidth - Left - Right;
    private const double BodyPitch = 29; // 22 lines a page
    private const double TitlePitch = 36;
    private const double TablePitch = 17;
    private const double CellPad = 4;
    private const string ClosingPunctuation = "，。、；：！？）》」』”’％,.;:!?)]";

    static OfficialPdf() => GlobalFontSettings.FontResolver = EmbeddedFont.Instance;

    public static byte[] Render(OfficialDocument source)
    {
        using var document = new PdfDocument();
        document.Info.Title = source.Blocks.FirstOrDefault(b => b.Kind == BlockKind.Title)?.Text ?? "";
        document.Info.Creator = "阳光执法监督平台";
        var writer = new Writer(document);
        foreach (var block in source.Blocks)
        {
            writer.Write(block);
        }
        writer.Finish(source.FooterText, source.HasPageNumbers);
        using var stream = new MemoryStream();
        document.Save(stream, false);
        return stream.ToArray();
    }

    private sealed class Writer(PdfDocument document)
    {
        private static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode);
        private readonly XFont body = new(EmbeddedFont.Family, 16, XFontStyleEx.Regular, Unicode);
        private readonly XFont bold = new(EmbeddedFont.Family, 16, XFontStyleEx.Bold, Unicode);
        private readonly XFont title = new(EmbeddedFont.Family, 22, XFontStyleEx.Bold, Unicode);
        private readonly XFont cell = new(EmbeddedFont.Family, 12, XFontStyleEx.Regular, Unicode);
        private readonly XFont cellBold = new(EmbeddedFont.Family, 12, XFontStyleEx.Bold, Unicode);
        private readonly XFont pageNumber = new(EmbeddedFont.Family, 14, XFontStyleEx.Regular, Unicode);
        private readonly XFont footer = new(EmbeddedFont.Family, 10.5, XFontStyleEx.Regular, Unicode);
        private readonly List<XGraphics> pages = [];
        private readonly Dictionary<(XFont Font, string Text), double> widths = [];
        private XGraphics gfx = null!;
        private double y;

        public void Write(DocumentBlock block)
        {
            if (pages.Count == 0)
            {
                NewPage();
            }
            switch (block.Kind)
            {
                case BlockKind.Title:
                    Text(block.Text, title, TitlePitch, XStringAlignment.Center, 0);
                    break;
                case BlockKind.Heading:
                    Text(block.Text, bold, BodyPitch, XStringAlignment.Near, 32);
                    break;
                case BlockKind.Paragraph:
                    Text(block.Text, body, BodyPitch, XStringAlignment.Near, 32);
                    break;
                case BlockKind.Centered:
                    Text(block.Text, body, BodyPitch, XStringAlignment.Center, 0);
                    break;
                case BlockKind.Right:
                    Text(block.Text, body, BodyPitch, XStringAlignment.Far, 0);
                    break;
                case BlockKind.Table:
                    Table(block.Header!, block.Rows!);
                    break;
                case BlockKind.Form:
                    Form(block.Rows!);
                    break;
                case BlockKind.Blank:
                    y += BodyPitch / 2;
                    break;
                default:
                    Text(block.Text, body, BodyPitch, XStringAlignment.Near, 0);
                    break;
            }
        }

        /// <summary>Draws the page numbers ("— 1 —") and the footer line on every page, then releases the pages.</summary>
        public void Finish(string? footerText, bool numbers)
        {
            for (var i = 0; i < pages.Count; i++)
            {
                var g = pages[i];
                var baseline = PageHeight - Bottom + 28;
                if (numbers)
                {
                    Draw(g, $"— {(i + 1).ToString(CultureInfo.InvariantCulture)} —", pageNumber, Left, baseline, ContentWidth, XStringAlignment.Center);
                    baseline += 20;
                }
                if (footerText is not null)
                {
                    Draw(g, footerText, footer, Left, baseline, ContentWidth, XStringAlignment.Center);
                }
                g.Dispose();
            }
        }

        private void NewPage()
        {
            var page = document.AddPage();
            page.Width = XUnit.FromPoint(PageWidth);
            page.Height = XUnit.FromPoint(PageHeight);
            gfx = XGraphics.FromPdfPage(page);
            pages.Add(gfx);
            y = Top;
        }

        private void Text(string text, XFont font, double pitch, XStringAlignment alignment, double indent)
        {
            foreach (var (line, first) in Wrap(text, font, ContentWidth, indent))
            {
                if (y + pitch > PageHeight - Bottom)
                {
                    NewPage();
                }
                var x = Left + (first ? indent : 0);
                Draw(gfx, line, font, x, y + pitch * 0.75, ContentWidth - (first ? indent : 0), alignment);
                y += pitch;
            }
        }

        private void Table(IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> rows)
        {
            var columns = ColumnWidths(header, rows);
            if (y + 2 * Height(header, columns, cellBold) > PageHeight - Bottom)
            {
                NewPage();
            }
            Row(header, columns, cellBold);
            foreach (var row in rows)
            {
                if (y + Height(row, columns, cell) > PageHeight - Bottom)
                {
                    NewPage();
                    Row(header, columns, cellBold);
                }
                Row(row, columns, cell);
            }
        }

        /// <summary>A form: field names (bold) in a quarter of the width, values beside them; no header row.</summary>
        private void Form(IReadOnlyList<IReadOnlyList<string>> fields)
        {
            double[] columns = [ContentWidth / 4, ContentWidth * 3 / 4];
            foreach (var field in fields)
            {
                if (y + Height(field, columns, cell) > PageHeight - Bottom)
                {
                    NewPage();
                }
                Row(field, columns, cell);
            }
        }

        private void Row(IReadOnlyList<string> cells, double[] columns, XFont font)
        {
            var height = Height(cells, columns, font);
            var x = Left;
            for (var c = 0; c < columns.Length; c++)
            {
                gfx.DrawRectangle(XPens.Black, x, y, columns[c], height);
                var lineY = y + CellPad;
                foreach (var (line, _) in Wrap(c < cells.Count ? cells[c] : "", font, columns[c] - 2 * CellPad, 0))
                {
                    Draw(gfx, line, font, x + CellPad, lineY + TablePitch * 0.75, columns[c] - 2 * CellPad, XStringAlignment.Center);
                    lineY += TablePitch;
                }
                x += columns[c];
            }
            y += height;
        }

        private double Height(IReadOnlyList<string> cells, double[] columns, XFont font) =>
            Enumerable.Range(0, columns.Length)
                .Max(c => Math.Max(1, Wrap(c < cells.Count ? cells[c] : "", font, columns[c] - 2 * CellPad, 0).Count)) * TablePitch + 2 * CellPad;

        /// <summary>Columns share the width in proportion to their longest text, each at least three characters wide.</summary>
        private double[] ColumnWidths(IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> rows)
        {
            var need = header.Select((h, c) => rows.Select(r => c < r.Count ? Width(r[c], cell) : 0).Append(Width(h, cellBold)).Max() + 2 * CellPad).ToArray();
            var minimum = 3 * 12 + 2 * CellPad;
            var floored = need.Select(n => Math.Max(n, minimum)).ToArray();
            var total = floored.Sum();
            if (total <= ContentWidth)
            {
                var spare = (ContentWidth - total) / floored.Length;
                return floored.Select(w => w + spare).ToArray();
            }
            // Too wide: give each column its minimum, share the rest by what each needs beyond it.
            var extra = floored.Select(w => w - minimum).ToArray();
            var room = ContentWidth - minimum * floored.Length;
            return extra.Select(e => minimum + (room > 0 ? room * e / extra.Sum() : 0)).ToArray();
        }

        /// <summary>The text's lines, breaking between any two characters (closing punctuation stays on its line).</summary>
        private List<(string Line, bool First)> Wrap(string text, XFont font, double width, double indent)
        {
            var lines = new List<(string, bool)>();
            var current = new System.Text.StringBuilder();
            var used = 0.0;
            var limit = width - indent;
            var elements = StringInfo.GetTextElementEnumerator(text);
            while (elements.MoveNext())
            {
                var element = elements.GetTextElement();
                var w = Width(element, font);
                if (current.Length > 0 && used + w > limit && !ClosingPunctuation.Contains(element, StringComparison.Ordinal))
                {
                    lines.Add((current.ToString(), lines.Count == 0));
                    current.Clear();
                    used = 0;
                    limit = width;
                }
                current.Append(element);
                used += w;
            }
            if (current.Length > 0 || lines.Count == 0)
            {
                lines.Add((current.ToString(), lines.Count == 0));
            }
            return lines;
        }

        private double Width(string text, XFont font)
        {
            if (text.Length > 2)
            {
                var sum = 0.0;
                var elements = StringInfo.GetTextElementEnumerator(text);
                while (elements.MoveNext())
                {
                    sum += Width(elements.GetTextElement(), font);
                }
                return sum;
            }
            if (!widths.TryGetValue((font, text), out var w))
            {
                w = widths[(font, text)] = gfx.MeasureString(text, font).Width;
            }
            return w;
        }

        private static void Draw(XGraphics g, string text, XFont font, double x, double baseline, double width, XStringAlignment alignment)
        {
            if (text.Length == 0)
            {
                return;
            }
            var format = new XStringFormat { Alignment = alignment, LineAlignment = XLineAlignment.BaseLine };
            g.DrawString(text, font, XBrushes.Black, new XRect(x, baseline, width, 0), format);
        }
    }

    /// <summary>
    /// PDFsharp's font resolver (one instance for the process, as PDFsharp requires): every family and style maps to Noto Serif SC,
    /// bold simulated. The font file comes from npm through the build; without it the app cannot print PDF at all.
    /// </summary>
    private sealed class EmbeddedFont : IFontResolver
    {
        public const string Family = "Noto Serif SC";
        private const string Face = "NotoSerifSC-Regular";
        public static readonly EmbeddedFont Instance = new();
        private readonly Lazy<byte[]> bytes = new(Load);

        public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) => new(Face, bold, italic);

        public byte[] GetFont(string faceName) => bytes.Value;

        private static byte[] Load()
        {
            var path = Path.Combine(AppContext.BaseDirectory, "fonts", Face + ".ttf");
            return File.Exists(path)
                ? File.ReadAllBytes(path)
                : throw new InvalidOperationException($"PDF 所需的中文字体缺失：{path}（由构建从 npm 包 @expo-google-fonts/noto-serif-sc 复制）。");
        }
    }
}
