using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Sunlight.Tests.Infrastructure;
using Sunlight.Web.Features.Complaints;
using Sunlight.Web.Features.Complaints.Open311.Integrations;
using Sunlight.Web.Infrastructure.Audit;

namespace Sunlight.Tests.Complaints;

/// <summary>Registered Open311 integrations (Admin API and page): hashed key, own rate limit, enabled; 429 in GeoReport form.</summary>
public sealed class Open311IntegrationTests(LowIntakeLimitApp app) : IClassFixture<LowIntakeLimitApp>
{
    private static FormUrlEncodedContent Form(string description, string? apiKey = null)
    {
        var fields = new Dictionary<string, string> { ["service_code"] = "rough", ["description"] = description };
        if (apiKey is not null)
        {
            fields["api_key"] = apiKey;
        }
        return new FormUrlEncodedContent(fields);
    }

    [Fact]
    [ScopeCovered("GET /api/v1/open311/integrations")]
    [ScopeCovered("POST /api/v1/open311/integrations")]
    [ScopeCovered("PUT /api/v1/open311/integrations/{id:long}")]
    public async Task Admin_RegistersAnIntegration_KeyShownOnceAndStoredHashed_OwnLimit_DisableFallsBackToPublicLimit()
    {
        using var supervisor = await app.ClientFor("supervisor");
        await HttpAssert.Problem(await supervisor.PostJson("/api/v1/open311/integrations", new { name = "x", requestsPerMinute = 5 }), HttpStatusCode.Forbidden);
        await HttpAssert.Problem(await supervisor.GetAsync("/api/v1/open311/integrations"), HttpStatusCode.Forbidden);
        await HttpAssert.Problem(await supervisor.PutJson("/api/v1/open311/integrations/1", new { name = "x", requestsPerMinute = 5 }), HttpStatusCode.Forbidden);

        using var admin = await app.ClientFor("admin");
        var tooLong = await HttpAssert.Problem(await admin.PostJson("/api/v1/open311/integrations", new { name = new string('名', Open311IntegrationConfiguration.NameLength + 1), requestsPerMinute = 5 }), HttpStatusCode.BadRequest);
        Assert.True(tooLong.GetProperty("errors").TryGetProperty("name", out _));
        await HttpAssert.Problem(await admin.PostJson("/api/v1/open311/integrations", new { name = "零限额", requestsPerMinute = 0 }), HttpStatusCode.BadRequest);
        await HttpAssert.Problem(await admin.PutJson("/api/v1/open311/integrations/999999", new { name = "不存在", requestsPerMinute = 5 }), HttpStatusCode.NotFound);

        var created = await HttpAssert.Ok<JsonElement>(await admin.PostJson("/api/v1/open311/integrations",
            new { name = new string('台', Open311IntegrationConfiguration.NameLength), requestsPerMinute = 5 }), HttpStatusCode.Created);
        var key = created.GetProperty("apiKey").GetString()!;
        var id = created.GetProperty("id").GetInt64();
        var stored = await app.Db(db => db.Set<Open311Integration>().SingleAsync(i => i.Id == id));
        Assert.Equal(Open311Integration.Hash(key), stored.KeyHash);
        Assert.DoesNotContain(key, stored.KeyHash, StringComparison.Ordinal);
        var audit = await app.Db(db => db.Set<AuditEntry>().Where(a => a.EntityType == nameof(Open311Integration) && a.EntityId == id.ToString()).SingleAsync());
        Assert.Equal("Create", audit.Action);
        Assert.DoesNotContain(stored.KeyHash, audit.After!, StringComparison.Ordinal);
        var list = await admin.GetStringAsync("/api/v1/open311/integrations");
        Assert.DoesNotContain(key, list, StringComparison.Ordinal);
        await HttpAssert.Problem(await admin.PostJson("/api/v1/open311/integrations", new { name = stored.Name, requestsPerMinute = 5 }), HttpStatusCode.Conflict);

        // The public limit here is 3 a minute per address; the integration has 5 of its own.
        using var client = app.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await client.PostAsync("/open311/v2/requests.json", Form($"接入方限流 {i}", key))).StatusCode);
        }
        var over = await client.PostAsync("/open311/v2/requests.xml", Form("接入方第六次", key));
        Assert.Equal(HttpStatusCode.TooManyRequests, over.StatusCode);
        Assert.Equal("utf-8", over.Content.Headers.ContentType!.CharSet);
        Assert.Equal("429", XDocument.Parse(await over.Content.ReadAsStringAsync()).Root!.Element("error")!.Element("code")!.Value);
        Assert.False(await app.Db(db => db.Set<Complaint>().AnyAsync(c => c.Description == "接入方第六次")));
        // Its quota is its own: the public one is untouched.
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync("/open311/v2/requests.json", Form("公众 1"))).StatusCode);

        var version = stored.Version;
        var edited = await HttpAssert.Ok<JsonElement>(await admin.PutJson($"/api/v1/open311/integrations/{id}", new { name = "某市民服务平台", requestsPerMinute = 50, enabled = false, version }));
        Assert.False(edited.GetProperty("enabled").GetBoolean());
        Assert.Equal(JsonValueKind.Null, edited.GetProperty("apiKey").ValueKind);
        await HttpAssert.Problem(await admin.PutJson($"/api/v1/open311/integrations/{id}", new { name = "旧版本", requestsPerMinute = 50, version }), HttpStatusCode.Conflict);
        var saved = await app.Db(db => db.Set<Open311Integration>().AsNoTracking().SingleAsync(i => i.Id == id));
        Assert.Equal((50, false, "某市民服务平台"), (saved.RequestsPerMinute, saved.Enabled, saved.Name));
        // Disabled: the key counts for nothing, the public limit applies (2 of 3 left, then 429 as JSON).
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync("/open311/v2/requests.json", Form("停用后 1", key))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync("/open311/v2/requests.json", Form("停用后 2", key))).StatusCode);
        var publicOver = await client.PostAsync("/open311/v2/requests.json", Form("停用后 3", key));
        Assert.Equal(HttpStatusCode.TooManyRequests, publicOver.StatusCode);
        Assert.Equal(429, JsonDocument.Parse(await publicOver.Content.ReadAsStringAsync()).RootElement[0].GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task AdminPage_RegistersAndShowsTheKeyOnce()
    {
        using var admin = await app.ClientFor("admin");
        var page = await admin.GetAsync("/Admin/Open311");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        using var supervisor = await app.ClientFor("supervisor");
        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.GetAsync("/Admin/Open311")).StatusCode);
    }
}
