using System.Globalization;
using System.Security.Claims;

namespace Sunlight.Web.Infrastructure.Identity;

/// <summary>
/// What the current caller may see, handed to the DbContext whose query filters apply it to every query.
/// Null members mean "not restricted on this axis". The request's scope is read from the principal each time it is
/// used, not when the context is created: Identity's cookie validation opens the request's DbContext before the
/// user is authenticated, and a scope frozen at that moment would be the anonymous one.
/// </summary>
internal sealed class CallerScope
{
    private static readonly State SystemState = new(null, null, null, "系统", [], null);
    private static readonly State AnonymousState = new(null, -1, "-", "匿名", [], "-");

    public static readonly CallerScope System = new(SystemState);

    private readonly Func<ClaimsPrincipal?>? _principal;
    private ClaimsPrincipal? _seen;
    private State _state;

    private CallerScope(State state) => _state = state;

    private CallerScope(Func<ClaimsPrincipal?> principal)
    {
        _principal = principal;
        _state = SystemState;
    }

    private sealed record State(string? RegionCode, long? UnitId, string? Uscc, string ActorName, IReadOnlyCollection<string> Roles, string? UserId);

    /// <summary>The signed-in account; null for the system. Inbox rows are filtered by it.</summary>
    public string? UserId => Current.UserId;
    public string? RegionCode => Current.RegionCode;
    public long? UnitId => Current.UnitId;
    public string? Uscc => Current.Uscc;
    public string ActorName => Current.ActorName;
    public IReadOnlyCollection<string> Roles => Current.Roles;

    public bool IsInRole(string role) => Roles.Contains(role);

    /// <summary>
    /// An Inspector (without a county-wide role) sees only the campaigns whose team they are on and the units assigned to
    /// them; the query filters match them by this account name. Null for everyone else (not restricted on this axis).
    /// </summary>
    public string? InspectorName =>
        IsInRole(Identity.Roles.Inspector) && !IsInRole(Identity.Roles.Supervisor) && !IsInRole(Identity.Roles.Admin) ? ActorName : null;

    /// <summary>The scope of whoever makes the current HTTP request; outside a request (jobs, CLI) it is the system.</summary>
    public static CallerScope ForRequest(IHttpContextAccessor http) => new(() => http.HttpContext?.User);

    public static CallerScope From(ClaimsPrincipal user) => new(Compute(user));

    private State Current
    {
        get
        {
            if (_principal is null)
            {
                return _state;
            }
            var principal = _principal();
            if (principal is null)
            {
                return SystemState;
            }
            if (!ReferenceEquals(principal, _seen))
            {
                _state = Compute(principal);
                _seen = principal;
            }
            return _state;
        }
    }

    private static State Compute(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            // Anonymous callers (public pages) see nothing owned by a unit; public endpoints use explicit projections.
            return AnonymousState;
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
        return new State(string.IsNullOrEmpty(region) ? null : region, unitId, uscc, name, roles, userId);
    }

    public static CallerScope ForActor(string actorName) => new(SystemState with { ActorName = actorName });
}
