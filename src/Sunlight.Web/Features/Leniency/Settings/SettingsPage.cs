using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Leniency.Settings;

/// <summary>柔性执法设置 in the browser (the bureau).</summary>
[Authorize(Policy = LeniencyPolicies.Approve)]
internal sealed class SettingsModel(SaveLeniencySettings step, SunlightDbContext db) : PageModel
{
    [BindProperty] public SettingsInput? Input { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var s = await LeniencySettings.ForRegionAsync(db, db.Scope.RegionCode ?? "", ct);
        Input = new SettingsInput(s.FirstViolationMonths, s.PledgeReminderDays, s.GuidanceAnswerDays);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        !ModelState.IsValid
            ? Page()
            : await this.RespondAsync(step.RunAsync(Input, ct), s => $"已保存：首违认定期限 {s.FirstViolationMonths} 个月。",
                _ => RedirectToPage(), () => Task.FromResult<IActionResult>(Page()));
}
