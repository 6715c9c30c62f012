using System.Text.Json.Serialization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Registry;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Inspections.Public;

/// <summary>What the enterprise sees by scanning an inspection code (no login): who, when, why, on what basis, which items.</summary>
internal sealed record PublicInspectionView(string Code, bool IsJoint, string UnitName, IReadOnlyList<string> ParticipantUnits, string EnterpriseName,
    string TypeText, string ModeText, string Purpose, DateOnly VisitDate, string StateText, IReadOnlyList<NamedItem> Items,
    IReadOnlyList<NamedOfficer> Officers, bool ApprovedAfterVisit, bool IsBackfill, bool Rated);

/// <summary>The public reads of a code. Only codes of approved inspections and joint inspections exist; nothing else is found.</summary>
internal sealed class InspectionCodeLookup(SunlightDbContext db)
{
    internal sealed record Target(string Code, string RegionCode, long EnterpriseId);

    public async Task<Target?> FindAsync(string code, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(code) || code.Length > InspectionColumns.CodeLength)
        {
            return null;
        }
        return await db.PublicLookup<Inspection>().Where(i => i.Code == code).Select(i => new Target(i.Code!, i.RegionCode, i.EnterpriseId)).FirstOrDefaultAsync(ct)
            ?? await db.PublicLookup<JointInspection>().Where(j => j.Code == code).Select(j => new Target(j.Code, j.RegionCode, j.EnterpriseId)).FirstOrDefaultAsync(ct);
    }

    public async Task<PublicInspectionView?> ViewAsync(string code, CancellationToken ct)
    {
        if (await FindAsync(code, ct) is null)
        {
            return null;
        }
        var rated = await db.PublicLookup<InspectionRating>().AnyAsync(r => r.Code == code, ct);
        var single = await db.PublicLookup<Inspection>().AsNoTracking().FirstOrDefaultAsync(i => i.Code == code, ct);
        var joint = single is null ? await db.PublicLookup<JointInspection>().AsNoTracking().FirstAsync(j => j.Code == code, ct) : null;
        var members = joint is null ? [single!] : await db.PublicLookup<Inspection>().AsNoTracking().Where(i => i.JointInspectionId == joint.Id).ToListAsync(ct);
        var first = members.Count > 0 ? members[0] : null;
        var itemIds = joint?.ItemIds ?? single!.ItemIds;
        var officerIds = members.SelectMany(m => m.OfficerIds).Distinct().ToList();
        var unitIds = joint?.UnitIds ?? [single!.UnitId];
        var units = await db.UnitNamesAsync(unitIds.Select(u => (long?)u), ct);
        var enterpriseId = joint?.EnterpriseId ?? single!.EnterpriseId;
        var enterprise = await db.PublicLookup<Enterprise>().Where(e => e.Id == enterpriseId).Select(e => e.Name).FirstAsync(ct);
        var items = await db.PublicLookup<InspectionItem>().Where(x => itemIds.Contains(x.Id)).OrderBy(x => x.Code)
            .Select(x => new NamedItem(x.Id, x.Code, x.Name, x.LegalBasis)).ToListAsync(ct);
        var officers = await db.PublicLookup<Officer>().Where(o => officerIds.Contains(o.Id))
            .Select(o => new NamedOfficer(o.Id, o.Name, o.Credentials.OrderByDescending(c => c.ValidTo).Select(c => c.Number).FirstOrDefault())).ToListAsync(ct);
        var lead = joint?.LeadUnitId ?? single!.UnitId;
        return new PublicInspectionView(code, joint is not null, units.GetValueOrDefault(lead, ""),
            unitIds.Where(u => u != lead).Select(u => units.GetValueOrDefault(u, "")).ToList(), enterprise,
            joint is not null ? "联合检查（综合查一次）" : InspectionText.Type(single!.Type), first is null ? "" : InspectionText.Mode(first.Mode),
            string.Join("；", members.Select(m => m.Purpose).Distinct()), joint?.VisitDate ?? single!.VisitDate,
            first is null ? "" : InspectionText.State(members.All(m => m.State == InspectionState.Done) ? InspectionState.Done : InspectionState.Approved),
            items, officers, members.Any(m => m.ApprovedAfterVisit), members.Any(m => m.IsBackfill), rated);
    }
}

/// <summary>匿名评价: 1–5 and an optional comment, once per code. No account, name or address is stored with it.</summary>
internal sealed record RateInput(int Score, string? Comment = null)
{
    [JsonIgnore] public string Code { get; init; } = "";
}

internal sealed class RateInputValidator : AbstractValidator<RateInput>
{
    public RateInputValidator()
    {
        RuleFor(x => x.Score).InclusiveBetween(1, 5).WithMessage("请给出 1 至 5 分的评价");
        RuleFor(x => x.Comment).OptionalText("评价意见", InspectionColumns.TextLength);
    }
}

internal sealed class RateInspection(SunlightDbContext db, InspectionCodeLookup codes, TimeProvider clock, IValidator<RateInput> validator)
    : UseCase<RateInput, InspectionRating>(validator)
{
    protected override async Task<Outcome<InspectionRating>> HandleAsync(RateInput input, CancellationToken ct)
    {
        if (await codes.FindAsync(input.Code, ct) is not { } target)
        {
            return Outcome<InspectionRating>.Missing();
        }
        if (await db.PublicLookup<InspectionRating>().AnyAsync(r => r.Code == target.Code, ct))
        {
            return Outcome<InspectionRating>.Refused(InspectionRules.Rated, "该检查已评价过，每个检查码只能评价一次。");
        }
        var rating = new InspectionRating
        {
            RegionCode = target.RegionCode, Code = target.Code, EnterpriseId = target.EnterpriseId, Score = input.Score,
            Comment = string.IsNullOrWhiteSpace(input.Comment) ? null : input.Comment.Trim(), RatedAt = clock.GetUtcNow(),
        };
        db.Add(rating);
        await db.SaveChangesAsync(ct);
        return rating;
    }
}

internal static class PublicCodeEndpoints
{
    public static void MapPublicCode(this RouteGroupBuilder inspections)
    {
        var g = inspections.MapGroup("/public").AllowAnonymous();
        g.MapGet("/{code}", async Task<Microsoft.AspNetCore.Http.HttpResults.Results<Microsoft.AspNetCore.Http.HttpResults.Ok<PublicInspectionView>, Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult>> (string code, InspectionCodeLookup lookup, CancellationToken ct) =>
            await lookup.ViewAsync(code, ct) is { } v ? TypedResults.Ok(v) : ApiErrors.NotFound("检查码")).WithSummary("扫检查码：谁、为何、依据与事项（免登录）");
        g.MapPost("/{code}/rating", (string code, RateInput? input, RateInspection rate, CancellationToken ct) =>
                rate.RunAsync(input is null ? null : input with { Code = code }, ct)
                    .ToHttpAsync(r => TypedResults.Created($"/api/v1/inspections/public/{code}", new { r.Code, r.Score }), "检查码"))
            .WithSummary("企业匿名评价（每个检查码一次：I-RATED）");
    }
}
