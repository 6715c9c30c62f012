using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sunlight.Tests.Infrastructure;
using Sunlight.Tests.Problems;
using Sunlight.Web.Features.Campaigns;
using Sunlight.Web.Features.Campaigns.Figures;
using Sunlight.Web.Features.Campaigns.SelfInspections;
using Sunlight.Web.Features.Campaigns.Supervision;
using Sunlight.Web.Features.Complaints;
using Sunlight.Web.Features.Problems;
using Sunlight.Web.Infrastructure.Identity;

namespace Sunlight.Tests.Campaigns;

/// <summary>
/// An Inspector sees only the campaigns whose team they are on and the units assigned to them — campaigns, self-
/// inspections, the registry, the campaign's problems and complaints — on the API and the pages (the query filters, ADR 0002).
/// </summary>
public sealed class InspectorScopeTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    /// <summary>An inspector of their own: the demo's "inspector" is on the 2022 team of every unit.</summary>
    private const string Inspector = "inspector-u08";

    private async Task EnsureInspectorAsync(string name = Inspector)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByNameAsync(name) is not null)
        {
            return;
        }
        var region = await app.Db(db => db.Units.Select(u => u.RegionCode).FirstAsync());
        var user = new AppUser { UserName = name, DisplayName = "督查组 专项督查员", RegionCode = region };
        Assert.True((await users.CreateAsync(user, SunlightFactory.Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, Roles.Inspector)).Succeeded);
    }

    /// <summary>Campaign "mine" (U08, U09) with the inspector on its team assigned to U08 only; campaign "other" (U08) without them.</summary>
    private async Task<(CampaignDto Mine, CampaignDto Other, long U08, long U09)> SetUpAsync(string name)
    {
        await EnsureInspectorAsync();
        var mine = await CampaignApi.RunningAsync(app, name, "U08", "U09");
        var other = await CampaignApi.RunningAsync(app, name + "（他组）", "U08");
        var (u08, u09) = (await app.UnitId("U08"), await app.UnitId("U09"));
        using var supervisor = await app.ClientFor("supervisor");
        var member = await HttpAssert.Ok<TeamMemberDto>(await supervisor.PostJson($"/api/v1/campaigns/{mine.Id}/team", new TeamMemberInput("专项督查员", MemberKind.SpecialSupervisor, Inspector)), HttpStatusCode.Created);
        var colleague = await HttpAssert.Ok<TeamMemberDto>(await supervisor.PostJson($"/api/v1/campaigns/{mine.Id}/team", new TeamMemberInput("陈代表", MemberKind.Deputy, null)), HttpStatusCode.Created);
        Assert.Equal(HttpStatusCode.OK, (await supervisor.PostJson($"/api/v1/campaigns/{mine.Id}/inspections", new AssignInspectionInput(u08, [member.Id]))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await supervisor.PostJson($"/api/v1/campaigns/{mine.Id}/inspections", new AssignInspectionInput(u09, [colleague.Id]))).StatusCode);
        return (mine, other, u08, u09);
    }

    [Fact]
    [ScopeCovered("GET /api/v1/campaigns")]
    [ScopeCovered("GET /api/v1/campaigns/{id:long}")]
    [ScopeCovered("GET /api/v1/campaigns/self-inspections/{id:long}")]
    public async Task Campaigns_OnlyThoseWhoseTeamTheInspectorIsOn_AndOnlyTheAssignedUnitsSelfInspection()
    {
        // An inspector on no team sees no campaign.
        await EnsureInspectorAsync("inspector-none");
        using (var before = await app.ClientFor("inspector-none"))
        {
            var none = await HttpAssert.Ok<JsonElement>(await before.GetAsync("/api/v1/campaigns"));
            Assert.Equal(0, none.GetProperty("total").GetInt32());
        }
        var (mine, other, u08, u09) = await SetUpAsync("督查范围");
        using var inspector = await app.ClientFor(Inspector);
        var list = await HttpAssert.Ok<JsonElement>(await inspector.GetAsync("/api/v1/campaigns"));
        // Exactly the campaigns whose team they are on (other tests of this class put them on teams of their own).
        var onTeam = await app.Db(db => db.Set<TeamMember>().Where(m => m.UserName == Inspector).Select(m => m.CampaignId).Distinct().ToListAsync());
        Assert.Contains(mine.Id, onTeam);
        Assert.Equal(onTeam.Order(), list.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetInt64()).Order());
        await HttpAssert.Ok<CampaignDto>(await inspector.GetAsync($"/api/v1/campaigns/{mine.Id}"));
        await HttpAssert.Problem(await inspector.GetAsync($"/api/v1/campaigns/{other.Id}"), HttpStatusCode.NotFound);
        await HttpAssert.Ok<JsonElement>(await inspector.GetAsync($"/api/v1/campaigns/self-inspections/{CampaignApi.SelfInspectionOf(mine, u08)}"));
        await HttpAssert.Problem(await inspector.GetAsync($"/api/v1/campaigns/self-inspections/{CampaignApi.SelfInspectionOf(mine, u09)}"), HttpStatusCode.NotFound);
        await HttpAssert.Problem(await inspector.GetAsync($"/api/v1/campaigns/self-inspections/{CampaignApi.SelfInspectionOf(other, u08)}"), HttpStatusCode.NotFound);
        // The supervisor still sees them all.
        using var supervisor = await app.ClientFor("supervisor");
        await HttpAssert.Ok<CampaignDto>(await supervisor.GetAsync($"/api/v1/campaigns/{other.Id}"));
    }

    [Fact]
    [ScopeCovered("GET /api/v1/units")]
    [ScopeCovered("GET /api/v1/units/{id:long}")]
    [ScopeCovered("GET /api/v1/campaigns/{id:long}/figures/{key}/records")]
    [ScopeCovered("GET /api/v1/complaints")]
    [ScopeCovered("GET /api/v1/complaints/{id:long}")]
    public async Task Registry_Problems_AndComplaints_OnlyOfTheAssignedUnit_OnTheApi()
    {
        var (mine, _, u08, u09) = await SetUpAsync("督查单位范围");
        using var inspector = await app.ClientFor(Inspector);

        var units = await HttpAssert.Ok<JsonElement>(await inspector.GetAsync("/api/v1/units?limit=200"));
        Assert.Equal([u08], units.GetProperty("items").EnumerateArray().Select(u => u.GetProperty("id").GetInt64()));
        await HttpAssert.Ok<JsonElement>(await inspector.GetAsync($"/api/v1/units/{u08}"));
        await HttpAssert.Problem(await inspector.GetAsync($"/api/v1/units/{u09}"), HttpStatusCode.NotFound);

        // Problems: the team's findings on both units; the inspector's drill-down lists only U08's. (The ledger itself
        // is not the Inspector's to read: 403.)
        var inspections = await app.Db(db => db.Set<SupervisoryInspection>().Where(i => i.CampaignId == mine.Id).ToDictionaryAsync(i => i.UnitId, i => i.Id));
        using var supervisor = await app.ClientFor("supervisor");
        foreach (var (unit, text) in new[] { (u08, "督查范围：本单位问题"), (u09, "督查范围：他单位问题") })
        {
            Assert.Equal(HttpStatusCode.Created, (await supervisor.PostJson($"/api/v1/campaigns/inspections/{inspections[unit]}/findings", new CampaignProblemInput("执法程序", text))).StatusCode);
        }
        var problems = await app.Db(db => db.Set<Problem>().Where(p => p.SourceType == "Campaign" && p.SourceId == mine.Id).ToDictionaryAsync(p => p.UnitId, p => p.Id));
        var records = await HttpAssert.Ok<FigureRecords>(await inspector.GetAsync($"/api/v1/campaigns/{mine.Id}/figures/problems/records"));
        Assert.Equal([problems[u08]], records.Records.Select(r => r.Id));
        var all = await HttpAssert.Ok<FigureRecords>(await supervisor.GetAsync($"/api/v1/campaigns/{mine.Id}/figures/problems/records"));
        Assert.Equal(2, all.Total);
        await HttpAssert.Problem(await inspector.GetAsync($"/api/v1/problems/{problems[u09]}"), HttpStatusCode.Forbidden);

        // Complaints: those assigned to or about U08; the demo county has others (another unit's is not found).
        var about08 = await app.Db(db => db.Set<Complaint>().Where(c => c.AssignedUnitId == u08 || c.ComplainedUnitId == u08).Select(c => c.Id).ToListAsync());
        var another = await app.Db(db => db.Set<Complaint>().Where(c => c.AssignedUnitId == u09 && c.ComplainedUnitId != u08).Select(c => c.Id).FirstAsync());
        var complaints = await HttpAssert.Ok<JsonElement>(await inspector.GetAsync("/api/v1/complaints?limit=200"));
        Assert.Equal(about08.Count, complaints.GetProperty("total").GetInt32());
        Assert.All(complaints.GetProperty("items").EnumerateArray(), c => Assert.Contains(c.GetProperty("id").GetInt64(), about08));
        await HttpAssert.Problem(await inspector.GetAsync($"/api/v1/complaints/{another}"), HttpStatusCode.NotFound);
        if (about08.Count > 0)
        {
            await HttpAssert.Ok<JsonElement>(await inspector.GetAsync($"/api/v1/complaints/{about08[0]}"));
        }
        // The county's supervisor is not narrowed.
        await HttpAssert.Ok<JsonElement>(await supervisor.GetAsync($"/api/v1/complaints/{another}"));
    }

    [Fact]
    public async Task Pages_AnotherCampaign_AnotherUnitsInspectionAndComplaint_AreNotFound()
    {
        var (mine, other, u08, u09) = await SetUpAsync("督查页面范围");
        var another = await app.Db(db => db.Set<Complaint>().Where(c => c.AssignedUnitId == u09 && c.ComplainedUnitId != u08).Select(c => c.Id).FirstAsync());
        using var inspector = await PageSession.SignInAsync(app, Inspector);
        Assert.Contains("督查页面范围", await inspector.GetHtmlAsync($"/Campaigns/Details/{mine.Id}"), StringComparison.Ordinal);
        var campaigns = await inspector.GetHtmlAsync("/Campaigns");
        Assert.DoesNotContain("督查页面范围（他组）", campaigns, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await inspector.Client.GetAsync($"/Campaigns/Details/{other.Id}")).StatusCode);
        var inspections = await app.Db(db => db.Set<SupervisoryInspection>().Where(i => i.CampaignId == mine.Id).ToDictionaryAsync(i => i.UnitId, i => i.Id));
        Assert.Contains("自查与督查不一致", await inspector.GetHtmlAsync($"/Campaigns/Inspect/{inspections[u08]}"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await inspector.Client.GetAsync($"/Campaigns/Inspect/{inspections[u09]}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await inspector.Client.GetAsync($"/Complaints/Detail?id={another}")).StatusCode);
        var about08 = await app.Db(db => db.Set<Complaint>().CountAsync(c => c.AssignedUnitId == u08 || c.ComplainedUnitId == u08));
        Assert.Contains($"共 {about08} 条", await inspector.GetHtmlAsync("/Complaints"), StringComparison.Ordinal);
    }
}
