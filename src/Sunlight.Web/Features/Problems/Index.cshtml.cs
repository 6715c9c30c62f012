using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Problems.Categories;
using Sunlight.Web.Features.Problems.Ledger;
using Sunlight.Web.Features.Registry;
using Sunlight.Web.Features.WorkHome;
using Sunlight.Web.Infrastructure.Calendar;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Problems;

/// <summary>The ledger: the county's for Supervisors and Observers, the unit's own (with its task list) for UnitStaff.</summary>
[Authorize(Policy = ProblemPolicies.Read)]
internal sealed class IndexModel(SunlightDbContext db, ProblemCategories categories, IAuthorizationService authorization, TimeProvider clock, WorkingCalendar calendar) : PageModel
{
    [BindProperty(SupportsGet = true)] public long? UnitId { get; set; }
    [BindProperty(SupportsGet = true)] public ProblemSource? Source { get; set; }
    [BindProperty(SupportsGet = true)] public string? Category { get; set; }
    [BindProperty(SupportsGet = true)] public ProblemState? State { get; set; }
    [BindProperty(SupportsGet = true)] public bool Overdue { get; set; }
    [BindProperty(SupportsGet = true)] public long? After { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? Since { get; set; }

    public Page<ProblemDto> Ledger { get; private set; } = new([], null);
    public List<ProblemDto> Tasks { get; private set; } = [];
    public List<(long Id, string Name)> Units { get; private set; } = [];
    public List<string> Categories { get; private set; } = [];
    /// <summary>A unit's staff: the unit's own ledger with its task list.</summary>
    public bool IsUnitStaff { get; private set; }
    public bool CanRaise { get; private set; }
    public bool CanImport { get; private set; }
    public string ExportQuery => Request.QueryString.Value ?? "";

    /// <summary>
    /// The deadline the unit works to, in working days on the holiday calendar (剩余/逾期 N 个工作日), and the date with
    /// what it is due for (the tooltip): measures while raised, the rectification while under way; a stopped clock says so;
    /// afterwards the rectification deadline as a date.
    /// </summary>
    public (string Text, string Title)? Due(ProblemDto p)
    {
        var today = ChinaTime.Today(clock);
        string Days(DateOnly due) => WorkHomeQuery.DueText(calendar, due, today);
        var uncertain = p.DeadlineUncertain ? "（超出已载入的节假日历，按周末推算）" : "";
        return p switch
        {
            { PausedOn: not null } => ("暂停计时", $"自 {p.PausedOn:yyyy-MM-dd} 起暂停计时"),
            { State: ProblemState.Raised } => (Days(p.PlanDueOn), $"制定整改措施期限 {p.PlanDueOn:yyyy-MM-dd}"),
            { State: ProblemState.Rectifying, Deadline: { } d } => (Days(d), $"整改时限 {d:yyyy-MM-dd}{uncertain}"),
            { Deadline: { } d } => (d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + (p.DeadlineUncertain ? "*" : ""), $"整改时限{uncertain}"),
            _ => null,
        };
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = ChinaTime.Today(clock);
        IsUnitStaff = (await authorization.AuthorizeAsync(User, ProblemPolicies.Rectify)).Succeeded;
        CanRaise = (await authorization.AuthorizeAsync(User, ProblemPolicies.Raise)).Succeeded;
        CanImport = (await authorization.AuthorizeAsync(User, ProblemPolicies.Verify)).Succeeded;
        Ledger = await ProblemList.PageAsync(db, new ProblemFilter(UnitId, Source, Category, State, Overdue ? true : null, Since: Since), After, null, today, ct);
        Units = (await db.Units.AsNoTracking().Where(u => u.Kind == UnitKind.Enforcement).OrderBy(u => u.Code).Select(u => new { u.Id, u.Name }).ToListAsync(ct))
            .Select(u => (u.Id, u.Name)).ToList();
        Categories = (await categories.ListAsync(false, ct)).Select(c => c.Name).ToList();
        if (IsUnitStaff)
        {
            // 我的待办: what the unit must do next, most urgent first.
            var open = await db.Set<Problem>().AsNoTracking()
                .Where(p => p.State == ProblemState.Raised || p.State == ProblemState.Rectifying)
                .Select(p => new { Problem = p, UnitName = p.Unit!.Name }).ToListAsync(ct);
            Tasks = open.Select(r => ProblemDto.From(r.Problem, r.UnitName, today))
                .OrderBy(p => p.Deadline ?? p.PlanDueOn).ToList();
        }
    }
}
