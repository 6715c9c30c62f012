using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Registry;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Inspections.Draws;

/// <summary>
/// 双随机 input: the pool filter (industry; quiet-listed enterprises are left out), the public nonce announced before the draw
/// (e.g. a lottery number), how many targets and inspectors, and officers recused from this draw.
/// </summary>
internal sealed record DrawInput(string? Title, string? PublicNonce, int TargetCount, int InspectorCount, string? Industry = null, long[]? RecusedOfficerIds = null);

internal sealed class DrawInputValidator : AbstractValidator<DrawInput>
{
    public DrawInputValidator()
    {
        RuleFor(x => x.Title).RequiredText("抽查任务名称", InspectionColumns.TitleLength);
        RuleFor(x => x.PublicNonce).RequiredText("公开随机数", InspectionColumns.NonceLength);
        RuleFor(x => x.Industry).OptionalText("行业", EnterpriseConfiguration.IndustryLength);
        RuleFor(x => x.TargetCount).InclusiveBetween(1, 1000).WithMessage("抽取企业数须在 1 至 1000 之间");
        RuleFor(x => x.InspectorCount).InclusiveBetween(2, 100).WithMessage("抽取执法人员数须在 2 至 100 之间");
        RuleFor(x => x.RecusedOfficerIds).Must(r => r is null || r.Length <= 100).WithMessage("回避人员至多 100 人");
    }
}

/// <summary>
/// The draw anyone can re-run: seed = SHA-256 of the published inputs (title, unit, date, industry, nonce, counts, and the
/// pool's sorted USCCs); each candidate's rank = SHA-256(seed ":" key) with the USCC or the credential number as key; the
/// lowest ranks are drawn. No random generator whose implementation could change between runtimes.
/// </summary>
internal sealed class DrawInspection(SunlightDbContext db, TimeProvider clock, IValidator<DrawInput> validator) : UseCase<DrawInput, RandomDraw>(validator)
{
    internal sealed record Candidate(long Id, string Key);

    protected override async Task<Outcome<RandomDraw>> HandleAsync(DrawInput input, CancellationToken ct)
    {
        if (db.Scope.UnitId is not { } unitId)
        {
            return Outcome<RandomDraw>.Refused(InspectionRules.State, "只有执法单位人员可以组织双随机抽查。");
        }
        var unit = await db.Units.AsNoTracking().FirstAsync(u => u.Id == unitId, ct);
        var today = ChinaTime.Today(clock);
        var industry = string.IsNullOrWhiteSpace(input.Industry) ? null : input.Industry.Trim();
        var pool = await PoolAsync(db, industry, today, ct);
        if (input.TargetCount > pool.Count)
        {
            return Outcome<RandomDraw>.Refused(InspectionRules.DrawSize, $"抽取企业数 {input.TargetCount} 超过抽查对象库的 {pool.Count} 家。");
        }
        var recused = (input.RecusedOfficerIds ?? []).Distinct().ToList();
        var officers = await db.Officers.AsNoTracking().Include(o => o.Credentials).Where(o => o.UnitId == unitId && !recused.Contains(o.Id)).ToListAsync(ct);
        var eligible = officers.Where(o => o.IsQualifiedOn(today))
            .Select(o => new Candidate(o.Id, o.Credentials.Where(c => c.IsValidOn(today)).OrderBy(c => c.Number, StringComparer.Ordinal).First().Number)).ToList();
        if (input.InspectorCount > eligible.Count)
        {
            return Outcome<RandomDraw>.Refused(InspectionRules.DrawSize, $"抽取执法人员数 {input.InspectorCount} 超过符合条件（持有效执法证、未回避）的 {eligible.Count} 人。");
        }
        var draw = new RandomDraw
        {
            RegionCode = unit.RegionCode, UnitId = unitId, Title = input.Title!.Trim(), DrawDate = today, Industry = industry,
            PublicNonce = input.PublicNonce!.Trim(), TargetCount = input.TargetCount, InspectorCount = input.InspectorCount,
            RecusedOfficerIds = recused, PoolSize = pool.Count, DrawnAt = clock.GetUtcNow(),
            PoolIds = pool.Select(p => p.Id).ToList(), EligibleOfficerIds = eligible.Select(o => o.Id).ToList(),
        };
        draw.Seed = Seed(draw, unit.Code, pool);
        draw.EnterpriseIds = Pick(draw.Seed, pool, draw.TargetCount);
        draw.OfficerIds = Pick(draw.Seed, eligible, draw.InspectorCount);
        db.Add(draw);
        await db.SaveChangesAsync(ct);
        return draw;
    }

    /// <summary>The pool: the county's enterprises of the industry, less those on the quiet list that day.</summary>
    internal static async Task<List<Candidate>> PoolAsync(SunlightDbContext db, string? industry, DateOnly day, CancellationToken ct)
    {
        var quiet = db.Set<QuietListEntry>().Where(q => q.From <= day && day <= q.To).Select(q => q.EnterpriseId);
        return (await db.Enterprises.AsNoTracking().Where(e => (industry == null || e.Industry == industry) && !quiet.Contains(e.Id))
            .Select(e => new Candidate(e.Id, e.Uscc)).ToListAsync(ct)).OrderBy(c => c.Key, StringComparer.Ordinal).ToList();
    }

    internal static string Seed(RandomDraw d, string unitCode, IReadOnlyList<Candidate> pool)
    {
        var poolHash = Hex(string.Join(",", pool.Select(p => p.Key).Order(StringComparer.Ordinal)));
        return Hex(string.Join("|", d.Title, unitCode, d.DrawDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), d.Industry ?? "",
            d.PublicNonce, d.TargetCount.ToString(CultureInfo.InvariantCulture), d.InspectorCount.ToString(CultureInfo.InvariantCulture), poolHash));
    }

    internal static List<long> Pick(string seed, IEnumerable<Candidate> candidates, int count) =>
        candidates.OrderBy(c => Hex(seed + ":" + c.Key), StringComparer.Ordinal).Take(count).Select(c => c.Id).ToList();

    private static string Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
