using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using FluentValidation;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.OpenApi;
using Scalar.AspNetCore;
using Sunlight.Web;
using Sunlight.Web.Features;
using Sunlight.Web.Features.Platform.Audit;
using Sunlight.Web.Features.Platform.Demo;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Calendar;
using Sunlight.Web.Infrastructure.Database;
using Sunlight.Web.Infrastructure.Identity;

var verb = args.Length > 0 && !args[0].StartsWith('-') ? args[0] : null;
var noDemo = args.Contains("--no-demo");
var full = args.Contains("--full");
// backup <file> / restore <file> [--force]: the file is the verb's operand, not configuration.
var operand = verb is "backup" or "restore" && args.Length > 1 && !args[1].StartsWith('-') ? args[1] : null;
var builder = WebApplication.CreateBuilder(args.Where(a => a != "--no-demo" && a != "--full" && a != "--force" && a != verb && a != operand).ToArray());
if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]) && string.IsNullOrEmpty(builder.Configuration["URLS"]))
{
    builder.WebHost.UseUrls("http://localhost:5080");
}

builder.Services.AddSunlight(builder.Configuration);
var app = builder.Build();

if (verb is not null)
{
    return await Cli.RunAsync(verb, app.Services, noDemo, full, operand, args.Contains("--force"));
}

await DatabaseSetup.MigrateAsync(app.Services);
StartupAccounts accounts;
using (var scope = app.Services.CreateScope())
{
    accounts = await scope.ServiceProvider.GetRequiredService<DemoSeeder>().EnsureAsync(demo: !noDemo);
}

app.UseSunlight();
app.Lifetime.ApplicationStarted.Register(() =>
{
    if (app.Environment.IsEnvironment("Testing"))
    {
        return; // in-process test hosts have no operator to greet
    }
    var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
    Console.WriteLine();
    Console.WriteLine("阳光执法监督平台已启动：" + string.Join("  ", addresses));
    Console.WriteLine(accounts.Password is null
        ? "管理员账号：admin（密码已在首次启动时显示；忘记时可用 reset-admin-password 重置）"
        : $"管理员账号：admin  密码：{accounts.Password}" + (accounts.PasswordGenerated ? "（自动生成，仅显示这一次，请妥善保存）" : ""));
    if (accounts.DemoUsers.Count > 1)
    {
        Console.WriteLine("演示账号（密码同上）：supervisor、inspector、observer、enterprise、unit01…unit22");
    }
    Console.WriteLine();
});
await app.RunAsync();
return 0;

public partial class Program
{
}

namespace Sunlight.Web
{
    internal static class SunlightApp
    {
        public static IServiceCollection AddSunlight(this IServiceCollection services, IConfiguration config)
        {
            services.AddHttpContextAccessor();
            // Chinese text is written as is, not as &#x...; entities.
            services.AddWebEncoders(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
            services.AddSingleton(TimeProvider.System);
            services.AddSunlightDatabase(config);
            services.AddSunlightIdentity(config);
            services.AddDataProtection().SetApplicationName("Sunlight").PersistKeysToDbContext<SunlightDbContext>();
            services.AddSingleton(sp => new WorkingCalendar(sp.GetRequiredService<IServiceScopeFactory>()));
            services.AddScoped<DemoSeeder>();
            services.AddValidatorsFromAssemblyContaining<Program>(ServiceLifetime.Singleton, includeInternalTypes: true);
            ValidatorOptions.Global.LanguageManager.Culture = new CultureInfo("zh-CN");
            // Error keys match the JSON property names clients send (camelCase).
            ValidatorOptions.Global.PropertyNameResolver = (_, member, _) => member is null ? null : JsonNamingPolicy.CamelCase.ConvertName(member.Name);
            // Enums by name only: a number (or a name we do not have) is a malformed body → 400, never a stored "42".
            services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false)));
            services.AddFeatureServices();

            services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
            {
                var status = ctx.ProblemDetails.Status ?? ctx.HttpContext.Response.StatusCode;
                if (string.IsNullOrEmpty(ctx.ProblemDetails.Title) || ctx.ProblemDetails.Title.Any(c => c is >= 'A' and <= 'z'))
                {
                    ctx.ProblemDetails.Title = ApiErrors.StatusTitle(status);
                }
                ctx.ProblemDetails.Detail ??= ApiErrors.StatusDetail(status);
                ctx.ProblemDetails.Type = null;
            });
            services.AddExceptionHandler<SunlightExceptionHandler>();
            services.AddHealthChecks().AddDbContextCheck<SunlightDbContext>("database");
            // Two features may each have a public "CategoryInput": such schemas are named after their capability
            // ("ProblemsCategoryInput"), or one endpoint would be documented with the other's body.
            var sameNames = typeof(Program).Assembly.GetTypes().Where(t => !t.IsNested && t.Namespace?.StartsWith("Sunlight.Web.Features", StringComparison.Ordinal) == true).GroupBy(t => t.Name).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet();
            services.AddOpenApi("v1", o =>
            {
                o.CreateSchemaReferenceId = info =>
                    OpenApiOptions.CreateDefaultSchemaReferenceId(info) is { } id && sameNames.Contains(info.Type.Name) && info.Type.Namespace?.Split('.') is { Length: > 3 } ns
                        ? ns[3] + id
                        : OpenApiOptions.CreateDefaultSchemaReferenceId(info);
                o.AddDocumentTransformer((doc, _, _) =>
                {
                    doc.Info.Title = "阳光执法监督平台 API";
                    doc.Info.Description = "县司法局行政执法监督平台接口。认证：POST /api/v1/auth/login 获取 Bearer 令牌。错误统一为 RFC 9457 ProblemDetails（中文）。";
                    return Task.CompletedTask;
                });
            });
            services.AddRazorPages(o =>
            {
                o.RootDirectory = "/Features";
                o.Conventions.AuthorizeFolder("/");
                o.Conventions.AllowAnonymousToPage("/Platform/Auth/Login");
                o.Conventions.AllowAnonymousToPage("/Platform/Auth/Logout");
                o.Conventions.AllowAnonymousToFolder("/Complaints/Public");
            }).AddMvcOptions(o => o.Filters.Add<UnparsableCheckboxFilter>());
            services.AddSingleton<Microsoft.AspNetCore.Mvc.ViewFeatures.IHtmlGenerator, NoInlineStyleHtmlGenerator>();
            // The antiforgery cookie is Secure when the request came over HTTPS; no "Server: Kestrel" header.
            services.AddAntiforgery(o => o.Cookie.SecurePolicy = Microsoft.AspNetCore.Http.CookieSecurePolicy.SameAsRequest);
            services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(o => o.AddServerHeader = false);
            services.AddRateLimiter(o =>
            {
                o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
                // Every 429 says when to come back, in the form its audience reads (HTML page, ProblemDetails, GeoReport).
                o.OnRejected = (ctx, _) =>
                {
                    var wait = ctx.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
                    ctx.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                    return new ValueTask(ApiErrors.WriteAsync(ctx.HttpContext, new() { Status = 429 }));
                };
                o.AddPolicy("login", http => RateLimitPartition.GetFixedWindowLimiter(
                    http.Connection.RemoteIpAddress?.ToString() ?? "local",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = config.GetValue("Sunlight:RateLimits:LoginPerMinute", 60), Window = TimeSpan.FromMinutes(1) }));
            });
            return services;
        }

        public static WebApplication UseSunlight(this WebApplication app)
        {
            // Every error, thrown or a bare status code, leaves through ApiErrors.WriteAsync: an HTML page for a browser,
            // ProblemDetails for an API client, GeoReport v2 errors for Open311.
            app.UseExceptionHandler();
            app.UseStatusCodePages(ctx => ApiErrors.WriteAsync(ctx.HttpContext, new() { Status = ctx.HttpContext.Response.StatusCode }));
            if (app.Configuration.GetValue("Sunlight:HttpsRedirection", false))
            {
                app.UseHsts();
                app.UseHttpsRedirection();
            }
            app.Use(async (ctx, next) =>
            {
                var h = ctx.Response.Headers;
                h.XContentTypeOptions = "nosniff";
                h.XFrameOptions = "DENY";
                h["Referrer-Policy"] = "strict-origin-when-cross-origin";
                h["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
                if (!ctx.Request.Path.StartsWithSegments("/scalar"))
                {
                    h.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";
                }
                await next();
            });
            app.UseRequestLocalization(new RequestLocalizationOptions
            {
                DefaultRequestCulture = new RequestCulture("zh-CN"),
                SupportedCultures = [new CultureInfo("zh-CN")],
                SupportedUICultures = [new CultureInfo("zh-CN")],
            });
            app.UseStaticFiles();
            app.UseRouting();
            app.UseRateLimiter();
            app.UseAuthentication();
            app.UseCookieAntiforgery();
            app.UseAuthorization();

            app.MapHealthChecks("/healthz").AllowAnonymous();
            app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
            app.MapScalarApiReference("/scalar", o => o.WithTitle("阳光执法监督平台 API").WithOpenApiRoutePattern("/openapi/{documentName}.json")).AllowAnonymous();
            app.MapGroup("/api/v1").DisableAntiforgery().MapFeatureEndpoints();
            app.MapFeatureRootEndpoints();
            app.MapRazorPages();
            return app;
        }
    }
}
