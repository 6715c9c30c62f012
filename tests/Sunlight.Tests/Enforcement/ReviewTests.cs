using System.Net;
using Microsoft.EntityFrameworkCore;
using Sunlight.Tests.Infrastructure;
using Sunlight.Web.Features.Enforcement;
using static Sunlight.Tests.Enforcement.EnforcementTestKit;

namespace Sunlight.Tests.Enforcement;

/// <summary>法制审核 (Features/Enforcement/Review): the reviewer permission, the checks, and the P-REVIEW gate on 决定.</summary>
public sealed class ReviewTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    private object Review(string outcome, DateOnly on, string? opinion = null, bool all = true) => new
    {
        on, outcome, opinion, subjectChecked = true, qualificationChecked = true, procedureChecked = true, factsChecked = true,
        basisChecked = true, powerChecked = all, documentsChecked = true, crimeTransferChecked = true,
    };

    private async Task<(HttpClient Unit, long Id, DateOnly Filed)> LargeFineAsync(string number, string account = "unit04")
    {
        var filed = Today(app).AddDays(-40);
        var unit = await app.ClientFor(account);
        var dto = await RegisterAsync(unit, Penalty(number, filed, (await QualifiedOfficers(app, account, filed)).Take(2), fine: 200_000m));
        var id = dto.GetProperty("id").GetInt64();
        await MilestoneAsync(unit, id, "Notified", filed.AddDays(5));
        return (unit, id, filed);
    }

    [Fact]
    [ScopeCovered("POST /api/v1/cases/{id:long}/review")]
    public async Task Decision_RefusedUntilReviewApproved_ThenRecorded()
    {
        var (unit, id, filed) = await LargeFineAsync("审核-1");
        using (unit)
        {
            var body = await HttpAssert.Problem(await unit.PostJson($"/api/v1/cases/{id}/milestones", new { kind = "Decided", on = filed.AddDays(30) }), HttpStatusCode.Conflict);
            Assert.Equal("P-REVIEW", body.GetProperty("rule").GetString());
            Assert.Contains("法制审核", body.GetProperty("detail").GetString());

            var review = await unit.PostJson($"/api/v1/cases/{id}/review", Review("FurtherInvestigation", filed.AddDays(20), "证据不足，补充调查"));
            Assert.Equal(HttpStatusCode.OK, review.StatusCode);
            body = await HttpAssert.Problem(await unit.PostJson($"/api/v1/cases/{id}/milestones", new { kind = "Decided", on = filed.AddDays(30) }), HttpStatusCode.Conflict);
            Assert.Equal("P-REVIEW", body.GetProperty("rule").GetString());
            Assert.Contains("补充调查", body.GetProperty("detail").GetString());

            Assert.Equal(HttpStatusCode.OK, (await unit.PostJson($"/api/v1/cases/{id}/review", Review("Approved", filed.AddDays(25)))).StatusCode);
            await MilestoneAsync(unit, id, "Decided", filed.AddDays(30));
        }
        var stored = await StoredAsync(app, id);
        Assert.Equal([ReviewOutcome.FurtherInvestigation, ReviewOutcome.Approved], stored.Reviews.OrderBy(r => r.ReviewedOn).Select(r => r.Outcome));
        Assert.Contains(stored.Milestones, m => m.Kind == MilestoneKind.LegalReview && m.On == filed.AddDays(25));
        Assert.Equal(MilestoneKind.Decided, stored.Stage);

        using var other = await app.ClientFor("unit05");
        await HttpAssert.Problem(await other.PostJson($"/api/v1/cases/{id}/review", Review("Approved", filed.AddDays(25))), HttpStatusCode.NotFound);
        using var supervisor = await app.ClientFor("supervisor");
        await HttpAssert.Problem(await supervisor.PostJson($"/api/v1/cases/{id}/review", Review("Approved", filed.AddDays(25))), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Review_ApprovedWithACheckMissing_Returns400_OtherOutcomeWithoutOpinion_Returns400()
    {
        var (unit, id, filed) = await LargeFineAsync("审核-2");
        using (unit)
        {
            var body = await HttpAssert.Problem(await unit.PostJson($"/api/v1/cases/{id}/review", Review("Approved", filed.AddDays(20), all: false)), HttpStatusCode.BadRequest);
            Assert.Contains("逐项", body.GetProperty("errors").GetProperty("allChecked")[0].GetString());
            body = await HttpAssert.Problem(await unit.PostJson($"/api/v1/cases/{id}/review", Review("Correct", filed.AddDays(20))), HttpStatusCode.BadRequest);
            Assert.Equal("请填写审核意见说明", body.GetProperty("errors").GetProperty("opinion")[0].GetString());
            body = await HttpAssert.Problem(await unit.PostJson($"/api/v1/cases/{id}/review", Review("Correct", filed.AddDays(20), new string('意', CaseColumns.NoteLength + 1))), HttpStatusCode.BadRequest);
            Assert.Contains("不能超过", body.GetProperty("errors").GetProperty("opinion")[0].GetString());
        }
        Assert.Empty((await StoredAsync(app, id)).Reviews);
    }

    [Fact]
    public async Task Review_ByUnitStaffWithoutReviewerPermission_Returns403()
    {
        // An account no other test here uses, its permission taken away before it first signs in.
        await app.Db(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.UserName == "unit06");
            db.UserClaims.RemoveRange(db.UserClaims.Where(c => c.UserId == user.Id && c.ClaimType == EnforcementPolicies.PermissionClaim));
            return await db.SaveChangesAsync();
        });
        var (unit, id, filed) = await LargeFineAsync("审核-3", "unit06");
        using (unit)
        {
            await HttpAssert.Problem(await unit.PostJson($"/api/v1/cases/{id}/review", Review("Approved", filed.AddDays(20))), HttpStatusCode.Forbidden);
        }
        Assert.Empty((await StoredAsync(app, id)).Reviews);
    }
}
