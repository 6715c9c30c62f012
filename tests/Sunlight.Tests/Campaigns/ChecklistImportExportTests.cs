using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Sunlight.Tests.Infrastructure;
using Sunlight.Tests.Problems;
using Sunlight.Web.Features.Campaigns;
using Sunlight.Web.Features.Campaigns.SelfInspections;
using Sunlight.Web.Infrastructure.Import;

namespace Sunlight.Tests.Campaigns;

/// <summary>导入检查清单 through the shared import pipeline, and the campaign's .xlsx export (Features/Campaigns/Checklist).</summary>
public sealed class ChecklistImportExportTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    private static Dictionary<string, object?> Row(string item, string point) => new() { ["检查事项"] = item, ["检查内容"] = point };

    private static MultipartFormDataContent File(params Dictionary<string, object?>[] rows)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(rows);
        var content = new ByteArrayContent(stream.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return new MultipartFormDataContent { { content, "file", "检查清单.xlsx" } };
    }

    [Fact]
    [ScopeCovered("POST /api/v1/campaigns/{id:long}/checklist/import")]
    public async Task Import_ReplacesTheDraftsChecklist_BadRowsAreReportedInChineseWithNothingStored_RunningCampaignRefused()
    {
        var c = await CampaignApi.CreateAsync(app, "导入清单", "U20");
        var url = $"/api/v1/campaigns/{c.Id}/checklist/import";
        using var supervisor = await app.ClientFor("supervisor");
        var bad = await HttpAssert.Problem(await supervisor.PostAsync(url, File(Row("甲事项", "内容一"), Row("乙事项", ""), Row("乙事项", new string('长', CampaignColumns.PointTextLength + 1)))),
            HttpStatusCode.BadRequest);
        var errors = bad.GetProperty("errors").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Contains("第 3 行：检查内容不能为空", errors);
        Assert.Contains($"第 4 行：检查内容不能超过 {CampaignColumns.PointTextLength} 个字", errors);
        Assert.Equal(5, await app.Db(db => db.Set<ChecklistItem>().Where(i => i.CampaignId == c.Id).SelectMany(i => i.Points).CountAsync()));

        var ok = await HttpAssert.Ok<ImportResult>(await supervisor.PostAsync(url,
            File(Row("甲事项", "内容一"), Row("", "内容二"), Row("乙事项", new string('长', CampaignColumns.PointTextLength)))));
        Assert.Equal((3, 3), (ok.Valid, ok.Imported));
        var items = await app.Db(db => db.Set<ChecklistItem>().Include(i => i.Points).Where(i => i.CampaignId == c.Id).OrderBy(i => i.Number).ToListAsync());
        Assert.Equal(["甲事项", "乙事项"], items.Select(i => i.Title));
        Assert.Equal(["内容一", "内容二"], items[0].Points.OrderBy(p => p.Number).Select(p => p.Text));
        Assert.Equal([1, 2, 3], items.SelectMany(i => i.Points).Select(p => p.Number).Order());
        var (entry, _, after) = await CampaignApi.AuditAsync(app, nameof(Campaign), c.Id, "ImportChecklist");
        Assert.Equal("甲事项", after.GetProperty("Items")[0].GetProperty("Title").GetString());
        Assert.Equal("supervisor", entry.Actor);

        using var unit = await app.ClientFor("unit20");
        await HttpAssert.Problem(await unit.PostAsync(url, File(Row("甲", "乙"))), HttpStatusCode.Forbidden);
        using var inspector = await app.ClientFor("inspector");
        await HttpAssert.Problem(await inspector.PostAsync(url, File(Row("甲", "乙"))), HttpStatusCode.Forbidden);

        await HttpAssert.Ok<CampaignDto>(await supervisor.PostJson($"/api/v1/campaigns/{c.Id}/start", new { }));
        var running = await HttpAssert.Problem(await supervisor.PostAsync(url, File(Row("丙", "丁"))), HttpStatusCode.BadRequest);
        Assert.Contains("只有草稿状态", running.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(3, await app.Db(db => db.Set<ChecklistItem>().Where(i => i.CampaignId == c.Id).SelectMany(i => i.Points).CountAsync()));
    }

    [Fact]
    [ScopeCovered("GET /api/v1/campaigns/{id:long}/export")]
    public async Task Export_ListsEachUnitsAnswerBesideTheTeamsPerPoint_ForTheSupervisorOnly()
    {
        var c = await CampaignApi.RunningAsync(app, "导出专项治理", "U20", "U21");
        var u20 = await app.UnitId("U20");
        var points = CampaignApi.PointIds(c).ToList();
        using (var unit = await app.ClientFor("unit20"))
        {
            await HttpAssert.Ok<SelfInspectionDto>(await unit.PutJson($"/api/v1/campaigns/self-inspections/{CampaignApi.SelfInspectionOf(c, u20)}/answers",
                new AnswerSelfInspectionInput([new AnswerInput(points[0], Verdict.NonCompliant, "公示栏未更新")])));
        }
        using var supervisor = await app.ClientFor("supervisor");
        var response = await supervisor.GetAsync($"/api/v1/campaigns/{c.Id}/export");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Sunlight.Web.Infrastructure.Export.XlsxExport.ContentType, response.Content.Headers.ContentType?.MediaType);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(["单位", "检查事项", "序号", "检查内容", "自查结论", "情况说明", "佐证材料", "督查评价", "督查说明", "是否一致", "问题数"], rows[0].Keys);
        Assert.Equal(2 * points.Count, rows.Count);
        var unitName = await app.Db(db => db.Units.Where(u => u.Id == u20).Select(u => u.Name).SingleAsync());
        var first = rows.Single(r => r["单位"] as string == unitName && Convert.ToInt32(r["序号"], System.Globalization.CultureInfo.InvariantCulture) == 1);
        Assert.Equal(("不符合", "公示栏未更新"), (first["自查结论"] as string, first["情况说明"] as string));
        Assert.Equal(points.Count * 2 - 1, rows.Count(r => r["自查结论"] as string == "未作答"));

        using var unit20 = await app.ClientFor("unit20");
        await HttpAssert.Problem(await unit20.GetAsync($"/api/v1/campaigns/{c.Id}/export"), HttpStatusCode.Forbidden);
        await HttpAssert.Problem(await supervisor.GetAsync("/api/v1/campaigns/999999/export"), HttpStatusCode.NotFound);
    }
}
