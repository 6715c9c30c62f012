using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using QRCoder;
using Sunlight.Web.Features.Registry;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Inspections;

/// <summary>The configurable numbers (section <c>Sunlight:Inspections</c>).</summary>
internal sealed class InspectionSettings(IConfiguration config)
{
    /// <summary>Inspections per unit per enterprise per year when no cap is set for the unit or the sector (default 2).</summary>
    public int DefaultCap => config.GetValue("Sunlight:Inspections:DefaultCap", 2);
    /// <summary>Two inspections of one enterprise this many natural days apart or fewer overlap (default 30).</summary>
    public int OverlapWindowDays => config.GetValue("Sunlight:Inspections:OverlapWindowDays", 30);
    /// <summary>A visit may be registered afterwards (补录) within this many natural days (default 10).</summary>
    public int BackfillDays => config.GetValue("Sunlight:Inspections:BackfillDays", 10);
}

/// <summary>A warning raised before saving or at the door: the rule code and what it means in Chinese.</summary>
internal sealed record InspectionWarning(string Rule, string Text);

/// <summary>One enterprise's inspections this year by unit, against that unit's cap.</summary>
internal sealed record UnitCount(long UnitId, string UnitName, int Counted, int Total, int Cap);

/// <summary>
/// The checks of one planned inspection against the enterprise's year across all units: the frequency cap (个案 and
/// visits excluded), the quiet list (routine only) and overlaps (another unit, or the same unit again, within the window).
/// Used before saving a registration and at the enterprise's door.
/// </summary>
internal sealed class InspectionChecks(SunlightDbContext db, InspectionSettings settings)
{
    private sealed record Visit(long Id, long UnitId, DateOnly VisitDate, InspectionType Type, long? JointInspectionId);

    /// <summary>The county's caps (a few rows: one per unit or sector that has one).</summary>
    private Task<List<InspectionCap>> CapsAsync(CancellationToken ct) => db.Set<InspectionCap>().AsNoTracking().ToListAsync(ct);

    /// <summary>The unit's own cap, else the enterprise's sector cap, else the default.</summary>
    private int CapOf(List<InspectionCap> caps, long unitId, string? industry) =>
        caps.FirstOrDefault(c => c.UnitId == unitId && c.Industry == null)?.MaxPerYear
        ?? caps.FirstOrDefault(c => c.UnitId == null && c.Industry != null && c.Industry == industry)?.MaxPerYear
        ?? settings.DefaultCap;

    private Task<List<Visit>> YearAsync(Enterprise enterprise, int year, CancellationToken ct)
    {
        var from = new DateOnly(year, 1, 1).AddDays(-settings.OverlapWindowDays);
        var to = new DateOnly(year, 12, 31).AddDays(settings.OverlapWindowDays);
        return db.AcrossUnits<Inspection>()
            .Where(i => i.RegionCode == enterprise.RegionCode && i.EnterpriseId == enterprise.Id && i.VisitDate >= from && i.VisitDate <= to)
            .Select(i => new Visit(i.Id, i.UnitId, i.VisitDate, i.Type, i.JointInspectionId)).ToListAsync(ct);
    }

    private Task<bool> QuietAsync(long enterpriseId, DateOnly date, CancellationToken ct) =>
        db.Set<QuietListEntry>().AnyAsync(q => q.EnterpriseId == enterpriseId && q.From <= date && date <= q.To, ct);

    /// <summary>The warnings a new inspection of <paramref name="enterprise"/> by <paramref name="unitId"/> on <paramref name="date"/> raises.</summary>
    public async Task<IReadOnlyList<InspectionWarning>> WarningsAsync(Enterprise enterprise, long unitId, InspectionType type, DateOnly date, CancellationToken ct)
    {
        var visits = await YearAsync(enterprise, date.Year, ct);
        var caps = Inspection.CountsAgainstCap(type) ? await CapsAsync(ct) : [];
        var quiet = type == InspectionType.Routine && await QuietAsync(enterprise.Id, date, ct);
        var names = await db.UnitNamesAsync(Near(visits, date).Where(v => v.UnitId != unitId).Select(v => (long?)v.UnitId), ct);
        return Warnings(enterprise, unitId, type, date, visits, caps, quiet, names);
    }

    /// <summary>
    /// The door check's facts from one read of the enterprise's year and of the caps: the counts against the caps, whether it is
    /// on the quiet list today, and the warnings a <paramref name="type"/> visit by the unit today would raise.
    /// </summary>
    public async Task<DoorFacts> AtDoorAsync(Enterprise enterprise, long unitId, InspectionType type, DateOnly today, CancellationToken ct)
    {
        var visits = await YearAsync(enterprise, today.Year, ct);
        var caps = await CapsAsync(ct);
        var quiet = await QuietAsync(enterprise.Id, today, ct);
        var names = await db.UnitNamesAsync(visits.Select(v => (long?)v.UnitId), ct);
        return new DoorFacts(Counts(enterprise, today.Year, visits, caps, names),
            Warnings(enterprise, unitId, type, today, visits, caps, quiet && type == InspectionType.Routine, names), quiet);
    }

    private List<Visit> Near(List<Visit> visits, DateOnly date) =>
        visits.Where(v => Math.Abs(v.VisitDate.DayNumber - date.DayNumber) <= settings.OverlapWindowDays && v.Type != InspectionType.Visit).ToList();

    private List<InspectionWarning> Warnings(Enterprise enterprise, long unitId, InspectionType type, DateOnly date, List<Visit> visits,
        List<InspectionCap> caps, bool quiet, IReadOnlyDictionary<long, string> names)
    {
        var warnings = new List<InspectionWarning>();
        if (Inspection.CountsAgainstCap(type))
        {
            var cap = CapOf(caps, unitId, enterprise.Industry);
            var counted = visits.Count(v => v.UnitId == unitId && v.VisitDate.Year == date.Year && Inspection.CountsAgainstCap(v.Type));
            if (counted + 1 > cap)
            {
                warnings.Add(new(InspectionRules.Cap, $"本单位今年已检查该企业 {counted} 次，再检查将超过年度频次上限 {cap} 次（个案检查不计入）。"));
            }
        }
        if (quiet)
        {
            warnings.Add(new(InspectionRules.Quiet, "该企业在“无事不扰”清单期内，日常检查原则上不得进入。"));
        }
        var window = settings.OverlapWindowDays;
        var near = Near(visits, date);
        var others = near.Where(v => v.UnitId != unitId).Select(v => v.UnitId).Distinct().ToList();
        if (others.Count > 0 && type != InspectionType.Visit)
        {
            warnings.Add(new(InspectionRules.Overlap, $"{window} 日内已有 {string.Join("、", others.Select(o => names.GetValueOrDefault(o, "")))} 检查该企业（多头检查），请考虑联合检查、综合查一次。"));
        }
        if (near.Any(v => v.UnitId == unitId) && Inspection.CountsAgainstCap(type))
        {
            warnings.Add(new(InspectionRules.Overlap, $"本单位 {window} 日内已检查过该企业（重复检查）。"));
        }
        return warnings;
    }

    /// <summary>The enterprise's inspections in <paramref name="year"/> per unit, with each unit's cap (the door view).</summary>
    private IReadOnlyList<UnitCount> Counts(Enterprise enterprise, int year, List<Visit> visits, List<InspectionCap> caps, IReadOnlyDictionary<long, string> names) =>
        visits.Where(v => v.VisitDate.Year == year).GroupBy(v => v.UnitId)
            .Select(g => new UnitCount(g.Key, names.GetValueOrDefault(g.Key, ""), g.Count(v => Inspection.CountsAgainstCap(v.Type)), g.Count(), CapOf(caps, g.Key, enterprise.Industry)))
            .OrderByDescending(c => c.Total).ToList();
}

/// <summary>What the door check shows of the enterprise's year (<see cref="InspectionChecks.AtDoorAsync"/>).</summary>
internal sealed record DoorFacts(IReadOnlyList<UnitCount> Counts, IReadOnlyList<InspectionWarning> Warnings, bool Quiet);

/// <summary>Unguessable codes (inspection, joint inspection, door) and their QR images.</summary>
internal static class InspectionCodes
{
    private const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    /// <summary>A prefix and 12 random characters of 31 (≈ 59 bits) from the OS generator: not derivable from ids or time.</summary>
    public static string New(string prefix) => $"{prefix}-{RandomNumberGenerator.GetString(Alphabet, 12)}";

    public static byte[] QrPng(string url)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        return new PngByteQRCode(data).GetGraphic(10);
    }

    public static string BaseUrl(IConfiguration config, HttpContext? http) =>
        config["Sunlight:PublicBaseUrl"] is { Length: > 0 } configured ? configured.TrimEnd('/')
        : http is not null ? $"{http.Request.Scheme}://{http.Request.Host}" : "http://localhost:5080";
}
