using Sunlight.Web.Infrastructure.Documents;

namespace Sunlight.Web.Features.Leniency.Exemptions;

/// <summary>告知承诺书 as a Word document, with the enterprise, item, facts, education and correction deadline filled in.</summary>
internal static class CommitmentLetter
{
    public static byte[] Build(ExemptionCase e, string unitName)
    {
        var doc = new OfficialDocument()
            .Title("告知承诺书")
            .Centered(e.Number)
            .Line($"当事人：{e.EnterpriseName}")
            .Line($"统一社会信用代码：{e.Uscc}")
            .Paragraph($"违法事实：{e.Facts}（违法行为发生日期：{e.ViolationOn:yyyy年M月d日}）")
            .Paragraph($"适用事项：{e.ItemName}（{LeniencyNames.Of(e.Kind)}）")
            .Paragraph($"法律依据：{e.LegalBasis}")
            .Paragraph("经核查，上述违法行为符合以下全部条件：");
        foreach (var c in e.Conditions.OrderBy(c => c.Order))
        {
            doc.Paragraph($"{c.Order}. {c.Text}");
        }
        return doc
            .Paragraph($"本机关依法不予行政处罚，并已对当事人进行教育：{e.Education}")
            .Paragraph($"当事人承诺：于 {e.CorrectionDeadline:yyyy年M月d日} 前改正上述违法行为，并将整改情况报告{unitName}。逾期未改正或再次违法的，本机关将依法予以处罚。")
            .Line("当事人（签字/盖章）：                    日期：")
            .Signature($"{unitName}（盖章）", e.DecidedOn)
            .ToBytes();
    }
}
