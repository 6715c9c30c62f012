using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Problems.Ledger;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;
using Sunlight.Web.Infrastructure.Import;

namespace Sunlight.Web.Features.Campaigns.Checklist;

/// <summary>
/// 导出: each participating unit's self-inspection answer beside the team's assessment, point by point (unit code
/// order), and the problems the campaign put on the list per unit — the spreadsheet the bureau files with its report.
/// </summary>
internal sealed class ExportCampaign(SunlightDbContext db, CampaignScope scope)
{
    public static readonly IReadOnlyDictionary<string, double> Widths = new Dictionary<string, double>
    {
        ["单位"] = 24, ["检查事项"] = 24, ["序号"] = 6, ["检查内容"] = 40, ["自查结论"] = 10, ["情况说明"] = 30, ["佐证材料"] = 24,
        ["督查评价"] = 10, ["督查说明"] = 30, ["是否一致"] = 8, ["问题数"] = 8,
    };

    public async Task<(string Name, byte[] Xlsx)?> XlsxAsync(long id, CancellationToken ct)
    {
        if (await scope.CampaignAsync(id, ct) is not { } c)
        {
            return null;
        }
        var units = (await db.Units.AsNoTracking().Where(u => c.Units.Select(x => x.UnitId).Contains(u.Id)).Select(u => new { u.Id, u.Code, u.Name }).ToListAsync(ct))
            .OrderBy(u => u.Code, StringComparer.Ordinal).ToList();
        var answers = (await db.Set<SelfInspection>().AsNoTracking().Include(s => s.Answers).Where(s => s.CampaignId == id).ToListAsync(ct))
            .SelectMany(s => s.Answers.Select(a => new { s.UnitId, a.PointId, a.Verdict, a.Explanation, a.Evidence })).ToList();
        var team = (await scope.Inspections().AsNoTracking().Include(i => i.Assessments).Where(i => i.CampaignId == id).ToListAsync(ct))
            .SelectMany(i => i.Assessments.Select(a => new { i.UnitId, a.PointId, a.Verdict, a.Note })).ToList();
        var problems = (await db.ProblemsFrom(SelfInspections.RaiseCampaignProblem.SourceType, id)
            .GroupBy(p => p.UnitId).Select(g => new { UnitId = g.Key, Count = g.Count() }).ToListAsync(ct)).ToDictionary(p => p.UnitId, p => p.Count);
        var rows = new List<IDictionary<string, object?>>();
        foreach (var u in units)
        {
            foreach (var item in c.Items.OrderBy(i => i.Number))
            {
                foreach (var p in item.Points.OrderBy(p => p.Number))
                {
                    var a = answers.FirstOrDefault(x => x.UnitId == u.Id && x.PointId == p.Id);
                    var t = team.FirstOrDefault(x => x.UnitId == u.Id && x.PointId == p.Id);
                    rows.Add(new Dictionary<string, object?>
                    {
                        ["单位"] = u.Name, ["检查事项"] = item.Title, ["序号"] = p.Number, ["检查内容"] = p.Text,
                        ["自查结论"] = a is null ? "未作答" : CampaignNames.Verdict(a.Verdict), ["情况说明"] = a?.Explanation ?? "", ["佐证材料"] = a?.Evidence ?? "",
                        ["督查评价"] = t is null ? "" : CampaignNames.Verdict(t.Verdict), ["督查说明"] = t?.Note ?? "",
                        ["是否一致"] = a is null || t is null ? "" : a.Verdict == t.Verdict ? "一致" : "不一致",
                        ["问题数"] = problems.GetValueOrDefault(u.Id),
                    });
                }
            }
        }
        if (rows.Count == 0)
        {
            rows.Add(Widths.Keys.ToDictionary(k => k, _ => (object?)null));
        }
        return ($"{c.Name}-自查与督查.xlsx", ImportSheet.Xlsx(rows, Widths, "自查与督查"));
    }
}

/// <summary>导出 in the browser (the link on the campaign page).</summary>
[Authorize(Policy = CampaignPolicies.Manage)]
internal sealed class ExportModel(ExportCampaign export) : PageModel
{
    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) =>
        await export.XlsxAsync(id, ct) is { } x ? File(x.Xlsx, ImportSheet.XlsxContentType, x.Name) : NotFound();
}

internal static class ExportEndpoint
{
    public static void MapExport(this RouteGroupBuilder campaigns) =>
        campaigns.MapGet("/{id:long}/export", async Task<IResult> (long id, ExportCampaign export, CancellationToken ct) =>
                await export.XlsxAsync(id, ct) is { } x ? TypedResults.File(x.Xlsx, ImportSheet.XlsxContentType, x.Name) : ApiErrors.NotFound("专项治理"))
            .RequireAuthorization(CampaignPolicies.Manage).WithSummary("导出各单位自查结论与督查评价（.xlsx，逐项对照，并列出各单位问题数）");
}
