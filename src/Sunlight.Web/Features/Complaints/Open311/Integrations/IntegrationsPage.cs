using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Platform;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Complaints.Open311.Integrations;

/// <summary>Open311 接入方: list, register (the key is shown once), edit name, limit and enabled.</summary>
[Authorize(Policy = PlatformPolicies.Administer)]
internal sealed class IntegrationsModel(SaveIntegration save, SunlightDbContext db) : PageModel
{
    [BindProperty] public IntegrationInput? Input { get; set; }

    public IReadOnlyList<Open311Integration> Rows { get; private set; } = [];

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => ShowAsync(ct);

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct) =>
        !ModelState.IsValid
            ? await ShowAsync(ct)
            : await this.RespondAsync(save.RunAsync(Input is null ? null : Input with { Id = id }, ct),
                i => i.ApiKey is { } key ? $"已登记“{i.Name}”。api_key：{key}（只显示这一次，请转交接入方妥善保存）" : $"已保存“{i.Name}”。",
                _ => RedirectToPage(), () => ShowAsync(ct));

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        Rows = await db.Set<Open311Integration>().AsNoTracking().OrderBy(i => i.Id).ToListAsync(ct);
        return Page();
    }
}
