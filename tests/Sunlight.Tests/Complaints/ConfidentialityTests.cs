using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sunlight.Tests.Infrastructure;
using Sunlight.Web.Features.Complaints;
using static Sunlight.Tests.Complaints.ComplaintTestKit;

namespace Sunlight.Tests.Complaints;

/// <summary>
/// Every endpoint and page that returns complaint data, read by every role that may reach it: only a Supervisor, and
/// only through the audited reporter endpoint, ever receives the reporter's name, phone or e-mail. A new complaint
/// GET endpoint or page fails this test until it is added to <see cref="Urls"/>.
/// </summary>
public sealed class ConfidentialityTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    private const string ReporterEndpoint = "/api/v1/complaints/{id:long}/reporter";

    private static Dictionary<string, Func<Ctx, string>> Urls => new()
    {
        ["/api/v1/complaints"] = c => "/api/v1/complaints?limit=200",
        ["/api/v1/complaints/export"] = c => "/api/v1/complaints/export",
        ["/api/v1/complaints/{id:long}"] = c => $"/api/v1/complaints/{c.Id}",
        [ReporterEndpoint] = c => $"/api/v1/complaints/{c.Id}/reporter",
        ["/api/v1/complaints/{id:long}/attachments/{attachmentId:long}"] = c => $"/api/v1/complaints/{c.Id}/attachments/{c.AttachmentId}",
        ["/api/v1/complaints/intake-points"] = c => "/api/v1/complaints/intake-points",
        ["/api/v1/complaints/intake-points/{id:long}/qr.png"] = c => $"/api/v1/complaints/intake-points/{c.PointId}/qr.png",
        ["/api/v1/complaint-categories"] = c => "/api/v1/complaint-categories",
        ["/api/v1/complaints/figures"] = c => "/api/v1/complaints/figures",
        ["/api/v1/complaints/figures/{key}/records"] = c => "/api/v1/complaints/figures/complaints-received/records?limit=200",
        ["/open311/v2/discovery.{format}"] = c => "/open311/v2/discovery.json",
        ["/open311/v2/services.{format}"] = c => "/open311/v2/services.json",
        ["/open311/v2/requests.{format}"] = c => "/open311/v2/requests.json",
        ["/open311/v2/requests/{id}.{format}"] = c => $"/open311/v2/requests/{c.Code}.xml",
        ["/open311/v2/tokens/{id}.{format}"] = c => $"/open311/v2/tokens/{c.Token}.json",
        ["/open311/v2/services/{code}.{format}"] = c => "/open311/v2/services/rough.xml",
        ["/open311/v2/servicerequestupdates.{format}"] = c => $"/open311/v2/servicerequestupdates.json?service_request_id={c.Code}&start_date=2000-01-01T00:00:00Z",
    };

    /// <summary>Pages (route templates) that show complaint data.</summary>
    private static Dictionary<string, Func<Ctx, string>> Pages => new()
    {
        ["Complaints"] = c => "/Complaints",
        ["Complaints/Queue"] = c => "/Complaints/Queue",
        ["Complaints/Assigned"] = c => "/Complaints/Assigned",
        ["Complaints/Detail/{id:long}"] = c => $"/Complaints/Detail/{c.Id}",
        ["Complaints/Assign/{id:long}"] = c => $"/Complaints/Assign/{c.Id}",
        ["Complaints/Accept/{id:long}"] = c => $"/Complaints/Accept/{c.Id}",
        ["Complaints/Reject/{id:long}"] = c => $"/Complaints/Reject/{c.Id}",
        ["Complaints/Merge/{id:long}"] = c => $"/Complaints/Merge/{c.Id}",
        ["Complaints/Return/{id:long}"] = c => $"/Complaints/Return/{c.Id}",
        ["Complaints/Pause/{id:long}"] = c => $"/Complaints/Pause/{c.Id}",
        ["Complaints/Resume/{id:long}"] = c => $"/Complaints/Resume/{c.Id}",
        ["Complaints/Reply/{id:long}"] = c => $"/Complaints/Reply/{c.Id}",
        ["Complaints/ApproveReply/{id:long}"] = c => $"/Complaints/ApproveReply/{c.Id}",
        ["Complaints/Close/{id:long}"] = c => $"/Complaints/Close/{c.Id}",
        ["Complaints/Extend/{id:long}"] = c => $"/Complaints/Extend/{c.Id}",
        ["Complaints/Extend/Decision/{id:long}"] = c => $"/Complaints/Extend/Decision/{c.Id}",
        ["Complaints/New"] = c => "/Complaints/New",
        ["Complaints/IntakePoints"] = c => "/Complaints/IntakePoints",
        ["Complaints/IntakePoints/Poster/{id:long}"] = c => $"/Complaints/IntakePoints/Poster/{c.PointId}",
        ["Public/Complaints/New"] = c => "/Public/Complaints/New",
        ["Public/Complaints/Track"] = c => $"/Public/Complaints/Track?code={c.Code}&pin={c.Pin}",
    };

    private sealed record Ctx(long Id, string Code, string Pin, string Token, long AttachmentId, long PointId);

    [Fact]
    public async Task EveryComplaintEndpointAndPage_NeverGivesTheIdentityToAnyoneButAuditedSupervisors()
    {
        // A complaint with an identity and a file, assigned to unit05, replied and approved.
        using var anonymous = app.CreateClient();
        using var form = new MultipartFormDataContent
        {
            { new StringContent("illegal-fines"), "category" }, { new StringContent("罚款不开票据。"), "description" }, { new StringContent("false"), "anonymous" },
            { new StringContent(SecretName), "reporterName" }, { new StringContent(SecretPhone), "reporterPhone" }, { new StringContent(SecretEmail), "reporterEmail" },
        };
        form.Add(new ByteArrayContent(Png), "attachments", "票据.png");
        var receipt = await HttpAssert.Ok<Sunlight.Web.Features.Complaints.Public.IntakeResponse>(await anonymous.PostAsync("/api/v1/public/complaints", form), HttpStatusCode.Created);
        var id = await IdOf(app, receipt.TrackingCode);
        using var supervisor = await app.ClientFor("supervisor");
        await StepAsync(supervisor, $"/api/v1/complaints/{id}/accept", new { });
        await StepAsync(supervisor, $"/api/v1/complaints/{id}/assign", new { unitId = await UnitId(app, "unit05") });
        using (var unit05 = await app.ClientFor("unit05"))
        {
            await StepAsync(unit05, $"/api/v1/complaints/{id}/reply", new { text = "已核实并整改。" });
        }
        await StepAsync(supervisor, $"/api/v1/complaints/{id}/reply/review", new { approve = true });
        var stored = await app.Db(db => db.Set<Complaint>().Include(c => c.Attachments).SingleAsync(c => c.Id == id));
        var pointId = await app.Db(db => db.Set<IntakePoint>().Select(p => p.Id).FirstAsync());
        var ctx = new Ctx(id, receipt.TrackingCode, receipt.Pin, stored.Open311Token, stored.Attachments[0].Id, pointId);

        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        var apiRoutes = endpoints
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("GET") == true)
            .Select(e => e.RoutePattern.RawText!.TrimEnd('/'))
            .Where(r => r.Contains("complaint", StringComparison.OrdinalIgnoreCase) || r.StartsWith("/open311/", StringComparison.Ordinal))
            .ToHashSet();
        var pageRoutes = endpoints
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor>() is not null)
            .Select(e => e.RoutePattern.RawText!.Trim('/'))
            .Where(r => r.Contains("Complaints", StringComparison.Ordinal) && !r.EndsWith("/Index", StringComparison.Ordinal))
            .ToHashSet();
        Assert.Empty(apiRoutes.Except(Urls.Keys));
        Assert.Empty(pageRoutes.Except(Pages.Keys));

        var checkedCount = 0;
        foreach (var user in new[] { "unit05", "unit06", "inspector", "observer", "admin", "enterprise", "supervisor", null })
        {
            using var client = user is null ? app.CreateClient() : await app.ClientFor(user);
            foreach (var (route, url) in Urls.Concat(Pages))
            {
                if (user == "supervisor" && route == ReporterEndpoint)
                {
                    continue; // the one audited way, tested in ComplaintScopeTests
                }
                var response = await client.GetAsync(url(ctx));
                var type = response.Content.Headers.ContentType?.MediaType;
                var text = type?.StartsWith("image/", StringComparison.Ordinal) == true ? ""
                    : type == ExportedSheet.ContentType ? ExportedSheet.Read(await response.Content.ReadAsByteArrayAsync()).AllText // the cells, not the zip
                    : await response.Content.ReadAsStringAsync();
                foreach (var secret in new[] { SecretName, SecretPhone, SecretEmail })
                {
                    Assert.False(text.Contains(secret, StringComparison.Ordinal), $"{user ?? "匿名"} received the identity from {url(ctx)}");
                }
                checkedCount++;
            }
        }
        Assert.True(checkedCount > 100);
        // The public lookup is a POST (the PIN stays out of URLs): it shows progress, never the identity.
        var lookup = await (await anonymous.PostJson($"/api/v1/public/complaints/{ctx.Code}/status", new { pin = ctx.Pin })).Content.ReadAsStringAsync();
        Assert.Contains(ctx.Code, lookup, StringComparison.Ordinal);
        Assert.All(new[] { SecretName, SecretPhone, SecretEmail }, secret => Assert.DoesNotContain(secret, lookup, StringComparison.Ordinal));
        Assert.Equal(0, await app.Db(db => db.AuditEntries.CountAsync(a => a.Action == "ViewIdentity" && a.EntityId == id.ToString())));

        // What each role actually receives: the unit and the Inspector get the matter, masked.
        using var unit = await app.ClientFor("unit05");
        var detail = await (await unit.GetAsync($"/api/v1/complaints/{id}")).Content.ReadAsStringAsync();
        Assert.Contains("罚款不开票据。", detail);
        Assert.Contains("\"reporter\":\"已保密\"", detail);
        using var inspector = await app.ClientFor("inspector");
        Assert.Contains("\"reporter\":\"已保密\"", await (await inspector.GetAsync($"/api/v1/complaints/{id}")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ComplaintPage_ShowsTheReporterToSupervisorsOnly_AndAuditsEachViewingInTheSameSave()
    {
        var (id, _) = await FiledAndAssignedAsync(app);
        Task<int> Viewings() => app.Db(db => db.AuditEntries.CountAsync(a => a.Action == "ViewIdentity" && a.EntityId == id.ToString()));

        using var unit = await PageSession.SignInAsync(app, "unit05");
        var refused = await unit.PostFormAsync($"/Complaints/Detail/{id}", $"/Complaints/Detail/{id}?handler=Reporter", []);
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
        Assert.DoesNotContain(SecretName, await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await Viewings());

        using var supervisor = await PageSession.SignInAsync(app, "supervisor");
        var shown = await supervisor.PostFormAsync($"/Complaints/Detail/{id}", $"/Complaints/Detail/{id}?handler=Reporter", []);
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        var html = await shown.Content.ReadAsStringAsync();
        Assert.Contains(SecretName, html, StringComparison.Ordinal);
        Assert.Contains(SecretPhone, html, StringComparison.Ordinal);
        Assert.Equal(1, await Viewings());
        var entry = await app.Db(db => db.AuditEntries.SingleAsync(a => a.Action == "ViewIdentity" && a.EntityId == id.ToString()));
        Assert.Contains("supervisor", entry.Actor);
        Assert.Contains("\"viewed\":\"ReporterIdentity\"", entry.After);
        Assert.DoesNotContain(SecretName, entry.After!, StringComparison.Ordinal);
    }
}
