using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sunlight.Tests.Infrastructure;
using Sunlight.Tests.Problems;
using Sunlight.Web.Features.Campaigns;
using Sunlight.Web.Features.Campaigns.ConvertVisit;
using Sunlight.Web.Features.Campaigns.Supervision;
using Sunlight.Web.Features.Complaints;
using Sunlight.Web.Features.Complaints.Confidentiality;
using Sunlight.Web.Features.Problems;

namespace Sunlight.Tests.Campaigns;

/// <summary>走访企业 answers become a complaint (the complaints' own intake) or a ledger problem in one action, once (Features/Campaigns/ConvertVisit).</summary>
public sealed class ConvertVisitTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    private async Task<(CampaignDto Campaign, long Enterprise, string EnterpriseName, string Uscc)> CampaignAsync(string name)
    {
        var (c, _, _) = await FollowUpApi.InspectedAsync(app, name);
        var e = await app.Db(db => db.Enterprises.OrderBy(x => x.Id).Select(x => new { x.Id, x.Name, x.Uscc }).FirstAsync());
        return (c, e.Id, e.Name, e.Uscc);
    }

    private async Task<long> VisitAsync(long campaignId, EnterpriseVisitInput input)
    {
        using var inspector = await app.ClientFor("inspector");
        return (await HttpAssert.Ok<EnterpriseVisitDto>(await inspector.PostJson($"/api/v1/campaigns/{campaignId}/enterprise-visits", input), HttpStatusCode.Created)).Id;
    }

    private Task<EnterpriseVisit> StoredVisit(long id) => app.Db(db => db.Set<EnterpriseVisit>().AsNoTracking().SingleAsync(v => v.Id == id));

    [Fact]
    [ScopeCovered("POST /api/v1/campaigns/enterprise-visits/{id:long}/convert")]
    public async Task IntoAComplaint_FiledByTheComplaintsIntake_TheEnterpriseIsTheProtectedReporter_OnceOnly()
    {
        var (c, enterprise, enterpriseName, uscc) = await CampaignAsync("走访转投诉");
        var u12 = await app.UnitId("U12");
        var visit = await VisitAsync(c.Id, new EnterpriseVisitInput(enterprise, new DateOnly(2026, 11, 20), true, false, false, true, false,
            "10 月被两个科室分别检查，同类企业只查我家", u12));
        var url = $"/api/v1/campaigns/enterprise-visits/{visit}/convert";
        using var unit = await app.ClientFor("unit12");
        await HttpAssert.Problem(await unit.PostJson(url, new ConvertVisitInput(VisitConversion.Complaint)), HttpStatusCode.Forbidden);
        var other = await CampaignApi.RunningAsync(app, "走访转投诉无关", "U12");
        using var supervisor = await app.ClientFor("supervisor");
        var outside = (await HttpAssert.Ok<EnterpriseVisitDto>(await supervisor.PostJson($"/api/v1/campaigns/{other.Id}/enterprise-visits",
            new EnterpriseVisitInput(enterprise, new DateOnly(2026, 11, 20), true, false, false, false, false, "多头检查", u12)), HttpStatusCode.Created)).Id;
        using var inspector = await app.ClientFor("inspector");
        await HttpAssert.Problem(await inspector.PostJson($"/api/v1/campaigns/enterprise-visits/{outside}/convert", new ConvertVisitInput(VisitConversion.Complaint)), HttpStatusCode.NotFound);
        var badCategory = await HttpAssert.Problem(await inspector.PostJson(url, new ConvertVisitInput(VisitConversion.Complaint, "no-such-category")), HttpStatusCode.BadRequest);
        Assert.Equal("投诉类别不存在或已停用", badCategory.Error("category"));
        Assert.Null((await StoredVisit(visit)).ComplaintId);

        var converted = await HttpAssert.Ok<ConvertedVisitDto>(await inspector.PostJson(url, new ConvertVisitInput(VisitConversion.Complaint)), HttpStatusCode.Created);
        var complaintId = converted.ComplaintId!.Value;
        var complaint = await app.Db(db => db.Set<Complaint>().AsNoTracking().Include(x => x.Category).SingleAsync(x => x.Id == complaintId));
        Assert.Equal((ComplaintChannel.WalkIn, "multiple-inspections", u12, uscc, false), (complaint.Channel, complaint.Category!.Code, complaint.ComplainedUnitId!.Value, complaint.EnterpriseUscc, complaint.IsAnonymous));
        Assert.Contains("多头检查、选择性执法", complaint.Description, StringComparison.Ordinal);
        Assert.Contains("同类企业只查我家", complaint.Description, StringComparison.Ordinal);
        Assert.DoesNotContain(enterpriseName, complaint.Description, StringComparison.Ordinal);
        Assert.DoesNotContain(enterpriseName, complaint.ReporterProtected!, StringComparison.Ordinal);
        using (var scope = app.Services.CreateScope())
        {
            Assert.Equal(enterpriseName[..Math.Min(50, enterpriseName.Length)], scope.ServiceProvider.GetRequiredService<ReporterVault>().Unprotect(complaint.ReporterProtected)!.Name);
        }
        Assert.Equal(complaintId, (await StoredVisit(visit)).ComplaintId);
        var (_, before, after) = await CampaignApi.AuditAsync(app, nameof(EnterpriseVisit), visit, "Update");
        Assert.Equal((System.Text.Json.JsonValueKind.Null, complaintId), (before.GetProperty("ComplaintId").ValueKind, after.GetProperty("ComplaintId").GetInt64()));

        var again = await HttpAssert.Problem(await inspector.PostJson(url, new ConvertVisitInput(VisitConversion.Problem, "执法程序")), HttpStatusCode.Conflict);
        Assert.Equal(ConvertEnterpriseVisit.Rule, again.GetProperty("rule").GetString());
        Assert.Equal(1, await app.Db(db => db.Set<Complaint>().CountAsync(x => x.Id >= complaintId)));
    }

    [Fact]
    public async Task IntoAProblem_RaisedWithSourceEnterpriseVisit_CountedInTheCampaign_BadInputStoresNothing()
    {
        var (c, enterprise, _, _) = await CampaignAsync("走访转问题");
        var u12 = await app.UnitId("U12");
        var visit = await VisitAsync(c.Id, new EnterpriseVisitInput(enterprise, new DateOnly(2026, 11, 21), false, false, true, false, false, "罚款指标摊派到人", u12));
        var nothing = await VisitAsync(c.Id, new EnterpriseVisitInput(enterprise, new DateOnly(2026, 11, 21), false, false, false, false, false));
        var noUnit = await VisitAsync(c.Id, new EnterpriseVisitInput(enterprise, new DateOnly(2026, 11, 21), false, false, false, false, true, "一刀切停产"));
        using var inspector = await app.ClientFor("inspector");
        var url = $"/api/v1/campaigns/enterprise-visits/{visit}/convert";
        var problems = await app.Db(db => db.Set<Problem>().CountAsync());

        Assert.Equal("请选择问题类别", (await HttpAssert.Problem(await inspector.PostJson(url, new ConvertVisitInput(VisitConversion.Problem)), HttpStatusCode.BadRequest)).Error("category"));
        Assert.Equal("问题类别“没有的类别”不在类别字典中",
            (await HttpAssert.Problem(await inspector.PostJson(url, new ConvertVisitInput(VisitConversion.Problem, "没有的类别")), HttpStatusCode.BadRequest)).Error("category"));
        Assert.Equal($"情况描述不能超过 {ProblemConfiguration.DescriptionLength} 个字", (await HttpAssert.Problem(await inspector.PostJson(url,
            new ConvertVisitInput(VisitConversion.Problem, "执法程序", new string('述', ProblemConfiguration.DescriptionLength + 1))), HttpStatusCode.BadRequest)).Error("description"));
        Assert.Equal("转为问题需要确定责任单位", (await HttpAssert.Problem(await inspector.PostJson($"/api/v1/campaigns/enterprise-visits/{noUnit}/convert",
            new ConvertVisitInput(VisitConversion.Problem, "执法程序")), HttpStatusCode.BadRequest)).Error("unitId"));
        var empty = await HttpAssert.Problem(await inspector.PostJson($"/api/v1/campaigns/enterprise-visits/{nothing}/convert", new ConvertVisitInput(VisitConversion.Complaint)), HttpStatusCode.Conflict);
        Assert.Equal(ConvertEnterpriseVisit.EmptyRule, empty.GetProperty("rule").GetString());
        await HttpAssert.Problem(await inspector.PostAsync(url, new StringContent("null", System.Text.Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest);
        Assert.Equal(problems, await app.Db(db => db.Set<Problem>().CountAsync()));
        Assert.Null((await StoredVisit(visit)).ProblemId);

        var description = new string('述', ProblemConfiguration.DescriptionLength);
        var converted = await HttpAssert.Ok<ConvertedVisitDto>(await inspector.PostJson(url, new ConvertVisitInput(VisitConversion.Problem, "执法程序", description, Severity: ProblemSeverity.Serious)), HttpStatusCode.Created);
        var problem = await app.Stored(converted.ProblemId!.Value);
        Assert.Equal((ProblemSource.EnterpriseVisit, "Campaign", c.Id, u12, "执法程序", ProblemSeverity.Serious, description, new DateOnly(2026, 11, 21)),
            (problem.Source, problem.SourceType, problem.SourceId!.Value, problem.UnitId, problem.Category, problem.Severity, problem.Description, problem.FoundOn));
        Assert.Equal(problem.Id, (await StoredVisit(visit)).ProblemId);
        var (_, _, after) = await CampaignApi.AuditAsync(app, nameof(EnterpriseVisit), visit, "Update");
        Assert.Equal(problem.Id, after.GetProperty("ProblemId").GetInt64());
        var again = await HttpAssert.Problem(await inspector.PostJson(url, new ConvertVisitInput(VisitConversion.Problem, "执法程序")), HttpStatusCode.Conflict);
        Assert.Equal(ConvertEnterpriseVisit.Rule, again.GetProperty("rule").GetString());
        Assert.Equal(problems + 1, await app.Db(db => db.Set<Problem>().CountAsync()));
    }
}
