using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Sunlight.Tests.Infrastructure;
using Sunlight.Web.Features.Complaints;
using static Sunlight.Tests.Complaints.ComplaintTestKit;

namespace Sunlight.Tests.Complaints;

public sealed class Open311Tests(SunlightApp app) : IClassFixture<SunlightApp>
{
    [Fact]
    [ScopeCovered("GET /open311/v2/discovery.{format}")]
    [ScopeCovered("GET /open311/v2/services.{format}")]
    public async Task DiscoveryAndServices_JsonAndXml()
    {
        using var client = app.CreateClient();
        var discovery = JsonDocument.Parse(await client.GetStringAsync("/open311/v2/discovery.json")).RootElement;
        Assert.Equal("http://wiki.open311.org/GeoReport_v2", discovery.GetProperty("endpoints")[0].GetProperty("specification").GetString());
        var discoveryXml = XDocument.Parse(await client.GetStringAsync("/open311/v2/discovery.xml"));
        Assert.Equal("discovery", discoveryXml.Root!.Name.LocalName);
        Assert.Equal(2, discoveryXml.Root.Element("endpoints")!.Element("endpoint")!.Element("formats")!.Elements("format").Count());

        var services = JsonDocument.Parse(await client.GetStringAsync("/open311/v2/services.json")).RootElement;
        Assert.Equal(16, services.GetArrayLength());
        Assert.Equal("profit-driven", services[0].GetProperty("service_code").GetString());
        Assert.Equal("趋利性执法", services[0].GetProperty("service_name").GetString());
        Assert.True(services[0].GetProperty("metadata").GetBoolean());
        var xml = XDocument.Parse(await client.GetStringAsync("/open311/v2/services.xml"));
        Assert.Equal(16, xml.Root!.Elements("service").Count());
        Assert.Equal("选择性执法", xml.Root.Elements("service").ElementAt(1).Element("service_name")!.Value);

        var bad = await client.GetAsync("/open311/v2/services.csv");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    [ScopeCovered("POST /open311/v2/requests.{format}")]
    [ScopeCovered("GET /open311/v2/requests.{format}")]
    [ScopeCovered("GET /open311/v2/requests/{id}.{format}")]
    [ScopeCovered("GET /open311/v2/tokens/{id}.{format}")]
    public async Task PostRequest_Anonymous_ThenReadPublicFieldsOnly()
    {
        using var client = app.CreateClient();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["service_code"] = "multiple-inspections", ["description"] = "一周内三个部门先后来厂检查同样的消防事项。",
            ["first_name"] = "三丰", ["last_name"] = "秘密举报人张", ["email"] = SecretEmail, ["phone"] = SecretPhone,
        });
        var post = await client.PostAsync("/open311/v2/requests.json", form);
        Assert.Equal(HttpStatusCode.Created, post.StatusCode);
        var created = JsonDocument.Parse(await post.Content.ReadAsStringAsync()).RootElement[0];
        var code = created.GetProperty("service_request_id").GetString()!;
        var token = created.GetProperty("token").GetString()!;
        var stored = await app.Db(db => db.Set<Complaint>().SingleAsync(c => c.TrackingCode == code));
        Assert.Equal(ComplaintChannel.Open311, stored.Channel);
        Assert.False(stored.IsAnonymous);
        Assert.DoesNotContain(SecretEmail, stored.ReporterProtected!, StringComparison.Ordinal);

        using var anonymousForm = new FormUrlEncodedContent(new Dictionary<string, string> { ["service_code"] = "rough", ["description"] = "匿名：执法人员态度恶劣。" });
        var anonymousPost = await client.PostAsync("/open311/v2/requests.xml", anonymousForm);
        Assert.Equal(HttpStatusCode.Created, anonymousPost.StatusCode);
        var anonymousCode = XDocument.Parse(await anonymousPost.Content.ReadAsStringAsync()).Root!.Element("request")!.Element("service_request_id")!.Value;
        Assert.True(await app.Db(db => db.Set<Complaint>().Where(c => c.TrackingCode == anonymousCode).Select(c => c.IsAnonymous).SingleAsync()));

        using var badForm = new FormUrlEncodedContent(new Dictionary<string, string> { ["service_code"] = "nope", ["description"] = "x" });
        var bad = await client.PostAsync("/open311/v2/requests.json", badForm);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(400, JsonDocument.Parse(await bad.Content.ReadAsStringAsync()).RootElement[0].GetProperty("code").GetInt32());

        var one = await client.GetStringAsync($"/open311/v2/requests/{code}.json");
        var request = JsonDocument.Parse(one).RootElement[0];
        Assert.Equal("open", request.GetProperty("status").GetString());
        Assert.Equal("multiple-inspections", request.GetProperty("service_code").GetString());
        Assert.Equal(JsonValueKind.Null, request.GetProperty("description").ValueKind);
        var list = await client.GetStringAsync("/open311/v2/requests.json?status=open&service_code=multiple-inspections");
        Assert.Contains(JsonDocument.Parse(list).RootElement.EnumerateArray(), r => r.GetProperty("service_request_id").GetString() == code);
        var listXml = XDocument.Parse(await client.GetStringAsync($"/open311/v2/requests.xml?service_request_id={code},{anonymousCode}"));
        Assert.Equal(2, listXml.Root!.Elements("request").Count());
        foreach (var text in new[] { one, list, listXml.ToString() })
        {
            Assert.DoesNotContain("秘密举报人", text, StringComparison.Ordinal);
            Assert.DoesNotContain(SecretPhone, text, StringComparison.Ordinal);
            Assert.DoesNotContain(SecretEmail, text, StringComparison.Ordinal);
        }

        var byToken = JsonDocument.Parse(await client.GetStringAsync($"/open311/v2/tokens/{token}.json")).RootElement[0];
        Assert.Equal(code, byToken.GetProperty("service_request_id").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/open311/v2/tokens/nope.json")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/open311/v2/requests/TSNOPE.xml")).StatusCode);
    }
}
