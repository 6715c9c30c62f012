using System.Globalization;
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
/// The Supervisor's and Observer's figures for complaints and problems. Each number is the total of the list page's own
/// query with the filters its link carries (<see cref="ComplaintQueries.ListAsync"/>, <see cref="ProblemList.PageAsync"/>),
/// never a second counter, so clicking it shows exactly those records.
/// </summary>
internal sealed class SupervisionFigures(ComplaintQueries complaints, SunlightDbContext db, TimeProvider clock)
{
    public async Task<IReadOnlyList<FigureGroup>> ForAsync(CancellationToken ct)
    {
        var today = ChinaTime.Today(clock);
        var year = new DateOnly(today.Year, 1, 1);
        var month = new DateOnly(today.Year, today.Month, 1);

        async Task<Figure> Complaints(string label, ComplaintFilter f) =>
            new(label, (await complaints.ListAsync(f with { Limit = 1 }, ct)).Total ?? 0, "/Complaints" + Query(
                ("State", f.State?.ToString()), ("Overdue", f.Overdue?.ToString().ToLowerInvariant()), ("Since", Day(f.Since)),
                ("Satisfied", f.Satisfied?.ToString().ToLowerInvariant())));
        async Task<Figure> Problems(string label, ProblemFilter f) =>
            new(label, (await ProblemList.PageAsync(db, f, null, 1, today, ct)).Total ?? 0, "/Problems" + Query(
                ("State", f.State?.ToString()), ("Source", f.Source?.ToString()), ("Overdue", f.Overdue?.ToString().ToLowerInvariant()), ("Since", Day(f.Since))));

        var groups = new List<FigureGroup>();
        foreach (var (title, since) in new[] { ("本月", month), ("本年", year) })
        {
            var list = new List<Figure> { await Complaints("收到", new ComplaintFilter(Since: since)) };
            foreach (var state in new[] { ComplaintState.Received, ComplaintState.Accepted, ComplaintState.Assigned, ComplaintState.ReplyDrafted, ComplaintState.Replied, ComplaintState.Closed, ComplaintState.Rejected, ComplaintState.Merged })
            {
                list.Add(await Complaints(ComplaintText.State(state), new ComplaintFilter(State: state, Since: since)));
            }
            list.Add(await Complaints("评价满意", new ComplaintFilter(Since: since, Satisfied: true)));
            list.Add(await Complaints("评价不满意", new ComplaintFilter(Since: since, Satisfied: false)));
            groups.Add(new FigureGroup($"投诉举报（{title}收到）", list));
        }
        groups.Add(new FigureGroup("当前逾期", [
            await Complaints("投诉逾期", new ComplaintFilter(Overdue: true)),
            await Problems("整改逾期", new ProblemFilter(Overdue: true)),
        ]));
        var byState = new List<Figure> { await Problems("登记", new ProblemFilter(Since: year)) };
        foreach (var state in Enum.GetValues<ProblemState>())
        {
            byState.Add(await Problems(ProblemNames.State(state), new ProblemFilter(State: state, Since: year)));
        }
        groups.Add(new FigureGroup("问题整改（本年登记，按状态）", byState));
        var bySource = new List<Figure>();
        foreach (var source in Enum.GetValues<ProblemSource>())
        {
            bySource.Add(await Problems(ProblemNames.Source(source), new ProblemFilter(Source: source, Since: year)));
        }
        groups.Add(new FigureGroup("问题整改（本年登记，按来源）", bySource));
        return groups;
    }

    private static string? Day(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Query(params (string Key, string? Value)[] parts)
    {
        var set = parts.Where(p => p.Value is not null).Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value!)}").ToList();
        return set.Count == 0 ? "" : "?" + string.Join("&", set);
    }
}
