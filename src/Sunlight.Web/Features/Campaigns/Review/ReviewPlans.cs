using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Enforcement;
using Sunlight.Web.Features.Registry;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Campaigns.Review;

/// <summary>
/// The reproducible draw, published with every plan: for each unit (in code order), its cases of the plan's kinds filed
/// between <c>filedFrom</c> and the plan's date, sorted by the hex SHA-256 of <c>"{seed}|{unit code}|{case number}"</c>;
/// the first <c>filesPerUnit</c> are drawn. Anyone holding the inputs and the case register can re-run it.
/// </summary>
internal static class CaseDraw
{
    public const string SizeRule = "Z-DRAW-SIZE";

    public sealed record Candidate(long Id, long UnitId, string UnitCode, string UnitName, string Number);

    public static string Key(long seed, string unitCode, string caseNumber) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{seed}|{unitCode}|{caseNumber}")));

    public static async Task<List<Candidate>> CandidatesAsync(SunlightDbContext db, ReviewPlan plan, CancellationToken ct)
    {
        var codes = plan.UnitCodes.Split(',', StringSplitOptions.RemoveEmptyEntries);
        var kinds = plan.Kinds.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<CaseKind>).ToList();
        var until = DateOnly.FromDateTime(plan.CreatedAt.ToOffset(TimeSpan.FromHours(8)).DateTime);
        var from = plan.FiledFrom ?? DateOnly.MinValue;
        // The case register is read through the context's shared set until the Enforcement capability offers a query for it.
        return await db.EnforcementCases.AsNoTracking()
            .Where(c => codes.Contains(c.Unit!.Code) && kinds.Contains(c.Kind) && c.FiledOn != null && c.FiledOn >= from && c.FiledOn <= until)
            .Select(c => new Candidate(c.Id, c.UnitId, c.Unit!.Code, c.Unit.Name, c.Number)).ToListAsync(ct);
    }

    /// <summary>The drawn files per unit in draw order, or the first unit that has too few (its name and count).</summary>
    public static (List<(Candidate Case, int Rank)> Drawn, (string Unit, int Count)? Short) Draw(long seed, int perUnit, IEnumerable<string> unitCodes, IReadOnlyList<Candidate> candidates)
    {
        var drawn = new List<(Candidate, int)>();
        foreach (var code in unitCodes.Order(StringComparer.Ordinal))
        {
            var own = candidates.Where(c => c.UnitCode == code).OrderBy(c => Key(seed, code, c.Number), StringComparer.Ordinal).ToList();
            if (own.Count < perUnit)
            {
                return ([], (own.FirstOrDefault()?.UnitName ?? code, own.Count));
            }
            drawn.AddRange(own.Take(perUnit).Select((c, i) => (c, i + 1)));
        }
        return (drawn, null);
    }
}

/// <summary>评查方案: units, case kinds, files per unit, reviewers per file and the seed (random when not given).</summary>
internal sealed record ReviewPlanInput(IReadOnlyList<long>? UnitIds, IReadOnlyList<CaseKind>? Kinds, int FilesPerUnit, int ReviewersPerFile = 1, long? Seed = null, DateOnly? FiledFrom = null)
{
    [JsonIgnore] public long Id { get; init; }
}

internal sealed class ReviewPlanInputValidator : AbstractValidator<ReviewPlanInput>
{
    public ReviewPlanInputValidator()
    {
        RuleFor(x => x.UnitIds).NotEmpty().WithMessage("请选择被评查单位").Must(u => u is null || u.Count <= 100).WithMessage("被评查单位不能超过 100 个");
        RuleFor(x => x.Kinds).NotEmpty().WithMessage("请选择案件类别");
        RuleForEach(x => x.Kinds).IsInEnum().WithMessage("案件类别无效");
        RuleFor(x => x.FilesPerUnit).InclusiveBetween(1, 200).WithMessage("每个单位抽取的案卷数须在 1 到 200 之间");
        RuleFor(x => x.ReviewersPerFile).InclusiveBetween(1, 2).WithMessage("每份案卷由 1 或 2 名评查人员评查");
        RuleFor(x => x.Seed).GreaterThanOrEqualTo(0).WithMessage("随机种子须为非负整数");
    }
}

internal sealed class CreateReviewPlan(SunlightDbContext db, CampaignScope scope, Rubrics rubrics, TimeProvider clock, IValidator<ReviewPlanInput> validator)
    : UseCase<ReviewPlanInput, ReviewPlan>(validator)
{
    protected override async Task<Outcome<ReviewPlan>> HandleAsync(ReviewPlanInput input, CancellationToken ct)
    {
        if (await scope.Campaigns().FirstOrDefaultAsync(c => c.Id == input.Id, ct) is not { } campaign)
        {
            return Outcome<ReviewPlan>.Missing();
        }
        var ids = input.UnitIds!.Distinct().ToList();
        var codes = await db.Units.Where(u => ids.Contains(u.Id) && u.Kind == UnitKind.Enforcement).Select(u => u.Code).ToListAsync(ct);
        if (codes.Count != ids.Count)
        {
            return Outcome<ReviewPlan>.Invalid("unitIds", "被评查单位不存在");
        }
        var rubric = await rubrics.CurrentAsync(ct);
        var plan = new ReviewPlan
        {
            RegionCode = campaign.RegionCode, CampaignId = campaign.Id, Rubric = rubric,
            UnitCodes = string.Join(',', codes.Order(StringComparer.Ordinal)), Kinds = string.Join(',', input.Kinds!.Distinct().Order()),
            FiledFrom = input.FiledFrom, FilesPerUnit = input.FilesPerUnit, ReviewersPerFile = input.ReviewersPerFile,
            Seed = input.Seed ?? RandomNumberGenerator.GetInt32(int.MaxValue), CreatedAt = clock.GetUtcNow(),
        };
        var (drawn, shortUnit) = CaseDraw.Draw(plan.Seed, plan.FilesPerUnit, codes, await CaseDraw.CandidatesAsync(db, plan, ct));
        if (shortUnit is { } s)
        {
            return Outcome<ReviewPlan>.Refused(CaseDraw.SizeRule, $"{s.Unit} 只有 {s.Count} 份符合条件的案卷，少于每个单位要抽取的 {plan.FilesPerUnit} 份。");
        }
        db.Set<ReviewPlan>().Add(plan);
        foreach (var (c, rank) in drawn)
        {
            db.Set<CaseFileReview>().Add(new CaseFileReview { Plan = plan, CaseId = c.Id, UnitId = c.UnitId, RegionCode = plan.RegionCode, DrawRank = rank });
        }
        await db.SaveChangesAsync(ct);
        return plan;
    }
}

internal sealed record DrawnFile(long ReviewId, long CaseId, string CaseNumber, long UnitId, string UnitName, int DrawRank, bool IsManual, decimal? FinalScore, string? Grade, bool VarianceFlag);
internal sealed record ReviewPlanDto(long Id, long CampaignId, long Seed, string UnitCodes, string Kinds, DateOnly? FiledFrom, DateOnly DrawnUntil, int FilesPerUnit,
    int ReviewersPerFile, long RubricId, int RubricVersion, string Method, IReadOnlyList<DrawnFile> Files);
internal sealed record RedrawDto(long Seed, IReadOnlyList<string> CaseNumbers, bool SameAsStored);

internal static class ReviewPlanEndpoints
{
    public static void MapReviewPlan(this RouteGroupBuilder campaigns)
    {
        campaigns.MapPost("/{id:long}/review-plans", (long id, ReviewPlanInput? input, CreateReviewPlan create, SunlightDbContext db, CampaignScope scope, CancellationToken ct) =>
                create.RunAsync(input is null ? null : input with { Id = id }, ct).ToHttpAsync(async p =>
                    TypedResults.Created($"/api/v1/campaigns/review-plans/{p.Id}", (await ReviewPlanQueries.DtoAsync(db, scope, p.Id, ct))!), "专项治理"))
            .RequireAuthorization(CampaignPolicies.Manage).WithSummary("评查方案：按公开的随机种子从案件库抽取案卷（可复现）");

        campaigns.MapGet("/review-plans/{id:long}", async Task<Results<Ok<ReviewPlanDto>, ProblemHttpResult>> (long id, SunlightDbContext db, CampaignScope scope, CancellationToken ct) =>
                await ReviewPlanQueries.DtoAsync(db, scope, id, ct) is { } p ? TypedResults.Ok(p) : ApiErrors.NotFound("评查方案"))
            .RequireAuthorization(CampaignPolicies.Inspect).WithSummary("评查方案：公开的抽取参数、种子和抽中的案卷");

        campaigns.MapGet("/review-plans/{id:long}/redraw", async Task<Results<Ok<RedrawDto>, ProblemHttpResult>> (long id, long? seed, SunlightDbContext db, CampaignScope scope, CancellationToken ct) =>
            {
                var campaigns = scope.Campaigns().Select(c => c.Id);
                if (await db.Set<ReviewPlan>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == id && campaigns.Contains(p.CampaignId), ct) is not { } plan)
                {
                    return ApiErrors.NotFound("评查方案");
                }
                var (drawn, _) = CaseDraw.Draw(seed ?? plan.Seed, plan.FilesPerUnit, plan.UnitCodes.Split(','), await CaseDraw.CandidatesAsync(db, plan, ct));
                var stored = await db.Set<CaseFileReview>().AsNoTracking().Where(r => r.PlanId == id && !r.IsManual).Select(r => r.CaseId).ToListAsync(ct);
                return TypedResults.Ok(new RedrawDto(seed ?? plan.Seed, drawn.Select(d => d.Case.Number).ToList(),
                    drawn.Select(d => d.Case.Id).Order().SequenceEqual(stored.Order())));
            })
            .RequireAuthorization(CampaignPolicies.Read).WithSummary("按方案公开的参数重新抽取（可换种子），核对与已抽取的案卷是否一致");
    }
}

/// <summary>A review plan as published: its inputs, seed, method and the drawn files with their results.</summary>
internal static class ReviewPlanQueries
{
    public const string Method = "每个单位（按单位代码顺序）在所选案件类别中、立案日期自 filedFrom 至方案日期的案卷，按 SHA-256(\"种子|单位代码|案号\") 的十六进制值升序排列，取前 filesPerUnit 份。";

    public static async Task<ReviewPlanDto?> DtoAsync(SunlightDbContext db, CampaignScope scope, long id, CancellationToken ct)
    {
        var campaigns = scope.Campaigns().Select(c => c.Id);
        var plan = await db.Set<ReviewPlan>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == id && campaigns.Contains(p.CampaignId), ct);
        if (plan is null)
        {
            return null;
        }
        var version = await db.Set<Rubric>().Where(r => r.Id == plan.RubricId).Select(r => r.VersionNumber).FirstAsync(ct);
        var files = await db.Set<CaseFileReview>().AsNoTracking().Where(r => r.PlanId == id).OrderBy(r => r.Case!.Unit!.Code).ThenBy(r => r.DrawRank)
            .Select(r => new DrawnFile(r.Id, r.CaseId, r.Case!.Number, r.UnitId, r.Case.Unit!.Name, r.DrawRank, r.IsManual, r.FinalScore, r.Grade, r.VarianceFlag)).ToListAsync(ct);
        return new ReviewPlanDto(plan.Id, plan.CampaignId, plan.Seed, plan.UnitCodes, plan.Kinds, plan.FiledFrom, DateOnly.FromDateTime(plan.CreatedAt.ToOffset(TimeSpan.FromHours(8)).DateTime),
            plan.FilesPerUnit, plan.ReviewersPerFile, plan.RubricId, version, Method, files);
    }
}
