using System.Net;
using Microsoft.EntityFrameworkCore;
using Sunlight.Tests.Infrastructure;
using Sunlight.Tests.Problems;
using Sunlight.Web.Features.Campaigns;
using Sunlight.Web.Features.Campaigns.Review;
using Sunlight.Web.Features.Enforcement;

namespace Sunlight.Tests.Campaigns;

/// <summary>修订评查标准: each save is a new version, a plan and its reviews keep theirs, bad rubrics are Chinese errors (Features/Campaigns/Review/EditRubric).</summary>
public sealed class EditRubricTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    private async Task<RubricDto> CurrentAsync()
    {
        using var supervisor = await app.ClientFor("supervisor");
        return await HttpAssert.Ok<RubricDto>(await supervisor.GetAsync("/api/v1/campaigns/rubric"));
    }

    private static EditRubricInput From(RubricDto r) =>
        new(r.Version, r.Name, r.ExcellentFrom, r.PassFrom, r.Items.Select(i => new RubricItemInput(i.Code, i.Part, i.Text, i.Points, i.Category)).ToList());

    private Task<int> VersionsAsync() => app.Db(db => db.Set<Rubric>().CountAsync());

    [Fact]
    [ScopeCovered("POST /api/v1/campaigns/rubric")]
    public async Task Edit_SavesTheNextVersion_Audited_APlanKeepsTheVersionItWasDrawnWith_AndAStaleEditIs409()
    {
        await CampaignApi.SeedCasesAsync(app, "U12", 2, "评查标准");
        var c = await CampaignApi.RunningAsync(app, "评查标准修订", "U12");
        var u12 = await app.UnitId("U12");
        using var supervisor = await app.ClientFor("supervisor");
        var drawUrl = $"/api/v1/campaigns/{c.Id}/review-plans";
        var plan = new ReviewPlanInput([u12], [CaseKind.Penalty], 1, 1, 3, new DateOnly(2025, 1, 1));
        var before = await CurrentAsync();
        var oldPlan = await HttpAssert.Ok<ReviewPlanDto>(await supervisor.PostJson(drawUrl, plan), HttpStatusCode.Created);
        Assert.Equal(before.Version, oldPlan.RubricVersion);

        // F1 now deducts 5; a new form item whose code is as long as the column; bands 85 / 65.
        var longCode = new string('X', CampaignColumns.CodeLength);
        var edited = From(before) with
        {
            Name = "评查标准（修订）", ExcellentFrom = 85, PassFrom = 65,
            Items = [.. From(before).Items!.Select(i => i.Code == "F1" ? i with { Points = 5 } : i), new RubricItemInput(longCode, RubricPart.Form, "未附送达回证", 1, DefectCategory.Documents)],
        };
        var saved = await HttpAssert.Ok<RubricDto>(await supervisor.PostJson("/api/v1/campaigns/rubric", edited), HttpStatusCode.Created);
        Assert.Equal(before.Version + 1, saved.Version);
        var stored = await app.Db(db => db.Set<Rubric>().Include(r => r.Items).SingleAsync(r => r.Id == saved.Id));
        Assert.Equal(("评查标准（修订）", 85, 65), (stored.Name, stored.ExcellentFrom, stored.PassFrom));
        Assert.Equal(5, stored.Items.Single(i => i.Code == "F1").Points);
        Assert.Equal(before.Items.Count + 1, stored.Items.Count);
        // Another test of this class may have edited the rubric first: F1's points before are read, not assumed.
        var f1Before = before.Items.Single(i => i.Code == "F1").Points;
        Assert.Equal(f1Before, (await app.Db(db => db.Set<Rubric>().Include(r => r.Items).SingleAsync(r => r.Id == before.Id))).Items.Single(i => i.Code == "F1").Points);
        var (_, was, now) = await CampaignApi.AuditAsync(app, nameof(Rubric), saved.Id, "Edit");
        Assert.Equal((before.Version, before.Version + 1), (was.GetProperty("VersionNumber").GetInt32(), now.GetProperty("VersionNumber").GetInt32()));
        Assert.Contains(now.GetProperty("Items").EnumerateArray(), i => i.GetString() == "F1 案卷形式 5 分 文书：缺少立案审批表");
        Assert.Contains(was.GetProperty("Items").EnumerateArray(), i => i.GetString() == $"F1 案卷形式 {f1Before} 分 文书：缺少立案审批表");
        Assert.Equal(saved.Version, (await CurrentAsync()).Version);

        // The plan drawn before keeps its version: F1 costs what it did, and the new version's items are not its items.
        var newPlan = await HttpAssert.Ok<ReviewPlanDto>(await supervisor.PostJson(drawUrl, plan), HttpStatusCode.Created);
        Assert.Equal((saved.Id, saved.Version), (newPlan.RubricId, newPlan.RubricVersion));
        var oldItems = before.Items.ToDictionary(i => i.Code, i => i.Id);
        var newItems = saved.Items.ToDictionary(i => i.Code, i => i.Id);
        var oldUrl = $"/api/v1/campaigns/reviews/{oldPlan.Files.Single().ReviewId}/scores";
        var foreign = await HttpAssert.Problem(await supervisor.PostJson(oldUrl, new ScoreInput([new MarkInput(newItems["F1"], "无立案审批表")])), HttpStatusCode.BadRequest);
        Assert.Equal($"该评查项目不在所用评查标准（第 {before.Version} 版）中", foreign.Error("marks[0].rubricItemId"));
        var old = await HttpAssert.Ok<CaseFileReviewDto>(await supervisor.PostJson(oldUrl, new ScoreInput([new MarkInput(oldItems["F1"], "无立案审批表")])));
        Assert.Equal(100m - f1Before, old.FinalScore!.Value);
        // The new version: F1 −5 and the new item −1 → 94; 优秀 from 85.
        var fresh = await HttpAssert.Ok<CaseFileReviewDto>(await supervisor.PostJson($"/api/v1/campaigns/reviews/{newPlan.Files.Single().ReviewId}/scores",
            new ScoreInput([new MarkInput(newItems["F1"], "无立案审批表"), new MarkInput(newItems[longCode], "无送达回证")])));
        Assert.Equal((94m, "优秀"), (fresh.FinalScore!.Value, fresh.Grade));

        // Edited from the version before: refused, nothing stored.
        var versions = await VersionsAsync();
        var stale = await HttpAssert.Problem(await supervisor.PostJson("/api/v1/campaigns/rubric", edited), HttpStatusCode.Conflict);
        Assert.Equal("CONCURRENCY", stale.GetProperty("rule").GetString());
        Assert.Contains($"已修订为第 {saved.Version} 版", stale.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(versions, await VersionsAsync());

        using var inspector = await app.ClientFor("inspector");
        await HttpAssert.Problem(await inspector.PostJson("/api/v1/campaigns/rubric", From(saved)), HttpStatusCode.Forbidden);
        using var unit = await app.ClientFor("unit12");
        await HttpAssert.Problem(await unit.PostJson("/api/v1/campaigns/rubric", From(saved)), HttpStatusCode.Forbidden);
        Assert.Equal(versions, await VersionsAsync());
    }

    [Fact]
    public async Task Edit_BandsOutOfOrder_PointsOverThePart_VetoWithPoints_DuplicateOrOverlongCodes_AreChineseErrors_NothingStored()
    {
        var current = From(await CurrentAsync());
        var versions = await VersionsAsync();
        using var supervisor = await app.ClientFor("supervisor");
        async Task<System.Text.Json.JsonElement> Bad(EditRubricInput input) =>
            await HttpAssert.Problem(await supervisor.PostJson("/api/v1/campaigns/rubric", input), HttpStatusCode.BadRequest);

        Assert.Equal("优秀分数线须高于合格分数线", (await Bad(current with { ExcellentFrom = 60, PassFrom = 60 })).Error("excellentFrom"));
        Assert.Equal("合格分数线须在 1 到 100 分之间", (await Bad(current with { PassFrom = 0 })).Error("passFrom"));
        var formFull = Enumerable.Range(1, 11).Select(n => new RubricItemInput($"G{n}", RubricPart.Form, "形式瑕疵", 2, DefectCategory.Documents)).ToList();
        Assert.Equal("案卷形式各项扣分合计不能超过 20 分", (await Bad(current with { Items = formFull })).Error("items"));
        Assert.Equal("案卷实体各项扣分合计不能超过 80 分",
            (await Bad(current with { Items = [new("S1", RubricPart.Substance, "实体", 41, DefectCategory.Procedure), new("S2", RubricPart.Substance, "实体", 40, DefectCategory.Procedure)] })).Error("items"));
        Assert.Equal("否决项不扣分，分值须为 0", (await Bad(current with { Items = [new("V1", RubricPart.Veto, "主体不合法", 5, DefectCategory.Subject)] })).Error("items[0].points"));
        Assert.Equal("案卷形式的扣分须在 1 到 20 分之间", (await Bad(current with { Items = [new("F1", RubricPart.Form, "形式", 0, DefectCategory.Documents)] })).Error("items[0].points"));
        Assert.Equal("项目编号不能重复",
            (await Bad(current with { Items = [new("F1", RubricPart.Form, "形式", 1, DefectCategory.Documents), new(" F1", RubricPart.Form, "形式", 1, DefectCategory.Documents)] })).Error("items"));
        Assert.Equal($"项目编号不能超过 {CampaignColumns.CodeLength} 个字",
            (await Bad(current with { Items = [new(new string('X', CampaignColumns.CodeLength + 1), RubricPart.Form, "形式", 1, DefectCategory.Documents)] })).Error("items[0].code"));
        Assert.Equal($"评查项目不能超过 {CampaignColumns.ItemTitleLength} 个字",
            (await Bad(current with { Items = [new("F1", RubricPart.Form, new string('字', CampaignColumns.ItemTitleLength + 1), 1, DefectCategory.Documents)] })).Error("items[0].text"));
        Assert.Equal("请填写评查项目", (await Bad(current with { Items = [] })).Error("items"));
        Assert.Equal("请填写评查标准名称", (await Bad(current with { Name = " " })).Error("name"));
        Assert.Equal(HttpStatusCode.BadRequest, (await supervisor.PostAsync("/api/v1/campaigns/rubric", new StringContent("null", System.Text.Encoding.UTF8, "application/json"))).StatusCode);
        Assert.Equal(versions, await VersionsAsync());
    }

    [Fact]
    [ScopeCovered("GET /api/v1/campaigns/rubric")]
    [ScopeCovered("GET /api/v1/campaigns/rubrics/{id:long}")]
    public async Task Read_TheCurrentVersionAndAnEarlierOne_ForTheBureauAndInspectors_NotForUnits()
    {
        var current = await CurrentAsync();
        Assert.Contains(current.Versions, v => v.Id == current.Id && v.Version == current.Version);
        Assert.Contains(current.Items, i => i.Code == "V1" && i.PartText == "否决项" && i.Points == 0);
        using var inspector = await app.ClientFor("inspector");
        var byId = await HttpAssert.Ok<RubricDto>(await inspector.GetAsync($"/api/v1/campaigns/rubrics/{current.Id}"));
        Assert.Equal((current.Version, current.Items.Count), (byId.Version, byId.Items.Count));
        await HttpAssert.Problem(await inspector.GetAsync("/api/v1/campaigns/rubrics/999999"), HttpStatusCode.NotFound);
        using var unit = await app.ClientFor("unit12");
        await HttpAssert.Problem(await unit.GetAsync("/api/v1/campaigns/rubric"), HttpStatusCode.Forbidden);
        await HttpAssert.Problem(await unit.GetAsync($"/api/v1/campaigns/rubrics/{current.Id}"), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Page_SavesTheTableAsTheNextVersion_BlankRowsDropped_BadBandsAChineseErrorWithNothingStored()
    {
        var current = await CurrentAsync();
        using var supervisor = await PageSession.SignInAsync(app, "supervisor");
        const string page = "/Campaigns/Rubric";
        var html = await supervisor.GetHtmlAsync(page);
        Assert.Contains("data-testid=\"rubric-form\"", html, StringComparison.Ordinal);
        var fields = new Dictionary<string, string?>
        {
            ["Input.BaseVersion"] = current.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Input.Name"] = "页面修订", ["Input.ExcellentFrom"] = "90", ["Input.PassFrom"] = "60",
            ["Input.Items[0].Code"] = "V1", ["Input.Items[0].Part"] = "Veto", ["Input.Items[0].Text"] = "执法主体不合法", ["Input.Items[0].Points"] = "0", ["Input.Items[0].Category"] = "Subject",
            ["Input.Items[1].Code"] = "F1", ["Input.Items[1].Part"] = "Form", ["Input.Items[1].Text"] = "缺少立案审批表", ["Input.Items[1].Points"] = "3", ["Input.Items[1].Category"] = "Documents",
            ["Input.Items[2].Code"] = "", ["Input.Items[2].Part"] = "Substance", ["Input.Items[2].Text"] = "", ["Input.Items[2].Points"] = "0", ["Input.Items[2].Category"] = "Procedure",
        };
        var versions = await VersionsAsync();
        var bad = await supervisor.PostFormAsync(page, page, new(fields) { ["Input.ExcellentFrom"] = "50" });
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var badHtml = await bad.Content.ReadAsStringAsync();
        Assert.Contains("优秀分数线须高于合格分数线", badHtml, StringComparison.Ordinal);
        Assert.Contains("value=\"页面修订\"", badHtml, StringComparison.Ordinal);
        Assert.Equal(versions, await VersionsAsync());

        var saved = await supervisor.PostFormAsync(page, page, fields);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var stored = await app.Db(db => db.Set<Rubric>().Include(r => r.Items).OrderByDescending(r => r.VersionNumber).FirstAsync());
        Assert.Equal((current.Version + 1, "页面修订"), (stored.VersionNumber, stored.Name));
        Assert.Equal(["F1", "V1"], stored.Items.Select(i => i.Code).Order(StringComparer.Ordinal));
        Assert.Contains($"第 {stored.VersionNumber} 版", await supervisor.GetHtmlAsync(page), StringComparison.Ordinal);
        Assert.Contains("缺少调查终结报告", await supervisor.GetHtmlAsync($"/Campaigns/Rubric/{current.Id}"), StringComparison.Ordinal);

        using var inspector = await PageSession.SignInAsync(app, "inspector");
        Assert.Equal(HttpStatusCode.Forbidden, (await inspector.Client.GetAsync(page)).StatusCode);
    }
}
