using MiniExcelLibs;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Problems.Ledger;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Problems.Export;

/// <summary>The ledger as the spreadsheet officials expect (整改台账), with the caller's filters and scope.</summary>
internal sealed class ExportLedger(SunlightDbContext db, TimeProvider clock)
{
    public static readonly string[] Columns = ["序号", "问题来源", "责任单位", "问题类别", "问题描述", "整改措施", "整改时限", "整改进展", "完成情况", "核查意见", "销号日期"];

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
            return new Dictionary<string, object?>
            {
                ["序号"] = i + 1,
                ["问题来源"] = ProblemNames.Source(p.Source),
                ["责任单位"] = r.UnitName,
                ["问题类别"] = p.Category,
                ["问题描述"] = p.Description,
                ["整改措施"] = p.Measures ?? "",
                ["整改时限"] = p.Deadline?.ToString("yyyy-MM-dd") ?? "",
                ["整改进展"] = p.LatestProgress ?? "",
                ["完成情况"] = p.State switch
                {
                    ProblemState.WrittenOff => "已完成整改",
                    ProblemState.AwaitingVerification => "已完成，待核查：" + p.Completion,
                    _ when p.IsOverdueOn(today) => "逾期未完成",
                    _ => ProblemNames.State(p.State),
                },
                ["核查意见"] = p.VerificationOpinion ?? "",
                ["销号日期"] = p.WrittenOffOn?.ToString("yyyy-MM-dd") ?? "",
            };
        }).ToList();
        if (sheet.Count == 0)
        {
            // MiniExcel writes no header for an empty list; the officials' columns must still be there.
            sheet.Add(Columns.ToDictionary(c => c, _ => (object?)null));
        }
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(sheet, sheetName: "整改台账", cancellationToken: ct);
        return stream.ToArray();
    }
}
