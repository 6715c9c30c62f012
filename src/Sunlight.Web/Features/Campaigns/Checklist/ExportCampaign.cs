using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Problems.Ledger;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;
using Sunlight.Web.Infrastructure.Export;

namespace Sunlight.Web.Features.Campaigns.Checklist;

/// <summary>
/// 导出: each participating unit's self-inspection answer beside the team's assessment, point by point (unit code
/// order), and the problems the campaign put on the list per unit — the spreadsheet the bureau files with its report.
/// </summary>
internal sealed class ExportCampaign(SunlightDbContext db, CampaignScope scope)
{
    internal sealed record Row(string Unit, string Item, int Number, string Point, string Answer, string Explanation, string Evidence,
        string TeamVerdict, string TeamNote, string Agreement, int Problems);

    public static readonly IReadOnlyList<XlsxColumn<Row>> Columns =
    [
        new("单位", 24, r => r.Unit), new("检查事项", 24, r => r.Item), new("序号", 6, r => r.Number), new("检查内容", 40, r => r.Point),
        new("自查结论", 10, r => r.Answer), new("情况说明", 30, r => r.Explanation), new("佐证材料", 24, r => r.Evidence),
        new("督查评价", 10, r => r.TeamVerdict), new("督查说明", 30, r => r.TeamNote), new("是否一致", 8, r => r.Agreement), new("问题数", 8, r => r.Problems),
    ];

    public async Task<XlsxFile<Row>?> XlsxAsync(long id, CancellationToken ct)
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
        var rows = new List<Row>();
        foreach (var u in units)
        {
            foreach (var item in c.Items.OrderBy(i => i.Number))
            {
                foreach (var p in item.Points.OrderBy(p => p.Number))
                {
                    var a = answers.FirstOrDefault(x => x.UnitId == u.Id && x.PointId == p.Id);
                    var t = team.FirstOrDefault(x => x.UnitId == u.Id && x.PointId == p.Id);
                    rows.Add(new Row(u.Name, item.Title, p.Number, p.Text,
                        a is null ? "未作答" : CampaignNames.Verdict(a.Verdict), a?.Explanation ?? "", a?.Evidence ?? "",
                        t is null ? "" : CampaignNames.Verdict(t.Verdict), t?.Note ?? "",
                        a is null || t is null ? "" : a.Verdict == t.Verdict ? "一致" : "不一致",
                        problems.GetValueOrDefault(u.Id)));
                }
            }
        }
        return XlsxExport.File($"{c.Name}-自查与督查.xlsx", "自查与督查", Columns, rows.ToAsyncEnumerable());
    }
}

/// <summary>导出 in the browser (the link on the campaign page).</summary>
[Authorize(Policy = CampaignPolicies.Manage)]
internal sealed class ExportModel(ExportCampaign export) : PageModel
{
    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) =>
        await export.XlsxAsync(id, ct) is { } x ? x : NotFound();
}

internal static class ExportEndpoint
{
    public static void MapExport(this RouteGroupBuilder campaigns) =>
        campaigns.MapGet("/{id:long}/export", async Task<IResult> (long id, ExportCampaign export, CancellationToken ct) =>
                await export.XlsxAsync(id, ct) is { } x ? x : ApiErrors.NotFound("专项治理"))
            .RequireAuthorization(CampaignPolicies.Manage).WithSummary("导出各单位自查结论与督查评价（.xlsx，逐项对照，并列出各单位问题数）");
}
