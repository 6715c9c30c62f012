using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Platform.Users;

/// <summary>新建用户 in the browser: the same use case the tests drive; typed text is kept on errors.</summary>
[Authorize(Policy = PlatformPolicies.Administer)]
internal sealed class CreateModel(SunlightDbContext db, CreateUser create) : PageModel
{
    [BindProperty]
    public CreateUserInput Input { get; set; } = new();

    public List<SelectListItem> RoleOptions { get; } = UserForm.RoleOptions();
    public List<SelectListItem> UnitOptions { get; private set; } = [];

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => ShowAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        !ModelState.IsValid
            ? await ShowAsync(ct)
            : await this.RespondAsync(create.RunAsync(Input, ct),
                u => $"已创建用户“{u.UserName}”。", u => RedirectToPage("/Platform/Users/Edit", new { id = u.Id }), () => ShowAsync(ct));

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        UnitOptions = await UserForm.UnitOptionsAsync(db, ct);
        return Page();
    }
}
