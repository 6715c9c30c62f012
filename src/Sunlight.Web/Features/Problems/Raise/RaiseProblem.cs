using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Registry;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Problems.Raise;

internal sealed record RaiseInput(ProblemSource Source, long UnitId, string? Category, ProblemSeverity Severity, string? Description, DateOnly FoundOn, string? FoundBy = null);

internal sealed class RaiseInputValidator : AbstractValidator<RaiseInput>
{
    public RaiseInputValidator(TimeProvider clock)
    {
        RuleFor(x => x.Source).IsInEnum().WithMessage("问题来源无效");
        RuleFor(x => x.UnitId).GreaterThan(0).WithMessage("请选择责任单位");
        RuleFor(x => x.Category).RequiredText("问题类别", ProblemConfiguration.CategoryLength);
        RuleFor(x => x.Severity).IsInEnum().WithMessage("严重程度无效");
        RuleFor(x => x.Description).RequiredText("问题描述", ProblemConfiguration.DescriptionLength);
        RuleFor(x => x.FoundOn).Must(d => d <= ChinaTime.Today(clock)).WithMessage("发现日期不能晚于今天");
        RuleFor(x => x.FoundBy).OptionalText("发现人", ProblemConfiguration.FoundByLength);
    }
}

/// <summary>登记问题 from the Supervisor's form, the API or the unit's self-inspection: raises and saves.</summary>
internal sealed class RaiseProblem(SunlightDbContext db, ProblemLedger ledger, IValidator<RaiseInput> validator) : UseCase<RaiseInput, Problem>(validator)
{
    protected override async Task<Outcome<Problem>> HandleAsync(RaiseInput input, CancellationToken ct)
    {
        // Another unit (for UnitStaff) is simply not there.
        if (!await db.Units.AnyAsync(u => u.Id == input.UnitId && u.Kind == UnitKind.Enforcement, ct))
        {
            return Outcome<Problem>.Missing();
        }
        var category = input.Category!.Trim();
        if (!await db.Set<ProblemCategory>().AnyAsync(c => c.Name == category && c.IsActive, ct))
        {
            return Outcome<Problem>.Invalid("category", $"问题类别“{category}”不在类别字典中");
        }
        var problem = await ledger.RaiseAsync(new RaiseProblemRequest(input.Source, null, null, input.UnitId, category, input.Severity,
            input.Description!, input.FoundOn, input.FoundBy ?? ""), ct);
        await db.SaveChangesAsync(ct);
        return problem;
    }
}

internal static class RaiseEndpoint
{
    public static void MapRaise(this RouteGroupBuilder problems) =>
        problems.MapPost("/", (RaiseInput? input, RaiseProblem raise, SunlightDbContext db, TimeProvider clock, CancellationToken ct) =>
                raise.RunAsync(input, ct).ToHttpAsync(async p => TypedResults.Created($"/api/v1/problems/{p.Id}", await ProblemEndpoints.DtoAsync(db, p, clock, ct)), "责任单位"))
            .RequireAuthorization(ProblemPolicies.Raise).WithSummary("登记问题（UnitStaff 只能登记本单位自查问题）");
}
