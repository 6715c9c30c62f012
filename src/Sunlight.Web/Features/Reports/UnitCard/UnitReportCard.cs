using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Campaigns;
using Sunlight.Web.Features.Complaints;
using Sunlight.Web.Features.Enforcement;
using Sunlight.Web.Features.Inspections;
using Sunlight.Web.Features.Problems;
using Sunlight.Web.Infrastructure.Calendar;
using Sunlight.Web.Infrastructure.Database;
using Sunlight.Web.Infrastructure.Documents;

using static Sunlight.Web.Features.Reports.ReportText;

namespace Sunlight.Web.Features.Reports.UnitCard;

/// <summary>
/// 单位执法监督情况 (report card) of one unit for a period: its complaints (交办、办结、按期、满意), problems and their
/// rectification (ledger states), legality warnings, case-file review scores and enterprise inspections — each counted
/// from the records in the caller's scope. A unit account gets its own unit's card only (another unit's is not found).
/// </summary>
internal sealed class UnitReportCard(SunlightDbContext db, TimeProvider clock)
{
    public async Task<OfficialDocument?> BuildAsync(long unitId, DateOnly from, DateOnly to, CancellationToken ct)
    {
        if (db.Scope.UnitId is { } own && own != unitId)
        {
            return null;
        }
        var unit = await db.Units.AsNoTracking().Where(u => u.Id == unitId).Select(u => new { u.Name, u.RegionCode }).FirstOrDefaultAsync(ct);
        if (unit is null)
        {
            return null;
        }
        var today = ChinaTime.Today(clock);
        // Instants in UTC (PostgreSQL's timestamptz takes no other offset).
        var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), ChinaTime.Offset).ToUniversalTime();
        var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), ChinaTime.Offset).ToUniversalTime();

        var complaints = await db.Set<Complaint>().AsNoTracking().Where(c => c.AssignedUnitId == unitId && c.AssignedAt >= start && c.AssignedAt < end)
            .Select(c => new { c.State, c.RepliedAt, c.ResolveDueDate, c.Satisfied }).ToListAsync(ct);
        var replied = complaints.Where(c => c.RepliedAt is not null).ToList();
        var onTime = replied.Count(c => c.ResolveDueDate is { } due && DateOnly.FromDateTime(ChinaTime.ToChina(c.RepliedAt!.Value).DateTime) <= due);
        var rated = complaints.Where(c => c.Satisfied is not null).ToList();

        var problems = await db.Set<Problem>().AsNoTracking().Where(p => p.UnitId == unitId && p.RaisedOn >= from && p.RaisedOn <= to)
            .Select(p => new { p.State, p.Deadline, p.PausedOn }).ToListAsync(ct);
        int State(ProblemState s) => problems.Count(p => p.State == s);
        var overdue = problems.Count(p => ProblemLateness.IsOverdue(p.State, p.Deadline, today, p.PausedOn));

        var warnings = await db.Warnings.AsNoTracking().Where(w => w.UnitId == unitId && w.RaisedAt >= start && w.RaisedAt < end)
            .GroupBy(w => w.State).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);

        var reviews = await db.Set<CaseFileReview>().AsNoTracking()
            .Where(r => r.UnitId == unitId && r.FinalScore != null && db.Set<Campaigns.Campaign>().Any(c => c.Id == r.Plan!.CampaignId && c.StartsOn <= to && c.EndsOn >= from))
            .Select(r => new { r.FinalScore, r.Grade, Defects = r.Defects.Count }).ToListAsync(ct);

        var inspections = await db.Set<Inspection>().AsNoTracking().Where(i => i.UnitId == unitId && i.VisitDate >= from && i.VisitDate <= to)
            .Select(i => new { i.Type, i.State, i.JointInspectionId }).ToListAsync(ct);

        var period = $"{Date(from)}至{Date(to)}";
        var doc = new OfficialDocument()
            .Title($"{unit.Name}执法监督情况")
            .Centered($"（{period}）")
            .Heading("一、投诉举报办理")
            .Paragraph($"期间交办{unit.Name}办理的投诉举报{Num(complaints.Count)}件，已答复{Num(replied.Count)}件，其中按期答复{Num(onTime)}件"
                + $"（按期率{Rate(onTime, replied.Count)}）；已办结{Num(complaints.Count(c => c.State == ComplaintState.Closed))}件；"
                + $"投诉人评价{Num(rated.Count)}件，满意{Num(rated.Count(c => c.Satisfied == true))}件（满意率{Rate(rated.Count(c => c.Satisfied == true), rated.Count)}）。")
            .Heading("二、问题整改")
            .Paragraph($"期间登记问题{Num(problems.Count)}个：已销账{Num(State(ProblemState.WrittenOff))}个，待核账{Num(State(ProblemState.AwaitingVerification))}个，"
                + $"整改中{Num(State(ProblemState.Rectifying))}个，待制定整改措施{Num(State(ProblemState.Raised))}个，异议待裁定{Num(State(ProblemState.Disputed))}个；"
                + $"超过整改时限未完成{Num(overdue)}个。")
            .Heading("三、合法性预警")
            .Paragraph($"期间产生合法性预警{Num(warnings.Sum(w => w.Count))}条，"
                + string.Join("，", warnings.OrderBy(w => w.Key).Select(w => $"{EnforcementNames.State(w.Key)}{Num(w.Count)}条")) + "。")
            .Heading("四、案卷评查")
            .Paragraph(reviews.Count == 0
                ? "期间无评查案卷。"
                : $"期间评查案卷{Num(reviews.Count)}卷，平均得分{reviews.Average(r => r.FinalScore!.Value).ToString("0.0", CultureInfo.InvariantCulture)}分，"
                    + string.Join("，", reviews.GroupBy(r => r.Grade ?? "未定等次").OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}{Num(g.Count())}卷"))
                    + $"；发现瑕疵{Num(reviews.Sum(r => r.Defects))}个。")
            .Heading("五、涉企行政检查")
            .Paragraph($"期间登记涉企检查{Num(inspections.Count)}次，其中日常检查{Num(inspections.Count(i => i.Type == InspectionType.Routine))}次，"
                + $"专项检查{Num(inspections.Count(i => i.Type == InspectionType.Special))}次，个案检查{Num(inspections.Count(i => i.Type == InspectionType.CaseDriven))}次，"
                + $"非执法走访{Num(inspections.Count(i => i.Type == InspectionType.Visit))}次；参加联合检查{Num(inspections.Count(i => i.JointInspectionId != null))}次；"
                + $"已录入结果{Num(inspections.Count(i => i.State == InspectionState.Done))}次。")
            .Signature(await ReportIssuer.NameAsync(db.PublicUnits().Where(u => u.RegionCode == unit.RegionCode), ct), today)
            .PageNumbers();
        return doc;
    }

    private static string Rate(int part, int whole) =>
        whole == 0 ? "—" : (100.0 * part / whole).ToString("0.0", CultureInfo.InvariantCulture) + "%";
}
