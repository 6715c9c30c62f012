using System.Net;
using Microsoft.EntityFrameworkCore;
using Sunlight.Tests.Infrastructure;
using Sunlight.Web.Features.Complaints;
using Sunlight.Web.Features.Complaints.Confidentiality;
using static Sunlight.Tests.Complaints.ComplaintTestKit;

namespace Sunlight.Tests.Complaints;

/// <summary>
/// Issue #9, defect 2 (second half): PIN guesses are throttled per tracking code — five wrong PINs lock the code for
/// 30 minutes (C-PIN-LOCKED, even for the right PIN), until time passes or a Supervisor unlocks it; PINs are 12
/// characters (60 bits), so a leaked hash cannot be searched offline.
/// </summary>
public sealed class PinLockTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    private static Task<HttpResponseMessage> Lookup(HttpClient client, string code, string pin) => client.PostJson($"/api/v1/public/complaints/{code}/status", new { pin });

    private async Task<(long Id, string Code, string Pin)> LockedAsync()
    {
        var receipt = await FileAsync(app);
        using var anonymous = app.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            await HttpAssert.Problem(await Lookup(anonymous, receipt.TrackingCode, "WRONG-PIN-" + i), HttpStatusCode.NotFound);
        }
        return (await IdOf(app, receipt.TrackingCode), receipt.TrackingCode, receipt.Pin);
    }

    [Fact]
    public async Task FiveWrongPins_LockTheCode_EvenForTheRightPin_UntilTheLockEnds()
    {
        using var anonymous = app.CreateClient();
        var receipt = await FileAsync(app);
        for (var i = 0; i < 4; i++)
        {
            await HttpAssert.Problem(await Lookup(anonymous, receipt.TrackingCode, "WRONG-PIN-" + i), HttpStatusCode.NotFound);
        }
        Assert.Equal(HttpStatusCode.OK, (await Lookup(anonymous, receipt.TrackingCode, receipt.Pin)).StatusCode); // 4 wrong, then right: reset
        Assert.Equal(0, (await StoredAsync(app, await IdOf(app, receipt.TrackingCode))).PinFailures);

        var (id, code, pin) = await LockedAsync();
        var stored = await StoredAsync(app, id);
        Assert.Equal(5, stored.PinFailures);
        Assert.Equal(app.Clock.GetUtcNow().AddMinutes(30), stored.PinLockedUntil);
        var locked = await HttpAssert.Problem(await Lookup(anonymous, code, pin), HttpStatusCode.Conflict);
        Assert.Equal("C-PIN-LOCKED", locked.GetProperty("rule").GetString());
        Assert.Contains("锁定", locked.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("C-PIN-LOCKED", (await HttpAssert.Problem(await anonymous.PostJson($"/api/v1/public/complaints/{code}/rating", new { pin, satisfied = true }), HttpStatusCode.Conflict)).GetProperty("rule").GetString());

        app.Clock.Advance(TimeSpan.FromMinutes(31));
        Assert.Equal(HttpStatusCode.OK, (await Lookup(anonymous, code, pin)).StatusCode);
        Assert.Equal(0, (await StoredAsync(app, id)).PinFailures);
    }

    [Fact]
    public async Task TheTrackingPage_SaysTheCodeIsLocked()
    {
        var (_, code, pin) = await LockedAsync();
        using var browser = PageSession.Anonymous(app);
        var page = await browser.PostFormAsync("/Public/Complaints/Track", "/Public/Complaints/Track", new() { ["Code"] = code, ["Pin"] = pin });
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("查询密码错误次数过多，该查询码已锁定", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"status\"", html, StringComparison.Ordinal);
    }

    [Fact]
    [ScopeCovered("POST /api/v1/complaints/{id:long}/pin/unlock")]
    public async Task Supervisor_UnlocksTheCode_Audited_OthersMayNot()
    {
        var (id, code, pin) = await LockedAsync();
        using var unit = await app.ClientFor("unit05");
        using var observer = await app.ClientFor("observer");
        await HttpAssert.Problem(await unit.PostJson($"/api/v1/complaints/{id}/pin/unlock", new { }), HttpStatusCode.Forbidden);
        await HttpAssert.Problem(await observer.PostJson($"/api/v1/complaints/{id}/pin/unlock", new { }), HttpStatusCode.Forbidden);
        using var supervisor = await app.ClientFor("supervisor");
        await HttpAssert.Problem(await supervisor.PostJson("/api/v1/complaints/999999999/pin/unlock", new { }), HttpStatusCode.NotFound);
        Assert.NotNull((await StoredAsync(app, id)).PinLockedUntil);

        Assert.Equal(HttpStatusCode.OK, (await supervisor.PostJson($"/api/v1/complaints/{id}/pin/unlock", new { })).StatusCode);
        var stored = await StoredAsync(app, id);
        Assert.Equal((0, (DateTimeOffset?)null), (stored.PinFailures, stored.PinLockedUntil));
        var (entry, before, after) = await LastAuditAsync(app, id);
        Assert.Equal(("supervisor", 5, 0), (entry.Actor, before.GetProperty("PinFailures").GetInt32(), after.GetProperty("PinFailures").GetInt32()));
        using var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await Lookup(anonymous, code, pin)).StatusCode);
    }

    [Fact]
    public void Pins_Are12CharactersOf32_TypedInAnyCaseWithOrWithoutDashes_AndOldEightDigitPinsStillVerify()
    {
        var pin = ComplaintCodes.NewPin();
        Assert.Matches("^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$", pin);
        var hash = ComplaintCodes.HashPin(pin);
        Assert.True(ComplaintCodes.VerifyPin(hash, pin.Replace("-", "", StringComparison.Ordinal).ToLowerInvariant()));
        Assert.True(ComplaintCodes.VerifyPin(hash, " " + pin + " "));
        Assert.False(ComplaintCodes.VerifyPin(hash, pin[..^1] + (pin[^1] == 'Z' ? 'Y' : 'Z')));
        Assert.True(ComplaintCodes.VerifyPin(ComplaintCodes.HashPin("12345678"), "12345678"));
    }
}
