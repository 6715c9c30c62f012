using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Sunlight.Tests.Infrastructure;
using Sunlight.Web.Features.Platform.Escalations;
using Sunlight.Web.Features.Platform.Notifications;
using Sunlight.Web.Features.Problems;
using Sunlight.Web.Features.Problems.Categories;
using Sunlight.Web.Infrastructure.Import;
using Sunlight.Web.Features.Problems.ProposeMeasures;
using Sunlight.Web.Features.Problems.Raise;
using Sunlight.Web.Features.Problems.Reconcile;
using Sunlight.Web.Features.Registry;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Tests.Problems;

/// <summary>Reconcile, import and export of the ledger.</summary>
public sealed class ProblemLedgerToolsApiTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    [Fact]
    [ScopeCovered("GET /api/v1/problems/reconcile")]
    public async Task Reconcile_CountsFromRecords_CountyForSupervisor_OwnUnitForUnitStaff()
    {
        using var supervisor = await app.ClientFor("supervisor");
        var report = await HttpAssert.Ok<ReconcileReport>(await supervisor.GetAsync("/api/v1/problems/reconcile"));
        var stored = await app.Db(db => db.Set<Problem>().AsNoTracking().ToListAsync());
        var today = new DateOnly(2026, 11, 25);
        Assert.Equal(stored.Count, report.County.Raised);
        Assert.Equal(stored.Count(p => p.State == ProblemState.WrittenOff), report.County.WrittenOff);
        Assert.Equal(stored.Count(p => p.State == ProblemState.AwaitingVerification), report.County.AwaitingVerification);
        Assert.Equal(stored.Count(p => p.IsOverdueOn(today)), report.County.Overdue);
        Assert.Equal(stored.Count(p => p.IsPlanLateOn(today)), report.County.PlanLate);
        Assert.True(report.County.Overdue > 0 && report.County.PlanLate > 0);
        Assert.Equal(22, report.Units.Count);
        Assert.Equal(report.County.Overdue + report.County.PlanLate, report.Gaps.Count);

        using var unit03 = await app.ClientFor("unit03");
        var own = await HttpAssert.Ok<ReconcileReport>(await unit03.GetAsync("/api/v1/problems/reconcile"));
        var u03 = await app.UnitId("U03");
        Assert.Equal(u03, Assert.Single(own.Units).UnitId);
        Assert.Equal(stored.Count(p => p.UnitId == u03), own.County.Raised);
        Assert.All(own.Gaps, g => Assert.Equal(u03, g.UnitId));

        using var inspector = await app.ClientFor("inspector");
        await HttpAssert.Problem(await inspector.GetAsync("/api/v1/problems/reconcile"), HttpStatusCode.Forbidden);
    }

    [Fact]
    [ScopeCovered("GET /api/v1/problems/export")]
    public async Task Export_HasTheColumnsOfficialsExpect_AndOnlyTheCallersRows()
    {
        using var supervisor = await app.ClientFor("supervisor");
        var sheet = await ExportedSheet.GetAsync(supervisor, "/api/v1/problems/export?category=三项制度落实");
        var rows = sheet.Rows;
        Assert.Equal(["序号", "问题编号", "问题来源", "责任单位", "问题类别", "问题描述", "整改措施", "整改时限", "整改进展", "完成情况", "状态", "核查意见", "销账日期"], sheet.Headers);
        Assert.Equal(13, sheet.Widths.Count);
        var listed = await supervisor.GetFromJsonAsync<JsonElement>("/api/v1/problems?category=三项制度落实");
        Assert.Equal(listed.GetProperty("total").GetInt32(), rows.Count);
        Assert.Equal(await app.Db(db => db.Set<Problem>().CountAsync(p => p.Category == "三项制度落实")), rows.Count);
        Assert.All(rows, r => Assert.Equal("三项制度落实", r["问题类别"]));
        Assert.Contains(rows, r => r["销账日期"] is { Length: 10 } && r["状态"] == "已销账" && r["问题编号"] is { } n && n.StartsWith("WT", StringComparison.Ordinal));
        // 完成情况 is the unit's own text, not a status word.
        var reported = await app.Db(db => db.Set<Problem>().Where(p => p.Category == "三项制度落实" && p.Completion != null).Select(p => new { p.Number, p.Completion }).FirstAsync());
        Assert.Contains(rows, r => r["问题编号"] == reported.Number && r["完成情况"] == reported.Completion);

        using var unit03 = await app.ClientFor("unit03");
        var ownRows = (await ExportedSheet.GetAsync(unit03, "/api/v1/problems/export")).Rows;
        var unitName = await app.Db(db => db.Units.Where(u => u.Code == "U03").Select(u => u.Name).SingleAsync());
        Assert.NotEmpty(ownRows);
        Assert.All(ownRows, r => Assert.Equal(unitName, r["责任单位"]));
        Assert.Equal(await app.Db(db => db.Set<Problem>().CountAsync(p => p.Unit!.Code == "U03")), ownRows.Count);

        using var inspector = await app.ClientFor("inspector");
        await HttpAssert.Problem(await inspector.GetAsync("/api/v1/problems/export"), HttpStatusCode.Forbidden);
    }

    [Fact]
    [ScopeCovered("POST /api/v1/problems/import")]
    public async Task Import_WithBadRows_ReportsEachRowInChinese_AndImportsNothing_ThenAGoodFileImportsAll()
    {
        using var supervisor = await app.ClientFor("supervisor");
        var before = await app.Db(db => db.Set<Problem>().CountAsync());
        var bad = Xlsx(
            Row("应急管理局", "三项制度落实", "导入：公示不及时", "督查", "一般", "2026-11-01"),
            Row("不存在的局", "三项制度落实", "导入：单位不存在", "", "", ""),
            Row("U05", "乱七八糟", "导入：类别不存在", "", "", ""),
            Row("U05", "执法程序", "", "天上掉的", "很严重", "2026-13-45"));
        var body = await HttpAssert.Problem(await supervisor.PostAsync("/api/v1/problems/import", File(bad)), HttpStatusCode.BadRequest);
        var errors = body.GetProperty("errors").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Contains("第 3 行：责任单位“不存在的局”不存在", errors);
        Assert.Contains("第 4 行：问题类别“乱七八糟”不在类别字典中", errors);
        Assert.Contains("第 5 行：问题描述不能为空", errors);
        Assert.Contains(errors, e => e.StartsWith("第 5 行：问题来源“天上掉的”", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("第 5 行：严重程度“很严重”", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("第 5 行：发现日期“2026-13-45”", StringComparison.Ordinal));
        Assert.DoesNotContain(errors, e => e.StartsWith("第 2 行", StringComparison.Ordinal));
        Assert.Equal(before, await app.Db(db => db.Set<Problem>().CountAsync()));

        // The foundation's "仅导入有效行": the one good row of the same file goes in, the bad ones are reported again.
        var partial = await HttpAssert.Ok<ImportResult>(await supervisor.PostAsync("/api/v1/problems/import?mode=validOnly", File(bad)));
        Assert.Equal((4, 1, 1), (partial.Rows, partial.Valid, partial.Imported));
        Assert.Equal(1, await app.Db(db => db.Set<Problem>().CountAsync(p => p.Description == "导入：公示不及时")));
        await app.Db(db => db.Set<Problem>().Where(p => p.Description == "导入：公示不及时").ExecuteDeleteAsync());

        var notExcel = await HttpAssert.Problem(await supervisor.PostAsync("/api/v1/problems/import", File("not a spreadsheet"u8.ToArray())), HttpStatusCode.BadRequest);
        Assert.Contains(".xlsx", notExcel.GetProperty("errors")[0].GetString(), StringComparison.Ordinal);

        var good = Xlsx(Row("应急管理局", "三项制度落实", "导入：公示不及时", "督查", "严重", "2026-11-01"), Row("U05", "执法程序", "导入：送达不规范", "", "", ""));
        using var unit05 = await app.ClientFor("unit05");
        await HttpAssert.Problem(await unit05.PostAsync("/api/v1/problems/import", File(good)), HttpStatusCode.Forbidden);
        var ok = await HttpAssert.Ok<ImportResult>(await supervisor.PostAsync("/api/v1/problems/import", File(good)));
        Assert.Equal(2, ok.Imported);
        var imported = await app.Db(db => db.Set<Problem>().Include(p => p.Unit).Where(p => p.Description.StartsWith("导入：")).OrderBy(p => p.Id).ToListAsync());
        Assert.Equal(["U03", "U05"], imported.Select(p => p.Unit!.Code));
        Assert.Equal(ProblemSource.SupervisoryInspection, imported[0].Source);
        Assert.Equal(ProblemSeverity.Serious, imported[0].Severity);
        Assert.Equal(ProblemSource.Import, imported[1].Source);
        Assert.All(imported, p => Assert.Equal(ProblemState.Raised, p.State));
    }

    private static Dictionary<string, object?> Row(string unit, string category, string description, string source, string severity, string foundOn) => new()
    {
        ["责任单位"] = unit, ["问题类别"] = category, ["问题描述"] = description, ["问题来源"] = source, ["严重程度"] = severity, ["发现日期"] = foundOn,
    };

    private static byte[] Xlsx(params Dictionary<string, object?>[] rows)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(rows);
        return stream.ToArray();
    }

    private static MultipartFormDataContent File(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return new MultipartFormDataContent { { content, "file", "问题清单.xlsx" } };
    }
}
