using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Complaints;
using Sunlight.Web.Features.Complaints.Queries;
using Sunlight.Web.Features.Problems;
using Sunlight.Web.Features.Problems.Ledger;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.WorkHome;

/// <summary>One number and the list of exactly the records it counts.</summary>
internal sealed record Figure(string Label, int Value, string Link);

internal sealed record FigureGroup(string Title, IReadOnlyList<Figure> Figures);

/// <summary>
/// The Supervisor's and Observer's figures for complaints and problems. Each number is counted on the list page's own
/// query (<see cref="ComplaintQueries.FilteredAsync"/>, <see cref="ProblemList.Filtered"/>) with the filters its link carries,
/// never a second counter, so clicking it shows exactly those records. The figures of one filter that differ only by
/// state, source or rating are one grouped count of that filter's query (a handful of queries, not one per number).
/// </summary>
internal sealed class SupervisionFigures(ComplaintQueries complaints, SunlightDbContext db, TimeProvider clock)
{
    private static readonly ComplaintState[] ComplaintStates =
    [
        ComplaintState.Received, ComplaintState.Accepted, ComplaintState.Assigned, ComplaintState.ReplyDrafted, ComplaintState.Replied,
        ComplaintState.Closed, ComplaintState.Rejected, ComplaintState.Merged,
    ];

    public async Task<IReadOnlyList<FigureGroup>> ForAsync(CancellationToken ct)
    {
        var today = ChinaTime.Today(clock);
        var year = new DateOnly(today.Year, 1, 1);
        var month = new DateOnly(today.Year, today.Month, 1);

        Task<IQueryable<Complaint>> ComplaintRows(ComplaintFilter f) => complaints.FilteredAsync(f, today, ct);
        IQueryable<Problem> ProblemRows(ProblemFilter f) => ProblemList.Filtered(db, f, today);

        var groups = new List<FigureGroup>();
        foreach (var (title, since) in new[] { ("本月", month), ("本年", year) })
        {
            var received = new ComplaintFilter(Since: since);
            var counts = await (await ComplaintRows(received))
                .GroupBy(c => new { c.State, c.Satisfied }).Select(g => new { g.Key.State, g.Key.Satisfied, Count = g.Count() }).ToListAsync(ct);
            var onTime = received with { AcceptedOnTime = true };
            var list = new List<Figure>
            {
                Of("收到", received, counts.Sum(c => c.Count)),
                Of("按时受理", onTime, await (await ComplaintRows(onTime)).CountAsync(ct)),
            };
            list.AddRange(ComplaintStates.Select(s => Of(ComplaintText.State(s), received with { State = s }, counts.Where(c => c.State == s).Sum(c => c.Count))));
            list.Add(Of("评价满意", received with { Satisfied = true }, counts.Where(c => c.Satisfied == true).Sum(c => c.Count)));
            list.Add(Of("评价不满意", received with { Satisfied = false }, counts.Where(c => c.Satisfied == false).Sum(c => c.Count)));
            groups.Add(new FigureGroup($"投诉举报（{title}收到）", list));
        }
        var lateComplaints = new ComplaintFilter(Overdue: true);
        var lateProblems = new ProblemFilter(Overdue: true);
        groups.Add(new FigureGroup("当前逾期", [
            Of("投诉逾期", lateComplaints, await (await ComplaintRows(lateComplaints)).CountAsync(ct)),
            Of("整改逾期", lateProblems, await ProblemRows(lateProblems).CountAsync(ct)),
        ]));
        var raised = new ProblemFilter(Since: year);
        var problems = await ProblemRows(raised)
            .GroupBy(p => new { p.State, p.Source }).Select(g => new { g.Key.State, g.Key.Source, Count = g.Count() }).ToListAsync(ct);
        groups.Add(new FigureGroup("问题整改（本年登记，按状态）", [
            Of("登记", raised, problems.Sum(p => p.Count)),
            .. Enum.GetValues<ProblemState>().Select(s => Of(ProblemNames.State(s), raised with { State = s }, problems.Where(p => p.State == s).Sum(p => p.Count))),
        ]));
        groups.Add(new FigureGroup("问题整改（本年登记，按来源）",
            Enum.GetValues<ProblemSource>().Select(s => Of(ProblemNames.Source(s), raised with { Source = s }, problems.Where(p => p.Source == s).Sum(p => p.Count))).ToList()));
        return groups;
    }

    private static Figure Of(string label, ComplaintFilter f, int value) => new(label, value, "/Complaints" + Query(
        ("State", f.State?.ToString()), ("Overdue", Bool(f.Overdue)), ("Since", Day(f.Since)), ("Satisfied", Bool(f.Satisfied)),
        ("AcceptedOnTime", Bool(f.AcceptedOnTime))));

    private static Figure Of(string label, ProblemFilter f, int value) => new(label, value, "/Problems" + Query(
        ("State", f.State?.ToString()), ("Source", f.Source?.ToString()), ("Overdue", Bool(f.Overdue)), ("Since", Day(f.Since))));

    private static string? Bool(bool? b) => b?.ToString().ToLowerInvariant();

    private static string? Day(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Query(params (string Key, string? Value)[] parts)
    {
        var set = parts.Where(p => p.Value is not null).Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value!)}").ToList();
        return set.Count == 0 ? "" : "?" + string.Join("&", set);
    }
}
