using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Infrastructure.Database;
using Sunlight.Web.Infrastructure.Identity;

namespace Sunlight.Web.Features.Platform.Users;

internal sealed record UserRow(string Id, string UserName, string DisplayName, string? Role, long? UnitId, string? UnitName, string? Uscc,
    DateTimeOffset? LockoutEnd, int AccessFailedCount);

/// <summary>Reads for the user admin pages: accounts with their role and unit, and the role summary.</summary>
internal static class UserDirectory
{
    public static async Task<List<UserRow>> SearchAsync(SunlightDbContext db, string? q, string? role, int limit, CancellationToken ct)
    {
        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim();
            query = query.Where(u => u.UserName!.Contains(term) || u.DisplayName.Contains(term));
        }
        if (!string.IsNullOrWhiteSpace(role))
        {
            query = query.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == role)));
        }
        var rows = await query.OrderBy(u => u.UserName).Take(limit)
            .Select(u => new UserRow(u.Id, u.UserName!, u.DisplayName,
                db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name).FirstOrDefault(),
                u.UnitId, db.Units.Where(x => x.Id == u.UnitId).Select(x => x.Name).FirstOrDefault(), u.Uscc, u.LockoutEnd, u.AccessFailedCount))
            .ToListAsync(ct);
        return rows;
    }

    public static async Task<Dictionary<string, int>> CountByRoleAsync(SunlightDbContext db, CancellationToken ct) =>
        await db.UserRoles.Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!)
            .GroupBy(n => n).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);

    /// <summary>What each role may do, for the role page (the policies in IdentitySetup are the truth).</summary>
    public static string Abilities(string role) => role switch
    {
        Roles.Admin => "管理用户与角色、节假日日历、数据字典；查看审计日志",
        Roles.Supervisor => "查看全县数据；维护基础信息；创建专项治理、交办、核账、销账；查看审计日志",
        Roles.UnitStaff => "仅查看和维护本单位数据；自查、答复、整改",
        Roles.Inspector => "仅查看被指派的专项治理和单位；记录督查情况",
        Roles.Observer => "只读查看全县数据；接收移送；查看审计日志",
        Roles.Enterprise => "查看本企业的检查记录、评价和投诉",
        _ => "",
    };
}
