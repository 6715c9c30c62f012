using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Problems.Ledger;
using Sunlight.Web.Infrastructure.Database;
using Sunlight.Web.Infrastructure.Export;

namespace Sunlight.Web.Features.Problems.Export;

/// <summary>The ledger as the spreadsheet officials expect (整改台账), with the caller's filters and scope, streamed.</summary>
internal sealed class ExportLedger(SunlightDbContext db, TimeProvider clock)
{
    internal sealed record Row(long Number, Problem Problem, string UnitName);

    /// <summary>The columns and their widths (characters): 完成情况 is the unit's own text, 状态 the ledger's word for where it stands.</summary>
    public static IReadOnlyList<XlsxColumn<Row>> Columns(DateOnly today) =>
    [
        new("序号", 6, r => r.Number),
        new("问题编号", 18, r => r.Problem.Number),
        new("问题来源", 10, r => ProblemNames.Source(r.Problem.Source)),
        new("责任单位", 24, r => r.UnitName),
        new("问题类别", 14, r => r.Problem.Category),
        new("问题描述", 40, r => r.Problem.Description),
        new("整改措施", 40, r => r.Problem.Measures),
        new("整改时限", 12, r => r.Problem.Deadline),
        new("整改进展", 30, r => r.Problem.LatestProgress),
        new("完成情况", 30, r => r.Problem.Completion),
        new("状态", 16, r => ProblemNames.State(r.Problem.State) + (r.Problem.IsOverdueOn(today) ? "（逾期）" : "")),
        new("核查意见", 30, r => r.Problem.VerificationOpinion),
        new("销账日期", 12, r => r.Problem.WrittenOffOn),
    ];

    public XlsxFile<Row> Run(ProblemFilter filter)
    {
        var today = ChinaTime.Today(clock);
        var rows = ProblemList.Apply(db.Set<Problem>().AsNoTracking(), filter, today)
            .OrderBy(p => p.Unit!.Code).ThenBy(p => p.Id)
            .Select(p => new { Problem = p, UnitName = p.Unit!.Name })
            .AsAsyncEnumerable()
            .Select((r, i) => new Row(i + 1, r.Problem, r.UnitName));
        return XlsxExport.File($"整改台账-{today:yyyyMMdd}.xlsx", "整改台账", Columns(today), rows);
    }
}
