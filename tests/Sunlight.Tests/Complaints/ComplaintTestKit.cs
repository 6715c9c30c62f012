using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sunlight.Tests.Infrastructure;
using Sunlight.Web.Features.Complaints;
using Sunlight.Web.Features.Complaints.Public;
using Sunlight.Web.Features.Complaints.Queries;
using Sunlight.Web.Infrastructure.Audit;

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

    /// <summary>A complaint filed publicly and driven by the staff API to <paramref name="state"/> (assigned to unit05).</summary>
    public static async Task<long> ComplaintAtAsync(SunlightFactory app, ComplaintState state)
    {
        var id = await IdOf(app, (await FileAsync(app)).TrackingCode);
        using var supervisor = await app.ClientFor("supervisor");
        using var unit = await app.ClientFor("unit05");
        var steps = new (ComplaintState Reached, HttpClient By, string Url, object Body)[]
        {
            (ComplaintState.Accepted, supervisor, "accept", new { }),
            (ComplaintState.Assigned, supervisor, "assign", new { unitId = await UnitId(app, "unit05") }),
            (ComplaintState.ReplyDrafted, unit, "reply", new { text = "经核查，已责令改正。" }),
            (ComplaintState.Replied, supervisor, "reply/review", new { approve = true }),
        };
        foreach (var (reached, by, url, body) in steps.TakeWhile(s => s.Reached <= state))
        {
            await StepAsync(by, $"/api/v1/complaints/{id}/{url}", body);
        }
        return id;
    }

    public static Task<Complaint> StoredAsync(SunlightFactory app, long id) =>
        app.Db(db => db.Set<Complaint>().AsNoTracking().SingleAsync(c => c.Id == id));

    /// <summary>The complaint's latest audit entry (of <paramref name="action"/>, if given), with its before/after images parsed.</summary>
    public static async Task<(AuditEntry Entry, JsonElement Before, JsonElement After)> LastAuditAsync(SunlightFactory app, long id, string? action = null)
    {
        var entry = await app.Db(db => db.Set<AuditEntry>().AsNoTracking()
            .Where(e => e.EntityType == nameof(Complaint) && e.EntityId == id.ToString() && (action == null || e.Action == action))
            .OrderByDescending(e => e.Sequence).FirstAsync());
        return (entry, Parse(entry.Before), Parse(entry.After));
    }

    private static JsonElement Parse(string? json) => json is null ? default : JsonDocument.Parse(json).RootElement.Clone();

    /// <summary>Posts a body whose <paramref name="field"/> is one over its column: a Chinese 400 on that field, nothing stored.</summary>
    public static async Task AssertTooLongAsync(SunlightFactory app, HttpClient client, long id, string step, string field, Dictionary<string, object?> body, int max)
    {
        var before = await StoredAsync(app, id);
        body[field] = new string('长', max + 1);
        var problem = await HttpAssert.Problem(await client.PostJson($"/api/v1/complaints/{id}/{step}", body), HttpStatusCode.BadRequest);
        Assert.Contains($"不能超过 {max} 个字", problem.GetProperty("errors").GetProperty(field)[0].GetString());
        var after = await StoredAsync(app, id);
        Assert.Equal((before.State, before.Version), (after.State, after.Version));
    }

    /// <summary>Posts a step that a rule refuses: a 409 with <paramref name="rule"/>, nothing stored.</summary>
    public static async Task<JsonElement> AssertRefusedAsync(SunlightFactory app, HttpClient client, long id, string step, object body, string rule)
    {
        var before = await StoredAsync(app, id);
        var problem = await HttpAssert.Problem(await client.PostJson($"/api/v1/complaints/{id}/{step}", body), HttpStatusCode.Conflict);
        Assert.Equal(rule, problem.GetProperty("rule").GetString());
        Assert.Equal(before.Version, (await StoredAsync(app, id)).Version);
        return problem;
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
