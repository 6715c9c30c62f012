using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Sunlight.Web.Features.Platform.Notifications;
using Sunlight.Web.Infrastructure.Calendar;
using Sunlight.Web.Infrastructure.Database;
using Sunlight.Web.Infrastructure.Identity;

namespace Sunlight.Web.Features.Platform.Auth;

internal sealed record LoginRequest(string UserName, string Password);

internal sealed record LoginResponse(string AccessToken, string TokenType, DateTimeOffset ExpiresAt);

internal sealed class LoginRequestValidator : AbstractValidator<LoginRequest>
{
    public LoginRequestValidator()
    {
        RuleFor(x => x.UserName).RequiredText("用户名", AppUser.UserNameLength);
        RuleFor(x => x.Password).RequiredText("密码", AppUser.PasswordMaxLength);
    }
}

/// <summary>
/// 登录: checks a user name and password with lockout, for the login page and the token endpoint alike. A wrong name or
/// password is refused as A-LOGIN, a locked or disabled account as A-LOCKED (both answered 401, never which one exists),
/// a client with too many failures as A-THROTTLED before any account is looked at (<see cref="LoginThrottle"/>).
/// An unknown name costs the same password hash as a wrong password, so timing does not tell which names exist.
/// The owner of an account that this attempt locked is told in their inbox.
/// </summary>
internal sealed class PasswordCheck(SignInManager<AppUser> signIn, UserManager<AppUser> users, LoginThrottle throttle,
    IHttpContextAccessor http, Notifier notifier, SunlightDbContext db, TimeProvider clock, IValidator<LoginRequest> validator)
    : UseCase<LoginRequest, AppUser>(validator)
{
    public const string LoginRule = "A-LOGIN";
    public const string LockedRule = "A-LOCKED";
    public const string ThrottledRule = "A-THROTTLED";
    private static string? _unknownUserHash;

    protected override async Task<Outcome<AppUser>> HandleAsync(LoginRequest input, CancellationToken ct)
    {
        var client = http.HttpContext?.Connection.RemoteIpAddress?.ToString() ?? "local";
        if (throttle.RetryAfter(client) is { } wait)
        {
            return Outcome<AppUser>.Refused(ThrottledRule, $"本机登录失败次数过多，请 {Math.Ceiling(wait.TotalMinutes)} 分钟后再试。");
        }
        var user = await users.FindByNameAsync(input.UserName.Trim());
        if (user is null || await users.IsLockedOutAsync(user))
        {
            // The same PBKDF2 work as checking a real password (a locked account's check is skipped by Identity).
            _unknownUserHash ??= users.PasswordHasher.HashPassword(new AppUser(), Guid.NewGuid().ToString());
            users.PasswordHasher.VerifyHashedPassword(new AppUser(), _unknownUserHash, input.Password);
        }
        if (user is null)
        {
            throttle.Failed(client);
            return Outcome<AppUser>.Refused(LoginRule, "用户名或密码错误。");
        }
        var wasLocked = await users.IsLockedOutAsync(user);
        var result = await signIn.CheckPasswordSignInAsync(user, input.Password, lockoutOnFailure: true);
        if (!result.Succeeded)
        {
            throttle.Failed(client);
        }
        if (result.IsLockedOut && !wasLocked)
        {
            await notifier.ToUserAsync(user.Id, "您的账号因登录失败过多已被锁定",
                $"您的账号“{user.UserName}”于 {ChinaTime.Format(clock.GetUtcNow())} 因连续多次密码错误被锁定 15 分钟。如非本人操作，可能有人在尝试您的密码，请联系系统管理员。",
                null, ct);
            await db.SaveChangesAsync(ct);
        }
        if (result.IsLockedOut)
        {
            // An administrator's lock has no end date (see UserAccounts.LockedByAdmin); a failed-attempt lock lasts 15 minutes.
            return Outcome<AppUser>.Refused(LockedRule, user.LockoutEnd is { Year: >= 9999 }
                ? "账号已被管理员锁定，请联系管理员。"
                : "登录失败次数过多，账号已锁定 15 分钟，请稍后再试或联系管理员。");
        }
        if (result.IsNotAllowed)
        {
            return Outcome<AppUser>.Refused(LockedRule, "该账号已停用。");
        }
        return result.Succeeded ? user : Outcome<AppUser>.Refused(LoginRule, "用户名或密码错误。");
    }
}

internal static class LoginEndpoint
{
    public static void MapAuth(this RouteGroupBuilder api)
    {
        api.MapPost("/auth/login", async Task<Results<Ok<LoginResponse>, ValidationProblem, ProblemHttpResult>> (
            LoginRequest? request, PasswordCheck check, SignInManager<AppUser> signIn, TokenIssuer tokens, TimeProvider clock, HttpContext http, CancellationToken ct) =>
        {
            var r = await check.RunAsync(request, ct);
            if (r.Errors is { } errors)
            {
                return ApiErrors.Invalid(errors);
            }
            if (r.Rule == PasswordCheck.ThrottledRule)
            {
                http.Response.Headers.RetryAfter = ((int)LoginThrottle.Window.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return TypedResults.Problem(title: "请求过于频繁，请稍后再试", detail: r.Detail, statusCode: StatusCodes.Status429TooManyRequests,
                    extensions: new Dictionary<string, object?> { ["rule"] = r.Rule });
            }
            if (r.Value is not { } user)
            {
                // Not a 409: a refused sign-in is "not authenticated".
                return TypedResults.Problem(title: "登录失败", detail: r.Detail, statusCode: StatusCodes.Status401Unauthorized,
                    extensions: new Dictionary<string, object?> { ["rule"] = r.Rule });
            }
            var principal = await signIn.CreateUserPrincipalAsync(user);
            var now = clock.GetUtcNow();
            return TypedResults.Ok(new LoginResponse(tokens.Issue(principal, now), "Bearer", now.AddHours(8)));
        }).AllowAnonymous().WithTags("认证").WithSummary("用户名密码登录，返回 Bearer 访问令牌（失败 401：A-LOGIN 用户名或密码错误，A-LOCKED 账号锁定或停用；429 A-THROTTLED 本机失败过多）")
          .RequireRateLimiting("login");
    }
}
