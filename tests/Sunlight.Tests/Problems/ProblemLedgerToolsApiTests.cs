using System.Net;
using System.Net.Http.Headers;
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

/// <summary>Reconcile, import, export, the category dictionary, 约谈/移送, and the raise service other features call.</summary>
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
        var response = await supervisor.GetAsync("/api/v1/problems/export?category=三项制度落实");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(["序号", "问题来源", "责任单位", "问题类别", "问题描述", "整改措施", "整改时限", "整改进展", "完成情况", "核查意见", "销号日期"], rows[0].Keys);
        Assert.Equal(await app.Db(db => db.Set<Problem>().CountAsync(p => p.Category == "三项制度落实")), rows.Count);
        Assert.All(rows, r => Assert.Equal("三项制度落实", r["问题类别"]));
        Assert.Contains(rows, r => r["销号日期"] is string s && s.Length == 10 && r["完成情况"] as string == "已完成整改");

        using var unit03 = await app.ClientFor("unit03");
        using var own = new MemoryStream(await (await unit03.GetAsync("/api/v1/problems/export")).Content.ReadAsByteArrayAsync());
        var ownRows = own.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        var unitName = await app.Db(db => db.Units.Where(u => u.Code == "U03").Select(u => u.Name).SingleAsync());
        Assert.NotEmpty(ownRows);
        Assert.All(ownRows, r => Assert.Equal(unitName, r["责任单位"]));

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

    [Fact]
    [ScopeCovered("GET /api/v1/problems/categories")]
    [ScopeCovered("POST /api/v1/problems/categories")]
    [ScopeCovered("PUT /api/v1/problems/categories/{id:long}")]
    public async Task Categories_SeededAndEditableBySupervisor_NotByUnitStaff()
    {
        using var unit01 = await app.ClientFor("unit01");
        var list = await HttpAssert.Ok<List<CategoryDto>>(await unit01.GetAsync("/api/v1/problems/categories"));
        Assert.Contains(list, c => c.Name == "三项制度落实");
        Assert.Contains(list, c => c.Name == "检查过多/多头检查");
        await HttpAssert.Problem(await unit01.PostJson("/api/v1/problems/categories", new CategoryInput("单位自建", 5)), HttpStatusCode.Forbidden);

        using var supervisor = await app.ClientFor("supervisor");
        var created = await HttpAssert.Ok<CategoryDto>(await supervisor.PostJson("/api/v1/problems/categories", new CategoryInput("趋利性执法", 95)), HttpStatusCode.Created);
        Assert.True(created.Id > ProblemNamesCount);
        var dup = await HttpAssert.Problem(await supervisor.PostJson("/api/v1/problems/categories", new CategoryInput("趋利性执法", 96)), HttpStatusCode.BadRequest);
        Assert.Equal("类别“趋利性执法”已存在", dup.GetProperty("errors").GetProperty("name")[0].GetString());
        await HttpAssert.Problem(await unit01.PutJson($"/api/v1/problems/categories/{created.Id}", new CategoryInput("改名", 1, true, created.Version)), HttpStatusCode.Forbidden);
        var retired = await HttpAssert.Ok<CategoryDto>(await supervisor.PutJson($"/api/v1/problems/categories/{created.Id}", new CategoryInput("趋利性执法", 95, false, created.Version)));
        Assert.False(retired.IsActive);
        Assert.False(await app.Db(db => db.Set<ProblemCategory>().Where(c => c.Id == created.Id).Select(c => c.IsActive).SingleAsync()));
        await HttpAssert.Problem(await supervisor.PutJson("/api/v1/problems/categories/999999", new CategoryInput("无", 1)), HttpStatusCode.NotFound);
        var active = await HttpAssert.Ok<List<CategoryDto>>(await supervisor.GetAsync("/api/v1/problems/categories?activeOnly=true"));
        Assert.DoesNotContain(active, c => c.Name == "趋利性执法");
    }

    [Fact]
    [ScopeCovered("POST /api/v1/problems/{id:long}/escalations")]
    [ScopeCovered("POST /api/v1/escalations")]
    [ScopeCovered("GET /api/v1/escalations")]
    public async Task AdmonitionAndReferral_BySupervisor_ReferralsVisibleToObservers_UnitSeesOwn()
    {
        var p = await app.RaiseAsync("U20", "约谈测试问题");
        using var supervisor = await app.ClientFor("supervisor");
        using var unit20 = await app.ClientFor("unit20");
        await HttpAssert.Problem(await unit20.PostJson($"/api/v1/problems/{p.Id}/escalations", new { kind = "Admonition", reason = "自己约谈自己" }), HttpStatusCode.Forbidden);
        await HttpAssert.Problem(await supervisor.PostJson($"/api/v1/problems/{p.Id}/escalations", new { kind = "Reminder", reason = "提醒" }), HttpStatusCode.BadRequest);
        await HttpAssert.Problem(await supervisor.PostJson("/api/v1/problems/999999/escalations", new { kind = "Admonition", reason = "不存在" }), HttpStatusCode.NotFound);
        var admonition = await HttpAssert.Ok<EscalationDto>(await supervisor.PostJson($"/api/v1/problems/{p.Id}/escalations", new { kind = "Admonition", reason = "整改不力，约谈单位主要负责人" }), HttpStatusCode.Created);
        Assert.Equal(p.Id, admonition.SubjectId);

        var u21 = await app.UnitId("U21");
        await HttpAssert.Problem(await unit20.PostJson("/api/v1/escalations", new EscalationInput(EscalationKind.Referral, u21, "越权移送")), HttpStatusCode.Forbidden);
        var referral = await HttpAssert.Ok<EscalationDto>(await supervisor.PostJson("/api/v1/escalations", new EscalationInput(EscalationKind.Referral, u21, "涉嫌违纪，移送县纪委监委")), HttpStatusCode.Created);
        Assert.Equal(EscalationKind.Referral, (await app.Db(db => db.Set<Escalation>().SingleAsync(e => e.Id == referral.Id))).Kind);
        var observerId = await app.Db(db => db.Users.Where(u => u.UserName == "observer").Select(u => u.Id).SingleAsync());
        Assert.True(await app.Db(db => db.Set<Notification>().AnyAsync(n => n.UserId == observerId && n.Body == "涉嫌违纪，移送县纪委监委")));

        using var observer = await app.ClientFor("observer");
        var seen = await HttpAssert.Ok<Page<EscalationDto>>(await observer.GetAsync("/api/v1/escalations?limit=200"));
        Assert.Contains(seen.Items, e => e.Id == referral.Id);
        Assert.All(seen.Items, e => Assert.Equal(EscalationKind.Referral, e.Kind));

        var own = await HttpAssert.Ok<Page<EscalationDto>>(await unit20.GetAsync("/api/v1/escalations?limit=200"));
        Assert.Contains(own.Items, e => e.Id == admonition.Id);
        Assert.DoesNotContain(own.Items, e => e.Id == referral.Id);

        using var inspector = await app.ClientFor("inspector");
        await HttpAssert.Problem(await inspector.GetAsync("/api/v1/escalations"), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task RaiseAsync_AddsWithoutSaving_SoTheCallersOneSaveCommitsBoth()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SunlightDbContext>();
        var ledger = scope.ServiceProvider.GetRequiredService<ProblemLedger>();
        var problem = await ledger.RaiseAsync(new RaiseProblemRequest(ProblemSource.Complaint, "Complaint", 4242, await app.UnitId("U22"), "作风问题",
            ProblemSeverity.Serious, "投诉反映执法人员态度粗暴", new DateOnly(2026, 11, 24), "投诉受理"), CancellationToken.None);
        Assert.False(await app.Db(d => d.Set<Problem>().AnyAsync(p => p.SourceId == 4242)));
        await db.SaveChangesAsync();
        var stored = await app.Stored(problem.Id);
        Assert.Equal(("Complaint", 4242L, ProblemState.Raised), (stored.SourceType, stored.SourceId!.Value, stored.State));
        Assert.True(await app.Db(d => d.Set<Notification>().AnyAsync(n => n.Link == $"/Problems/Details?no={stored.Number}")));
    }

    private static readonly int ProblemNamesCount = ProblemNames.DefaultCategories.Length;

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
