using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Registry;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Enforcement.Register;

/// <summary>立案登记 in the browser: the unit's items and officers to choose from; same use case as the API.</summary>
[Authorize(Policy = EnforcementPolicies.Record)]
internal sealed class RegisterModel(RegisterCase register, SunlightDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty] public RegisterCaseInput? Input { get; set; }

    public IReadOnlyList<EnforcementItem> Items { get; private set; } = [];
    public IReadOnlyList<Officer> Officers { get; private set; } = [];
    public DateOnly Today => ChinaTime.Today(clock);

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        !ModelState.IsValid
            ? await ShowAsync(ct)
            : await this.RespondAsync(register.RunAsync(Input, ct), c => $"案件 {c.Number} 已立案登记，已按合法性规则检查。",
                c => RedirectToPage("/Enforcement/Detail", new { id = c.Id }), () => ShowAsync(ct));

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Items = await db.EnforcementItems.AsNoTracking().OrderBy(i => i.Code).ToListAsync(ct);
        Officers = await db.Officers.AsNoTracking().Include(o => o.Credentials).Where(o => o.IsActive).OrderBy(o => o.Id).ToListAsync(ct);
    }
}
