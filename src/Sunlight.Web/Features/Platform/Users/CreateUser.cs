using Microsoft.AspNetCore.Identity;
using Sunlight.Web.Features.Registry.Enterprises;
using Sunlight.Web.Infrastructure.Database;
using Sunlight.Web.Infrastructure.Identity;

namespace Sunlight.Web.Features.Platform.Users;

public sealed class CreateUserInput
{
    public string UserName { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string Role { get; set; } = "";
    public long? UnitId { get; set; }
    public string? Uscc { get; set; }
    public string Password { get; set; } = "";
}

/// <summary>新建用户 (Admin): account, role and its binding, initial password, and one audit entry — all or nothing.</summary>
public sealed class CreateUser(SunlightDbContext db, UserManager<AppUser> users, IConfiguration config)
{
    public async Task<UserOutcome> RunAsync(CreateUserInput input, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var userName = (input.UserName ?? "").Trim();
        var displayName = (input.DisplayName ?? "").Trim();
        if (userName.Length == 0)
        {
            errors["UserName"] = ["用户名不能为空"];
        }
        else if (userName.Length > 50)
        {
            errors["UserName"] = ["用户名不能超过 50 个字符"];
        }
        if (displayName.Length == 0)
        {
            errors["DisplayName"] = ["姓名/显示名称不能为空"];
        }
        else if (displayName.Length > 50)
        {
            errors["DisplayName"] = ["姓名/显示名称不能超过 50 个字"];
        }
        if (string.IsNullOrEmpty(input.Password))
        {
            errors["Password"] = ["初始密码不能为空"];
        }
        var (binding, bindingErrors) = await UserBinding.ResolveAsync(db, input.Role, input.UnitId, input.Uscc, ct);
        foreach (var (k, v) in bindingErrors)
        {
            errors[k] = v;
        }
        if (errors.Count > 0 || binding is null)
        {
            return new UserOutcome(null, errors);
        }

        var user = new AppUser
        {
            UserName = userName,
            DisplayName = displayName,
            RegionCode = db.Scope.RegionCode ?? SaveEnterprise.DefaultRegion(config),
            UnitId = binding.UnitId,
            Uscc = binding.Uscc,
            LockoutEnabled = true,
        };
        // UserManager saves after each step; one transaction keeps the account, its role and the audit entry together.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var created = await users.CreateAsync(user, input.Password);
        if (!created.Succeeded)
        {
            return new UserOutcome(null, IdentityErrors(created));
        }
        var role = await users.AddToRoleAsync(user, binding.Role);
        if (!role.Succeeded)
        {
            return new UserOutcome(null, IdentityErrors(role));
        }
        db.RecordAudit(UserAudit.EntityType, user.Id, "Create", null, UserAudit.Image(user, binding.Role));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new UserOutcome(user);
    }

    /// <summary>Identity's (Chinese) errors, placed on the field they concern.</summary>
    internal static Dictionary<string, string[]> IdentityErrors(IdentityResult result) =>
        result.Errors.GroupBy(e => e.Code.StartsWith("Password", StringComparison.Ordinal) ? "Password"
                : e.Code.Contains("UserName", StringComparison.Ordinal) ? "UserName" : "")
            .ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray());
}
