using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Sunlight.Tests.Infrastructure;
using Sunlight.Web.Features.Complaints;
using Sunlight.Web.Infrastructure.Audit;
using static Sunlight.Tests.Complaints.ComplaintTestKit;

namespace Sunlight.Tests.Complaints;

/// <summary>
/// Plays a GeoReport v2 client (as FixMyStreet's Open311 module does) in JSON and XML, the XML read with a real parser:
/// every field the spec names, the attributes and location kept, the poller's rule (every state change raises
/// <c>updated_datetime</c>), errors in GeoReport form, and the servicerequestupdates extension.
/// </summary>
public sealed class Open311ConformanceTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    private static readonly string[] RequestFields =
    [
        "service_request_id", "status", "status_notes", "service_name", "service_code", "description", "agency_responsible", "service_notice",
        "requested_datetime", "updated_datetime", "expected_datetime", "address", "address_id", "zipcode", "lat", "long", "media_url",
    ];

    private async Task<string> PostAsync(HttpClient client, string format, Dictionary<string, string> fields, HttpStatusCode expected = HttpStatusCode.Created)
    {
        using var form = new FormUrlEncodedContent(fields);
        var response = await client.PostAsync($"/open311/v2/requests.{format}", form);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, body);
        if (expected != HttpStatusCode.Created)
        {
            return body;
        }
        return format == "json"
            ? JsonDocument.Parse(body).RootElement[0].GetProperty("service_request_id").GetString()!
            : XDocument.Parse(body).Root!.Element("request")!.Element("service_request_id")!.Value;
    }

    private static async Task<JsonElement> RequestJson(HttpClient client, string code) =>
        JsonDocument.Parse(await client.GetStringAsync($"/open311/v2/requests/{code}.json")).RootElement[0];

    [Fact]
    public async Task Post_KeepsLocationAttributesAndName_AndGetShowsThemInJsonAndXml()
    {
        using var client = app.CreateClient();
        var unitId = await UnitId(app, "unit05");
        var code = await PostAsync(client, "json", new()
        {
            ["service_code"] = "multiple-inspections", ["description"] = "一周内三个部门先后来厂检查同样的消防事项。",
            ["lat"] = "26.123456", ["long"] = "117.654321", ["address_string"] = "青禾县城关镇工业路 8 号", ["address_id"] = "ADDR-0008",
            ["media_url"] = "https://fixmystreet.example/photo/1.jpeg", ["attribute[enterprise_name]"] = "青禾县测试机械厂",
            ["attribute[enterprise_uscc]"] = "91350100MA2XXXXX0X", ["attribute[complained_unit]"] = unitId.ToString(CultureInfo.InvariantCulture),
            ["first_name"] = "San", ["last_name"] = "Zhang", ["email"] = SecretEmail, ["api_key"] = "unregistered", ["jurisdiction_id"] = "qinghe",
        }, HttpStatusCode.BadRequest);
        // The USCC above has a wrong check digit: 400 in GeoReport form, nothing stored.
        Assert.Equal(400, JsonDocument.Parse(code).RootElement[0].GetProperty("code").GetInt32());
        Assert.False(await app.Db(db => db.Set<Complaint>().AnyAsync(c => c.EnterpriseName == "青禾县测试机械厂")));

        var uscc = await app.Db(db => db.Set<Sunlight.Web.Features.Registry.Enterprise>().Select(e => e.Uscc).FirstAsync());
        code = await PostAsync(client, "json", new()
        {
            ["service_code"] = "multiple-inspections", ["description"] = "一周内三个部门先后来厂检查同样的消防事项。",
            ["lat"] = "26.123456", ["long"] = "117.654321", ["address_string"] = "青禾县城关镇工业路 8 号", ["address_id"] = "ADDR-0008",
            ["media_url"] = "https://fixmystreet.example/photo/1.jpeg", ["attribute[enterprise_name]"] = "青禾县测试机械厂",
            ["attribute[enterprise_uscc]"] = uscc, ["attribute[complained_unit]"] = unitId.ToString(CultureInfo.InvariantCulture),
            ["first_name"] = "San", ["last_name"] = "Zhang", ["email"] = SecretEmail,
        });
        var stored = await app.Db(db => db.Set<Complaint>().SingleAsync(c => c.TrackingCode == code));
        Assert.Equal((26.123456, 117.654321), (stored.Latitude!.Value, stored.Longitude!.Value));
        Assert.Equal(("青禾县城关镇工业路 8 号", "ADDR-0008", "https://fixmystreet.example/photo/1.jpeg"), (stored.Address, stored.AddressId, stored.MediaUrl));
        Assert.Equal(("青禾县测试机械厂", uscc, unitId), (stored.EnterpriseName, stored.EnterpriseUscc, stored.ComplainedUnitId!.Value));
        Assert.Equal("一周内三个部门先后来厂检查同样的消防事项。", stored.Description);
        Assert.False(stored.IsAnonymous);
        Assert.Equal(stored.ReceivedAt, stored.LastChangedAt);

        var json = await RequestJson(client, code);
        foreach (var field in RequestFields)
        {
            Assert.True(json.TryGetProperty(field, out _), field);
        }
        Assert.Equal(26.123456, json.GetProperty("lat").GetDouble());
        Assert.Equal(117.654321, json.GetProperty("long").GetDouble());
        Assert.Equal("青禾县城关镇工业路 8 号", json.GetProperty("address").GetString());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("description").ValueKind);
        var xml = XDocument.Parse(await client.GetStringAsync($"/open311/v2/requests/{code.ToLowerInvariant()}.xml")).Root!.Element("request")!;
        foreach (var field in RequestFields)
        {
            Assert.NotNull(xml.Element(field));
        }
        Assert.Equal("26.123456", xml.Element("lat")!.Value);
        Assert.Equal("117.654321", xml.Element("long")!.Value);
        Assert.Equal("ADDR-0008", xml.Element("address_id")!.Value);
        Assert.Equal("https://fixmystreet.example/photo/1.jpeg", xml.Element("media_url")!.Value);
        Assert.Equal(DateTimeOffset.Parse(xml.Element("requested_datetime")!.Value, CultureInfo.InvariantCulture), stored.ReceivedAt);

        // The supervisor sees the place on the complaint page.
        using var supervisor = await app.ClientFor("supervisor");
        var page = await supervisor.GetStringAsync($"/Complaints/Detail/{stored.Id}");
        Assert.Contains("青禾县城关镇工业路 8 号", page, StringComparison.Ordinal);
        Assert.Contains("26.123456", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("San", "Zhang", "San Zhang")]
    [InlineData("三", "张", "张三")]
    public async Task Post_NameAsAPersonWritesIt(string first, string last, string expected)
    {
        using var client = app.CreateClient();
        var code = await PostAsync(client, "xml", new() { ["service_code"] = "rough", ["description"] = "执法人员态度恶劣。", ["first_name"] = first, ["last_name"] = last });
        var id = await IdOf(app, code);
        using var supervisor = await app.ClientFor("supervisor");
        var reporter = JsonDocument.Parse(await supervisor.GetStringAsync($"/api/v1/complaints/{id}/reporter")).RootElement;
        Assert.Equal(expected, reporter.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Post_WithContact_IsAnonymousOnlyWhenTheClientSaysSo_AndTheNoticeHoldsNoPin()
    {
        using var client = app.CreateClient();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["service_code"] = "rough", ["description"] = "匿名：执法人员态度恶劣。", ["email"] = SecretEmail, ["attribute[anonymous]"] = "true",
        });
        var response = await client.PostAsync("/open311/v2/requests.json", form);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement[0];
        var code = created.GetProperty("service_request_id").GetString()!;
        var notice = created.GetProperty("service_notice").GetString()!;
        Assert.DoesNotContain("密码", notice, StringComparison.Ordinal);
        var stored = await app.Db(db => db.Set<Complaint>().SingleAsync(c => c.TrackingCode == code));
        Assert.True(stored.IsAnonymous);
        Assert.Null(stored.ReporterProtected);

        var named = await PostAsync(client, "json", new() { ["service_code"] = "rough", ["description"] = "实名：执法人员态度恶劣。", ["phone"] = SecretPhone });
        Assert.False(await app.Db(db => db.Set<Complaint>().Where(c => c.TrackingCode == named).Select(c => c.IsAnonymous).SingleAsync()));
    }

    [Theory]
    [InlineData("lat", "north", "lat")]
    [InlineData("lat", "91", "纬度")]
    [InlineData("media_url", "javascript:alert(1)", "图片地址")]
    [InlineData("attribute[complained_unit]", "市场监管", "complained_unit")]
    [InlineData("attribute[anonymous]", "maybe", "anonymous")]
    public async Task Post_BadField_Is400InGeoReportForm_AndStoresNothing(string field, string value, string named)
    {
        using var client = app.CreateClient();
        var description = "坏字段测试 " + field + value;
        var fields = new Dictionary<string, string> { ["service_code"] = "rough", ["description"] = description, [field] = value };
        if (field == "lat")
        {
            fields["long"] = "117";
        }
        var body = await PostAsync(client, "xml", fields, HttpStatusCode.BadRequest);
        var error = XDocument.Parse(body).Root!;
        Assert.Equal("errors", error.Name.LocalName);
        Assert.Equal("400", error.Element("error")!.Element("code")!.Value);
        Assert.Contains(named, error.Element("error")!.Element("description")!.Value, StringComparison.Ordinal);
        Assert.False(await app.Db(db => db.Set<Complaint>().AnyAsync(c => c.Description == description)));
    }

    [Fact]
    public async Task Poller_EveryStateChangeRaisesUpdatedDatetime_AndStatusNotesSayWhatHappened()
    {
        using var client = app.CreateClient();
        using var supervisor = await app.ClientFor("supervisor");
        using var unit = await app.ClientFor("unit05");
        var unitId = await UnitId(app, "unit05");
        var code = await PostAsync(client, "json", new() { ["service_code"] = "rough", ["description"] = "轮询规则测试：执法人员态度恶劣。", ["lat"] = "26.1", ["long"] = "117.2" });
        var target = await PostAsync(client, "json", new() { ["service_code"] = "rough", ["description"] = "轮询规则测试：合并目标。" });
        var duplicate = await PostAsync(client, "json", new() { ["service_code"] = "rough", ["description"] = "轮询规则测试：重复投诉。" });
        var rejected = await PostAsync(client, "json", new() { ["service_code"] = "rough", ["description"] = "轮询规则测试：不予受理。" });
        var id = await IdOf(app, code);

        var seen = DateTimeOffset.Parse((await RequestJson(client, code)).GetProperty("updated_datetime").GetString()!, CultureInfo.InvariantCulture);
        async Task Raised(string what, string c, string status, string? notes = null)
        {
            var r = await RequestJson(client, c);
            var updated = DateTimeOffset.Parse(r.GetProperty("updated_datetime").GetString()!, CultureInfo.InvariantCulture);
            Assert.True(updated > seen, $"{what}: updated_datetime {updated} not after {seen}");
            Assert.Equal(status, r.GetProperty("status").GetString());
            if (notes is not null)
            {
                Assert.Contains(notes, r.GetProperty("status_notes").GetString()!, StringComparison.Ordinal);
            }
            seen = updated;
        }
        var steps = new (string What, Func<Task> Act, string Code, string Status, string? Notes)[]
        {
            ("受理", () => StepAsync(supervisor, $"/api/v1/complaints/{id}/accept", new { }), code, "open", "已受理"),
            ("交办", () => StepAsync(supervisor, $"/api/v1/complaints/{id}/assign", new { unitId }), code, "open", "办理中"),
            ("退回", () => StepAsync(unit, $"/api/v1/complaints/{id}/return", new { reason = "不属于本单位职责。" }), code, "open", "已受理"),
            ("再交办", () => StepAsync(supervisor, $"/api/v1/complaints/{id}/assign", new { unitId }), code, "open", null),
            ("提交答复", () => StepAsync(unit, $"/api/v1/complaints/{id}/reply", new { text = "经核查，已整改。" }), code, "open", null),
            ("审核退回", () => StepAsync(supervisor, $"/api/v1/complaints/{id}/reply/review", new { approve = false, comment = "请补充整改情况。" }), code, "open", null),
            ("再提交", () => StepAsync(unit, $"/api/v1/complaints/{id}/reply", new { text = "经核查，已整改并对执法人员批评教育。" }), code, "open", null),
            ("同意答复", () => StepAsync(supervisor, $"/api/v1/complaints/{id}/reply/review", new { approve = true }), code, "closed", "已答复"),
        };
        foreach (var (what, act, c, status, notes) in steps)
        {
            app.Clock.Advance(TimeSpan.FromMinutes(5));
            await act();
            await Raised(what, c, status, notes);
        }

        // 不予受理 and 合并: states that set no other stamp still move updated_datetime.
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        await StepAsync(supervisor, $"/api/v1/complaints/{await IdOf(app, rejected)}/reject", new { reason = "已进入行政复议程序。" });
        await Raised("不予受理", rejected, "closed", "不予受理");
        var targetId = await IdOf(app, target);
        var duplicateId = await IdOf(app, duplicate);
        await StepAsync(supervisor, $"/api/v1/complaints/{targetId}/accept", new { });
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        await StepAsync(supervisor, $"/api/v1/complaints/{duplicateId}/merge", new { targetId });
        await Raised("合并", duplicate, "closed", "已合并至 " + target);

        var stored = await StoredAsync(app, id);
        Assert.Equal(ComplaintState.Replied, stored.State);
        Assert.Equal(app.Clock.GetUtcNow().AddMinutes(-10), stored.LastChangedAt);
        var audit = await LastAuditAsync(app, id, "StateChange");
        Assert.True(audit.After.TryGetProperty(nameof(Complaint.LastChangedAt), out _));
    }

    [Fact]
    public async Task RequestList_IdsOverrideOtherFilters_CaseInsensitive_BadDatesAre400_ErrorsAreGeoReportWithCharset()
    {
        using var client = app.CreateClient();
        var code = await PostAsync(client, "json", new() { ["service_code"] = "rough", ["description"] = "列表测试：执法人员态度恶劣。" });
        var list = JsonDocument.Parse(await client.GetStringAsync(
            $"/open311/v2/requests.json?service_request_id={code.ToLowerInvariant()}&status=closed&service_code=profit-driven&start_date=2001-01-01T00:00:00Z&end_date=2001-01-02T00:00:00Z")).RootElement;
        Assert.Equal(code, Assert.Single(list.EnumerateArray()).GetProperty("service_request_id").GetString());

        foreach (var bad in new[] { "start_date=yesterday", "end_date=2026-13-45", "status=fixed" })
        {
            var json = await client.GetAsync($"/open311/v2/requests.json?{bad}");
            Assert.Equal(HttpStatusCode.BadRequest, json.StatusCode);
            Assert.Equal(400, JsonDocument.Parse(await json.Content.ReadAsStringAsync()).RootElement[0].GetProperty("code").GetInt32());
            var xml = await client.GetAsync($"/open311/v2/requests.xml?{bad}");
            Assert.Equal(HttpStatusCode.BadRequest, xml.StatusCode);
            Assert.Equal("400", XDocument.Parse(await xml.Content.ReadAsStringAsync()).Root!.Element("error")!.Element("code")!.Value);
        }

        foreach (var url in new[] { "/open311/v2/requests/TSNOPE.xml", "/open311/v2/nothing-here.xml", "/open311/v2/services/nope.xml" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("text/xml", response.Content.Headers.ContentType!.MediaType);
            Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
            Assert.Equal("404", XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!.Element("error")!.Element("code")!.Value);
        }
        var notFoundJson = await client.GetAsync("/open311/v2/nothing-here.json");
        Assert.Equal("utf-8", notFoundJson.Content.Headers.ContentType!.CharSet);
        Assert.Equal(404, JsonDocument.Parse(await notFoundJson.Content.ReadAsStringAsync()).RootElement[0].GetProperty("code").GetInt32());
    }

    [Fact]
    [ScopeCovered("GET /open311/v2/services/{code}.{format}")]
    public async Task ServiceDefinition_JsonAndXml_ListsTheAttributesThePostMaps()
    {
        using var client = app.CreateClient();
        var services = JsonDocument.Parse(await client.GetStringAsync("/open311/v2/services.json")).RootElement;
        Assert.All(services.EnumerateArray(), s => Assert.True(s.GetProperty("metadata").GetBoolean()));
        var definition = JsonDocument.Parse(await client.GetStringAsync("/open311/v2/services/ROUGH.json")).RootElement;
        Assert.Equal("rough", definition.GetProperty("service_code").GetString());
        var codes = definition.GetProperty("attributes").EnumerateArray().Select(a => a.GetProperty("code").GetString()).ToList();
        Assert.Equal(["enterprise_name", "enterprise_uscc", "complained_unit", "anonymous"], codes);
        var unitAttribute = definition.GetProperty("attributes")[2];
        Assert.Equal("singlevaluelist", unitAttribute.GetProperty("datatype").GetString());
        var unitId = await UnitId(app, "unit05");
        Assert.Contains(unitAttribute.GetProperty("values").EnumerateArray(), v => v.GetProperty("key").GetString() == unitId.ToString(CultureInfo.InvariantCulture));

        var xml = XDocument.Parse(await client.GetStringAsync("/open311/v2/services/rough.xml")).Root!;
        Assert.Equal("service_definition", xml.Name.LocalName);
        var attributes = xml.Element("attributes")!.Elements("attribute").ToList();
        Assert.Equal(4, attributes.Count);
        Assert.All(attributes, a =>
        {
            foreach (var field in new[] { "variable", "code", "datatype", "required", "datatype_description", "order", "description" })
            {
                Assert.NotNull(a.Element(field));
            }
        });
        Assert.Equal(["true", "false"], attributes[3].Element("values")!.Elements("value").Select(v => v.Element("key")!.Value));
    }

    [Fact]
    [ScopeCovered("GET /open311/v2/servicerequestupdates.{format}")]
    [ScopeCovered("POST /open311/v2/servicerequestupdates.{format}")]
    public async Task ServiceRequestUpdates_CitizenUpdateLandsOnTheTimeline_StateUnchanged_AndIsListed()
    {
        using var client = app.CreateClient();
        var code = await PostAsync(client, "json", new() { ["service_code"] = "rough", ["description"] = "更新测试：执法人员态度恶劣。" });
        var id = await IdOf(app, code);
        var before = await StoredAsync(app, id);
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["service_request_id"] = code.ToLowerInvariant(), ["description"] = "补充：检查人员未出示执法证。", ["status"] = "CLOSED",
            ["updated_datetime"] = "2026-11-25T10:00:00+08:00", ["media_url"] = "https://fixmystreet.example/photo/2.jpeg", ["first_name"] = "San", ["last_name"] = "Zhang",
        });
        var response = await client.PostAsync("/open311/v2/servicerequestupdates.xml", form);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        var updateId = XDocument.Parse(body).Root!.Element("request_update")!.Element("update_id")!.Value;

        var after = await StoredAsync(app, id);
        Assert.Equal((before.State, before.LastChangedAt, before.Version), (after.State, after.LastChangedAt, after.Version));
        var line = await app.Db(db => db.Set<ComplaintEvent>().SingleAsync(e => e.Id == long.Parse(updateId, CultureInfo.InvariantCulture)));
        Assert.Equal((id, "投诉人补充", true), (line.ComplaintId, line.Kind, line.IsPublic));
        Assert.Contains("检查人员未出示执法证", line.Text, StringComparison.Ordinal);
        var (entry, _, audited) = await LastAuditAsync(app, id, "Note");
        Assert.Equal((nameof(Complaint), id.ToString(CultureInfo.InvariantCulture)), (entry.EntityType, entry.EntityId));
        Assert.Contains("检查人员未出示执法证", audited.GetProperty("Text").GetString()!, StringComparison.Ordinal);
        using var supervisor = await app.ClientFor("supervisor");
        Assert.Contains("检查人员未出示执法证", await supervisor.GetStringAsync($"/Complaints/Detail/{id}"), StringComparison.Ordinal);
        Assert.True(await app.Db(db => db.Set<Sunlight.Web.Features.Platform.Notifications.Notification>().AnyAsync(n => n.Title == $"投诉人补充：{code}")));

        var updates = JsonDocument.Parse(await client.GetStringAsync($"/open311/v2/servicerequestupdates.json?service_request_id={code}&start_date=2026-01-01T00:00:00Z")).RootElement;
        var mine = updates.EnumerateArray().Single(u => u.GetProperty("update_id").GetString() == updateId);
        foreach (var field in new[] { "update_id", "service_request_id", "status", "updated_datetime", "description", "media_url" })
        {
            Assert.True(mine.TryGetProperty(field, out _), field);
        }
        Assert.Equal("open", mine.GetProperty("status").GetString());
        Assert.Equal("投诉人补充", mine.GetProperty("description").GetString());
        var xml = XDocument.Parse(await client.GetStringAsync($"/open311/v2/servicerequestupdates.xml?service_request_id={code}&start_date=2026-01-01T00:00:00Z")).Root!;
        Assert.Equal("service_request_updates", xml.Name.LocalName);
        Assert.Equal(2, xml.Elements("request_update").Count()); // 收到投诉 + the citizen's update

        using var missing = new FormUrlEncodedContent(new Dictionary<string, string> { ["service_request_id"] = "TSNOPE", ["description"] = "x" });
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync("/open311/v2/servicerequestupdates.json", missing)).StatusCode);
        using var empty = new FormUrlEncodedContent(new Dictionary<string, string> { ["service_request_id"] = code });
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync("/open311/v2/servicerequestupdates.json", empty)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/open311/v2/servicerequestupdates.json?start_date=soon")).StatusCode);
    }
}
