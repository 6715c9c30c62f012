using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Platform.Demo;
using Sunlight.Web.Features.Registry;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Leniency;

/// <summary>
/// The press conference's figures as records: approved 柔性执法一件事 lists summing to 298 items, 行政指导事项 lists summing
/// to 182, a 首违不罚 list per unit (its items are the unit's enforcement powers, as the case register names them) with 86
/// first-violation cases and their pledges (kept, broken, pending), some guidance records and requests.
/// </summary>
internal sealed class LeniencyDemoSeed : IDemoSeedStep
{
    public const int FlexibleItems = 298;
    public const int GuidanceItems = 182;
    public const int FirstViolationCases = 86;

    private static readonly string[] FlexibleWays = ["首次轻微违规提醒告诫", "说服教育后限期改正", "示范引导合规经营", "行政指导前置", "约谈劝导不予立案", "容缺整改"];
    private static readonly string[] GuidanceWays = ["合规经营指导", "政策宣传辅导", "风险提示提醒", "整改回访指导"];
    private static readonly string[] Conditions = ["初次违法（本单位 12 个月内未发现同一违法行为）", "危害后果轻微", "当事人及时改正", "当事人签署告知承诺书"];

    public int Order => 60;

    public async Task SeedAsync(SunlightDbContext db, DemoContext demo, CancellationToken ct)
    {
        var units = await db.Units.Where(u => u.Kind == UnitKind.Enforcement).OrderBy(u => u.Code).ToListAsync(ct);
        var enterprises = await db.Enterprises.AsNoTracking().OrderBy(e => e.Id).Select(e => new { e.Uscc, e.Name }).ToListAsync(ct);
        var powers = DemoCounty.Units.ToDictionary(u => u.Code, u => u);
        var now = demo.Clock.GetUtcNow();
        var today = demo.Today;
        var r = demo.Random;
        var firstItems = new Dictionary<long, List<ListItem>>();
        for (var i = 0; i < units.Count; i++)
        {
            var unit = units[i];
            var spec = powers.GetValueOrDefault(unit.Code);
            var topics = spec.Powers is null ? [unit.Name] : spec.Powers.Concat(spec.Inspections).ToArray();
            LeniencyList List(ListKind kind) => new()
            {
                RegionCode = unit.RegionCode, UnitId = unit.Id, Kind = kind, Number = 1, State = ListState.Approved, IsPublished = true,
                CreatedAt = now.AddDays(-200), CreatedBy = unit.Name + " 法制员", ApprovedAt = now.AddDays(-190), ApprovedBy = "县司法局 执法监督科",
            };
            ListItem Item(LeniencyList list, int order, string name, string? form, IEnumerable<string> conditions) => new()
            {
                RegionCode = unit.RegionCode, UnitId = unit.Id, Order = order, Name = name, LegalBasis = spec.Law ?? "《中华人民共和国行政处罚法》",
                Form = form, Note = null, Conditions = conditions.Select((c, k) => new ListCondition { Order = k + 1, Text = c }).ToList(),
            };

            var flexible = List(ListKind.FlexibleMatters);
            var flexibleCount = FlexibleItems / units.Count + (i < FlexibleItems % units.Count ? 1 : 0);
            for (var k = 0; k < flexibleCount; k++)
            {
                flexible.Items.Add(Item(flexible, k + 1, $"{topics[k % topics.Length]}：{FlexibleWays[k / topics.Length % FlexibleWays.Length]}",
                    FlexibleWays[k / topics.Length % FlexibleWays.Length], []));
            }
            var guidance = List(ListKind.Guidance);
            var guidanceCount = GuidanceItems / units.Count + (i < GuidanceItems % units.Count ? 1 : 0);
            for (var k = 0; k < guidanceCount; k++)
            {
                guidance.Items.Add(Item(guidance, k + 1, $"{topics[k % topics.Length]}{GuidanceWays[k / topics.Length % GuidanceWays.Length]}",
                    LeniencyNames.Of((GuidanceForm)(k % 7)), []));
            }
            var first = List(ListKind.FirstViolation);
            foreach (var (power, k) in (spec.Powers ?? [unit.Name]).Select((p, k) => (p, k)))
            {
                first.Items.Add(Item(first, k + 1, power, null, Conditions));
            }
            db.Set<LeniencyList>().AddRange(flexible, guidance, first);
            firstItems[unit.Id] = first.Items;
        }
        await db.SaveChangesAsync(ct);

        var numbers = new Dictionary<(long, int), int>();
        for (var i = 0; i < FirstViolationCases; i++)
        {
            var unit = units[i % units.Count];
            var item = firstItems[unit.Id][i / units.Count % firstItems[unit.Id].Count];
            var enterprise = enterprises[(i * 7 + 3) % enterprises.Count];
            var violationOn = today.AddDays(-(8 + i * 4));
            var decidedOn = violationOn.AddDays(2);
            var deadline = decidedOn.AddDays(15);
            var key = (unit.Id, decidedOn.Year);
            numbers[key] = numbers.GetValueOrDefault(key) + 1;
            var state = deadline >= today ? PledgeState.Pending : i % 9 == 4 ? PledgeState.Broken : PledgeState.Kept;
            db.Set<ExemptionCase>().Add(new ExemptionCase
            {
                RegionCode = unit.RegionCode, UnitId = unit.Id, Number = $"免罚〔{decidedOn.Year}〕{numbers[key]}号", ListItemId = item.Id, Kind = ListKind.FirstViolation,
                ItemName = item.Name, LegalBasis = item.LegalBasis, Uscc = enterprise.Uscc, EnterpriseName = enterprise.Name,
                Facts = $"{enterprise.Name}首次存在“{item.Name.Replace("的处罚", "", StringComparison.Ordinal).Replace("对", "", StringComparison.Ordinal)}”情形，危害后果轻微，现场责令改正。",
                ViolationOn = violationOn, DecidedOn = decidedOn, Education = "向当事人讲解相关法律规定，告知违法后果，督促建立合规制度。", CorrectionDeadline = deadline,
                State = state, PledgeEvidence = state switch
                {
                    PledgeState.Kept => "回访核查已整改到位，附整改照片。",
                    PledgeState.Broken => "回访发现未整改，已转入处罚程序。",
                    _ => null,
                },
                PledgeRecordedOn = state == PledgeState.Pending ? null : deadline, Officer = unit.Name + " 执法人员",
                CreatedAt = now.AddDays(violationOn.DayNumber - today.DayNumber + 2),
                Conditions = Conditions.Select((c, k) => new ExemptionCondition { Order = k + 1, Text = c }).ToList(),
            });
        }
        for (var i = 0; i < 60; i++)
        {
            var unit = units[i % units.Count];
            var enterprise = enterprises[(i * 11 + 5) % enterprises.Count];
            var form = (GuidanceForm)(i % 7);
            db.Set<GuidanceRecord>().Add(new GuidanceRecord
            {
                RegionCode = unit.RegionCode, UnitId = unit.Id, TargetName = enterprise.Name, TargetUscc = enterprise.Uscc,
                Matter = $"{LeniencyNames.Of(form)}：依法合规经营", Form = form, Basis = powers.GetValueOrDefault(unit.Code).Law, On = today.AddDays(-r.Next(1, 300)),
                Officer = unit.Name + " 执法人员", Accepted = i % 5 != 0, Result = i % 5 != 0 ? "企业已采纳并完成整改" : "企业未采纳，已做好记录", CreatedAt = now.AddDays(-1),
            });
        }
        await db.SaveChangesAsync(ct);
    }
}
