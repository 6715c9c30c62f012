using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Inspections.Draws;
using Sunlight.Web.Features.Platform.Demo;
using Sunlight.Web.Features.Registry;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Inspections;

/// <summary>
/// A year of inspections across the units (records, never totals): a filed plan per unit, routine, case-driven and
/// special visits, a few enterprises over their caps, overlaps that should have been joint, one joint inspection done
/// right, planned visits Sunlight proposes to merge, a published random draw, a quiet list, a door code and ratings.
/// Its own random source, so the steps seeded after it do not change.
/// </summary>
internal sealed class DemoInspections : IDemoSeedStep
{
    public int Order => 60;

    private static readonly string[] Purposes = ["年度计划日常监督检查", "安全生产隐患排查", "食品安全日常检查", "环保设施运行检查", "证照公示情况检查"];
    private static readonly string[] Comments = ["检查人员出示证件，程序规范", "一次查完多项，没有影响生产", "指导到位，帮助我们整改", "同一个月来了两拨人，希望合并检查", "态度较好"];

    private sealed record UnitKit(EnforcementUnit Unit, List<long> Items, List<Officer> Officers, InspectionPlan Plan);

    public async Task SeedAsync(SunlightDbContext db, DemoContext demo, CancellationToken ct)
    {
        var r = new Random(140014);
        var today = demo.Today;
        var now = demo.Clock.GetUtcNow();
        var units = await db.Units.Where(u => u.Kind == UnitKind.Enforcement).OrderBy(u => u.Code).ToListAsync(ct);
        var items = await db.InspectionItems.AsNoTracking().ToListAsync(ct);
        var officers = await db.Officers.AsNoTracking().Include(o => o.Credentials).ToListAsync(ct);
        var enterprises = await db.Enterprises.AsNoTracking().OrderBy(e => e.Id).ToListAsync(ct);
        var kits = new List<UnitKit>();
        foreach (var u in units)
        {
            var unitItems = items.Where(i => i.UnitId == u.Id).Select(i => i.Id).ToList();
            if (unitItems.Count == 0)
            {
                continue;
            }
            var plan = new InspectionPlan
            {
                RegionCode = demo.RegionCode, UnitId = u.Id, Year = today.Year, Title = $"{today.Year} 年度涉企行政检查计划", ItemIds = unitItems,
                TargetCount = r.Next(20, 60), Months = [3, 4, 5, 6, 9, 10, 11], FiledAt = now.AddDays(-330), FiledBy = u.Name + " 法制员",
            };
            db.Add(plan);
            kits.Add(new UnitKit(u, unitItems, officers.Where(o => o.UnitId == u.Id).ToList(), plan));
        }
        await db.SaveChangesAsync(ct);

        var made = new List<Inspection>();
        Inspection? Make(UnitKit k, Enterprise e, DateOnly date, InspectionType type, params string[] warnings)
        {
            var team = k.Officers.Where(o => o.IsQualifiedOn(date)).Take(2).Select(o => o.Id).ToList();
            if (team.Count < 2)
            {
                return null;
            }
            var past = date < today;
            var i = new Inspection
            {
                RegionCode = demo.RegionCode, UnitId = k.Unit.Id, EnterpriseId = e.Id, PlanId = type is InspectionType.Routine or InspectionType.Special ? k.Plan.Id : null,
                Type = type, Trigger = type == InspectionType.CaseDriven ? "群众投诉举报转办" : null, Purpose = Purposes[r.Next(Purposes.Length)],
                Mode = r.NextDouble() < 0.7 ? InspectionMode.OnSite : InspectionMode.Paper, VisitDate = date,
                ItemIds = k.Items.OrderBy(_ => r.Next()).Take(r.Next(1, Math.Min(3, k.Items.Count) + 1)).Order().ToList(), OfficerIds = team,
                State = past ? InspectionState.Done : InspectionState.Registered, RegisteredAt = now.AddDays(date.DayNumber - today.DayNumber - 5),
                RegisteredBy = k.Unit.Name + " 法制员", Warnings = [.. warnings],
            };
            if (past)
            {
                i.ApprovedBy = k.Unit.Head ?? "单位负责人";
                i.ApprovedAt = i.RegisteredAt.AddDays(1);
                i.Code = InspectionCodes.New("JC");
                i.Outcome = r.NextDouble() switch { < 0.6 => InspectionOutcome.NoProblem, < 0.8 => InspectionOutcome.Guidance, < 0.92 => InspectionOutcome.Rectification, < 0.97 => InspectionOutcome.NoPenalty, _ => InspectionOutcome.CaseFiled };
                i.ResultAt = now.AddDays(date.DayNumber - today.DayNumber);
            }
            made.Add(i);
            db.Add(i);
            return i;
        }

        // The year's ordinary inspections: every unit, mostly routine, across the county; the demo enterprise among them.
        var hot = enterprises.Take(12).ToList();
        foreach (var k in kits)
        {
            for (var n = r.Next(5, 11); n > 0; n--)
            {
                var e = r.NextDouble() < 0.3 ? hot[r.Next(hot.Count)] : enterprises[r.Next(enterprises.Count / 2)];
                var type = r.NextDouble() switch { < 0.65 => InspectionType.Routine, < 0.85 => InspectionType.CaseDriven, < 0.95 => InspectionType.Special, _ => InspectionType.Visit };
                Make(k, e, today.AddDays(-r.Next(8, 330)), type);
            }
        }
        // Over the cap: three routine visits by one unit in the year, the third confirmed over the warning.
        for (var n = 0; n < 3; n++)
        {
            var k = kits[n * 3 % kits.Count];
            var e = hot[n];
            Make(k, e, today.AddDays(-300 + n * 7), InspectionType.Routine);
            Make(k, e, today.AddDays(-200 + n * 7), InspectionType.Routine);
            Make(k, e, today.AddDays(-100 + n * 7), InspectionType.Routine, InspectionRules.Cap);
        }
        // 重复检查: the same unit back within a fortnight.
        Make(kits[0], hot[0], today.AddDays(-90), InspectionType.Routine, InspectionRules.Cap, InspectionRules.Overlap);
        // Overlaps that should have been one joint visit: two units within a fortnight.
        for (var n = 0; n < 4; n++)
        {
            var e = enterprises[20 + n];
            var date = today.AddDays(-60 - n * 30);
            Make(kits[n % kits.Count], e, date, InspectionType.Routine);
            Make(kits[(n + 5) % kits.Count], e, date.AddDays(r.Next(3, 14)), InspectionType.Special, InspectionRules.Overlap);
        }
        // Planned visits of one enterprise by two units in the same fortnight: Sunlight proposes a merge.
        for (var n = 0; n < 2; n++)
        {
            var e = enterprises[30 + n];
            Make(kits[(n + 2) % kits.Count], e, today.AddDays(7 + n * 3), InspectionType.Routine);
            Make(kits[(n + 9) % kits.Count], e, today.AddDays(12 + n * 3), InspectionType.Special, InspectionRules.Overlap);
        }
        // A registration after the visit (补录) and an emergency approved afterwards.
        if (Make(kits[1], enterprises[40], today.AddDays(-5), InspectionType.CaseDriven) is { } backfill)
        {
            backfill.IsBackfill = true;
            backfill.BackfillReason = "夜间接群众举报涉嫌无证经营，现场先行检查，次日补录";
            backfill.RegisteredAt = now.AddDays(-4);
            backfill.ApprovedAt = now.AddDays(-4);
            backfill.ApprovedAfterVisit = true;
        }
        await db.SaveChangesAsync(ct);

        // One joint inspection done right: three units, the union of their items, one code, one record per unit.
        var jointEnterprise = enterprises[50];
        var jointDate = today.AddDays(-40);
        var members = kits.Take(3).Select(k => Make(k, jointEnterprise, jointDate, InspectionType.Routine)).OfType<Inspection>().ToList();
        var joint = new JointInspection
        {
            RegionCode = demo.RegionCode, EnterpriseId = jointEnterprise.Id, LeadUnitId = members[0].UnitId, UnitIds = members.Select(m => m.UnitId).Order().ToList(),
            ItemIds = members.SelectMany(m => m.ItemIds).Distinct().Order().ToList(), VisitDate = jointDate, Code = InspectionCodes.New("LH"),
            CreatedAt = now.AddDays(-50), CreatedBy = "县司法局 执法监督科",
        };
        db.Add(joint);
        await db.SaveChangesAsync(ct);
        foreach (var m in members)
        {
            m.JointInspectionId = joint.Id;
            m.Code = null;
        }

        // Ratings: about a third of the coded visits, and the joint one.
        foreach (var i in made.Where(i => i.Code is not null && (r.NextDouble() < 0.3 || i.EnterpriseId == enterprises[0].Id)))
        {
            db.Add(new InspectionRating
            {
                RegionCode = demo.RegionCode, Code = i.Code!, EnterpriseId = i.EnterpriseId, Score = r.NextDouble() < 0.8 ? r.Next(4, 6) : r.Next(1, 4),
                Comment = r.NextDouble() < 0.5 ? Comments[r.Next(Comments.Length)] : null, RatedAt = now.AddDays(i.VisitDate.DayNumber - today.DayNumber + 1),
            });
        }
        db.Add(new InspectionRating { RegionCode = demo.RegionCode, Code = joint.Code, EnterpriseId = jointEnterprise.Id, Score = 5, Comment = "几个部门一次查完，省了很多事", RatedAt = now.AddDays(-39) });

        // 无事不扰, the demo enterprise's door code, caps of one sector.
        foreach (var e in enterprises.Skip(enterprises.Count - 3))
        {
            db.Add(new QuietListEntry { RegionCode = demo.RegionCode, EnterpriseId = e.Id, From = new DateOnly(today.Year, 1, 1), To = new DateOnly(today.Year, 12, 31), Reason = "信用评价 A 级、近三年无违法记录" });
        }
        db.Add(new EnterpriseDoorCode { RegionCode = demo.RegionCode, EnterpriseId = enterprises[0].Id, Code = InspectionCodes.New("QY"), IssuedAt = now.AddDays(-100) });
        db.Add(new InspectionCap { RegionCode = demo.RegionCode, Industry = "化工", MaxPerYear = 3 });
        await db.SaveChangesAsync(ct);

        // A published random draw, reproducible from its inputs.
        var drawer = kits[0];
        var drawDate = today.AddDays(-60);
        var pool = await DrawInspection.PoolAsync(db, "餐饮", drawDate, ct);
        var eligible = drawer.Officers.Where(o => o.IsQualifiedOn(drawDate))
            .Select(o => new DrawInspection.Candidate(o.Id, o.Credentials.Where(c => c.IsValidOn(drawDate)).OrderBy(c => c.Number, StringComparer.Ordinal).First().Number)).ToList();
        var draw = new RandomDraw
        {
            RegionCode = demo.RegionCode, UnitId = drawer.Unit.Id, Title = $"{today.Year} 年餐饮行业双随机抽查", DrawDate = drawDate, Industry = "餐饮",
            PublicNonce = "福彩3D 第 2026260 期开奖号 372", TargetCount = Math.Min(8, pool.Count), InspectorCount = Math.Min(2, eligible.Count), PoolSize = pool.Count,
            PoolIds = pool.Select(p => p.Id).ToList(), EligibleOfficerIds = eligible.Select(o => o.Id).ToList(), DrawnAt = now.AddDays(-60),
            ResultSummary = "抽查 8 家，发现问题 2 家，已责令整改；其余未发现问题。", ResultsPublishedOn = drawDate.AddDays(25),
        };
        draw.Seed = DrawInspection.Seed(draw, drawer.Unit.Code, pool);
        draw.EnterpriseIds = DrawInspection.Pick(draw.Seed, pool, draw.TargetCount);
        draw.OfficerIds = DrawInspection.Pick(draw.Seed, eligible, draw.InspectorCount);
        db.Add(draw);
        await db.SaveChangesAsync(ct);
    }
}
