using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sunlight.Tests.Infrastructure;
using Sunlight.Web.Features.Complaints;
using Sunlight.Web.Features.Complaints.Public;
using static Sunlight.Tests.Complaints.ComplaintTestKit;

namespace Sunlight.Tests.Complaints;

/// <summary>
/// Issue #9, defect 7: a complaint is anonymous only when the person chose it. Contact details sent without an
/// "anonymous" field are kept on every channel (public JSON, multipart, QR point form, staff API, staff form, .eml);
/// the public form starts unticked; ticking 匿名 while giving a contact is a field error, never a silent drop.
/// (Open311 is covered by its own tests.)
/// </summary>
public sealed class ContactDetailsTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    private const string Description = "执法人员检查时态度恶劣，要求当场缴纳罚款，未出具任何票据。";

    private async Task AssertKeptAsync(long id, string phone)
    {
        Assert.False((await StoredAsync(app, id)).IsAnonymous);
        using var supervisor = await app.ClientFor("supervisor");
        var reporter = await HttpAssert.Ok<JsonElement>(await supervisor.GetAsync($"/api/v1/complaints/{id}/reporter"));
        Assert.False(reporter.GetProperty("anonymous").GetBoolean());
        Assert.Equal(phone, reporter.GetProperty("phone").GetString());
    }

    [Fact]
    public async Task PublicJson_WithContactAndNoAnonymousField_KeepsTheContact()
    {
        using var client = app.CreateClient();
        var receipt = await HttpAssert.Ok<IntakeResponse>(await client.PostAsJsonAsync("/api/v1/public/complaints",
            new { category = "profit-driven", description = Description, reporterName = "李四", reporterPhone = "13800000001" }), HttpStatusCode.Created);
        await AssertKeptAsync(await IdOf(app, receipt.TrackingCode), "13800000001");
    }

    [Fact]
    public async Task PublicMultipart_WithContactAndNoAnonymousField_KeepsTheContact()
    {
        using var client = app.CreateClient();
        using var form = new MultipartFormDataContent
        {
            { new StringContent("profit-driven"), "category" }, { new StringContent(Description), "description" },
            { new StringContent("13800000002"), "reporterPhone" },
        };
        var receipt = await HttpAssert.Ok<IntakeResponse>(await client.PostAsync("/api/v1/public/complaints", form), HttpStatusCode.Created);
        await AssertKeptAsync(await IdOf(app, receipt.TrackingCode), "13800000002");
    }

    [Fact]
    public async Task QrPointForm_StartsUnticked_AndKeepsTheContactTyped()
    {
        var point = await app.Db(db => db.Set<IntakePoint>().Where(p => p.IsActive).Select(p => p.Code).FirstAsync());
        using var browser = PageSession.Anonymous(app);
        var url = $"/Public/Complaints/New?point={point}";
        var html = await browser.GetHtmlAsync(url);
        var box = System.Text.RegularExpressions.Regex.Match(html, "<input[^>]*name=\"Anonymous\"[^>]*type=\"checkbox\"[^>]*>|<input[^>]*type=\"checkbox\"[^>]*name=\"Anonymous\"[^>]*>").Value;
        Assert.NotEmpty(box);
        Assert.DoesNotContain("checked", box, StringComparison.Ordinal);

        var response = await browser.PostFormAsync(url, url, new()
        {
            ["Category"] = "profit-driven", ["Description"] = Description, ["ReporterPhone"] = "13800000003", ["Anonymous"] = "false",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var id = await app.Db(db => db.Set<Complaint>().Where(c => c.Description == Description && c.Channel == ComplaintChannel.IntakePoint).Select(c => c.Id).SingleAsync());
        await AssertKeptAsync(id, "13800000003");
    }

    [Fact]
    public async Task PublicApi_AnonymousChosenWithAContact_IsAFieldError_AndNothingIsStored()
    {
        using var client = app.CreateClient();
        var before = await app.Db(db => db.Set<Complaint>().CountAsync());
        var problem = await HttpAssert.Problem(await client.PostAsJsonAsync("/api/v1/public/complaints",
            new { category = "profit-driven", description = Description, anonymous = true, reporterPhone = "13800000004" }), HttpStatusCode.BadRequest);
        Assert.Contains("匿名", problem.GetProperty("errors").GetProperty("anonymous")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await app.Db(db => db.Set<Complaint>().CountAsync()));

        var chosen = await HttpAssert.Ok<IntakeResponse>(await client.PostAsJsonAsync("/api/v1/public/complaints",
            new { category = "profit-driven", description = Description, anonymous = true }), HttpStatusCode.Created);
        Assert.True((await StoredAsync(app, await IdOf(app, chosen.TrackingCode))).IsAnonymous);
    }

    [Fact]
    public async Task StaffApi_WithContactAndNoAnonymousField_KeepsTheContact()
    {
        using var supervisor = await app.ClientFor("supervisor");
        var receipt = await HttpAssert.Ok<IntakeResponse>(await supervisor.PostJson("/api/v1/complaints",
            new { channel = "Phone", category = "profit-driven", description = Description, reporterName = "王五", reporterPhone = "13800000005" }), HttpStatusCode.Created);
        await AssertKeptAsync(await IdOf(app, receipt.TrackingCode), "13800000005");
    }

    [Fact]
    public async Task StaffForm_WithContact_KeepsTheContact()
    {
        using var supervisor = await PageSession.SignInAsync(app, "supervisor");
        var response = await supervisor.PostFormAsync("/Complaints/New", "/Complaints/New", new()
        {
            ["Channel"] = "Phone", ["Category"] = "profit-driven", ["Description"] = Description, ["ReporterPhone"] = "13800000006",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await AssertKeptAsync(long.Parse(response.Headers.Location!.OriginalString.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture), "13800000006");
    }

    [Fact]
    public async Task Eml_WithASender_KeepsTheSenderAsTheReporter()
    {
        using var supervisor = await app.ClientFor("supervisor");
        var eml = "From: 赵六 <zhao.liu@example.cn>\r\nTo: ts@example.gov.cn\r\nSubject: =?utf-8?B?" + Convert.ToBase64String(Encoding.UTF8.GetBytes("执法不规范")) + "?=\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + Description + "\r\n";
        using var form = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(eml)), "eml", "mail.eml" }, { new StringContent("profit-driven"), "category" } };
        var receipt = await HttpAssert.Ok<IntakeResponse>(await supervisor.PostAsync("/api/v1/complaints/eml", form), HttpStatusCode.Created);
        var id = await IdOf(app, receipt.TrackingCode);
        Assert.False((await StoredAsync(app, id)).IsAnonymous);
        var reporter = await HttpAssert.Ok<JsonElement>(await supervisor.GetAsync($"/api/v1/complaints/{id}/reporter"));
        Assert.Equal("zhao.liu@example.cn", reporter.GetProperty("email").GetString());
    }
}
