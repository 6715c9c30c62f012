using Microsoft.EntityFrameworkCore;
using Sunlight.Tests.Infrastructure;
using Sunlight.Web.Features.Complaints;
using Sunlight.Web.Features.Platform.Escalations;
using Sunlight.Web.Features.Problems;
using ChinaTime = Sunlight.Web.ChinaTime;
using static Sunlight.Tests.Complaints.ComplaintTestKit;

namespace Sunlight.Tests.Platform.Admin;

/// <summary>The audit view reads as Chinese: entity and field names, enum values, units and people by name, CST.</summary>
public sealed class ReadableAuditTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    [Fact]
    public async Task AssignEntry_ShowsChineseFieldsStateUnitAndPersonByName_InChinaTime()
    {
        var (id, receipt) = await FiledAndAssignedAsync(app, "unit05");
        var entry = await app.Db(db => db.AuditEntries.Where(e => e.EntityType == nameof(Complaint) && e.EntityId == id.ToString() && e.Action == "StateChange")
            .OrderByDescending(e => e.Sequence).FirstAsync());
        var unitName = await app.Db(db => db.Users.Where(u => u.UserName == "unit05").Select(u => db.Units.Single(x => x.Id == u.UnitId).Name).SingleAsync());
        var supervisorName = await app.Db(db => db.Users.Where(u => u.UserName == "supervisor").Select(u => u.DisplayName).SingleAsync());

        using var observer = await PageSession.SignInAsync(app, "observer");
        var detail = await observer.GetHtmlAsync($"/Audit/Detail/{entry.Id}");
        Assert.Contains($"投诉举报 {receipt.TrackingCode}", detail, StringComparison.Ordinal);
        Assert.Contains(supervisorName, detail, StringComparison.Ordinal);
        Assert.Contains(ChinaTime.Format(entry.OccurredAt) + "（北京时间）", detail, StringComparison.Ordinal);
        foreach (var text in new[] { "办理单位", unitName, "办理期限", "交办时间", "状态", "已受理待交办", "办理中" })
        {
            Assert.Contains(text, detail, StringComparison.Ordinal);
        }
        // What a person reads: the page's text, not its links.
        var readable = System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Replace(detail[detail.IndexOf("<main", StringComparison.Ordinal)..], "<[^>]+>", " "));
        foreach (var raw in new[] { "AssignedUnitId", "ResolveDueDate", "Assigned", "Accepted", "Complaint", "+00:00", "supervisor", "UTC" })
        {
            Assert.DoesNotContain(raw, readable, StringComparison.Ordinal);
        }

        var list = await observer.GetHtmlAsync($"/Audit?entityType=Complaint&entityId={id}");
        Assert.Contains($"投诉举报 <span class=\"text-muted\">{receipt.TrackingCode}</span>", list, StringComparison.Ordinal);
        Assert.DoesNotContain($"#{id}", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EscalationList_AndProblemSource_NameTheRecordNotTypeAndId()
    {
        var (id, receipt) = await FiledAndAssignedAsync(app, "unit05");
        var unitId = await UnitId(app, "unit05");
        await app.Db(db =>
        {
            db.Set<Escalation>().Add(new Escalation
            {
                Kind = EscalationKind.Supervise, UnitId = unitId, RegionCode = "359901", SubjectType = nameof(Complaint), SubjectId = id,
                Reason = "投诉逾期未办，督办", CreatedAt = app.Clock.GetUtcNow(), CreatedBy = "supervisor",
            });
            return db.SaveChangesAsync();
        });
        using var supervisor = await PageSession.SignInAsync(app, "supervisor");
        var html = await supervisor.GetHtmlAsync("/Escalations");
        Assert.Contains($"投诉举报 {receipt.TrackingCode}", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"Complaint #{id}", html, StringComparison.Ordinal);

        var fromComplaint = await app.Db(db => db.Set<Problem>().Where(p => p.SourceType == nameof(Complaint) && p.SourceId != null)
            .Select(p => new { p.Number, p.SourceId }).FirstOrDefaultAsync());
        if (fromComplaint is not null)
        {
            var code = await app.Db(db => db.Set<Complaint>().Where(c => c.Id == fromComplaint.SourceId).Select(c => c.TrackingCode).SingleAsync());
            var page = await supervisor.GetHtmlAsync(Problem.DetailsLink(fromComplaint.Number));
            Assert.Contains($"（投诉举报 {code}）", page, StringComparison.Ordinal);
            Assert.DoesNotContain("Complaint #", page, StringComparison.Ordinal);
        }
    }
}
