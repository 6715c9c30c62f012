using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Registry;
using Sunlight.Web.Infrastructure.Database;
using Sunlight.Web.Infrastructure.Identity;

namespace Sunlight.Web.Features.Platform.Users;

/// <summary>What a user admin action tells its page: the account, field errors (keyed by input name), or not found.</summary>
public sealed record UserOutcome(AppUser? User, IDictionary<string, string[]>? Errors = null, bool NotFound = false)
{
    public static UserOutcome Missing => new(null, null, true);
    public static UserOutcome Invalid(string field, string message) => new(null, new Dictionary<string, string[]> { [field] = [message] });
}

/// <summary>What a role binds an account to: UnitStaff → one enforcement unit, Enterprise → one registered USCC.</summary>
internal sealed record UserBinding(string Role, long? UnitId, string? Uscc)
{
    /// <summary>Checks the role and its binding; field errors use the page's input names (Role, UnitId, Uscc).</summary>
    public static async Task<(UserBinding? Binding, Dictionary<string, string[]> Errors)> ResolveAsync(
        SunlightDbContext db, string? role, long? unitId, string? uscc, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(role) || !Roles.All.Contains(role))
        {
            errors["Role"] = ["请选择有效的角色"];
            return (null, errors);
        }
        if (role == Roles.UnitStaff)
        {
            if (unitId is null)
            {
                errors["UnitId"] = ["执法单位法制员必须选择所属执法单位"];
            }
            else if (!await db.Units.AnyAsync(u => u.Id == unitId && u.Kind == UnitKind.Enforcement, ct))
            {
                errors["UnitId"] = ["所选执法单位不存在"];
            }
            return errors.Count > 0 ? (null, errors) : (new UserBinding(role, unitId, null), errors);
        }
        if (role == Roles.Enterprise)
        {
            var code = Registry.Uscc.Normalize(uscc);
            if (Registry.Uscc.Validate(code) is { } error)
            {
                errors["Uscc"] = [error];
            }
            else if (!await db.Enterprises.AnyAsync(e => e.Uscc == code, ct))
            {
                errors["Uscc"] = ["该统一社会信用代码未登记为企业，请先在企业名录中登记"];
            }
            return errors.Count > 0 ? (null, errors) : (new UserBinding(role, null, code), errors);
        }
        // Other roles act for the whole county: a stale unit or USCC must not narrow (or widen) their scope.
        return (new UserBinding(role, null, null), errors);
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
}
