using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Sunlight.Web.Infrastructure.Database;
using Sunlight.Web.Infrastructure.Identity;

namespace Sunlight.Web.Features.Platform.Users;

[Authorize(Policy = PlatformPolicies.Administer)]
public sealed class EditModel(SunlightDbContext db, UserManager<AppUser> users, EditUser edit, TimeProvider clock) : PageModel
{
    [BindProperty]
    public EditUserInput Input { get; set; } = new();

    [BindProperty]
    public string? NewPassword { get; set; }

    public AppUser Account { get; private set; } = null!;
    public string? CurrentRole { get; private set; }
    public string LockoutText { get; private set; } = "";
    public bool IsLocked { get; private set; }
    public List<SelectListItem> RoleOptions { get; } = UserForm.RoleOptions();
    public List<SelectListItem> UnitOptions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        Input = new EditUserInput { DisplayName = Account.DisplayName, Role = CurrentRole ?? "", UnitId = Account.UnitId, Uscc = Account.Uscc };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken ct) =>
        await Handle(id, await edit.UpdateAsync(id, Input, ActingUserId, ct), "用户信息已保存。", ct);

    public async Task<IActionResult> OnPostLockAsync(string id, CancellationToken ct) =>
        await Handle(id, await edit.SetLockedAsync(id, true, ActingUserId, ct), "账号已锁定。", ct);

    public async Task<IActionResult> OnPostUnlockAsync(string id, CancellationToken ct) =>
        await Handle(id, await edit.SetLockedAsync(id, false, ActingUserId, ct), "账号已解锁。", ct);

    public async Task<IActionResult> OnPostResetPasswordAsync(string id, CancellationToken ct) =>
        await Handle(id, await edit.ResetPasswordAsync(id, NewPassword, ct), "密码已重置，请将新密码告知用户。", ct);

    private string ActingUserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    private async Task<IActionResult> Handle(string id, UserOutcome result, string message, CancellationToken ct)
    {
        if (result.NotFound)
        {
            return NotFound();
        }
        if (result.User is null)
        {
            // The form keeps what the admin typed; the rest of the page shows the stored account.
            var typed = Input;
            db.ChangeTracker.Clear();
            await LoadAsync(id, ct);
            Input = typed;
            UserForm.AddErrors(ModelState, result.Errors!, "Input.");
            if (result.Errors!.TryGetValue("NewPassword", out var pw))
            {
                ModelState.Remove("Input.NewPassword");
                foreach (var m in pw)
                {
                    ModelState.AddModelError(nameof(NewPassword), m);
                }
            }
            return Page();
        }
        TempData["Message"] = message;
        return RedirectToPage("/Platform/Users/Edit", new { id });
    }

    private async Task<bool> LoadAsync(string id, CancellationToken ct)
    {
        var account = await users.FindByIdAsync(id);
        if (account is null)
        {
            return false;
        }
        Account = account;
        CurrentRole = (await users.GetRolesAsync(account)).FirstOrDefault();
        var now = clock.GetUtcNow();
        IsLocked = EditUser.IsLockedOut(account, now);
        LockoutText = EditUser.LockoutText(account, now);
        UnitOptions = await UserForm.UnitOptionsAsync(db, ct);
        return true;
    }
}
