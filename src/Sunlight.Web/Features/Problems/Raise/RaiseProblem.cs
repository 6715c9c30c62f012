using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Registry;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Problems.Raise;

public sealed record RaiseInput(ProblemSource Source, long UnitId, string Category, ProblemSeverity Severity, string Description, DateOnly FoundOn, string? FoundBy);

internal sealed class RaiseInputValidator : AbstractValidator<RaiseInput>
{
    public RaiseInputValidator(TimeProvider clock)
    {
        RuleFor(x => x.Source).IsInEnum().WithMessage("问题来源无效");
        RuleFor(x => x.UnitId).GreaterThan(0).WithMessage("请选择责任单位");
        RuleFor(x => x.Category).NotEmpty().WithMessage("请选择问题类别").MaximumLength(50).WithMessage("问题类别不能超过 50 个字");
        RuleFor(x => x.Severity).IsInEnum().WithMessage("严重程度无效");
        RuleFor(x => x.Description).NotEmpty().WithMessage("问题描述不能为空").MaximumLength(2000).WithMessage("问题描述不能超过 2000 个字");
        RuleFor(x => x.FoundOn).Must(d => d <= ChinaTime.Today(clock)).WithMessage("发现日期不能晚于今天");
        RuleFor(x => x.FoundBy).MaximumLength(100).WithMessage("发现人不能超过 100 个字");
    }
}

/// <summary>登记问题 from the Supervisor's form, the API or the unit's self-inspection: validates, raises, saves.</summary>
public sealed class RaiseProblem(SunlightDbContext db, ProblemLedger ledger, IValidator<RaiseInput> validator)
{
    internal async Task<Outcome<Problem>> HandleAsync(RaiseInput input, CancellationToken ct)
    {
        var check = await validator.ValidateAsync(input, ct);
        if (!check.IsValid)
        {
            return ProblemQueries.Invalid(check);
        }
        // Another unit (for UnitStaff) is simply not there.
        if (!await db.Units.AnyAsync(u => u.Id == input.UnitId && u.Kind == UnitKind.Enforcement, ct))
        {
            return Outcome<Problem>.Missing();
        }
        if (!await db.Set<ProblemCategory>().AnyAsync(c => c.Name == input.Category.Trim() && c.IsActive, ct))
        {
            return Outcome<Problem>.Invalid("category", $"问题类别“{input.Category}”不在类别字典中");
        }
        var problem = await ledger.RaiseAsync(new RaiseProblemRequest(input.Source, null, null, input.UnitId, input.Category, input.Severity,
            input.Description, input.FoundOn, input.FoundBy ?? ""), ct);
        await db.SaveChangesAsync(ct);
        return new Outcome<Problem>(problem);
    }
}
