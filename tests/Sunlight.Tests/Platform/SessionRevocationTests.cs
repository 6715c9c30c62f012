using System.Net;
using Microsoft.EntityFrameworkCore;
using Sunlight.Tests.Infrastructure;
using Sunlight.Web.Infrastructure.Identity;

namespace Sunlight.Tests.Platform;

/// <summary>
/// Issue #9, defect 1: a browser session dies on its next request after an administrator locks the account, changes
/// its role or unit, or resets its password — as a Bearer token already did.
/// </summary>
public sealed class SessionRevocationTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    [Theory]
    [InlineData("unit10", "lock")]
    [InlineData("unit11", "role")]
    [InlineData("unit12", "unit")]
    [InlineData("unit13", "password")]
    public async Task CookieSession_IsRefused_OnTheNextRequest_AfterTheAdminChangesTheAccount(string userName, string change)
    {
        using var victim = await PageSession.SignInAsync(app, userName);
        Assert.Equal(HttpStatusCode.OK, (await victim.Client.GetAsync("/api/v1/units")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await victim.Client.GetAsync("/Problems")).StatusCode);

        using var admin = await PageSession.SignInAsync(app, "admin");
        var id = await app.Db(db => db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync());
        var otherUnit = await app.Db(db => db.Units.Where(u => u.Code == "U20").Select(u => u.Id).SingleAsync());
        var edit = $"/Admin/Users/Edit/{id}";
        var done = change switch
        {
            "lock" => await admin.PostFormAsync(edit, edit + "?handler=Lock", []),
            "role" => await admin.PostFormAsync(edit, edit, new() { ["Input.DisplayName"] = "改为联络员", ["Input.Role"] = Roles.Observer }),
            "unit" => await admin.PostFormAsync(edit, edit, new() { ["Input.DisplayName"] = "调往他单位", ["Input.Role"] = Roles.UnitStaff, ["Input.UnitId"] = otherUnit.ToString() }),
            _ => await admin.PostFormAsync(edit, edit + "?handler=ResetPassword", new() { ["NewPassword"] = "Fresh-passw0rd9" }),
        };
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);

        await HttpAssert.Problem(await victim.Client.GetAsync("/api/v1/units"), HttpStatusCode.Unauthorized);
        var page = await victim.Client.GetAsync("/Problems");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/Account/Login", page.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }
}
