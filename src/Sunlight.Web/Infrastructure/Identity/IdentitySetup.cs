using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Tokens;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Infrastructure.Identity;

internal static class IdentitySetup
{
    public const string SmartScheme = "SunlightSmart";

    public static IServiceCollection AddSunlightIdentity(this IServiceCollection services, IConfiguration config)
    {
        services.AddIdentity<AppUser, IdentityRole>(o =>
            {
                o.Password.RequiredLength = 10;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 20; // twice what one client may try (LoginThrottle): locking costs several addresses
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
            })
            .AddEntityFrameworkStores<SunlightDbContext>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<ChineseIdentityErrors>()
            .AddClaimsPrincipalFactory<SunlightClaimsFactory>();

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.Cookie.Name = "sunlight.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.Events.OnValidatePrincipal = SessionCheck.ValidateCookieAsync;
            // An API client is never redirected: it gets 401 as ProblemDetails. A browser goes to the login page.
            // Forbidden is answered 403 where it happens, as the error page or ProblemDetails (ApiErrors.WriteAsync).
            o.Events.OnRedirectToLogin = ctx => ApiAware(ctx.HttpContext, ctx.RedirectUri, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx =>
            {
                ctx.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });

        var key = new SymmetricSecurityKey(JwtKey(config));
        services.AddSingleton(new TokenIssuer(key));
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = SmartScheme;
                o.DefaultChallengeScheme = SmartScheme;
                o.DefaultAuthenticateScheme = SmartScheme;
            })
            .AddPolicyScheme(SmartScheme, "Cookie 或 Bearer", o => o.ForwardDefaultSelector = ctx =>
                IsBearer(ctx.Request) ? JwtBearerDefaults.AuthenticationScheme : IdentityConstants.ApplicationScheme)
            .AddJwtBearer(o =>
            {
                o.MapInboundClaims = false;
                // A refused token is answered 401 with a Chinese ProblemDetails; WWW-Authenticate does not tell a
                // prober which check failed (signature, issuer, lifetime).
                o.IncludeErrorDetails = false;
                o.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = TokenIssuer.Issuer,
                    ValidAudience = TokenIssuer.Issuer,
                    IssuerSigningKey = key,
                    NameClaimType = ClaimTypes.Name,
                    RoleClaimType = ClaimTypes.Role,
                    ClockSkew = TimeSpan.FromMinutes(1),
                };
                // A token dies with its account's security stamp: locking a user, changing their role or password
                // (all renew the stamp) cuts off API access at once, as it does for cookies.
                o.Events = new JwtBearerEvents { OnTokenValidated = SessionCheck.ValidateTokenAsync };
            });
        // Token lifetimes are judged by the app's clock, like cookies, not by the machine's (tests run on a fake clock).
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).Configure<TimeProvider>((o, clock) =>
            o.TokenValidationParameters.LifetimeValidator = (notBefore, expires, _, p) =>
            {
                var now = clock.GetUtcNow().UtcDateTime;
                // A token without "exp" never expires: refused (every token this app issues has one).
                return (notBefore is null || notBefore.Value <= now + p.ClockSkew) && expires is not null && expires.Value >= now - p.ClockSkew;
            });

        return services;
    }

    public static bool IsBearer(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);

    private static Task ApiAware(HttpContext http, string redirectUri, int status)
    {
        if (ApiErrors.AudienceOf(http) != ErrorAudience.Browser)
        {
            http.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        http.Response.Redirect(redirectUri);
        return Task.CompletedTask;
    }

    /// <summary>The signing key: configured, or generated once and kept in the data folder so tokens survive restarts.</summary>
    private static byte[] JwtKey(IConfiguration config)
    {
        if (config["Sunlight:Jwt:Key"] is { Length: >= 32 } configured)
        {
            return Encoding.UTF8.GetBytes(configured);
        }
        var dir = DatabaseSetup.DataDirectory(config);
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, "jwt.key");
        if (!File.Exists(path))
        {
            File.WriteAllBytes(path, RandomNumberGenerator.GetBytes(64));
        }
        return File.ReadAllBytes(path);
    }
}

internal sealed class TokenIssuer(SymmetricSecurityKey key)
{
    public const string Issuer = "sunlight";
    private const string StampClaim = "AspNet.Identity.SecurityStamp";
    // The token carries a hash of the stamp, never the stamp itself (a JWT payload is only base64).
    public const string StampHashClaim = "sunlight:stamp";

    public static string StampHash(string? stamp) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(stamp ?? "")))[..16];

    public string Issue(ClaimsPrincipal principal, DateTimeOffset now)
    {
        var handler = new Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler();
        return handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Issuer,
            Subject = new ClaimsIdentity(principal.Claims
                .Where(c => c.Type is not StampClaim)
                .Append(new Claim(StampHashClaim, StampHash(principal.FindFirstValue(StampClaim))))),
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = now.AddHours(8).UtcDateTime,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        });
    }
}

/// <summary>Puts the scope (region, unit, USCC) into the principal, for cookies and tokens alike.</summary>
internal sealed class SunlightClaimsFactory(UserManager<AppUser> users, RoleManager<IdentityRole> roles, Microsoft.Extensions.Options.IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(SunlightClaims.DisplayName, user.DisplayName));
        if (user.RegionCode is not null)
        {
            identity.AddClaim(new Claim(SunlightClaims.Region, user.RegionCode));
        }
        if (user.UnitId is { } unit)
        {
            identity.AddClaim(new Claim(SunlightClaims.UnitId, unit.ToString(CultureInfo.InvariantCulture)));
        }
        if (user.Uscc is not null)
        {
            identity.AddClaim(new Claim(SunlightClaims.Uscc, user.Uscc));
        }
        return identity;
    }
}

internal sealed class ChineseIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) => new() { Code = nameof(PasswordTooShort), Description = $"密码至少需要 {length} 位。" };
    public override IdentityError PasswordRequiresDigit() => new() { Code = nameof(PasswordRequiresDigit), Description = "密码必须包含数字。" };
    public override IdentityError PasswordRequiresLower() => new() { Code = nameof(PasswordRequiresLower), Description = "密码必须包含小写字母。" };
    public override IdentityError PasswordRequiresUpper() => new() { Code = nameof(PasswordRequiresUpper), Description = "密码必须包含大写字母。" };
    public override IdentityError PasswordRequiresNonAlphanumeric() => new() { Code = nameof(PasswordRequiresNonAlphanumeric), Description = "密码必须包含符号。" };
    public override IdentityError DuplicateUserName(string userName) => new() { Code = nameof(DuplicateUserName), Description = $"用户名“{userName}”已被使用。" };
    public override IdentityError InvalidUserName(string? userName) => new() { Code = nameof(InvalidUserName), Description = $"用户名“{userName}”无效，只能包含字母、数字和 -._@+。" };
    public override IdentityError PasswordMismatch() => new() { Code = nameof(PasswordMismatch), Description = "密码不正确。" };
    public override IdentityError DuplicateRoleName(string role) => new() { Code = nameof(DuplicateRoleName), Description = $"角色“{role}”已存在。" };
    public override IdentityError UserAlreadyInRole(string role) => new() { Code = nameof(UserAlreadyInRole), Description = $"用户已属于角色“{role}”。" };
    public override IdentityError UserNotInRole(string role) => new() { Code = nameof(UserNotInRole), Description = $"用户不属于角色“{role}”。" };
    public override IdentityError ConcurrencyFailure() => new() { Code = nameof(ConcurrencyFailure), Description = "用户信息已被他人修改，请刷新后重试。" };
    public override IdentityError DefaultError() => new() { Code = nameof(DefaultError), Description = "操作失败。" };
}
