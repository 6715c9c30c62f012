using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Sunlight.Tests.Infrastructure;
using Sunlight.Web.Features.Complaints;
using static Sunlight.Tests.Complaints.ComplaintTestKit;

namespace Sunlight.Tests.Complaints;

/// <summary>The complaint list as .xlsx: the list's own filters and scope, set column widths, never the reporter's identity.</summary>
public sealed class ComplaintExportTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    [Fact]
    [ScopeCovered("GET /api/v1/complaints/export")]
    public async Task Export_HasExactlyTheListsRows_WithoutIdentity_AndColumnWidths()
    {
        var named = await FileAsync(app); // files with SecretName / SecretPhone / SecretEmail
        using var supervisor = await app.LoginWithCookieAsync("supervisor");
        var list = await supervisor.GetStringAsync("/Complaints?State=Received");
        var total = int.Parse(Regex.Match(list, "共 (\\d+) 条").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        // The page's export link carries the page's filters.
        Assert.Contains("/api/v1/complaints/export?State=Received", WebUtility.HtmlDecode(list), StringComparison.Ordinal);

        var sheet = await ExportedSheet.GetAsync(supervisor, "/api/v1/complaints/export?State=Received");
        Assert.Equal(total, sheet.Rows.Count);
        Assert.Equal(await app.Db(db => db.Set<Complaint>().CountAsync(c => c.State == ComplaintState.Received)), sheet.Rows.Count);
        Assert.Contains(sheet.Rows, r => r["查询码"] == named.TrackingCode && r["状态"] == "待受理");
        Assert.Equal(["查询码", "收到时间", "渠道", "类别", "被投诉单位", "涉及企业", "办理单位", "状态", "期限", "是否逾期", "内容摘要"], sheet.Headers);
        foreach (var secret in new[] { SecretName, SecretPhone, SecretEmail })
        {
            Assert.DoesNotContain(secret, sheet.AllText, StringComparison.Ordinal);
        }
        Assert.Contains(50, sheet.Widths);
    }

    [Fact]
    public async Task Export_RowsEqualTheApiListTotal_ForTheSameFilters()
    {
        await FileAsync(app);
        await FiledAndAssignedAsync(app, "unit05");
        using var supervisor = await app.ClientFor("supervisor");
        foreach (var query in new[] { "", "?Overdue=true", "?State=Assigned", "?Q=" + Uri.EscapeDataString("趋利") })
        {
            var page = await supervisor.GetFromJsonAsync<JsonElement>("/api/v1/complaints" + query);
            var sheet = await ExportedSheet.GetAsync(supervisor, "/api/v1/complaints/export" + query);
            Assert.Equal(page.GetProperty("total").GetInt32(), sheet.Rows.Count);
        }
    }

    [Fact]
    public async Task UnitStaff_ExportsOnlyComplaintsAssignedToIt()
    {
        var (_, own) = await FiledAndAssignedAsync(app, "unit05");
        var (_, other) = await FiledAndAssignedAsync(app, "unit06");
        using var unit = await app.ClientFor("unit05");
        var sheet = await ExportedSheet.GetAsync(unit, "/api/v1/complaints/export");
        Assert.Contains(sheet.Rows, r => r["查询码"] == own.TrackingCode);
        Assert.DoesNotContain(sheet.Rows, r => r["查询码"] == other.TrackingCode);
        var unitId = await UnitId(app, "unit05");
        Assert.Equal(await app.Db(db => db.Set<Complaint>().CountAsync(c => c.AssignedUnitId == unitId)), sheet.Rows.Count);
    }
}
