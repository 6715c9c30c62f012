using System.Net;
using Sunlight.Tests.Infrastructure;
using Sunlight.Web.Features.Complaints;
using Sunlight.Web.Features.Complaints.Public;
using static Sunlight.Tests.Complaints.ComplaintTestKit;

namespace Sunlight.Tests.Complaints;

/// <summary>人工登记 (Features/Complaints/StaffEntry): staff channels only, the source note bounded by its column.</summary>
public sealed class StaffEntryTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    private static object Body(string channel = "Letter", string? place = null) =>
        new { channel, category = "rough", description = "来信反映执法人员态度粗暴。", anonymous = true, place };

    [Fact]
    public async Task StaffEntry_PlaceOfColumnLength_IsStored_OneOver_Returns400_PublicChannel_Returns400()
    {
        using var supervisor = await app.ClientFor("supervisor");
        var place = new string('信', ComplaintConfiguration.PlaceLength);
        var receipt = await HttpAssert.Ok<IntakeResponse>(await supervisor.PostJson("/api/v1/complaints", Body(place: place)), HttpStatusCode.Created);
        var stored = await StoredAsync(app, await IdOf(app, receipt.TrackingCode));
        Assert.Equal((ComplaintChannel.Letter, place, ComplaintState.Received), (stored.Channel, stored.IntakePlace, stored.State));

        var count = await app.Db(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Set<Complaint>()));
        var tooLong = await HttpAssert.Problem(await supervisor.PostJson("/api/v1/complaints", Body(place: place + "信")), HttpStatusCode.BadRequest);
        Assert.Equal("来源说明不能超过 200 个字", tooLong.GetProperty("errors").GetProperty("place")[0].GetString());
        var web = await HttpAssert.Problem(await supervisor.PostJson("/api/v1/complaints", Body(channel: "WebForm")), HttpStatusCode.BadRequest);
        Assert.StartsWith("人工登记的渠道应为", web.GetProperty("errors").GetProperty("channel")[0].GetString());
        using var empty = new StringContent("", System.Text.Encoding.UTF8, "application/json");
        await HttpAssert.Problem(await supervisor.PostAsync("/api/v1/complaints", empty), HttpStatusCode.BadRequest);
        Assert.Equal(count, await app.Db(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Set<Complaint>())));
    }
}
