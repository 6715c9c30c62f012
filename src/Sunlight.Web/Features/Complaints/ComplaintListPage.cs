using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Complaints.Queries;
using Sunlight.Web.Features.Registry;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Complaints;

/// <summary>The board, the intake queue and the unit's list: one query (scoped by <see cref="ComplaintAccess"/>), three entry points.</summary>
internal abstract class ComplaintListPage(ComplaintQueries queries, SunlightDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public ComplaintState? State { get; set; }
    [BindProperty(SupportsGet = true)] public long? UnitId { get; set; }
    [BindProperty(SupportsGet = true)] public long? CategoryId { get; set; }
    [BindProperty(SupportsGet = true)] public ComplaintChannel? Channel { get; set; }
    [BindProperty(SupportsGet = true)] public bool? Overdue { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public long? After { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? Since { get; set; }
    [BindProperty(SupportsGet = true)] public bool? Satisfied { get; set; }
    [BindProperty(SupportsGet = true)] public bool? AcceptedOnTime { get; set; }

    public Page<ComplaintListItem> Rows { get; private set; } = new([], null);
    public IReadOnlyList<ComplaintCategory> Categories { get; private set; } = [];
    public IReadOnlyList<EnforcementUnit> Units { get; private set; } = [];
    public abstract string Heading { get; }
    public virtual bool ShowFilters => true;

    protected virtual ComplaintState? FixedState => null;

    private ComplaintFilter Filter => new(FixedState ?? State, UnitId, CategoryId, Channel, Overdue, Q, After, Since: Since, Satisfied: Satisfied, AcceptedOnTime: AcceptedOnTime);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Rows = await queries.ListAsync(Filter, ct);
        Categories = await db.Set<ComplaintCategory>().AsNoTracking().OrderBy(c => c.SortOrder).ToListAsync(ct);
        Units = await db.Units.AsNoTracking().Where(u => u.Kind == UnitKind.Enforcement).OrderBy(u => u.Code).ToListAsync(ct);
    }

    /// <summary>The export of exactly this list: the same filters (the page's fixed state included), streamed as .xlsx.</summary>
    public string ExportLink => QueryHelpers.AddQueryString("/api/v1/complaints/export", new Dictionary<string, string?>
    {
        ["State"] = (FixedState ?? State)?.ToString(), ["UnitId"] = UnitId?.ToString(CultureInfo.InvariantCulture),
        ["CategoryId"] = CategoryId?.ToString(CultureInfo.InvariantCulture), ["Channel"] = Channel?.ToString(),
        ["Overdue"] = Overdue?.ToString(), ["Q"] = Q, ["Since"] = Since?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["Satisfied"] = Satisfied?.ToString(), ["AcceptedOnTime"] = AcceptedOnTime?.ToString(),
    }.Where(p => !string.IsNullOrEmpty(p.Value)));
}
