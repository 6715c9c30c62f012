using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Complaints.Queries;
using Sunlight.Web.Features.Registry;
using Sunlight.Web.Infrastructure.Database;
using Sunlight.Web.Infrastructure.Import;

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

    public Page<ComplaintListItem> Rows { get; private set; } = new([], null);
    public IReadOnlyList<ComplaintCategory> Categories { get; private set; } = [];
    public IReadOnlyList<EnforcementUnit> Units { get; private set; } = [];
    public abstract string Heading { get; }
    public virtual bool ShowFilters => true;

    protected virtual ComplaintState? FixedState => null;

    private ComplaintFilter Filter => new(FixedState ?? State, UnitId, CategoryId, Channel, Overdue, Q, After, Since: Since, Satisfied: Satisfied);

    /// <summary>The export's columns and widths: the matter and its handling, never who filed it.</summary>
    private static readonly IReadOnlyDictionary<string, double> ExportWidths = new Dictionary<string, double>
    {
        ["查询码"] = 16, ["收到时间"] = 18, ["渠道"] = 14, ["类别"] = 14, ["被投诉单位"] = 24, ["涉及企业"] = 24, ["办理单位"] = 24,
        ["状态"] = 12, ["期限"] = 12, ["是否逾期"] = 10, ["内容摘要"] = 50,
    };

    public async Task OnGetAsync(CancellationToken ct)
    {
        Rows = await queries.ListAsync(Filter, ct);
        Categories = await db.Set<ComplaintCategory>().AsNoTracking().OrderBy(c => c.SortOrder).ToListAsync(ct);
        Units = await db.Units.AsNoTracking().Where(u => u.Kind == UnitKind.Enforcement).OrderBy(u => u.Code).ToListAsync(ct);
    }

    /// <summary>The list with the same filters as .xlsx (up to 10,000 rows), through the list's own query.</summary>
    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        var rows = new List<IDictionary<string, object?>>();
        long? after = null;
        do
        {
            var page = await queries.ListAsync(Filter with { After = after, Limit = Paging.MaxLimit }, ct);
            rows.AddRange(page.Items.Select(c => (IDictionary<string, object?>)new Dictionary<string, object?>
            {
                ["查询码"] = c.TrackingCode, ["收到时间"] = ChinaTime.Format(c.ReceivedAt), ["渠道"] = ComplaintText.Channel(c.Channel),
                ["类别"] = c.Category, ["被投诉单位"] = c.ComplainedUnit ?? "", ["涉及企业"] = c.EnterpriseName ?? "", ["办理单位"] = c.AssignedUnit ?? "",
                ["状态"] = c.StateText, ["期限"] = c.DueDate?.ToString("yyyy-MM-dd") ?? "", ["是否逾期"] = c.Overdue ? "是" : "否", ["内容摘要"] = c.Summary,
            }));
            after = page.NextCursor;
        }
        while (after is not null && rows.Count < Paging.CountCap);
        if (rows.Count == 0)
        {
            rows.Add(ExportWidths.Keys.ToDictionary(k => k, _ => (object?)null));
        }
        return File(ImportSheet.Xlsx(rows, ExportWidths, "投诉举报"), ImportSheet.XlsxContentType, "投诉举报台账.xlsx");
    }
}
