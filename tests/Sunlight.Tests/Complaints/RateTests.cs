using System.Net;
using Sunlight.Tests.Infrastructure;
using Sunlight.Web.Features.Complaints;
using Sunlight.Web.Features.Complaints.Queries;
using static Sunlight.Tests.Complaints.ComplaintTestKit;

namespace Sunlight.Tests.Complaints;

/// <summary>评价 (Features/Complaints/Rate): the reporter's comment is bounded by its column; a wrong PIN is not found.</summary>
public sealed class RateTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    [Fact]
    public async Task Rate_CommentOfColumnLength_IsStoredAndAudited_OneOver_Returns400_WrongPin_Returns404()
    {
        var receipt = await FileAsync(app);
        var id = await IdOf(app, receipt.TrackingCode);
        using (var supervisor = await app.ClientFor("supervisor"))
        using (var unit = await app.ClientFor("unit05"))
        {
            await StepAsync(supervisor, $"/api/v1/complaints/{id}/accept", new { });
            await StepAsync(supervisor, $"/api/v1/complaints/{id}/assign", new { unitId = await UnitId(app, "unit05") });
            await StepAsync(unit, $"/api/v1/complaints/{id}/reply", new { text = "已整改。" });
            await StepAsync(supervisor, $"/api/v1/complaints/{id}/reply/review", new { approve = true });
        }
        using var anonymous = app.CreateClient();
        var url = $"/api/v1/public/complaints/{receipt.TrackingCode}/rating";
        var tooLong = await HttpAssert.Problem(await anonymous.PostJson(url,
            new { pin = receipt.Pin, satisfied = true, comment = new string('好', ComplaintConfiguration.ReasonLength + 1) }), HttpStatusCode.BadRequest);
        Assert.Equal("评价意见不能超过 1000 个字", tooLong.GetProperty("errors").GetProperty("comment")[0].GetString());
        await HttpAssert.Problem(await anonymous.PostJson(url, new { pin = "00000000", satisfied = true }), HttpStatusCode.NotFound);
        Assert.Null((await StoredAsync(app, id)).Satisfied);

        var comment = new string('好', ComplaintConfiguration.ReasonLength);
        var view = await HttpAssert.Ok<PublicComplaintView>(await anonymous.PostJson(url, new { pin = receipt.Pin, satisfied = true, comment }));
        Assert.Equal(true, view.Satisfied);
        Assert.Equal((true, comment), ((await StoredAsync(app, id)).Satisfied, (await StoredAsync(app, id)).RatingComment));
        var (entry, _, after) = await LastAuditAsync(app, id);
        Assert.Equal("Update", entry.Action);
        Assert.Equal(comment, after.GetProperty("RatingComment").GetString());
    }
}
