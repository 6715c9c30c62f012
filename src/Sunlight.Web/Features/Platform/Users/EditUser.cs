using System.Text.Json.Serialization;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Sunlight.Web.Infrastructure.Database;
using Sunlight.Web.Infrastructure.Identity;

namespace Sunlight.Web.Features.Platform.Users;

internal sealed record EditUserInput : IRoleBindingInput
{
    [JsonIgnore] public string Id { get; init; } = "";
    public string DisplayName { get; set; } = "";
    public string Role { get; set; } = "";
    public long? UnitId { get; set; }
    public string? Uscc { get; set; }
}

internal sealed class EditUserInputValidator : AbstractValidator<EditUserInput>
{
    public EditUserInputValidator()
    {
        RuleFor(x => x.DisplayName).RequiredText("姓名/显示名称", AppUser.DisplayNameLength);
        this.AddRoleBindingRules();
    }
}

/// <summary>
/// 修改用户 (Admin): name, role and binding in one transaction with its audit entry ("Update", or "RoleChange" when what
/// the account may reach changes); renews the security stamp so existing sign-ins are re-issued. An Admin cannot drop
/// their own Admin role (A-SELF-ADMIN).
/// </summary>
internal sealed class EditUser(SunlightDbContext db, UserManager<AppUser> users, IValidator<EditUserInput> validator)
    : UseCase<EditUserInput, AppUser>(validator)
{
    public const string SelfAdminRule = "A-SELF-ADMIN";

    protected override async Task<Outcome<AppUser>> HandleAsync(EditUserInput input, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(input.Id);
        if (user is null)
        {
            return Outcome<AppUser>.Missing();
        }
        var bound = await UserBinding.ResolveAsync(db, input, ct);
        if (bound.Value is not { } binding)
        {
            return new Outcome<AppUser>(null, bound.Errors);
        }
        var currentRoles = await users.GetRolesAsync(user);
        var currentRole = currentRoles.FirstOrDefault();
        if (user.Id == db.Scope.UserId && currentRoles.Contains(Roles.Admin) && binding.Role != Roles.Admin)
        {
            return Outcome<AppUser>.Refused(SelfAdminRule, "不能取消自己的系统管理员角色");
        }

        var before = UserAudit.Image(user, currentRole);
        user.DisplayName = input.DisplayName.Trim();
        user.UnitId = binding.UnitId;
        user.Uscc = binding.Uscc;
        var (changedBefore, changedAfter) = UserAudit.Diff(before, UserAudit.Image(user, binding.Role));
        if (changedAfter.Count == 0)
        {
            return user;
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (currentRoles.Count != 1 || currentRole != binding.Role)
        {
            UserAccounts.Require(await users.RemoveFromRolesAsync(user, currentRoles));
            UserAccounts.Require(await users.AddToRoleAsync(user, binding.Role));
        }
        // A changed role or binding changes what the account may see: old cookies must be re-issued.
        UserAccounts.Require(await users.UpdateSecurityStampAsync(user));
        var scopeChanged = changedAfter.Keys.Any(k => k is "Role" or "UnitId" or "Uscc");
        db.RecordAudit(UserAudit.EntityType, user.Id, scopeChanged ? "RoleChange" : "Update", changedBefore, changedAfter);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return user;
    }
}

/// <summary>What the account pages and steps share about an account's state.</summary>
internal static class UserAccounts
{
    /// <summary>Far enough to mean "until an administrator unlocks it".</summary>
    public static readonly DateTimeOffset LockedByAdmin = DateTimeOffset.MaxValue;

    public static bool IsLockedOut(AppUser user, DateTimeOffset now) => user.LockoutEnd is { } end && end > now;

    public static string LockoutText(AppUser user, DateTimeOffset now) => user.LockoutEnd switch
    {
        { } end when end > now && end.Year >= 9999 => "已被管理员锁定",
        { } end when end > now => $"登录失败过多，锁定至 {ChinaTime.Format(end)}",
        _ => "正常",
    };

    /// <summary>Identity steps after the checks cannot fail but for a bug (or a concurrent delete).</summary>
    public static void Require(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("；", result.Errors.Select(e => e.Description)));
        }
    }
}
