using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sunlight.Tests.Infrastructure;
using Sunlight.Tests.Problems;
using Sunlight.Web.Features.Campaigns;
using Sunlight.Web.Features.Campaigns.Create;
using Sunlight.Web.Features.Enforcement;
using Sunlight.Web.Infrastructure.Audit;

namespace Sunlight.Tests.Campaigns;

/// <summary>Steps the campaign tests share: a campaign with a 3-item checklist for some units, started, and case files to draw from.</summary>
internal static class CampaignApi
{
    public static readonly IReadOnlyList<ChecklistItemInput> ThreeItems =
    [
        new("行政执法公示制度", ["事前公示是否完整准确", "处罚决定是否 7 个工作日内公示"]),
        new("执法全过程记录制度", ["是否全程文字记录"]),
        new("涉企行政检查", ["检查是否事先审批", "是否存在多头检查"]),
    ];

    public static async Task<CreateCampaignInput> InputAsync(SunlightFactory app, string name, params string[] unitCodes)
    {
        var ids = new List<long>();
        foreach (var code in unitCodes)
        {
            ids.Add(await app.UnitId(code));
        }
        return new CreateCampaignInput(name, "涉企行政执法", new DateOnly(2020, 1, 1), new DateOnly(2026, 11, 1), new DateOnly(2026, 12, 31),
            new DateOnly(2026, 12, 15), "实施方案", ids, ThreeItems);
    }

    public static async Task<CampaignDto> CreateAsync(SunlightFactory app, string name, params string[] unitCodes)
    {
        using var supervisor = await app.ClientFor("supervisor");
        return await HttpAssert.Ok<CampaignDto>(await supervisor.PostJson("/api/v1/campaigns", await InputAsync(app, name, unitCodes)), HttpStatusCode.Created);
    }

    public static async Task<CampaignDto> RunningAsync(SunlightFactory app, string name, params string[] unitCodes)
    {
        var c = await CreateAsync(app, name, unitCodes);
        using var supervisor = await app.ClientFor("supervisor");
        return await HttpAssert.Ok<CampaignDto>(await supervisor.PostJson($"/api/v1/campaigns/{c.Id}/start", new { }));
    }

    public static long SelfInspectionOf(CampaignDto c, long unitId) => c.SelfInspections.Single(s => s.UnitId == unitId).Id;

    public static IEnumerable<long> PointIds(CampaignDto c) => c.Items.SelectMany(i => i.Points).Select(p => p.Id);

    /// <summary>The entity's latest audit entry of that action, with its before and after images.</summary>
    public static async Task<(AuditEntry Entry, JsonElement Before, JsonElement After)> AuditAsync(SunlightFactory app, string type, long id, string action)
    {
        var key = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var entry = await app.Db(db => db.Set<AuditEntry>().AsNoTracking()
            .Where(e => e.EntityType == type && e.EntityId == key && e.Action == action).OrderByDescending(e => e.Sequence).FirstAsync());
        return (entry, Parse(entry.Before), Parse(entry.After));
    }

    private static JsonElement Parse(string? json) => json is null ? default : JsonDocument.Parse(json).RootElement;

    /// <summary>Puts <paramref name="count"/> penalty cases filed in 2025 on the unit's register (the draw's candidates).</summary>
    public static Task SeedCasesAsync(SunlightFactory app, string unitCode, int count, string prefix) => app.Db(async db =>
    {
        var unit = await db.Units.SingleAsync(u => u.Code == unitCode);
        for (var i = 1; i <= count; i++)
        {
            db.Set<EnforcementCase>().Add(new EnforcementCase
            {
                RegionCode = unit.RegionCode, UnitId = unit.Id, Kind = CaseKind.Penalty, Number = $"{prefix}-{unitCode}-{i:000}", Title = "测试案件",
                PartyKind = PartyKind.Person, PartyName = "张三", ItemName = "事项", LegalBasis = "依据", ActCode = EnforcementCase.NewActCode(),
                FiledOn = new DateOnly(2025, 3, 1).AddDays(i), Stage = MilestoneKind.Archived, CreatedAt = app.Clock.GetUtcNow(),
            });
        }
        return await db.SaveChangesAsync();
    });
}
