using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Sunlight.Web.Features.Leniency.Exemptions;

/// <summary>告知承诺书 as a Word document, with the enterprise, item, facts, education and correction deadline filled in.</summary>
internal static class CommitmentLetter
{
    public static byte[] Build(ExemptionCase e, string unitName)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var body = new Body();
            body.Append(Line("告知承诺书", bold: true, center: true, size: 36));
            body.Append(Line(e.Number, center: true));
            body.Append(Line($"当事人：{e.EnterpriseName}"));
            body.Append(Line($"统一社会信用代码：{e.Uscc}"));
            body.Append(Line($"违法事实：{e.Facts}（违法行为发生日期：{e.ViolationOn:yyyy年M月d日}）"));
            body.Append(Line($"适用事项：{e.ItemName}（{LeniencyNames.Of(e.Kind)}）"));
            body.Append(Line($"法律依据：{e.LegalBasis}"));
            body.Append(Line("经核查，上述违法行为符合以下全部条件："));
            foreach (var c in e.Conditions.OrderBy(c => c.Order))
            {
                body.Append(Line($"{c.Order}. {c.Text}"));
            }
            body.Append(Line($"本机关依法不予行政处罚，并已对当事人进行教育：{e.Education}"));
            body.Append(Line($"当事人承诺：于 {e.CorrectionDeadline:yyyy年M月d日} 前改正上述违法行为，并将整改情况报告{unitName}。逾期未改正或再次违法的，本机关将依法予以处罚。"));
            body.Append(Line("当事人（签字/盖章）：                    日期："));
            body.Append(Line($"{unitName}（盖章）            {e.DecidedOn:yyyy年M月d日}"));
            main.Document = new Document(body);
            main.Document.Save();
        }
        return stream.ToArray();
    }

    private static Paragraph Line(string text, bool bold = false, bool center = false, int size = 24)
    {
        // Schema order: fonts, bold, size.
        var props = new RunProperties(new RunFonts { EastAsia = "宋体" });
        if (bold)
        {
            props.Append(new Bold());
        }
        props.Append(new FontSize { Val = size.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var paragraph = new Paragraph(new Run(props, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        if (center)
        {
            paragraph.PrependChild(new ParagraphProperties(new Justification { Val = JustificationValues.Center }));
        }
        return paragraph;
    }
}
