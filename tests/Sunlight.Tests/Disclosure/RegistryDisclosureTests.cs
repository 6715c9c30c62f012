using Microsoft.EntityFrameworkCore;
using Sunlight.Tests.Infrastructure;
using Sunlight.Web.Features.Registry;
using static Sunlight.Tests.Disclosure.DisclosureTestKit;

namespace Sunlight.Tests.Disclosure;

/// <summary>执法主体、执法人员、执法事项、检查事项 on the public portal: the county's registry, public fields only, no login.</summary>
public sealed class RegistryDisclosureTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    private static readonly DateOnly Today = new(2026, 11, 25);

    [Fact]
    public async Task FrontDoor_LeadsToThePortal_WhichLinksEverySectionAndTheAnnualStatistics()
    {
        var door = await AnonymousHtmlAsync(app, "/");
        Assert.Contains("href=\"/Disclosure\"", door, StringComparison.Ordinal);
        Assert.Contains("执法公示", door, StringComparison.Ordinal);
        var index = await AnonymousHtmlAsync(app, "/Disclosure");
        foreach (var section in new[] { "Units", "Officers", "EnforcementItems", "InspectionItems", "FlexibleLists", "Decisions", "Draws", "IntakePoints" })
        {
            Assert.Contains($"href=\"/Disclosure/{section}\"", index, StringComparison.Ordinal);
            await AnonymousHtmlAsync(app, $"/Disclosure/{section}");
        }
        Assert.Contains("href=\"/Disclosure/Statistics\"", index, StringComparison.Ordinal);
        Assert.Contains("年度执法统计", index, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Units_ListTheCountysActiveEnforcementUnits_WithTheirDutiesAndCounts_NotOtherCounties()
    {
        var other = await OtherCountyUnitAsync(app, "主体");
        var units = await app.Db(db => db.Units.Where(u => u.RegionCode == County && u.Kind == UnitKind.Enforcement && u.IsActive)
            .OrderBy(u => u.Code).Select(u => new { u.Id, u.Name }).ToListAsync());
        var first = units[0].Id;
        var items = await app.Db(db => db.EnforcementItems.CountAsync(i => i.UnitId == first));
        var kinds = await app.Db(db => db.EnforcementItems.Where(i => i.UnitId == first).Select(i => i.Kind).Distinct().ToListAsync());

        var html = await AnonymousHtmlAsync(app, "/Disclosure/Units");

        Assert.Equal(units.Count, Count(html, "unit"));
        Assert.Contains($"共 {units.Count} 个执法单位", html, StringComparison.Ordinal);
        Assert.All(units, u => Assert.Contains(u.Name, html, StringComparison.Ordinal));
        Assert.Contains($"href=\"/Disclosure/EnforcementItems?unitId={first}\">执法事项及依据 {items} 项", html, StringComparison.Ordinal);
        Assert.NotEmpty(kinds);
        Assert.All(kinds, k => Assert.Contains(EnforcementItem.KindName(k), html, StringComparison.Ordinal));
        Assert.DoesNotContain(other.Name, html, StringComparison.Ordinal);
        Assert.DoesNotContain("县司法局（监督机关）", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Officers_ShowNameCredentialNumberAndCategoryOnly_OfQualifiedOfficers_NeverPersonalOrOtherFields()
    {
        var other = await OtherCountyUnitAsync(app, "人员");
        var unitId = await app.Db(db => db.Units.Where(u => u.RegionCode == County && u.Kind == UnitKind.Enforcement).OrderBy(u => u.Code).Select(u => u.Id).FirstAsync());
        await app.Db(async db =>
        {
            Officer Add(long unit, string region, string name, string number, bool auxiliary = false, bool active = true, DateOnly? until = null, string? position = null)
            {
                var o = new Officer
                {
                    RegionCode = region, UnitId = unit, Name = name, Position = position, IsAuxiliary = auxiliary, IsActive = active,
                    Credentials = auxiliary ? [] : [new Credential { Number = number, Category = "市场监管综合执法", ValidFrom = new(2024, 3, 1), ValidTo = until ?? new(2028, 2, 28) }],
                };
                db.Officers.Add(o);
                return o;
            }
            // Personal data typed into the one free field an officer row has: it must never reach the public.
            Add(unitId, County, "公示甲", "35990100PUB01", position: "身份证号350102199001011234 手机13900001111");
            Add(unitId, County, "公示乙过期", "35990100PUB02", until: new(2026, 11, 24));
            Add(unitId, County, "公示丙停用", "35990100PUB03", active: false);
            Add(unitId, County, "公示丁辅助", "", auxiliary: true);
            Add(other.Id, OtherCounty, "公示戊邻县", "35990200PUB05");
            await db.SaveChangesAsync();
            // The unit's staff account has a phone and e-mail: neither is an officer's published field.
            var account = await db.Users.FirstAsync(u => u.UnitId == unitId);
            account.PhoneNumber = "13800009999";
            account.Email = "staff-secret@example.cn";
            await db.SaveChangesAsync();
            return 0;
        });
        var expected = await app.Db(db => db.Officers.CountAsync(o => o.RegionCode == County && o.UnitId == unitId && o.IsActive && !o.IsAuxiliary
            && o.Credentials.Any(c => c.ValidFrom <= Today && c.ValidTo >= Today)));

        var html = await AnonymousHtmlAsync(app, $"/Disclosure/Officers?unitId={unitId}");

        Assert.Equal(expected, Total(html));
        Assert.Equal(Math.Min(expected, 50), Count(html, "officer"));
        var searched = await AnonymousHtmlAsync(app, "/Disclosure/Officers?q=PUB0");
        Assert.Equal(1, Total(searched));
        Assert.Contains("公示甲", searched, StringComparison.Ordinal);
        Assert.Contains("35990100PUB01", searched, StringComparison.Ordinal);
        Assert.Contains("市场监管综合执法", searched, StringComparison.Ordinal);
        foreach (var hidden in new[] { "公示乙过期", "公示丙停用", "公示丁辅助", "公示戊邻县", "35990200PUB05", "350102199001011234", "13900001111", "13800009999",
                     "staff-secret@example.cn", "2028-02-28", "2024-03-01" })
        {
            Assert.DoesNotContain(hidden, searched, StringComparison.Ordinal);
        }
        foreach (var hidden in new[] { "350102199001011234", "13900001111", "13800009999", "staff-secret@example.cn", "公示乙过期" })
        {
            Assert.DoesNotContain(hidden, html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task EnforcementItems_ListDutiesWithLegalBasis_ByUnitAndKind_Paged()
    {
        var other = await OtherCountyUnitAsync(app, "事项");
        await app.Db(async db =>
        {
            db.EnforcementItems.Add(new EnforcementItem { RegionCode = OtherCounty, UnitId = other.Id, Code = "XQ-OTHER-1", Name = "邻县专有执法事项", Kind = EnforcementKind.Penalty, LegalBasis = "邻县依据" });
            return await db.SaveChangesAsync();
        });
        var countyItems = await app.Db(db => db.EnforcementItems.CountAsync(i => i.RegionCode == County));
        var unit = await app.Db(db => db.EnforcementItems.Where(i => i.RegionCode == County && i.Kind == EnforcementKind.Penalty).OrderBy(i => i.Id).FirstAsync());
        var unitPenalties = await app.Db(db => db.EnforcementItems.CountAsync(i => i.UnitId == unit.UnitId && i.Kind == EnforcementKind.Penalty));

        var all = await AnonymousHtmlAsync(app, "/Disclosure/EnforcementItems");
        Assert.Equal(countyItems, Total(all));
        Assert.Equal(Math.Min(countyItems, 50), Count(all, "item"));
        Assert.DoesNotContain("邻县专有执法事项", all, StringComparison.Ordinal);

        var filtered = await AnonymousHtmlAsync(app, $"/Disclosure/EnforcementItems?unitId={unit.UnitId}&kind=Penalty");
        Assert.Equal(unitPenalties, Total(filtered));
        Assert.Contains(unit.Name, filtered, StringComparison.Ordinal);
        Assert.Contains("法律依据：" + unit.LegalBasis, filtered, StringComparison.Ordinal);

        var searched = await AnonymousHtmlAsync(app, "/Disclosure/EnforcementItems?q=邻县专有");
        Assert.Equal(0, Total(searched));
        var tooLong = await AnonymousHtmlAsync(app, "/Disclosure/EnforcementItems?q=" + new string('罚', 500) + "&unitId=abc&after=x");
        Assert.Equal(0, Total(tooLong));
        if (countyItems > 50)
        {
            var next = await AnonymousHtmlAsync(app, "/Disclosure/EnforcementItems?after=" + await app.Db(db =>
                db.EnforcementItems.Where(i => i.RegionCode == County).OrderBy(i => i.Id).Skip(49).Select(i => i.Id).FirstAsync()));
            Assert.Equal(Math.Min(countyItems - 50, 50), Count(next, "item"));
        }
    }

    [Fact]
    public async Task InspectionItems_ListTheCountysItems_WithMethodAndBasis_NotOtherCounties()
    {
        var other = await OtherCountyUnitAsync(app, "检查");
        await app.Db(async db =>
        {
            db.InspectionItems.Add(new InspectionItem { RegionCode = OtherCounty, UnitId = other.Id, Code = "XJ-OTHER-1", Name = "邻县专有检查事项", LegalBasis = "邻县依据" });
            return await db.SaveChangesAsync();
        });
        var item = await app.Db(db => db.InspectionItems.Where(i => i.RegionCode == County).OrderBy(i => i.Id).FirstAsync());
        var countyItems = await app.Db(db => db.InspectionItems.CountAsync(i => i.RegionCode == County));
        var ofUnit = await app.Db(db => db.InspectionItems.CountAsync(i => i.UnitId == item.UnitId));

        var all = await AnonymousHtmlAsync(app, "/Disclosure/InspectionItems");
        Assert.Equal(countyItems, Total(all));
        Assert.Contains(item.Name, all, StringComparison.Ordinal);
        Assert.Contains("法律依据：" + item.LegalBasis, all, StringComparison.Ordinal);
        Assert.DoesNotContain("邻县专有检查事项", all, StringComparison.Ordinal);
        Assert.Equal(ofUnit, Total(await AnonymousHtmlAsync(app, $"/Disclosure/InspectionItems?unitId={item.UnitId}")));
        Assert.Equal(0, Total(await AnonymousHtmlAsync(app, $"/Disclosure/InspectionItems?unitId={other.Id}")));
    }
}
