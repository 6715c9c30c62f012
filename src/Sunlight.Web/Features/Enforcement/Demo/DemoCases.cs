using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Enforcement.Rules;
using Sunlight.Web.Features.Platform.Demo;
using Sunlight.Web.Features.Registry;
using Sunlight.Web.Infrastructure.Calendar;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Enforcement.Demo;

/// <summary>
/// Every demo unit's enterprise-related cases of several kinds over the last two years, entered the way a unit keeps
/// its ledger; about one in five breaks a rule (one officer, a decision after 90 days, late service or publication, no
/// audio-video of a 查封, an on-the-spot fine over the limit …), so the warning board, the review gate and the act codes
/// show something on first start. Every unit account gets the legal-reviewer permission (they are the units' 法制员).
/// </summary>
internal sealed class DemoCases(LegalityChecker checker, WorkingCalendar calendar) : IDemoSeedStep
{
    public const int CasesPerUnit = 14;

    public int Order => 60;

    public async Task SeedAsync(SunlightDbContext db, DemoContext demo, CancellationToken ct)
    {
        var r = demo.Random;
        var today = demo.Today;
        var now = demo.Clock.GetUtcNow();
        var book = await ThresholdBook.LoadAsync(db, ct);
        var units = await db.Units.AsNoTracking().Where(u => u.Kind == UnitKind.Enforcement).OrderBy(u => u.Id).ToListAsync(ct);
        var enterprises = await db.Enterprises.AsNoTracking().OrderBy(e => e.Id).Select(e => new { e.Uscc, e.Name, e.Industry }).ToListAsync(ct);
        foreach (var unit in units)
        {
            var officers = await db.Officers.Include(o => o.Credentials).Where(o => o.UnitId == unit.Id).OrderBy(o => o.Id).ToListAsync(ct);
            var items = await db.EnforcementItems.AsNoTracking().Where(i => i.UnitId == unit.Id).OrderBy(i => i.Id).ToListAsync(ct);
            for (var n = 1; n <= CasesPerUnit; n++)
            {
                var filed = today.AddDays(-r.Next(3, 730));
                var roll = r.NextDouble();
                var kind = roll < 0.6 ? CaseKind.Penalty : roll < 0.72 ? CaseKind.Coercion : roll < 0.86 ? CaseKind.Inspection : roll < 0.94 ? CaseKind.Licensing : CaseKind.Confirmation;
                var item = items.Count == 0 ? null : items[r.Next(items.Count)];
                var party = enterprises[r.Next(enterprises.Count)];
                var onTheSpot = kind == CaseKind.Penalty && r.NextDouble() < 0.1;
                var fine = kind != CaseKind.Penalty ? (decimal?)null
                    : onTheSpot ? (r.NextDouble() < 0.2 ? 5000m : 100m * r.Next(1, 30))
                    : r.NextDouble() < 0.75 ? 500m * r.Next(1, 19) : 10_000m * r.Next(1, 25);
                var c = new EnforcementCase
                {
                    RegionCode = unit.RegionCode, UnitId = unit.Id, Kind = kind, Number = $"{unit.Code}〔{filed.Year}〕{n:000}号",
                    Title = $"{party.Name}{(kind == CaseKind.Penalty ? "涉嫌违法案" : kind == CaseKind.Coercion ? "查封扣押案" : kind == CaseKind.Inspection ? "日常检查" : EnforcementNames.Kind(kind))}",
                    Sector = party.Industry, PartyKind = PartyKind.Enterprise, PartyName = party.Name, PartyUscc = party.Uscc,
                    EnforcementItemId = item?.Id, ItemName = item?.Name ?? EnforcementNames.Kind(kind), LegalBasis = item?.LegalBasis ?? "《中华人民共和国行政处罚法》",
                    FineAmount = fine, ConfiscationAmount = kind == CaseKind.Penalty && !onTheSpot && r.NextDouble() < 0.15 ? 1000m * r.Next(1, 50) : null,
                    IsOnTheSpot = onTheSpot, IsHighRisk = kind == CaseKind.Coercion, IsMajor = fine >= 100_000m,
                    ViolationOn = kind == CaseKind.Penalty ? filed.AddDays(-(r.NextDouble() < 0.04 ? r.Next(760, 900) : r.Next(1, 200))) : null,
                    ActCode = EnforcementCase.NewActCode(), CreatedAt = now,
                };
                c.Record(MilestoneKind.Filed, filed, null, "演示数据", now);
                var qualified = officers.Where(o => !o.IsAuxiliary && o.Credentials.Any(k => k.IsValidOn(filed))).ToList();
                var auxiliary = officers.Where(o => o.IsAuxiliary).ToList();
                var team = r.NextDouble() < 0.1 ? qualified.Take(1).Concat(auxiliary.Take(1)) : qualified.OrderBy(_ => r.Next()).Take(2);
                CaseWork.AddOfficers(c, team);
                Progress(c, r, today, now, book.For(unit.Id, c.Sector));
                db.EnforcementCases.Add(c);
                checker.Apply(db, c, book.For(unit.Id, c.Sector), today, [], now);
            }
            await db.SaveChangesAsync(ct);
        }
        var accounts = await db.Users.Where(u => u.UnitId != null).Select(u => u.Id).ToListAsync(ct);
        db.UserClaims.AddRange(accounts.Select(id => new Microsoft.AspNetCore.Identity.IdentityUserClaim<string>
        {
            UserId = id, ClaimType = EnforcementPolicies.PermissionClaim, ClaimValue = EnforcementPolicies.LegalReviewer,
        }));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Walks the case through its milestones as far as today allows, breaking a rule now and then.</summary>
    private void Progress(EnforcementCase c, Random r, DateOnly today, DateTimeOffset now, LegalityThresholds t)
    {
        var day = c.FiledOn!.Value;
        bool Step(MilestoneKind kind, int days)
        {
            var on = day.AddDays(days);
            if (on > today)
            {
                return false;
            }
            day = on;
            c.Record(kind, on, null, "演示数据", now);
            return true;
        }
        if (c.IsOnTheSpot)
        {
            if (Step(MilestoneKind.Decided, 0) && Step(MilestoneKind.Served, 0))
            {
                Publish(c, r, today, 0);
            }
            return;
        }
        if (!Step(MilestoneKind.Investigated, r.Next(1, 10)))
        {
            return;
        }
        if (c.IsHighRisk && r.NextDouble() < 0.8)
        {
            c.Records.Add(new ProcessRecord
            {
                Milestone = MilestoneKind.Investigated, DocumentKind = "音像记录", IsAudioVideo = true, FileName = "现场执法记录.mp4", ContentType = "video/mp4",
                Size = r.Next(10_000_000, 90_000_000), Sha256 = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(c.Number))).ToLowerInvariant(),
                StoredAt = now, StoredBy = "演示数据",
            });
        }
        if (c.Kind == CaseKind.Inspection)
        {
            Step(MilestoneKind.Closed, r.Next(1, 10));
            return;
        }
        var late = r.NextDouble() < 0.08;
        if (c.Kind == CaseKind.Penalty && !Step(MilestoneKind.Notified, late ? r.Next(80, 95) : r.Next(10, 40)))
        {
            return;
        }
        if (CaseFacts.HasHearingRights(c, t) && r.NextDouble() < 0.4)
        {
            if (!Step(MilestoneKind.HearingRequested, 3) || !Step(MilestoneKind.HearingNotified, 1) || !Step(MilestoneKind.Hearing, r.Next(12, 20)))
            {
                return;
            }
        }
        if (CaseFacts.NeedsLegalReview(c, t) && r.NextDouble() < 0.93)
        {
            if (!Step(MilestoneKind.LegalReviewRequested, r.Next(7, 10)))
            {
                return;
            }
            var reviewed = day.AddDays(r.Next(2, 9));
            if (reviewed > today)
            {
                return;
            }
            c.Reviews.Add(new LegalReview
            {
                ReviewedOn = reviewed, Reviewer = "法制审核员", Outcome = ReviewOutcome.Approved, SubjectChecked = true, QualificationChecked = true,
                ProcedureChecked = true, FactsChecked = true, BasisChecked = true, PowerChecked = true, DocumentsChecked = true, CrimeTransferChecked = true,
            });
            Step(MilestoneKind.LegalReview, reviewed.DayNumber - day.DayNumber);
        }
        if (!Step(MilestoneKind.Decided, r.Next(7, 20)))
        {
            return;
        }
        if (!Step(MilestoneKind.Served, r.NextDouble() < 0.08 ? r.Next(12, 20) : r.Next(0, 5)))
        {
            return;
        }
        Publish(c, r, today, r.NextDouble() < 0.1 ? 15 : r.Next(1, 6));
        if (Step(MilestoneKind.Executed, r.Next(10, 40)) && Step(MilestoneKind.Closed, r.Next(5, 20)))
        {
            Step(MilestoneKind.Archived, r.Next(5, 30));
        }
    }

    private void Publish(EnforcementCase c, Random r, DateOnly today, int workingDays)
    {
        if (r.NextDouble() < 0.05)
        {
            return;
        }
        var on = calendar.AddWorkingDays(c.DateOf(MilestoneKind.Decided)!.Value, workingDays).Date;
        c.PublishedOn = on <= today ? on : null;
    }
}
