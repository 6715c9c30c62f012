using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Sunlight.Web.Infrastructure.Api;

namespace Sunlight.Web.Infrastructure.Identity;

/// <summary>
/// The one CSRF rule for the API: a state-changing request (anything but GET/HEAD/OPTIONS/TRACE) under /api that is
/// authenticated by the login cookie must carry the antiforgery token (header <c>RequestVerificationToken</c> or the
/// form field <c>__RequestVerificationToken</c>), whatever its body; a Bearer request cannot be forged by another site
/// and needs none; an anonymous request has no session to ride. Pages check their own forms (Razor Pages do so by
/// default); endpoints therefore carry no per-endpoint antiforgery setting (the /api group disables the form-only
/// default, which would also demand a token from Bearer callers).
/// </summary>
internal static class CookieAntiforgery
{
    public const string Rule = "A-CSRF";

    public static IApplicationBuilder UseCookieAntiforgery(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (NeedsToken(http) && !await http.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(http))
        {
            var problem = new ProblemDetails { Status = StatusCodes.Status400BadRequest, Title = "请求有误", Detail = "表单已过期或来源不明，请刷新页面后重试（以 Cookie 登录的写操作须附带防伪令牌）。" };
            problem.Extensions["rule"] = Rule;
            await ApiErrors.WriteAsync(http, problem);
            return;
        }
        await next();
    });

    private static bool NeedsToken(HttpContext http)
    {
        var method = http.Request.Method;
        return http.Request.Path.StartsWithSegments("/api")
            && !(HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method))
            && http.User.Identity?.IsAuthenticated == true
            && !IdentitySetup.IsBearer(http.Request);
    }
}
