using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Campaigns.SelfInspections;
using Sunlight.Web.Features.Problems;
using Sunlight.Web.Features.Problems.Ledger;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Calendar;
using Sunlight.Web.Infrastructure.Database;
using Sunlight.Web.Infrastructure.Documents;

namespace Sunlight.Web.Features.Campaigns.Supervision;

/// <summary>督查通知书 (what the team found: the points where it differs from the unit's self-inspection) or 整改通知书 (the problems to rectify).</summary>
internal enum SupervisionDocumentKind
{
    Notice,
    Rectification,
}

/// <summary>
/// The supervision documents of one unit's inspection as .docx (<see cref="OfficialDocument"/>): the unit, the facts
/// (the team's differing verdicts, or the problems raised by the team), the basis (the campaign's implementation plan),
/// the correction required and the response deadline in working days.
/// </summary>
internal sealed class SupervisionDocuments(SunlightDbContext db, CampaignScope scope, WorkingCalendar calendar, TimeProvider clock)
{
    public const int ResponseWorkingDays = 15;
    public const string Issuer = "县司法局（县人民政府行政执法监督机构）";

    public async Task<(string Name, byte[] Docx)?> BuildAsync(long inspectionId, SupervisionDocumentKind kind, CancellationToken ct)
    {
        if (await Comparison.LoadAsync(db, scope, inspectionId, ct) is not { } c)
        {
            return null;
        }
        var campaignId = await db.Set<SupervisoryInspection>().Where(i => i.Id == inspectionId).Select(i => i.CampaignId).FirstAsync(ct);
        var campaign = await db.Set<Campaign>().AsNoTracking().Where(x => x.Id == campaignId).Select(x => new { x.Id, x.Name, x.Plan }).FirstAsync(ct);
        var today = ChinaTime.Today(clock);
        var due = calendar.AddWorkingDays(today, ResponseWorkingDays).Date;
        var title = kind == SupervisionDocumentKind.Notice ? "行政执法监督通知书" : "行政执法监督整改通知书";
        var doc = new OfficialDocument().Title(title).Line($"{c.UnitName}：")
            .Paragraph($"根据{campaign.Name}工作安排{(campaign.Plan is null ? "" : $"（{campaign.Plan}）")}，督查组对你单位开展了督查"
                + (c.Visits.Count == 0 ? "。" : $"（{string.Join("、", c.Visits.Select(v => v.MethodText).Distinct())}）。"));
        if (kind == SupervisionDocumentKind.Notice)
        {
            var differing = c.Rows.Where(r => r.Differs).ToList();
            doc.Heading("一、督查发现的情况").Paragraph(differing.Count == 0 ? "督查评价与你单位自查结论一致。" : $"以下 {differing.Count} 项检查内容的督查评价与你单位自查结论不一致：")
                .Table(["序号", "检查内容", "单位自查", "督查评价"], differing.Select(r => (IReadOnlyList<string>)[$"{r.PointNumber}", r.PointText,
                    r.UnitVerdict ?? "未作答", (r.TeamVerdict ?? "") + (r.TeamNote is null ? "" : $"：{r.TeamNote}")]));
        }
        else
        {
            var problems = await db.ProblemsFrom(RaiseCampaignProblem.SourceType, campaign.Id)
                .Where(p => p.UnitId == c.UnitId && p.Source == ProblemSource.SupervisoryInspection)
                .OrderBy(p => p.Id).Select(p => new { p.Number, p.Category, p.Description }).ToListAsync(ct);
            doc.Heading("一、需要整改的问题").Paragraph(problems.Count == 0 ? "督查未发现需要整改的问题。" : $"督查发现以下 {problems.Count} 个问题，已列入问题清单：")
                .Table(["问题编号", "类别", "问题描述"], problems.Select(p => (IReadOnlyList<string>)[p.Number, p.Category, p.Description]));
        }
        return ($"{title}-{c.UnitName}.docx", doc
            .Heading("二、整改要求")
            .Paragraph($"请你单位对照上述情况认真核查整改，于 {due:yyyy年M月d日} 前（{ResponseWorkingDays} 个工作日内）将整改情况书面报送县司法局，并在问题清单中报送整改进展。")
            .Heading("三、依据")
            .Paragraph("《行政执法监督条例》及本次专项治理实施方案。")
            .Signature(Issuer, today)
            .Footer($"督查编号 {c.InspectionId}")
            .ToBytes());
    }
}

/// <summary>督查通知书 / 整改通知书 in the browser (links on the inspection page).</summary>
[Authorize(Policy = CampaignPolicies.Inspect)]
internal sealed class SupervisionDocumentModel(SupervisionDocuments documents) : PageModel
{
    public async Task<IActionResult> OnGetAsync(long id, SupervisionDocumentKind kind, CancellationToken ct) =>
        await documents.BuildAsync(id, kind, ct) is { } d ? File(d.Docx, OfficialDocument.ContentType, d.Name) : NotFound();
}

internal static class SupervisionDocumentEndpoint
{
    public static void MapSupervisionDocument(this RouteGroupBuilder campaigns) =>
        campaigns.MapGet("/inspections/{id:long}/documents/{kind}", async Task<IResult> (long id, SupervisionDocumentKind kind, SupervisionDocuments documents, CancellationToken ct) =>
                await documents.BuildAsync(id, kind, ct) is { } d ? TypedResults.File(d.Docx, OfficialDocument.ContentType, d.Name) : ApiErrors.NotFound("督查"))
            .RequireAuthorization(CampaignPolicies.Inspect).WithSummary("督查通知书（Notice）/ 整改通知书（Rectification），.docx，含整改要求和 15 个工作日的书面报告期限");
}
