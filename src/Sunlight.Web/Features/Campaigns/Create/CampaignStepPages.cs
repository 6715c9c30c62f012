using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sunlight.Web.Infrastructure.Api;

namespace Sunlight.Web.Features.Campaigns.Create;

/// <summary>启动 in the browser: the button on the campaign page posts here.</summary>
[Authorize(Policy = CampaignPolicies.Manage)]
internal sealed class StartModel(StartCampaign start) : PageModel
{
    [BindProperty] public CampaignStepInput? Input { get; set; }
    public long Id { get; private set; }

    public IActionResult OnGet(long id) => RedirectToPage("/Campaigns/Details", new { id });

    public Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        Id = id;
        return this.RespondAsync(start.RunAsync((Input ?? new CampaignStepInput()) with { Id = id }, ct),
            c => $"已启动，已向 {c.Units.Count} 个参与单位下发自查。", c => RedirectToPage("/Campaigns/Details", new { id = c.Id }), () => Task.FromResult<IActionResult>(Page()));
    }
}

/// <summary>结束 in the browser.</summary>
[Authorize(Policy = CampaignPolicies.Manage)]
internal sealed class CloseModel(CloseCampaign close) : PageModel
{
    [BindProperty] public CampaignStepInput? Input { get; set; }
    public long Id { get; private set; }

    public IActionResult OnGet(long id) => RedirectToPage("/Campaigns/Details", new { id });

    public Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        Id = id;
        return this.RespondAsync(close.RunAsync((Input ?? new CampaignStepInput()) with { Id = id }, ct),
            _ => "专项治理已结束。", c => RedirectToPage("/Campaigns/Details", new { id = c.Id }), () => Task.FromResult<IActionResult>(Page()));
    }
}
