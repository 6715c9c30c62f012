using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Sunlight.Web.Infrastructure.Database;
using Sunlight.Web.Infrastructure.Identity;

namespace Sunlight.Web.Features.Platform.Users;

/// <summary>One account: 修改用户, 锁定/解锁 and 重置密码, each its own use case; the page shows the stored account.</summary>
[Authorize(Policy = PlatformPolicies.Administer)]
internal sealed class EditModel(SunlightDbContext db, UserManager<AppUser> users, EditUser edit, LockUser lockUser, ResetPassword reset, TimeProvider clock) : PageModel
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
        Input = StoredInput();
        return Page();
    }

    public Task<IActionResult> OnPostAsync(string id, CancellationToken ct) =>
        Respond(id, edit.RunAsync(Input with { Id = id }, ct), "用户信息已保存。", typed: true, ct);

    public Task<IActionResult> OnPostLockAsync(string id, CancellationToken ct) =>
        Respond(id, lockUser.RunAsync(new LockUserInput(true) { Id = id }, ct), "账号已锁定。", typed: false, ct);

    public Task<IActionResult> OnPostUnlockAsync(string id, CancellationToken ct) =>
        Respond(id, lockUser.RunAsync(new LockUserInput(false) { Id = id }, ct), "账号已解锁。", typed: false, ct);

    public Task<IActionResult> OnPostResetPasswordAsync(string id, CancellationToken ct) =>
        // The password field is the page's own (NewPassword), not part of Input.
        this.RespondAsync(reset.RunAsync(new ResetPasswordInput(NewPassword) { Id = id }, ct),
            _ => "密码已重置，请将新密码告知用户。", _ => RedirectToPage("/Platform/Users/Edit", new { id }), () => ShowAsync(id, typed: false, ct), prefix: "");

    private Task<IActionResult> Respond(string id, Task<Outcome<AppUser>> step, string message, bool typed, CancellationToken ct) =>
        this.RespondAsync(step, _ => message, _ => RedirectToPage("/Platform/Users/Edit", new { id }), () => ShowAsync(id, typed, ct));

    /// <summary>The edit form keeps what the admin typed (<paramref name="typed"/>); the rest of the page shows the stored account.</summary>
    private async Task<IActionResult> ShowAsync(string id, bool typed, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        if (!typed)
        {
            Input = StoredInput();
        }
        return Page();
    }

    private EditUserInput StoredInput() => new() { DisplayName = Account.DisplayName, Role = CurrentRole ?? "", UnitId = Account.UnitId, Uscc = Account.Uscc };

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
        IsLocked = UserAccounts.IsLockedOut(account, now);
        LockoutText = UserAccounts.LockoutText(account, now);
        UnitOptions = await UserForm.UnitOptionsAsync(db, ct);
        return true;
    }
}
