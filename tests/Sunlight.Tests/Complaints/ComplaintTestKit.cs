using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Sunlight.Tests.Infrastructure;
using Sunlight.Web.Features.Complaints;
using Sunlight.Web.Features.Complaints.Public;
using Sunlight.Web.Features.Complaints.Queries;

namespace Sunlight.Tests.Complaints;

/// <summary>Shared steps for complaint tests: file a complaint publicly and drive it through the staff API.</summary>
internal static class ComplaintTestKit
{
    public const string SecretName = "秘密举报人张三丰";
    public const string SecretPhone = "13912345678";
    public const string SecretEmail = "whistle.blower@example.cn";

    public static object Submission(string description = "市场监管所执法人员多次到我店检查，每次都要求罚款，怀疑趋利性执法。", string category = "profit-driven",
        long? unitId = null, bool anonymous = false, string? intakePoint = null) => new
    {
        category, description, unitId, enterpriseName = "青禾县测试餐饮有限公司", anonymous,
        reporterName = anonymous ? null : SecretName, reporterPhone = anonymous ? null : SecretPhone, reporterEmail = anonymous ? null : SecretEmail,
        intakePoint,
    };

    public static async Task<IntakeResponse> FileAsync(SunlightFactory app, object? submission = null)
    {
        using var client = app.CreateClient();
        return await HttpAssert.Ok<IntakeResponse>(await client.PostAsJsonAsync("/api/v1/public/complaints", submission ?? Submission()), HttpStatusCode.Created);
    }

    public static Task<long> IdOf(SunlightFactory app, string trackingCode) =>
        app.Db(db => db.Set<Complaint>().Where(c => c.TrackingCode == trackingCode).Select(c => c.Id).SingleAsync());

    public static Task<long> UnitId(SunlightFactory app, string userName) =>
        app.Db(db => db.Users.Where(u => u.UserName == userName).Select(u => u.UnitId!.Value).SingleAsync());

    public static async Task<ComplaintDto> StepAsync(HttpClient client, string url, object body, HttpStatusCode expected = HttpStatusCode.OK) =>
        await HttpAssert.Ok<ComplaintDto>(await client.PostJson(url, body), expected);

    /// <summary>Files a complaint with a reporter identity and assigns it to <paramref name="unitUser"/>'s unit.</summary>
    public static async Task<(long Id, IntakeResponse Receipt)> FiledAndAssignedAsync(SunlightFactory app, string unitUser = "unit05", object? submission = null)
    {
        var receipt = await FileAsync(app, submission);
        var id = await IdOf(app, receipt.TrackingCode);
        using var supervisor = await app.ClientFor("supervisor");
        await StepAsync(supervisor, $"/api/v1/complaints/{id}/accept", new { });
        await StepAsync(supervisor, $"/api/v1/complaints/{id}/assign", new { unitId = await UnitId(app, unitUser) });
        return (id, receipt);
    }

    /// <summary>A Bearer client with a token issued now (the factory caches tokens, which expire when a test moves the clock).</summary>
    public static async Task<HttpClient> FreshClientFor(SunlightFactory app, string userName)
    {
        var client = app.CreateClient();
        var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { userName, password = SunlightFactory.Password });
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static byte[] Png => Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
    public static byte[] Pdf => "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"u8.ToArray();
}
