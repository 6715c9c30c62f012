using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Sunlight.Tests.Infrastructure;
using Sunlight.Web.Features.Inspections;
using static Sunlight.Tests.Inspections.InspectionTestKit;

namespace Sunlight.Tests.Inspections;

/// <summary>The audit view names inspections, their fields and states in Chinese ([DisplayName], [EnumText], [RecordLabel]).</summary>
public sealed class AuditReadabilityTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    [Fact]
    public async Task ApprovalEntry_ReadsAsChinese_NamedByItsCode()
    {
        var registered = await RegisterAsync(app, "unit03", await QuietEnterpriseId(app, 7), Today(app).AddDays(4), type: "CaseDriven");
        var approved = await ApproveAsync(app, "unit03", registered.Id);
        var entry = await app.Db(db => db.AuditEntries.AsNoTracking()
            .SingleAsync(e => e.EntityType == nameof(Inspection) && e.EntityId == registered.Id.ToString() && e.Action == "StateChange"));

        using var observer = await PageSession.SignInAsync(app, "observer");
        var detail = await observer.GetHtmlAsync($"/Audit/Detail/{entry.Id}");
        var readable = System.Net.WebUtility.HtmlDecode(Regex.Replace(detail[detail.IndexOf("<main", StringComparison.Ordinal)..], "<[^>]+>", " "));
        foreach (var text in new[] { $"行政检查 {approved.Code}", "状态", "待审批", "已审批赋码", "检查码", "审批人", "王局长", "审批时间" })
        {
            Assert.Contains(text, readable, StringComparison.Ordinal);
        }
        foreach (var raw in new[] { "Registered", "Approved", "ApprovedBy", "ApprovedAt", "Inspection #" })
        {
            Assert.DoesNotContain(raw, readable, StringComparison.Ordinal);
        }

        // Before approval there is no code yet: the registration entry is named by its entity alone, not by an empty label.
        var created = await app.Db(db => db.AuditEntries.AsNoTracking()
            .SingleAsync(e => e.EntityType == nameof(Inspection) && e.EntityId == registered.Id.ToString() && e.Action == "Create"));
        var list = await observer.GetHtmlAsync($"/Audit?entityType=Inspection&entityId={registered.Id}");
        Assert.Contains("行政检查", list, StringComparison.Ordinal);
        Assert.Contains(approved.Code!, list, StringComparison.Ordinal);
        Assert.Contains("个案检查", System.Net.WebUtility.HtmlDecode(await observer.GetHtmlAsync($"/Audit/Detail/{created.Id}")), StringComparison.Ordinal);
    }
}
