using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Platform.Escalations;
using Sunlight.Web.Features.WorkHome;
using Sunlight.Web.Infrastructure.Calendar;
using Sunlight.Web.Infrastructure.Database;
using Sunlight.Web.Infrastructure.Identity;

namespace Sunlight.Web.Features.Platform.WorkItems;

/// <summary>
/// The platform's part of the work home: for the Admin, locked accounts and calendar years not loaded (this year and the
/// next, which every working-day deadline needs); for the Observer, the referrals (移送) to follow.
/// </summary>
internal sealed class PlatformWorkItems(SunlightDbContext db, WorkingCalendar calendar, IAuthorizationService authorization, TimeProvider clock) : IWorkItemSource
{
    public async Task<IReadOnlyList<WorkItem>> ItemsAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var items = new List<WorkItem>();
        if ((await authorization.AuthorizeAsync(user, PlatformPolicies.Administer)).Succeeded)
        {
            var now = clock.GetUtcNow();
            var region = db.Scope.RegionCode;
            var candidates = await db.Users.AsNoTracking().Where(u => u.LockoutEnd != null && (region == null || u.RegionCode == region))
                .Select(u => new { u.Id, u.UserName, u.DisplayName, u.LockoutEnd }).ToListAsync(ct);
            items.AddRange(candidates.Where(u => u.LockoutEnd > now)
                .Select(u => new WorkItem("用户与角色", $"{u.DisplayName}（{u.UserName}）", "账号已锁定，核实后解锁", $"/Admin/Users/Edit/{u.Id}", null)));
            var year = ChinaTime.Today(clock).Year;
            items.AddRange(new[] { year, year + 1 }.Where(y => !calendar.LoadedYears.Contains(y))
                .Select(y => new WorkItem("工作日历", $"{y} 年节假日安排", "尚未导入，工作日期限无法准确计算", "/Admin/Calendar", null)));
        }
        if (user.IsInRole(Roles.Observer))
        {
            var referrals = await db.Set<Escalation>().AsNoTracking().Where(e => e.Kind == EscalationKind.Referral)
                .OrderByDescending(e => e.Id).Take(200)
                .Select(e => new { e.Reason, e.CreatedAt, e.DueDate, UnitName = db.Units.Where(u => u.Id == e.UnitId).Select(u => u.Name).FirstOrDefault() })
                .ToListAsync(ct);
            items.AddRange(referrals.Select(e => new WorkItem("移送", $"{e.UnitName}：{Shorten(e.Reason)}",
                $"{ChinaTime.Format(e.CreatedAt)} 移送", "/Escalations?Kind=Referral", e.DueDate)));
        }
        return items;
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
