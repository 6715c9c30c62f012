using Microsoft.AspNetCore.Identity;
using Sunlight.Web.Infrastructure.Database;
using Sunlight.Web.Infrastructure.Identity;

namespace Sunlight.Web.Features.Platform.Users;

public sealed class EditUserInput
{
    public string DisplayName { get; set; } = "";
    public string Role { get; set; } = "";
    public long? UnitId { get; set; }
    public string? Uscc { get; set; }
}

/// <summary>
/// 修改用户、锁定/解锁、重置密码 (Admin). Each action is one transaction with its audit entry; each renews the
/// security stamp so the account's existing sign-in cookies stop working.
/// </summary>
public sealed class EditUser(SunlightDbContext db, UserManager<AppUser> users)
{
    /// <summary>Far enough to mean "until an administrator unlocks it".</summary>
    public static readonly DateTimeOffset LockedByAdmin = DateTimeOffset.MaxValue;

    public async Task<UserOutcome> UpdateAsync(string id, EditUserInput input, string actingUserId, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return UserOutcome.Missing;
        }
        var displayName = (input.DisplayName ?? "").Trim();
        if (displayName.Length is 0 or > 50)
        {
            return UserOutcome.Invalid("DisplayName", displayName.Length == 0 ? "姓名/显示名称不能为空" : "姓名/显示名称不能超过 50 个字");
        }
        var (binding, errors) = await UserBinding.ResolveAsync(db, input.Role, input.UnitId, input.Uscc, ct);
        if (binding is null)
        {
            return new UserOutcome(null, errors);
        }
        var currentRoles = await users.GetRolesAsync(user);
        var currentRole = currentRoles.FirstOrDefault();
        if (user.Id == actingUserId && currentRoles.Contains(Roles.Admin) && binding.Role != Roles.Admin)
        {
            return UserOutcome.Invalid("Role", "不能取消自己的系统管理员角色");
        }

        var before = UserAudit.Image(user, currentRole);
        user.DisplayName = displayName;
        user.UnitId = binding.UnitId;
        user.Uscc = binding.Uscc;
        var after = UserAudit.Image(user, binding.Role);
        var (changedBefore, changedAfter) = UserAudit.Diff(before, after);
        if (changedAfter.Count == 0)
        {
            return new UserOutcome(user);
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (currentRoles.Count != 1 || currentRole != binding.Role)
        {
            Require(await users.RemoveFromRolesAsync(user, currentRoles));
            Require(await users.AddToRoleAsync(user, binding.Role));
        }
        // A changed role or binding changes what the account may see: old cookies must be re-issued.
        Require(await users.UpdateSecurityStampAsync(user));
        var scopeChanged = changedAfter.Keys.Any(k => k is "Role" or "UnitId" or "Uscc");
        db.RecordAudit(UserAudit.EntityType, user.Id, scopeChanged ? "RoleChange" : "Update", changedBefore, changedAfter);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new UserOutcome(user);
    }

    public async Task<UserOutcome> SetLockedAsync(string id, bool locked, string actingUserId, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return UserOutcome.Missing;
        }
        if (locked && user.Id == actingUserId)
        {
            return UserOutcome.Invalid("", "不能锁定自己的账号");
        }
        var before = new Dictionary<string, object?> { ["LockoutEnd"] = user.LockoutEnd, ["AccessFailedCount"] = user.AccessFailedCount };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        user.LockoutEnabled = true;
        Require(await users.SetLockoutEndDateAsync(user, locked ? LockedByAdmin : null));
        if (!locked)
        {
            Require(await users.ResetAccessFailedCountAsync(user));
        }
        Require(await users.UpdateSecurityStampAsync(user));
        db.RecordAudit(UserAudit.EntityType, user.Id, locked ? "Lock" : "Unlock", before,
            new Dictionary<string, object?> { ["LockoutEnd"] = user.LockoutEnd, ["AccessFailedCount"] = user.AccessFailedCount });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new UserOutcome(user);
    }

    public async Task<UserOutcome> ResetPasswordAsync(string id, string? newPassword, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return UserOutcome.Missing;
        }
        if (string.IsNullOrEmpty(newPassword))
        {
            return UserOutcome.Invalid("NewPassword", "新密码不能为空");
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var result = await users.ResetPasswordAsync(user, token, newPassword);
        if (!result.Succeeded)
        {
            return new UserOutcome(null, new Dictionary<string, string[]> { ["NewPassword"] = result.Errors.Select(e => e.Description).ToArray() });
        }
        // What happened, never the password or its hash.
        db.RecordAudit(UserAudit.EntityType, user.Id, "PasswordReset", null, new Dictionary<string, object?> { ["UserName"] = user.UserName });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new UserOutcome(user);
    }

    public static bool IsLockedOut(AppUser user, DateTimeOffset now) => user.LockoutEnd is { } end && end > now;

    public static string LockoutText(AppUser user, DateTimeOffset now) => user.LockoutEnd switch
    {
        { } end when end > now && end.Year >= 9999 => "已被管理员锁定",
        { } end when end > now => $"登录失败过多，锁定至 {ChinaTime.Format(end)}",
        _ => "正常",
    };

    private static void Require(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("；", result.Errors.Select(e => e.Description)));
        }
    }
}
