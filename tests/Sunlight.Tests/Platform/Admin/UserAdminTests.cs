using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sunlight.Tests.Infrastructure;
using Sunlight.Web.Features.Platform.Demo;
using Sunlight.Web.Infrastructure.Audit;
using Sunlight.Web.Infrastructure.Identity;

using Sunlight.Web.Infrastructure.Api;

namespace Sunlight.Tests.Platform.Admin;

public sealed class UserAdminTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    private const string NewPassword = "Fresh-passw0rd9";

    private static Dictionary<string, string?> NewUser(string userName, string role, long? unitId = null, string? uscc = null, string password = NewPassword) => new()
    {
        ["Input.UserName"] = userName,
        ["Input.DisplayName"] = "测试用户 " + userName,
        ["Input.Role"] = role,
        ["Input.UnitId"] = unitId?.ToString(),
        ["Input.Uscc"] = uscc,
        ["Input.Password"] = password,
    };

    /// <summary>A Bearer client for an account whose password is not the demo password.</summary>
    private async Task<HttpClient> BearerFor(string userName, string password)
    {
        using var anonymous = app.CreateClient();
        var login = await HttpAssert.Ok<Dictionary<string, object>>(await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { userName, password }));
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", login["accessToken"].ToString());
        return client;
    }

    private Task<string> IdOf(string userName) => app.Db(db => db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync());

    [Fact]
    public async Task Create_UnitStaffBoundToUnit_CanLogIn_AndSeesOnlyThatUnit_AndIsAudited()
    {
        using var admin = await PageSession.SignInAsync(app, "admin");
        var unit = await app.Db(db => db.Units.SingleAsync(u => u.Code == "U05"));
        var before = await app.Db(db => db.AuditEntries.MaxAsync(a => a.Sequence));

        var response = await admin.PostFormAsync("/Admin/Users/Create", "/Admin/Users/Create", NewUser("zhang.fz", Roles.UnitStaff, unit.Id));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var stored = await app.Db(db => db.Users.AsNoTracking().SingleAsync(u => u.UserName == "zhang.fz"));
        Assert.Equal(unit.Id, stored.UnitId);
        Assert.Null(stored.Uscc);
        Assert.Equal(DemoCounty.RegionCode, stored.RegionCode);
        Assert.True(stored.LockoutEnabled);
        var roles = await app.Db(db => db.UserRoles.Where(r => r.UserId == stored.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).ToListAsync());
        Assert.Equal([Roles.UnitStaff], roles);

        var audit = await app.Db(db => db.AuditEntries.Where(a => a.Sequence > before).ToListAsync());
        var entry = Assert.Single(audit);
        Assert.Equal(("AppUser", stored.Id, "Create", "admin"), (entry.EntityType, entry.EntityId, entry.Action, entry.Actor));
        Assert.Contains("\"Role\":\"UnitStaff\"", entry.After, StringComparison.Ordinal);
        Assert.DoesNotContain("Password", entry.After, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(stored.PasswordHash!, entry.After, StringComparison.Ordinal);
        Assert.Null(await app.Db(db => AuditChain.VerifyAsync(db, CancellationToken.None)));

        using var staff = await BearerFor("zhang.fz", NewPassword);
        var units = (await HttpAssert.Ok<Page<Dictionary<string, object>>>(await staff.GetAsync("/api/v1/units"))).Items;
        Assert.Equal("U05", Assert.Single(units)["code"].ToString());

        var list = await admin.GetHtmlAsync("/Admin/Users?q=zhang&role=UnitStaff");
        Assert.Contains("zhang.fz", list, StringComparison.Ordinal);
        Assert.Contains(unit.Name, list, StringComparison.Ordinal);
        Assert.DoesNotContain("unit01", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UserAdmin_ByNonAdmin_IsRefused_AndCreatesNothing()
    {
        using var bearer = await app.ClientFor("supervisor");
        Assert.Equal(HttpStatusCode.Forbidden, (await bearer.GetAsync("/Admin/Users")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await bearer.GetAsync("/Admin/Roles")).StatusCode);

        using var supervisor = await PageSession.SignInAsync(app, "supervisor");
        var page = await supervisor.Client.GetAsync("/Admin/Users/Create");
        await HttpAssert.ErrorPage(page, HttpStatusCode.Forbidden);

        // A post with a valid antiforgery token (from a page the supervisor may open) is still refused.
        var token = await supervisor.TokenAsync("/");
        var post = await supervisor.Client.PostAsync("/Admin/Users/Create", new FormUrlEncodedContent(
            NewUser("intruder", Roles.Admin).Select(kv => new KeyValuePair<string, string>(kv.Key, kv.Value ?? "")).Append(new("__RequestVerificationToken", token))));
        await HttpAssert.ErrorPage(post, HttpStatusCode.Forbidden);
        Assert.False(await app.Db(db => db.Users.AnyAsync(u => u.UserName == "intruder")));
    }

    [Theory]
    [InlineData("UnitStaff", null, NewPassword, "执法单位法制员必须选择所属执法单位")]
    [InlineData("Enterprise", "91350100M000100Y44", NewPassword, "统一社会信用代码校验位错误")]
    [InlineData("Enterprise", "", NewPassword, "统一社会信用代码不能为空")]
    [InlineData("Supervisor", null, "shortpw1", "密码至少需要 10 位。")]
    [InlineData("Supervisor", null, "no-digits-here", "密码必须包含数字。")]
    public async Task Create_Invalid_ShowsChineseError_AndCreatesNoUser(string role, string? uscc, string password, string error)
    {
        using var admin = await PageSession.SignInAsync(app, "admin");
        var userName = "bad" + Guid.NewGuid().ToString("N")[..8];
        var response = await admin.PostFormAsync("/Admin/Users/Create", "/Admin/Users/Create", NewUser(userName, role, uscc: uscc, password: password));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(error, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await app.Db(db => db.Users.AnyAsync(u => u.UserName == userName)));
    }

    [Fact]
    public async Task Create_DisplayNameAtColumnLength_IsStoredAndAudited_OneMoreIsAChineseFieldError()
    {
        using var admin = await PageSession.SignInAsync(app, "admin");
        var longest = new string('名', AppUser.DisplayNameLength);
        var form = NewUser("max.name", Roles.Observer);
        form["Input.DisplayName"] = longest + "名";
        var refused = await admin.PostFormAsync("/Admin/Users/Create", "/Admin/Users/Create", form);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains($"姓名/显示名称不能超过 {AppUser.DisplayNameLength} 个字", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await app.Db(db => db.Users.AnyAsync(u => u.UserName == "max.name")));

        form["Input.DisplayName"] = longest;
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync("/Admin/Users/Create", "/Admin/Users/Create", form)).StatusCode);
        var stored = await app.Db(db => db.Users.AsNoTracking().SingleAsync(u => u.UserName == "max.name"));
        Assert.Equal(longest, stored.DisplayName);
        var entry = await app.Db(db => db.AuditEntries.AsNoTracking().SingleAsync(a => a.EntityType == "AppUser" && a.EntityId == stored.Id && a.Action == "Create"));
        Assert.Contains(longest, entry.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_EnterpriseWithUnregisteredUscc_IsRefused_RegisteredIsBound()
    {
        using var admin = await PageSession.SignInAsync(app, "admin");
        var unregistered = DemoSeeder.MakeUscc(new Random(7), "91");
        var refused = await admin.PostFormAsync("/Admin/Users/Create", "/Admin/Users/Create", NewUser("ent.new", Roles.Enterprise, uscc: unregistered));
        Assert.Contains("未登记为企业", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await app.Db(db => db.Users.AnyAsync(u => u.UserName == "ent.new")));

        var registered = await app.Db(db => db.Enterprises.OrderBy(e => e.Id).Skip(3).Select(e => e.Uscc).FirstAsync());
        var created = await admin.PostFormAsync("/Admin/Users/Create", "/Admin/Users/Create", NewUser("ent.new", Roles.Enterprise, unitId: 1, uscc: registered.ToLowerInvariant()));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var stored = await app.Db(db => db.Users.AsNoTracking().SingleAsync(u => u.UserName == "ent.new"));
        Assert.Equal(registered, stored.Uscc);
        Assert.Null(stored.UnitId); // a unit sent along for another role is not kept
    }

    [Fact]
    public async Task LockAndUnlock_BlockAndRestoreLogin_AreAudited_AndLoginPageSaysWhy()
    {
        using var admin = await PageSession.SignInAsync(app, "admin");
        var id = await IdOf("unit06");
        var edit = $"/Admin/Users/Edit/{id}";

        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(edit, edit + "?handler=Lock", [])).StatusCode);
        var locked = await app.Db(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == id));
        Assert.True(locked.LockoutEnd > DateTimeOffset.UtcNow.AddYears(100));
        Assert.Contains("已被管理员锁定", await admin.GetHtmlAsync(edit), StringComparison.Ordinal);

        using var anonymous = app.CreateClient();
        var refused = await HttpAssert.Problem(await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { userName = "unit06", password = SunlightFactory.Password }), HttpStatusCode.Unauthorized);
        Assert.Contains("锁定", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
        using var browser = PageSession.Anonymous(app);
        var loginPage = await browser.PostFormAsync("/Account/Login", "/Account/Login", new() { ["UserName"] = "unit06", ["Password"] = SunlightFactory.Password });
        Assert.Equal(HttpStatusCode.OK, loginPage.StatusCode);
        Assert.Contains("账号已被管理员锁定", await loginPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(edit, edit + "?handler=Unlock", [])).StatusCode);
        Assert.Null(await app.Db(db => db.Users.Where(u => u.Id == id).Select(u => u.LockoutEnd).SingleAsync()));
        Assert.Equal(HttpStatusCode.OK, (await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { userName = "unit06", password = SunlightFactory.Password })).StatusCode);

        var actions = await app.Db(db => db.AuditEntries.Where(a => a.EntityType == "AppUser" && a.EntityId == id).OrderBy(a => a.Sequence).Select(a => a.Action + "/" + a.Actor).ToListAsync());
        Assert.Equal(["Lock/admin", "Unlock/admin"], actions);
        Assert.Null(await app.Db(db => AuditChain.VerifyAsync(db, CancellationToken.None)));
    }

    [Fact]
    public async Task LoginPage_AfterTooManyFailures_ShowsTheChineseLockoutMessage()
    {
        using var browser = PageSession.Anonymous(app);
        // Twenty failures lock an account; one client is throttled after ten (LoginThrottleTests), so they are
        // recorded here as Identity records them.
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>();
            var account = (await users.FindByNameAsync("unit09"))!;
            for (var i = 0; i < 20; i++)
            {
                await users.AccessFailedAsync(account);
            }
        }
        var response = await browser.PostFormAsync("/Account/Login", "/Account/Login", new() { ["UserName"] = "unit09", ["Password"] = SunlightFactory.Password });
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("登录失败次数过多，账号已锁定 15 分钟", html, StringComparison.Ordinal);

        using var admin = await PageSession.SignInAsync(app, "admin");
        Assert.Contains("登录失败过多", await admin.GetHtmlAsync($"/Admin/Users/Edit/{await IdOf("unit09")}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RoleChange_AndPasswordReset_AreAuditedWithoutSecrets()
    {
        using var admin = await PageSession.SignInAsync(app, "admin");
        var id = await IdOf("unit07");
        var unitId = await app.Db(db => db.Users.Where(u => u.Id == id).Select(u => u.UnitId).SingleAsync());
        var edit = $"/Admin/Users/Edit/{id}";

        var changed = await admin.PostFormAsync(edit, edit, new() { ["Input.DisplayName"] = "改为联络员", ["Input.Role"] = Roles.Observer, ["Input.UnitId"] = unitId.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        var stored = await app.Db(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == id));
        Assert.Null(stored.UnitId); // an Observer is county-wide: the unit binding is dropped
        Assert.Equal("改为联络员", stored.DisplayName);

        var weak = await admin.PostFormAsync(edit, edit + "?handler=ResetPassword", new() { ["NewPassword"] = "short" });
        Assert.Contains("密码至少需要 10 位。", await weak.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var reset = await admin.PostFormAsync(edit, edit + "?handler=ResetPassword", new() { ["NewPassword"] = NewPassword });
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);

        var entries = await app.Db(db => db.AuditEntries.Where(a => a.EntityType == "AppUser" && a.EntityId == id).OrderBy(a => a.Sequence).ToListAsync());
        Assert.Equal(["RoleChange", "PasswordReset"], entries.Select(e => e.Action));
        Assert.Contains("\"Role\":\"UnitStaff\"", entries[0].Before, StringComparison.Ordinal);
        Assert.Contains("\"Role\":\"Observer\"", entries[0].After, StringComparison.Ordinal);
        Assert.Contains("\"UnitId\":null", entries[0].After, StringComparison.Ordinal);
        var hash = await app.Db(db => db.Users.Where(u => u.Id == id).Select(u => u.PasswordHash).SingleAsync());
        Assert.All(entries, e => Assert.DoesNotContain(hash!, (e.Before ?? "") + e.After, StringComparison.Ordinal));
        Assert.DoesNotContain(NewPassword, entries[1].After, StringComparison.Ordinal);
        Assert.Null(await app.Db(db => AuditChain.VerifyAsync(db, CancellationToken.None)));

        using var observer = await BearerFor("unit07", NewPassword);
        Assert.Equal(22, ((await HttpAssert.Ok<Page<Dictionary<string, object>>>(await observer.GetAsync("/api/v1/units"))).Items).Count(u => u["kind"].ToString() == "Enforcement"));
    }

    [Fact]
    public async Task Admin_CannotLockSelf_OrDropOwnAdminRole()
    {
        using var admin = await PageSession.SignInAsync(app, "admin");
        var id = await IdOf("admin");
        var edit = $"/Admin/Users/Edit/{id}";
        var lockSelf = await admin.PostFormAsync(edit, edit + "?handler=Lock", []);
        Assert.Contains("不能锁定自己的账号", await lockSelf.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var demote = await admin.PostFormAsync(edit, edit, new() { ["Input.DisplayName"] = "管理员", ["Input.Role"] = Roles.Supervisor });
        Assert.Contains("不能取消自己的系统管理员角色", await demote.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(await app.Db(db => db.Users.Where(u => u.Id == id).Select(u => u.LockoutEnd).SingleAsync()));
    }

    [Fact]
    public async Task RolesPage_ListsEveryRoleWithChineseNameAndUserCount()
    {
        using var admin = await PageSession.SignInAsync(app, "admin");
        var html = await admin.GetHtmlAsync("/Admin/Roles");
        foreach (var role in Roles.All)
        {
            Assert.Contains(Roles.DisplayName(role), html, StringComparison.Ordinal);
        }
        var unitStaff = await app.Db(db => db.UserRoles.Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).CountAsync(n => n == Roles.UnitStaff));
        Assert.Contains($"href=\"/Admin/Users?role=UnitStaff\">{unitStaff}</a>", html, StringComparison.Ordinal);
    }
}
