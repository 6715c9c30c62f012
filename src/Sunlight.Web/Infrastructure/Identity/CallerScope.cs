using System.Globalization;
using System.Security.Claims;

namespace Sunlight.Web.Infrastructure.Identity;

/// <summary>
/// What the current caller may see. Built once per request from the authenticated user and handed to the DbContext,
/// whose query filters apply it to every query. Null members mean "not restricted on this axis".
/// </summary>
public sealed class CallerScope
{
    public static readonly CallerScope System = new(null, null, null, "系统", []);

    private CallerScope(string? regionCode, long? unitId, string? uscc, string actorName, IReadOnlyCollection<string> roles, string? userId = null)
    {
        UserId = userId;
        RegionCode = regionCode;
        UnitId = unitId;
        Uscc = uscc;
        ActorName = actorName;
        Roles = roles;
    }

    /// <summary>The signed-in account; null for the system. Inbox rows are filtered by it.</summary>
    public string? UserId { get; }
    public string? RegionCode { get; }
    public long? UnitId { get; }
    public string? Uscc { get; }
    public string ActorName { get; }
    public IReadOnlyCollection<string> Roles { get; }

    public bool IsInRole(string role) => Roles.Contains(role);

    public static CallerScope From(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            // Anonymous callers (public pages) see nothing owned by a unit; public endpoints use explicit projections.
            return new CallerScope(null, -1, "-", "匿名", [], "-");
        }

        var roles = user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToArray();
        var region = user.FindFirstValue(SunlightClaims.Region);
        var name = user.Identity.Name ?? "未知";

        long? unitId = null;
        if (roles.Contains(Identity.Roles.UnitStaff))
        {
            // A UnitStaff account without a unit sees nothing, never everything.
            unitId = long.TryParse(user.FindFirstValue(SunlightClaims.UnitId), CultureInfo.InvariantCulture, out var u) ? u : -1;
        }

        string? uscc = null;
        if (roles.Contains(Identity.Roles.Enterprise))
        {
            uscc = user.FindFirstValue(SunlightClaims.Uscc) ?? "-";
        }

        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? user.FindFirstValue("sub") ?? "-";
        return new CallerScope(string.IsNullOrEmpty(region) ? null : region, unitId, uscc, name, roles, userId);
    }

    public static CallerScope ForActor(string actorName) => new(null, null, null, actorName, []);
}
