using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Identity;

namespace Sunlight.Web.Features.Platform.Auth;

public sealed record LoginRequest(string UserName, string Password);

public sealed record LoginResponse(string AccessToken, string TokenType, DateTimeOffset ExpiresAt);

/// <summary>Checks a user name and password with lockout; shared by the login page and the token endpoint.</summary>
public sealed class PasswordCheck(SignInManager<AppUser> signIn, UserManager<AppUser> users)
{
    public async Task<(AppUser? User, string? Error)> CheckAsync(string userName, string password)
    {
        var user = await users.FindByNameAsync(userName.Trim());
        if (user is null)
        {
            return (null, "用户名或密码错误。");
        }
        var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            // An administrator's lock has no end date (see UserAccounts.LockedByAdmin); a failed-attempt lock lasts 15 minutes.
            return (null, user.LockoutEnd is { Year: >= 9999 }
                ? "账号已被管理员锁定，请联系管理员。"
                : "登录失败次数过多，账号已锁定 15 分钟，请稍后再试或联系管理员。");
        }
        if (result.IsNotAllowed)
        {
            return (null, "该账号已停用。");
        }
        return result.Succeeded ? (user, null) : (null, "用户名或密码错误。");
    }
}

internal static class LoginEndpoint
{
    public static void MapAuth(this RouteGroupBuilder api)
    {
        api.MapPost("/auth/login", async Task<Results<Ok<LoginResponse>, ValidationProblem, ProblemHttpResult>> (
            LoginRequest request, PasswordCheck check, SignInManager<AppUser> signIn, TokenIssuer tokens, TimeProvider clock) =>
        {
            if (string.IsNullOrWhiteSpace(request.UserName) || string.IsNullOrEmpty(request.Password))
            {
                return ApiErrors.Invalid(new Dictionary<string, string[]>
                {
                    ["userName"] = string.IsNullOrWhiteSpace(request.UserName) ? ["请输入用户名"] : [],
                    ["password"] = string.IsNullOrEmpty(request.Password) ? ["请输入密码"] : [],
                }.Where(kv => kv.Value.Length > 0).ToDictionary());
            }
            var (user, error) = await check.CheckAsync(request.UserName, request.Password);
            if (user is null)
            {
                return TypedResults.Problem(title: "登录失败", detail: error, statusCode: StatusCodes.Status401Unauthorized);
            }
            var principal = await signIn.CreateUserPrincipalAsync(user);
            var now = clock.GetUtcNow();
            return TypedResults.Ok(new LoginResponse(tokens.Issue(principal, now), "Bearer", now.AddHours(8)));
        }).AllowAnonymous().WithTags("认证").WithSummary("用户名密码登录，返回 Bearer 访问令牌")
          .RequireRateLimiting("login");
    }
}
