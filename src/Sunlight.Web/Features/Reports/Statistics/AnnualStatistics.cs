using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Enforcement;
using Sunlight.Web.Features.Inspections;
using Sunlight.Web.Features.Registry;
using Sunlight.Web.Infrastructure.Calendar;
using Sunlight.Web.Infrastructure.Database;
using Sunlight.Web.Infrastructure.Documents;
using Sunlight.Web.Infrastructure.Export;

using static Sunlight.Web.Features.Reports.ReportText;

namespace Sunlight.Web.Features.Reports.Statistics;

/// <summary>One unit's (or the county's) acts of the year: per kind from the case register, and the registered 涉企检查.</summary>
internal sealed record StatisticsRow(string UnitName, IReadOnlyList<int> Acts, int Inspections)
{
    public int Total => Acts.Sum();
}

internal sealed record AnnualStatisticsDto(int Year, DateOnly DueOn, bool Complete, IReadOnlyList<StatisticsRow> Units, StatisticsRow County);

/// <summary>
/// 行政执法统计年报: per unit, the enforcement acts of a year by kind (行政许可、处罚、强制、检查、征收、确认、其他) from the case
/// register (counted in the year of 立案/登记), and the enterprise inspections of the year from the inspection register
/// (非执法走访 excluded). Counted from the records every time; due to the bureau by 31 January of the next year.
/// The bureau reads it in its scope; the public disclosure reads the same counts through <see cref="Unscoped.PublicStatistics{T}"/>.
/// </summary>
internal sealed class AnnualStatistics(SunlightDbContext db, TimeProvider clock)
{
    public static readonly CaseKind[] Kinds = [CaseKind.Licensing, CaseKind.Penalty, CaseKind.Coercion, CaseKind.Inspection, CaseKind.Levy, CaseKind.Confirmation, CaseKind.Other];
    public const string InspectionsColumn = "涉企行政检查（次）";

    /// <summary>The statistics as the bureau sees them (its scope).</summary>
    public Task<AnnualStatisticsDto> ForCountyAsync(int year, CancellationToken ct) =>
        BuildAsync(db.EnforcementCases.AsNoTracking(), db.Set<Inspection>().AsNoTracking(), db.Units.AsNoTracking(), year, ct);

    /// <summary>The same counts for the public disclosure (anonymous callers see no unit-owned row otherwise).</summary>
    public Task<AnnualStatisticsDto> ForPublicAsync(int year, CancellationToken ct) =>
        BuildAsync(db.PublicStatistics<EnforcementCase>(), db.PublicStatistics<Inspection>(), db.PublicUnits(), year, ct);

    /// <summary>The years with records, newest first; the public sees only the years that have ended.</summary>
    public async Task<IReadOnlyList<int>> YearsAsync(bool completeOnly, CancellationToken ct)
    {
        var cases = completeOnly ? db.PublicStatistics<EnforcementCase>() : db.EnforcementCases.AsNoTracking();
        var inspections = completeOnly ? db.PublicStatistics<Inspection>() : db.Set<Inspection>().AsNoTracking();
        var first = new[] { await cases.MinAsync(c => c.FiledOn, ct), await inspections.MinAsync(i => (DateOnly?)i.VisitDate, ct) }.Where(d => d is not null).Min();
        var thisYear = ChinaTime.Today(clock).Year;
        var last = completeOnly ? thisYear - 1 : thisYear;
        return first is { } f ? Enumerable.Range(f.Year, Math.Max(0, last - f.Year + 1)).Reverse().ToList() : [];
    }

    private async Task<AnnualStatisticsDto> BuildAsync(IQueryable<EnforcementCase> cases, IQueryable<Inspection> inspections, IQueryable<EnforcementUnit> unitRows,
        int year, CancellationToken ct)
    {
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        var acts = await cases.Where(c => c.FiledOn >= from && c.FiledOn <= to)
            .GroupBy(c => new { c.UnitId, c.Kind }).Select(g => new { g.Key.UnitId, g.Key.Kind, Count = g.Count() }).ToListAsync(ct);
        var visits = await inspections.Where(i => i.VisitDate >= from && i.VisitDate <= to && i.Type != InspectionType.Visit)
            .GroupBy(i => i.UnitId).Select(g => new { UnitId = g.Key, Count = g.Count() }).ToListAsync(ct);
        var units = await unitRows.Where(u => u.Kind == UnitKind.Enforcement).OrderBy(u => u.Code).Select(u => new { u.Id, u.Name }).ToListAsync(ct);
        var rows = units.Select(u => new StatisticsRow(u.Name,
            Kinds.Select(k => acts.Where(a => a.UnitId == u.Id && a.Kind == k).Sum(a => a.Count)).ToList(),
            visits.Where(v => v.UnitId == u.Id).Sum(v => v.Count))).ToList();
        var county = new StatisticsRow("合计", Kinds.Select((_, i) => rows.Sum(r => r.Acts[i])).ToList(), rows.Sum(r => r.Inspections));
        var today = ChinaTime.Today(clock);
        return new AnnualStatisticsDto(year, new DateOnly(year + 1, 1, 31), today > to, rows, county);
    }

    public static IReadOnlyList<string> Header => ["执法单位", .. Kinds.Select(EnforcementNames.Kind), "合计", InspectionsColumn];

    private static IReadOnlyList<string> Cells(StatisticsRow r) =>
        [r.UnitName, .. r.Acts.Select(Num), Num(r.Total), Num(r.Inspections)];

    /// <summary>The year's statistics as a workbook: one row per unit and the county's total row.</summary>
    public static XlsxFile<StatisticsRow> Xlsx(AnnualStatisticsDto s, string fileName)
    {
        IReadOnlyList<XlsxColumn<StatisticsRow>> columns =
        [
            new("执法单位", 28, r => r.UnitName),
            .. Kinds.Select((k, i) => new XlsxColumn<StatisticsRow>(EnforcementNames.Kind(k), 10, r => r.Acts[i])),
            new("合计", 8, r => r.Total),
            new(InspectionsColumn, 18, r => r.Inspections),
        ];
        return XlsxExport.File(fileName, $"{s.Year}年度", columns, s.Units.Append(s.County).ToAsyncEnumerable());
    }

    /// <summary>The year's statistics as the document the bureau files (the same figures as the workbook).</summary>
    public static OfficialDocument Document(AnnualStatisticsDto s, string issuer, DateOnly today)
    {
        var c = s.County;
        var kinds = string.Join("，", Kinds.Select((k, i) => $"{EnforcementNames.Kind(k)}{Num(c.Acts[i])}件"));
        return new OfficialDocument()
            .Title($"{s.Year}年度行政执法统计年报")
            .Centered(issuer)
            .Paragraph($"{s.Year}年{(s.Complete ? "" : "（截至" + today.ToString("M月d日", CultureInfo.InvariantCulture) + "）")}，全县{Num(s.Units.Count)}家执法单位共登记行政执法行为{Num(c.Total)}件，其中{kinds}；"
                + $"登记涉企行政检查{Num(c.Inspections)}次。各单位情况见下表。")
            .Table(Header, s.Units.Append(c).Select(Cells))
            .Paragraph("统计口径：执法行为按立案（登记）日期计入年度，数据取自行政执法案件登记簿；涉企行政检查按检查日期计入，取自涉企检查登记，不含非执法走访。"
                + $"本年报于{Date(s.DueOn)}前报送并公开。")
            .Signature(issuer, today)
            .PageNumbers();
    }
}
