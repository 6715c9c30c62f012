using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Campaigns.Review;

/// <summary>
/// The county's 评查标准: the latest version, created from domain-rules.md's default on first use (veto items, then
/// deductions in 案卷形式 20 and 案卷实体 80; 优秀 ≥ 90, 合格 ≥ 60).
/// </summary>
internal sealed class Rubrics(SunlightDbContext db, TimeProvider clock)
{
    public static readonly (string Code, RubricPart Part, string Text, int Points, DefectCategory Category)[] Default =
    [
        ("V1", RubricPart.Veto, "执法主体不合法", 0, DefectCategory.Subject),
        ("V2", RubricPart.Veto, "执法人员不具备执法资格", 0, DefectCategory.Subject),
        ("V3", RubricPart.Veto, "执法人员少于两人", 0, DefectCategory.Procedure),
        ("V4", RubricPart.Veto, "事实不清", 0, DefectCategory.FactsEvidence),
        ("V5", RubricPart.Veto, "证据不足", 0, DefectCategory.FactsEvidence),
        ("V6", RubricPart.Veto, "适用依据错误", 0, DefectCategory.LegalBasis),
        ("V7", RubricPart.Veto, "违反法定程序", 0, DefectCategory.Procedure),
        ("V8", RubricPart.Veto, "应当移送司法机关而未移送", 0, DefectCategory.LegalBasis),
        ("F1", RubricPart.Form, "缺少立案审批表", 2, DefectCategory.Documents),
        ("F2", RubricPart.Form, "文书未按规定送达", 2, DefectCategory.Procedure),
        ("F3", RubricPart.Form, "卷内目录、页码不全，未按规定归档", 2, DefectCategory.Archiving),
        ("F4", RubricPart.Form, "文书填写不规范、要素缺失", 2, DefectCategory.Documents),
        ("S1", RubricPart.Substance, "缺少调查终结报告", 3, DefectCategory.Procedure),
        ("S2", RubricPart.Substance, "告知书未告知听证权利", 2, DefectCategory.Procedure),
        ("S3", RubricPart.Substance, "引用法律条款不准确、不具体", 3, DefectCategory.LegalBasis),
        ("S4", RubricPart.Substance, "未按裁量基准裁量或未说明裁量理由", 3, DefectCategory.Discretion),
        ("S5", RubricPart.Substance, "证据收集不规范（无来源、无签名）", 3, DefectCategory.FactsEvidence),
        ("S6", RubricPart.Substance, "超过法定期限作出决定且无延期审批", 3, DefectCategory.Procedure),
        ("S7", RubricPart.Substance, "应当法制审核而未审核", 3, DefectCategory.Procedure),
    ];

    public async Task<Rubric> CurrentAsync(CancellationToken ct)
    {
        var latest = await db.Set<Rubric>().Include(r => r.Items).OrderByDescending(r => r.VersionNumber).FirstOrDefaultAsync(ct);
        if (latest is not null)
        {
            return latest;
        }
        var rubric = new Rubric
        {
            RegionCode = db.Scope.RegionCode ?? Platform.Demo.DemoCounty.RegionCode, VersionNumber = 1, Name = "行政执法案卷评查标准（默认）", CreatedAt = clock.GetUtcNow(),
            Items = Default.Select(d => new RubricItem { Code = d.Code, Part = d.Part, Text = d.Text, Points = d.Points, Category = d.Category }).ToList(),
        };
        db.Set<Rubric>().Add(rubric);
        return rubric;
    }

    /// <summary>Grade per the rubric's bands; a veto makes the file 不合格 whatever its points.</summary>
    public static string Grade(Rubric rubric, decimal score, bool vetoed) =>
        vetoed ? "不合格" : score >= rubric.ExcellentFrom ? "优秀" : score >= rubric.PassFrom ? "合格" : "不合格";

    /// <summary>Form 20 and substance 80, each deducted per defect and never below zero; a veto scores 0.</summary>
    public static int Score(IEnumerable<RubricItem> marked)
    {
        var items = marked.ToList();
        if (items.Any(i => i.Part == RubricPart.Veto))
        {
            return 0;
        }
        return Math.Max(0, Rubric.FormPoints - items.Where(i => i.Part == RubricPart.Form).Sum(i => i.Points))
            + Math.Max(0, Rubric.SubstancePoints - items.Where(i => i.Part == RubricPart.Substance).Sum(i => i.Points));
    }
}
