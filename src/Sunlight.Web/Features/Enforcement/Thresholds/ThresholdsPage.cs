using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Enforcement.Rules;
using Sunlight.Web.Features.Registry;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Enforcement.Thresholds;

/// <summary>
/// 合法性预警阈值 in the browser (the bureau): the rows set so far, and the form for one scope (county, unit, sector,
/// unit and sector) pre-filled with the values in force there, the shipped default beside each.
/// </summary>
[Authorize(Policy = EnforcementPolicies.Supervise)]
internal sealed class ThresholdsModel(SaveThresholds save, SunlightDbContext db) : PageModel
{
    public static readonly LegalityThresholds Shipped = new();

    [BindProperty] public ThresholdsInput? Input { get; set; }

    public IReadOnlyList<(LegalityThresholds Row, string Unit)> Rows { get; private set; } = [];
    public IReadOnlyList<EnforcementUnit> Units { get; private set; } = [];
    /// <summary>Whether the scope has its own row (else the form shows the values it inherits).</summary>
    public bool HasOwnRow { get; private set; }

    public async Task OnGetAsync(long? unitId, string? sector, CancellationToken ct)
    {
        sector = string.IsNullOrWhiteSpace(sector) ? null : sector.Trim();
        await LoadAsync(ct);
        var own = Rows.Select(r => r.Row).FirstOrDefault(r => r.UnitId == unitId && r.Sector == sector);
        HasOwnRow = own is not null;
        var inForce = own ?? new ThresholdBook([.. Rows.Select(r => r.Row)]).For(unitId ?? 0, sector);
        Input = ThresholdsInput.Of(inForce, unitId, sector, own?.Version);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        !ModelState.IsValid
            ? await ShowAsync(ct)
            : await this.RespondAsync(save.RunAsync(Input, ct), t => "已保存合法性预警阈值，此后保存的案件和每日巡检按新值检查。",
                t => RedirectToPage(new { unitId = t.UnitId, sector = t.Sector }), () => ShowAsync(ct));

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        HasOwnRow = Input?.Version is not null;
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Units = await db.Units.AsNoTracking().Where(u => u.Kind == UnitKind.Enforcement).OrderBy(u => u.Code).ToListAsync(ct);
        var rows = await db.Set<LegalityThresholds>().AsNoTracking().OrderBy(t => t.UnitId).ThenBy(t => t.Sector).ToListAsync(ct);
        Rows = [.. rows.Select(r => (r, r.UnitId is { } id ? Units.FirstOrDefault(u => u.Id == id)?.Name ?? "" : "全县"))];
    }
}
