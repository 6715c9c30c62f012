using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Infrastructure.Identity;

/// <summary>
/// Every authenticated request, cookie or Bearer, is checked against its account: gone, locked, or a security stamp
/// renewed since sign-in (lock, role, unit or password change all renew it) → refused on that very request.
/// One primary-key read of two columns per request rather than a cache: a cache of even a few seconds is a window in
/// which a locked account still writes, and would need invalidating across instances; the read costs well under a
/// millisecond beside the queries every page makes anyway. (Identity's own validator re-checks only every 30 minutes
/// and then rebuilds the principal with its role and claim queries, so it is replaced, not tuned.)
/// </summary>
internal static class SessionCheck
{
    public const string RefusedDetail = "账号已停用、被锁定或权限已变更，请重新登录。";

    public static async Task ValidateCookieAsync(CookieValidatePrincipalContext context)
    {
        var stampClaim = context.HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<IdentityOptions>>()
            .Value.ClaimsIdentity.SecurityStampClaimType;
        var stamp = context.Principal?.FindFirstValue(stampClaim);
        if (!await IsCurrentAsync(context.HttpContext, context.Principal, s => s == stamp))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        }
    }

    public static async Task ValidateTokenAsync(TokenValidatedContext context)
    {
        var stampHash = context.Principal?.FindFirstValue(TokenIssuer.StampHashClaim);
        if (!await IsCurrentAsync(context.HttpContext, context.Principal, s => TokenIssuer.StampHash(s) == stampHash))
        {
            context.Fail(RefusedDetail);
        }
    }

    private static async Task<bool> IsCurrentAsync(HttpContext http, ClaimsPrincipal? principal, Func<string?, bool> stampMatches)
    {
        var id = principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        if (id is null)
        {
            return false;
        }
        var db = http.RequestServices.GetRequiredService<SunlightDbContext>();
        var account = await db.Users.AsNoTracking().Where(u => u.Id == id)
            .Select(u => new { u.SecurityStamp, u.LockoutEnd }).SingleOrDefaultAsync(http.RequestAborted);
        var now = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        return account is not null && !(account.LockoutEnd > now) && stampMatches(account.SecurityStamp);
    }
}
