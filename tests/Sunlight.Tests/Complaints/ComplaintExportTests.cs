using System.IO.Compression;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Sunlight.Tests.Infrastructure;
using Sunlight.Web.Features.Complaints;
using static Sunlight.Tests.Complaints.ComplaintTestKit;

namespace Sunlight.Tests.Complaints;

/// <summary>The complaint list as .xlsx: the list's own filters and scope, set column widths, never the reporter's identity.</summary>
public sealed class ComplaintExportTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    private static async Task<(List<IDictionary<string, object?>> Rows, byte[] Bytes)> ExportAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync("/Complaints" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        using var stream = new MemoryStream(bytes);
        return (stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList(), bytes);
    }

    [Fact]
    public async Task Export_HasExactlyTheListsRows_WithoutIdentity_AndColumnWidths()
    {
        var named = await FileAsync(app); // files with SecretName / SecretPhone / SecretEmail
        using var supervisor = await app.LoginWithCookieAsync("supervisor");
        var list = await supervisor.GetStringAsync("/Complaints?State=Received");
        var total = int.Parse(Regex.Match(list, "共 (\\d+) 条").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

        var (rows, bytes) = await ExportAsync(supervisor, "?handler=Export&State=Received");
        Assert.Equal(total, rows.Count);
        Assert.Equal(await app.Db(db => db.Set<Complaint>().CountAsync(c => c.State == ComplaintState.Received)), rows.Count);
        Assert.Contains(rows, r => r["查询码"] as string == named.TrackingCode && r["状态"] as string == "待受理");
        Assert.Equal(["查询码", "收到时间", "渠道", "类别", "被投诉单位", "涉及企业", "办理单位", "状态", "期限", "是否逾期", "内容摘要"], rows[0].Keys);
        using var zip = new ZipArchive(new MemoryStream(bytes));
        var xml = string.Concat(zip.Entries.Where(e => e.FullName.StartsWith("xl/", StringComparison.Ordinal)).Select(e => new StreamReader(e.Open()).ReadToEnd()));
        foreach (var secret in new[] { SecretName, SecretPhone, SecretEmail })
        {
            Assert.DoesNotContain(secret, xml, StringComparison.Ordinal);
        }
        Assert.Contains("width=\"50", xml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnitStaff_ExportsOnlyComplaintsAssignedToIt()
    {
        var (_, own) = await FiledAndAssignedAsync(app, "unit05");
        var (_, other) = await FiledAndAssignedAsync(app, "unit06");
        using var unit = await app.LoginWithCookieAsync("unit05");
        var (rows, _) = await ExportAsync(unit, "?handler=Export");
        Assert.Contains(rows, r => r["查询码"] as string == own.TrackingCode);
        Assert.DoesNotContain(rows, r => r["查询码"] as string == other.TrackingCode);
        var unitId = await UnitId(app, "unit05");
        Assert.Equal(await app.Db(db => db.Set<Complaint>().CountAsync(c => c.AssignedUnitId == unitId)), rows.Count);
    }
}
