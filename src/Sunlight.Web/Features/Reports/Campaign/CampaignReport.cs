using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Campaigns;
using Sunlight.Web.Features.Campaigns.Figures;
using Sunlight.Web.Features.Campaigns.SelfInspections;
using Sunlight.Web.Features.Problems;
using Sunlight.Web.Features.Problems.Ledger;
using Sunlight.Web.Infrastructure.Calendar;
using Sunlight.Web.Infrastructure.Database;
using Sunlight.Web.Infrastructure.Documents;

using static Sunlight.Web.Features.Reports.ReportText;

namespace Sunlight.Web.Features.Reports.Campaign;

/// <summary>
/// 专项治理工作情况报告: the campaign's figures (<see cref="CampaignFigures"/>, the same use case as
/// <c>GET /api/v1/campaigns/{id}/figures</c>) written out as the bureau reports them, with the units' table, the problem
/// categories and the rectification progress read from the problem ledger (对账 · 核账 · 销账) — no counter of its own.
/// One <see cref="OfficialDocument"/>, rendered as .docx or PDF by the caller.
/// </summary>
internal sealed class CampaignReport(SunlightDbContext db, CampaignScope scope, CampaignFigures figures, TimeProvider clock)
{
    public async Task<OfficialDocument?> BuildAsync(long id, CancellationToken ct)
    {
        var campaign = await scope.Campaigns().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (campaign is null || await figures.AllAsync(id, ct) is not { } all)
        {
            return null;
        }
        var today = ChinaTime.Today(clock);
        var f = all.Figures.ToDictionary(x => x.Key);
        int V(string key) => f[key].Value;
        var categories = f["problems"].Breakdown!.Single(b => b.Key == "problems-by-category").Breakdown!;
        var sources = f["problems"].Breakdown!.Single(b => b.Key == "problems-by-source").Breakdown!;
        var defects = f["case-file-defects"].Breakdown!;

        var problems = await db.ProblemsFrom(RaiseCampaignProblem.SourceType, id).AsNoTracking()
            .Select(p => new { p.UnitId, p.State, p.Deadline, p.PausedOn }).ToListAsync(ct);
        var units = (await figures.Query(id, "units-participating")!.ToListAsync(ct)).OrderBy(u => u.Detail, StringComparer.Ordinal).ToList();
        var selfInspected = (await figures.Query(id, "units-self-inspected")!.ToListAsync(ct)).Select(r => r.Title).ToHashSet();
        var supervised = (await figures.Query(id, "units-supervised")!.ToListAsync(ct)).Select(r => r.Title).ToHashSet();
        var issuer = await ReportIssuer.NameAsync(db.PublicUnits().Where(u => u.RegionCode == campaign.RegionCode), ct);

        int Count(ProblemState state, long? unit = null) => problems.Count(p => p.State == state && (unit == null || p.UnitId == unit));
        int Overdue(long? unit = null) => problems.Count(p => (unit == null || p.UnitId == unit) && ProblemLateness.IsOverdue(p.State, p.Deadline, today, p.PausedOn));
        var threeSystems = categories.FirstOrDefault(c => c.Label == "三项制度落实")?.Value ?? 0;

        var doc = new OfficialDocument()
            .Title($"关于{campaign.Name}工作情况的报告")
            .Heading("一、基本情况")
            .Paragraph($"{campaign.Name}于{Date(campaign.StartsOn)}启动，{(campaign.State == CampaignState.Closed ? "已于" + Date(campaign.EndsOn) + "结束" : "计划于" + Date(campaign.EndsOn) + "结束")}，"
                + $"治理范围为{campaign.Scope}{(campaign.ScopeSince is { } since && !campaign.Scope.Contains("以来", StringComparison.Ordinal) ? "（" + Date(since) + "以来的执法活动）" : "")}。"
                + (campaign.Plan is { Length: > 0 } plan ? $"实施方案：{plan.TrimEnd('。')}。" : ""))
            .Paragraph($"全县{V("units-participating")}家执法单位参与专项治理，{V("units-self-inspected")}家单位完成自查。"
                + $"采取自查与检查相结合的方式，对{V("units-supervised")}家执法单位开展集中专项督导检查，走访企业{V("enterprises-visited")}家，"
                + $"共发现问题{V("problems")}个，其中在落实行政执法公示、记录、法制审核“三项制度”方面问题{threeSystems}个；"
                + $"抽评涉企执法案卷{V("case-files-reviewed")}卷，发现执法程序、法律适用等瑕疵问题{V("case-file-defects")}个。"
                + $"截至{Date(today)}，已销账问题{V("problems-written-off")}个。")
            .Heading("二、发现的问题")
            .Paragraph($"按问题类别统计，共{V("problems")}个问题：" + string.Join("；", categories.Select(c => $"{c.Label}{c.Value}个")) + "。")
            .Table(["问题类别", "问题数"], categories.Select(c => (IReadOnlyList<string>)[c.Label, Num(c.Value)]).Append(["合计", Num(V("problems"))]))
            .Table(["问题来源", "问题数"], sources.Select(c => (IReadOnlyList<string>)[c.Label, Num(c.Value)]).Append(["合计", Num(V("problems"))]));
        if (defects.Count > 0)
        {
            doc.Paragraph($"案卷评查共评查案卷{V("case-files-reviewed")}卷，发现瑕疵{V("case-file-defects")}个，按类别：" + string.Join("；", defects.Select(d => $"{d.Label}{d.Value}个")) + "。")
                .Table(["瑕疵类别", "个数"], defects.Select(d => (IReadOnlyList<string>)[d.Label, Num(d.Value)]).Append(["合计", Num(V("case-file-defects"))]));
        }
        doc.Heading("三、各单位情况")
            .Table(["执法单位", "自查", "督查", "发现问题", "已销账", "逾期未整改"],
                units.Select(u => (IReadOnlyList<string>)[u.Title, selfInspected.Contains(u.Title) ? "已提交" : "未提交", supervised.Contains(u.Title) ? "已督查" : "—",
                    Num(problems.Count(p => p.UnitId == u.Id)), Num(Count(ProblemState.WrittenOff, u.Id)), Num(Overdue(u.Id))]))
            .Heading("四、整改进展")
            .Paragraph($"针对发现的问题，督促相关行政执法单位逐条逐项推进整改，做到对账、核账、销账。截至{Date(today)}，{problems.Count}个问题中，"
                + $"已销账{Count(ProblemState.WrittenOff)}个，待核账{Count(ProblemState.AwaitingVerification)}个，整改中{Count(ProblemState.Rectifying)}个，"
                + $"待制定整改措施{Count(ProblemState.Raised)}个，异议待裁定{Count(ProblemState.Disputed)}个，异议成立已撤销{Count(ProblemState.Dismissed)}个；"
                + $"超过整改时限未完成{Overdue()}个。")
            .Table(["执法单位", "问题数", "待制定措施", "整改中", "待核账", "已销账", "逾期"],
                units.Where(u => problems.Any(p => p.UnitId == u.Id))
                    .Select(u => Progress(u.Title, problems.Count(p => p.UnitId == u.Id), s => Count(s, u.Id), Overdue(u.Id)))
                    .Append(Progress("合计", problems.Count, s => Count(s), Overdue())))
            .Signature(issuer, today)
            .PageNumbers();
        return doc;
    }

    private static IReadOnlyList<string> Progress(string name, int total, Func<ProblemState, int> count, int overdue) =>
        [name, Num(total), Num(count(ProblemState.Raised)), Num(count(ProblemState.Rectifying)), Num(count(ProblemState.AwaitingVerification)), Num(count(ProblemState.WrittenOff)), Num(overdue)];
}
