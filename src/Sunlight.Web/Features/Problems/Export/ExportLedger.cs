using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Problems.Ledger;
using Sunlight.Web.Infrastructure.Database;
using Sunlight.Web.Infrastructure.Import;

namespace Sunlight.Web.Features.Problems.Export;

/// <summary>The ledger as the spreadsheet officials expect (整改台账), with the caller's filters and scope.</summary>
internal sealed class ExportLedger(SunlightDbContext db, TimeProvider clock)
{
    /// <summary>The columns and their widths (characters): 完成情况 is the unit's own text, 状态 the ledger's word for where it stands.</summary>
    public static readonly IReadOnlyDictionary<string, double> Widths = new Dictionary<string, double>
    {
        ["序号"] = 6, ["问题编号"] = 18, ["问题来源"] = 10, ["责任单位"] = 24, ["问题类别"] = 14, ["问题描述"] = 40, ["整改措施"] = 40,
        ["整改时限"] = 12, ["整改进展"] = 30, ["完成情况"] = 30, ["状态"] = 16, ["核查意见"] = 30, ["销账日期"] = 12,
    };

    public static IEnumerable<string> Columns => Widths.Keys;

    public async Task<byte[]> XlsxAsync(ProblemFilter filter, CancellationToken ct)
    {
        var today = ChinaTime.Today(clock);
        var rows = await ProblemList.Apply(db.Set<Problem>().AsNoTracking(), filter, today)
            .OrderBy(p => p.Unit!.Code).ThenBy(p => p.Id)
            .Select(p => new { Problem = p, UnitName = p.Unit!.Name })
            .ToListAsync(ct);
        var sheet = rows.Select((r, i) =>
        {
            var p = r.Problem;
            return (IDictionary<string, object?>)new Dictionary<string, object?>
            {
                ["序号"] = i + 1,
                ["问题编号"] = p.Number,
                ["问题来源"] = ProblemNames.Source(p.Source),
                ["责任单位"] = r.UnitName,
                ["问题类别"] = p.Category,
                ["问题描述"] = p.Description,
                ["整改措施"] = p.Measures ?? "",
                ["整改时限"] = p.Deadline?.ToString("yyyy-MM-dd") ?? "",
                ["整改进展"] = p.LatestProgress ?? "",
                ["完成情况"] = p.Completion ?? "",
                ["状态"] = ProblemNames.State(p.State) + (p.IsOverdueOn(today) ? "（逾期）" : ""),
                ["核查意见"] = p.VerificationOpinion ?? "",
                ["销账日期"] = p.WrittenOffOn?.ToString("yyyy-MM-dd") ?? "",
            };
        }).ToList();
        if (sheet.Count == 0)
        {
            // MiniExcel writes no header for an empty list; the officials' columns must still be there.
            sheet.Add(Columns.ToDictionary(c => c, _ => (object?)null));
        }
        return ImportSheet.Xlsx(sheet, Widths, "整改台账");
    }
}
