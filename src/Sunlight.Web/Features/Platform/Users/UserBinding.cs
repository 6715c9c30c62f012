using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Registry;
using Sunlight.Web.Infrastructure.Database;
using Sunlight.Web.Infrastructure.Identity;

namespace Sunlight.Web.Features.Platform.Users;

/// <summary>What both account forms send about the role and what it binds the account to.</summary>
internal interface IRoleBindingInput
{
    string Role { get; }
    long? UnitId { get; }
    string? Uscc { get; }
}

/// <summary>The shape of a role binding, checked by the create and edit validators alike.</summary>
internal static class RoleBindingRules
{
    public static void AddRoleBindingRules<T>(this AbstractValidator<T> v) where T : IRoleBindingInput
    {
        v.RuleFor(x => x.Role).Must(r => !string.IsNullOrWhiteSpace(r) && Roles.All.Contains(r)).WithMessage("请选择有效的角色");
        v.RuleFor(x => x.UnitId).NotNull().When(x => x.Role == Roles.UnitStaff).WithMessage("执法单位法制员必须选择所属执法单位");
        v.RuleFor(x => x.Uscc).Custom((code, ctx) =>
        {
            if (ctx.InstanceToValidate.Role == Roles.Enterprise && Registry.Uscc.Validate(Registry.Uscc.Normalize(code)) is { } error)
            {
                ctx.AddFailure("uscc", error);
            }
        });
    }
}

/// <summary>What a role binds an account to: UnitStaff → one enforcement unit, Enterprise → one registered USCC.</summary>
internal sealed record UserBinding(string Role, long? UnitId, string? Uscc)
{
    /// <summary>The binding of a validated input, or the field whose unit or enterprise does not exist.</summary>
    public static async Task<Outcome<UserBinding>> ResolveAsync(SunlightDbContext db, IRoleBindingInput input, CancellationToken ct)
    {
        if (input.Role == Roles.UnitStaff)
        {
            return await db.Units.AnyAsync(u => u.Id == input.UnitId && u.Kind == UnitKind.Enforcement, ct)
                ? new UserBinding(input.Role, input.UnitId, null)
                : Outcome<UserBinding>.Invalid("unitId", "所选执法单位不存在");
        }
        if (input.Role == Roles.Enterprise)
        {
            var code = Registry.Uscc.Normalize(input.Uscc);
            return await db.Enterprises.AnyAsync(e => e.Uscc == code, ct)
                ? new UserBinding(input.Role, null, code)
                : Outcome<UserBinding>.Invalid("uscc", "该统一社会信用代码未登记为企业，请先在企业名录中登记");
        }
        // Other roles act for the whole county: a stale unit or USCC must not narrow (or widen) their scope.
        return new UserBinding(input.Role, null, null);
    }
}

/// <summary>The audit image of an account: who it is and what it may reach. Never the password or its hash.</summary>
internal static class UserAudit
{
    public const string EntityType = nameof(AppUser);

    public static Dictionary<string, object?> Image(AppUser user, string? role) => new()
    {
        ["UserName"] = user.UserName,
        ["DisplayName"] = user.DisplayName,
        ["Role"] = role,
        ["UnitId"] = user.UnitId,
        ["Uscc"] = user.Uscc,
        ["RegionCode"] = user.RegionCode,
    };

    /// <summary>Only the fields that differ, for an "Update"/"RoleChange" entry.</summary>
    public static (Dictionary<string, object?> Before, Dictionary<string, object?> After) Diff(Dictionary<string, object?> before, Dictionary<string, object?> after)
    {
        var keys = before.Keys.Where(k => !Equals(before[k], after.GetValueOrDefault(k))).ToList();
        return (keys.ToDictionary(k => k, k => before[k]), keys.ToDictionary(k => k, k => after.GetValueOrDefault(k)));
    }

    /// <summary>Identity's (Chinese) errors, placed on the field they concern.</summary>
    public static Dictionary<string, string[]> Errors(IdentityResult result, string passwordField) =>
        result.Errors.GroupBy(e => e.Code.StartsWith("Password", StringComparison.Ordinal) ? passwordField : "userName")
            .ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray());
}
