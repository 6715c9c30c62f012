using System.Net;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Sunlight.Tests.Infrastructure;
using Sunlight.Web.Features.Leniency;
using Sunlight.Web.Infrastructure.Audit;
using ChinaTime = Sunlight.Web.ChinaTime;
using static Sunlight.Tests.Leniency.LeniencyTestKit;
using static Sunlight.Tests.Registry.RegistryTestFiles;

namespace Sunlight.Tests.Leniency;

/// <summary>登记免罚案件: the first-violation check across both ledgers, the conditions, the letter, the signed copy, the pledge.</summary>
public sealed class RecordExemptionTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    private const string ItemName = "未按规定公示道路运输经营许可证";

    private async Task<JsonElement> ItemAsync([System.Runtime.CompilerServices.CallerMemberName] string test = "")
    {
        var name = ItemName + test[..8];
        var list = await ApprovedListAsync(app, "unit06", ListKind.FirstViolation, (name, ["初次违法", "危害后果轻微", "及时改正"]));
        return Item(list, name);
    }

    [Fact]
    [ScopeCovered("POST /api/v1/leniency/exemptions")]
    [ScopeCovered("GET /api/v1/leniency/exemptions/{id:long}")]
    public async Task Record_StoresCaseWithConditionsAndAudit_SecondForSameEnterpriseAndItemIsRefusedNamingTheFirst()
    {
        var item = await ItemAsync();
        var uscc = NewUscc();
        using var unit06 = await app.ClientFor("unit06");
        var facts = new string('事', LeniencyColumns.FactsLength);
        var detail = await Json(await unit06.PostJson("/api/v1/leniency/exemptions", ExemptionBody(app, item, uscc, facts: facts)));
        var e = detail.GetProperty("exemption");
        var id = e.GetProperty("id").GetInt64();
        var number = e.GetProperty("number").GetString()!;
        Assert.StartsWith("免罚〔", number, StringComparison.Ordinal);
        var stored = await app.Db(db => db.Set<ExemptionCase>().Include(x => x.Conditions).SingleAsync(x => x.Id == id));
        Assert.Equal(uscc, stored.Uscc);
        Assert.Equal(facts, stored.Facts);
        Assert.Equal(item.GetProperty("name").GetString(), stored.ItemName);
        Assert.Equal(PledgeState.Pending, stored.State);
        Assert.Equal(["初次违法", "危害后果轻微", "及时改正"], stored.Conditions.OrderBy(c => c.Order).Select(c => c.Text));
        var entry = await app.Db(db => db.Set<AuditEntry>().AsNoTracking().SingleAsync(a => a.EntityType == nameof(ExemptionCase) && a.EntityId == id.ToString()));
        Assert.Null(entry.Before);
        using (var after = JsonDocument.Parse(entry.After!))
        {
            Assert.Equal(uscc, after.RootElement.GetProperty("Uscc").GetString());
            Assert.Equal(nameof(PledgeState.Pending), after.RootElement.GetProperty("State").GetString());
        }

        var second = await HttpAssert.Problem(await unit06.PostJson("/api/v1/leniency/exemptions", ExemptionBody(app, item, uscc)), HttpStatusCode.Conflict);
        Assert.Equal("P-FIRST", second.GetProperty("rule").GetString());
        Assert.Contains(number, second.GetProperty("detail").GetString());
        Assert.Equal(1, await app.Db(db => db.Set<ExemptionCase>().CountAsync(x => x.Uscc == uscc)));

        // Scope: another unit does not find it; the Supervisor reads it but may not record one.
        using var unit01 = await app.ClientFor("unit01");
        await HttpAssert.Problem(await unit01.GetAsync($"/api/v1/leniency/exemptions/{id}"), HttpStatusCode.NotFound);
        var refused = await HttpAssert.Problem(await unit01.PostJson("/api/v1/leniency/exemptions", ExemptionBody(app, item, NewUscc())), HttpStatusCode.Conflict);
        Assert.Equal("L-LIST", refused.GetProperty("rule").GetString());
        using var supervisor = await app.ClientFor("supervisor");
        await Json(await supervisor.GetAsync($"/api/v1/leniency/exemptions/{id}"));
        await HttpAssert.Problem(await supervisor.PostJson("/api/v1/leniency/exemptions", ExemptionBody(app, item, NewUscc())), HttpStatusCode.Forbidden);
    }

    [Fact]
    [ScopeCovered("GET /api/v1/leniency/first-violation")]
    public async Task EarlierRegisterCase_IsRefusedNamingIt_OtherUnitsViolationsAreShown()
    {
        var item = await ItemAsync();
        var uscc = NewUscc();
        var today = ChinaTime.Today(app.Clock);
        var itemName = item.GetProperty("name").GetString()!;
        await RegisterCaseAsync(app, "unit06", uscc, itemName, today.AddMonths(-3));
        await RegisterCaseAsync(app, "unit02", uscc, "对超标排放污染物的处罚", today.AddMonths(-2));
        var caseNumber = await app.Db(db => db.EnforcementCases.Where(c => c.PartyUscc == uscc && c.ItemName == itemName).Select(c => c.Number).SingleAsync());
        using var unit06 = await app.ClientFor("unit06");

        var check = await Json(await unit06.GetAsync($"/api/v1/leniency/first-violation?uscc={uscc}&listItemId={item.GetProperty("id").GetInt64()}"));
        Assert.False(check.GetProperty("isFirst").GetBoolean());
        Assert.Equal(caseNumber, check.GetProperty("earlier").GetProperty("number").GetString());
        var other = Assert.Single(check.GetProperty("otherUnits").EnumerateArray());
        Assert.Equal("对超标排放污染物的处罚", other.GetProperty("itemName").GetString());
        Assert.Contains("生态环境", other.GetProperty("unitName").GetString());

        var body = await HttpAssert.Problem(await unit06.PostJson("/api/v1/leniency/exemptions", ExemptionBody(app, item, uscc)), HttpStatusCode.Conflict);
        Assert.Equal("P-FIRST", body.GetProperty("rule").GetString());
        Assert.Contains(caseNumber, body.GetProperty("detail").GetString());

        // Another enterprise: first; the other unit's case is information on the case, not a refusal.
        var clean = NewUscc();
        await RegisterCaseAsync(app, "unit02", clean, itemName, today.AddMonths(-1));
        var detail = await Json(await unit06.PostJson("/api/v1/leniency/exemptions", ExemptionBody(app, item, clean)));
        Assert.Single(detail.GetProperty("otherUnits").EnumerateArray());

        await HttpAssert.Problem(await unit06.GetAsync($"/api/v1/leniency/first-violation?uscc=123&listItemId={item.GetProperty("id").GetInt64()}"), HttpStatusCode.BadRequest);
        using var unit01 = await app.ClientFor("unit01");
        await HttpAssert.Problem(await unit01.GetAsync($"/api/v1/leniency/first-violation?uscc={uscc}&listItemId={item.GetProperty("id").GetInt64()}"), HttpStatusCode.NotFound);
        using var supervisor = await app.ClientFor("supervisor");
        await HttpAssert.Problem(await supervisor.GetAsync($"/api/v1/leniency/first-violation?uscc={uscc}&listItemId={item.GetProperty("id").GetInt64()}"), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task UnconfirmedCondition_ItemNotOnApprovedList_AndBadInput_AreRefused_NothingStored()
    {
        var item = await ItemAsync();
        var uscc = NewUscc();
        using var unit06 = await app.ClientFor("unit06");
        var ids = ConditionIds(item);
        var body = await HttpAssert.Problem(await unit06.PostJson("/api/v1/leniency/exemptions", ExemptionBody(app, item, uscc, ids[..2])), HttpStatusCode.Conflict);
        Assert.Equal("L-CONDITIONS", body.GetProperty("rule").GetString());
        Assert.Contains("及时改正", body.GetProperty("detail").GetString());

        var draft = await Json(await unit06.PostJson("/api/v1/leniency/lists", new { kind = ListKind.FirstViolation }));
        var listId = draft.GetProperty("list").GetProperty("id").GetInt64();
        var withDraft = await Json(await unit06.PostJson($"/api/v1/leniency/lists/{listId}/items", new { name = "草稿事项", conditions = new[] { "初次" }, legalBasis = "依据" }));
        var draftItem = Item(withDraft, "草稿事项");
        Assert.Equal("L-LIST", (await HttpAssert.Problem(await unit06.PostJson("/api/v1/leniency/exemptions", ExemptionBody(app, draftItem, uscc)), HttpStatusCode.Conflict))
            .GetProperty("rule").GetString());

        var bad = await HttpAssert.Problem(await unit06.PostJson("/api/v1/leniency/exemptions", new
        {
            listItemId = item.GetProperty("id").GetInt64(), uscc = "91350100M000100Y44", enterpriseName = "", facts = new string('事', LeniencyColumns.FactsLength + 1),
            violationOn = ChinaTime.Today(app.Clock).AddDays(1), confirmedConditions = ids, education = "", correctionDeadline = ChinaTime.Today(app.Clock),
        }), HttpStatusCode.BadRequest);
        var errors = bad.GetProperty("errors");
        Assert.Equal("统一社会信用代码校验位错误", errors.GetProperty("uscc")[0].GetString());
        Assert.Equal("请填写企业名称", errors.GetProperty("enterpriseName")[0].GetString());
        Assert.Contains("不能超过", errors.GetProperty("facts")[0].GetString());
        Assert.Equal("请填写教育情况", errors.GetProperty("education")[0].GetString());
        Assert.Equal("违法行为发生日期不能晚于今天", errors.GetProperty("violationOn")[0].GetString());
        Assert.Equal("整改期限必须晚于今天", errors.GetProperty("correctionDeadline")[0].GetString());
        Assert.Equal(0, await app.Db(db => db.Set<ExemptionCase>().CountAsync(x => x.Uscc == uscc)));
    }

    [Fact]
    [ScopeCovered("GET /api/v1/leniency/exemptions/{id:long}/letter")]
    [ScopeCovered("POST /api/v1/leniency/exemptions/{id:long}/signed-letter")]
    [ScopeCovered("GET /api/v1/leniency/exemptions/{id:long}/signed-letter")]
    public async Task Letter_IsAWordDocumentWithTheFilledFields_SignedCopyIsStoredAndServed()
    {
        var item = await ItemAsync();
        var uscc = NewUscc();
        using var unit06 = await app.ClientFor("unit06");
        var detail = await Json(await unit06.PostJson("/api/v1/leniency/exemptions", ExemptionBody(app, item, uscc, facts: "车辆未随车携带道路运输证")));
        var e = detail.GetProperty("exemption");
        var id = e.GetProperty("id").GetInt64();

        var response = await unit06.GetAsync($"/api/v1/leniency/exemptions/{id}/letter");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType?.MediaType);
        using (var doc = WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false))
        {
            var text = doc.MainDocumentPart!.Document!.Body!.InnerText;
            Assert.Contains("告知承诺书", text);
            Assert.Contains("青禾测试企业有限公司", text);
            Assert.Contains(uscc, text);
            Assert.Contains(item.GetProperty("name").GetString()!, text);
            Assert.Contains("车辆未随车携带道路运输证", text);
            Assert.Contains(ChinaTime.Today(app.Clock).AddDays(15).ToString("yyyy年M月d日"), text);
            Assert.Contains(e.GetProperty("number").GetString()!, text);
        }

        var pdf = "%PDF-1.4 signed"u8.ToArray();
        using var unit01 = await app.ClientFor("unit01");
        await HttpAssert.Problem(await unit01.GetAsync($"/api/v1/leniency/exemptions/{id}/letter"), HttpStatusCode.NotFound);
        await HttpAssert.Problem(await unit01.PostAsync($"/api/v1/leniency/exemptions/{id}/signed-letter", Upload(pdf, "签字.pdf")), HttpStatusCode.NotFound);
        await HttpAssert.Problem(await unit06.GetAsync($"/api/v1/leniency/exemptions/{id}/signed-letter"), HttpStatusCode.NotFound);
        var notAllowed = await HttpAssert.Problem(await unit06.PostAsync($"/api/v1/leniency/exemptions/{id}/signed-letter", Upload("MZ"u8.ToArray(), "签字.exe")), HttpStatusCode.BadRequest);
        Assert.Contains("类型不允许", notAllowed.GetProperty("detail").GetString());
        var uploaded = await Json(await unit06.PostAsync($"/api/v1/leniency/exemptions/{id}/signed-letter", Upload(pdf, "签字.pdf")));
        Assert.True(uploaded.GetProperty("exemption").GetProperty("hasSignedLetter").GetBoolean());
        Assert.NotNull(await app.Db(db => db.Set<ExemptionCase>().Where(x => x.Id == id).Select(x => x.SignedLetterFileId).SingleAsync()));
        Assert.Equal(pdf, await (await unit06.GetAsync($"/api/v1/leniency/exemptions/{id}/signed-letter")).Content.ReadAsByteArrayAsync());
        await HttpAssert.Problem(await unit01.GetAsync($"/api/v1/leniency/exemptions/{id}/signed-letter"), HttpStatusCode.NotFound);
        using var supervisor = await app.ClientFor("supervisor");
        await HttpAssert.Problem(await supervisor.PostAsync($"/api/v1/leniency/exemptions/{id}/signed-letter", Upload(pdf, "签字.pdf")), HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await supervisor.GetAsync($"/api/v1/leniency/exemptions/{id}/letter")).StatusCode);
    }

    [Fact]
    [ScopeCovered("POST /api/v1/leniency/exemptions/{id:long}/pledge")]
    [ScopeCovered("GET /api/v1/leniency/exemptions")]
    public async Task Pledge_IsRecordedOnce_WithEvidence_AndAudited()
    {
        var item = await ItemAsync();
        using var unit06 = await app.ClientFor("unit06");
        var id = (await Json(await unit06.PostJson("/api/v1/leniency/exemptions", ExemptionBody(app, item, NewUscc())))).GetProperty("exemption").GetProperty("id").GetInt64();
        using var unit01 = await app.ClientFor("unit01");
        await HttpAssert.Problem(await unit01.PostJson($"/api/v1/leniency/exemptions/{id}/pledge", new { kept = true, evidence = "已整改" }), HttpStatusCode.NotFound);
        var tooLong = await HttpAssert.Problem(await unit06.PostJson($"/api/v1/leniency/exemptions/{id}/pledge", new { kept = true, evidence = new string('证', LeniencyColumns.EvidenceLength + 1) }), HttpStatusCode.BadRequest);
        Assert.Contains("不能超过", tooLong.GetProperty("errors").GetProperty("evidence")[0].GetString());
        var evidence = new string('证', LeniencyColumns.EvidenceLength);
        var done = await Json(await unit06.PostJson($"/api/v1/leniency/exemptions/{id}/pledge", new { kept = false, evidence }));
        Assert.Equal(nameof(PledgeState.Broken), done.GetProperty("exemption").GetProperty("state").GetString());
        var stored = await app.Db(db => db.Set<ExemptionCase>().SingleAsync(x => x.Id == id));
        Assert.Equal(PledgeState.Broken, stored.State);
        Assert.Equal(evidence, stored.PledgeEvidence);
        var entry = await app.Db(db => db.Set<AuditEntry>().AsNoTracking()
            .Where(a => a.EntityType == nameof(ExemptionCase) && a.EntityId == id.ToString() && a.Action == "StateChange").SingleAsync());
        using (var before = JsonDocument.Parse(entry.Before!))
        {
            Assert.Equal(nameof(PledgeState.Pending), before.RootElement.GetProperty("State").GetString());
        }
        Assert.Equal("L-STATE", (await HttpAssert.Problem(await unit06.PostJson($"/api/v1/leniency/exemptions/{id}/pledge", new { kept = true, evidence = "x" }), HttpStatusCode.Conflict))
            .GetProperty("rule").GetString());

        var page = await Json(await unit06.GetAsync($"/api/v1/leniency/exemptions?pledge={PledgeState.Broken}&limit=200"));
        Assert.Contains(page.GetProperty("items").EnumerateArray(), x => x.GetProperty("id").GetInt64() == id);
        Assert.Equal(0, (await Json(await unit01.GetAsync($"/api/v1/leniency/exemptions?unitId={await UnitIdOf(app, "unit06")}"))).GetProperty("total").GetInt32());
        using var enterprise = await app.ClientFor("enterprise");
        await HttpAssert.Problem(await enterprise.GetAsync("/api/v1/leniency/exemptions"), HttpStatusCode.Forbidden);
    }
}
