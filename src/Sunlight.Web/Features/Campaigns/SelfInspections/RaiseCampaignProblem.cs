using System.Text.Json.Serialization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Problems;
using Sunlight.Web.Features.Problems.Categories;
using Sunlight.Web.Features.Problems.Raise;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Calendar;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Campaigns.SelfInspections;

/// <summary>
/// A problem found in a campaign: by the unit in its self-inspection (source 自查) or by the team in its inspection
/// (source 督查). <see cref="Id"/> is the self-inspection's or the inspection's id, per <see cref="Source"/>.
/// </summary>
internal sealed record CampaignProblemInput(string? Category, string? Description, ProblemSeverity Severity = ProblemSeverity.Moderate)
{
    [JsonIgnore] public long Id { get; init; }
    [JsonIgnore] public ProblemSource Source { get; init; }
}

internal sealed class CampaignProblemInputValidator : AbstractValidator<CampaignProblemInput>
{
    public CampaignProblemInputValidator()
    {
        RuleFor(x => x.Category).RequiredText("问题类别", ProblemConfiguration.CategoryLength);
        RuleFor(x => x.Description).RequiredText("问题描述", ProblemConfiguration.DescriptionLength);
        RuleFor(x => x.Severity).IsInEnum().WithMessage("严重程度无效");
    }
}

/// <summary>Puts the problem on the list (ProblemLedger.RaiseAsync) as the campaign's, with the finding's source.</summary>
internal sealed class RaiseCampaignProblem(SunlightDbContext db, CampaignScope scope, ProblemLedger ledger, ProblemCategories categories, TimeProvider clock, IValidator<CampaignProblemInput> validator)
    : UseCase<CampaignProblemInput, Problem>(validator)
{
    /// <summary>Problems of a campaign carry SourceType "Campaign" and the campaign's id: the figures count them from there.</summary>
    public const string SourceType = "Campaign";

    protected override async Task<Outcome<Problem>> HandleAsync(CampaignProblemInput input, CancellationToken ct)
    {
        var found = input.Source == ProblemSource.SelfInspection
            ? await db.Set<SelfInspection>().Where(s => s.Id == input.Id).Select(s => new { s.CampaignId, s.UnitId }).FirstOrDefaultAsync(ct)
            : await scope.Inspections().Where(s => s.Id == input.Id).Select(s => new { s.CampaignId, s.UnitId }).FirstOrDefaultAsync(ct);
        if (found is null)
        {
            return Outcome<Problem>.Missing();
        }
        var category = input.Category!.Trim();
        if (!(await categories.ListAsync(true, ct)).Any(c => c.Name == category))
        {
            return Outcome<Problem>.Invalid("category", $"问题类别“{category}”不在类别字典中");
        }
        var campaign = await db.Set<Campaign>().FirstAsync(c => c.Id == found.CampaignId, ct);
        campaign.RequireRunning("登记问题");
        var problem = await ledger.RaiseAsync(new RaiseProblemRequest(input.Source, SourceType, campaign.Id, found.UnitId, category, input.Severity,
            input.Description!, ChinaTime.Today(clock), ""), ct);
        await db.SaveChangesAsync(ct);
        return problem;
    }
}

internal static class RaiseProblemEndpoint
{
    public static void MapRaiseProblem(this RouteGroupBuilder campaigns)
    {
        campaigns.MapPost("/self-inspections/{id:long}/problems", (long id, CampaignProblemInput? input, RaiseCampaignProblem raise, CancellationToken ct) =>
                raise.RunAsync(input is null ? null : input with { Id = id, Source = ProblemSource.SelfInspection }, ct).ToHttpAsync(Created, "自查"))
            .RequireAuthorization(CampaignPolicies.SelfInspect).WithSummary("自查发现的问题列入问题清单（来源：自查）");
        campaigns.MapPost("/inspections/{id:long}/findings", (long id, CampaignProblemInput? input, RaiseCampaignProblem raise, CancellationToken ct) =>
                raise.RunAsync(input is null ? null : input with { Id = id, Source = ProblemSource.SupervisoryInspection }, ct).ToHttpAsync(Created, "督查"))
            .RequireAuthorization(CampaignPolicies.Inspect).WithSummary("督查发现的问题列入问题清单（来源：督查）");
    }

    private static Microsoft.AspNetCore.Http.HttpResults.Created<CampaignProblemDto> Created(Problem p) =>
        TypedResults.Created($"/api/v1/problems/{p.Id}", new CampaignProblemDto(p.Id, p.Number, p.Source, p.Category, p.UnitId));
}

internal sealed record CampaignProblemDto(long Id, string Number, ProblemSource Source, string Category, long UnitId);
