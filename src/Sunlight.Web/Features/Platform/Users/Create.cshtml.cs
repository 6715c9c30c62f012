using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Sunlight.Web.Infrastructure.Database;
using Sunlight.Web.Infrastructure.Identity;

namespace Sunlight.Web.Features.Platform.Users;

[Authorize(Policy = PlatformPolicies.Administer)]
public sealed class CreateModel(SunlightDbContext db, CreateUser create) : PageModel
{
    [BindProperty]
    public CreateUserInput Input { get; set; } = new();

    public List<SelectListItem> RoleOptions { get; } = UserForm.RoleOptions();
    public List<SelectListItem> UnitOptions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        UnitOptions = await UserForm.UnitOptionsAsync(db, ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await create.RunAsync(Input, ct);
        if (result.User is null)
        {
            UserForm.AddErrors(ModelState, result.Errors!, "Input.");
            UnitOptions = await UserForm.UnitOptionsAsync(db, ct);
            return Page();
        }
        TempData["Message"] = $"已创建用户“{result.User.UserName}”。";
        return RedirectToPage("/Platform/Users/Edit", new { id = result.User.Id });
    }
}
