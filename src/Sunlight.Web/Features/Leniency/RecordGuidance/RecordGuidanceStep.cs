using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Leniency.Guidance;
using Sunlight.Web.Features.Registry;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Leniency.RecordGuidance;

/// <summary>行政指导记录: target, matter, form, basis, date, officer, whether accepted, result.</summary>
internal sealed record GuidanceInput(string? TargetName, string? TargetUscc, string? Matter, GuidanceForm? Form, string? Basis, DateOnly? On,
    string? Officer, bool? Accepted = null, string? Result = null);

internal sealed class GuidanceInputValidator : AbstractValidator<GuidanceInput>
{
    public GuidanceInputValidator(TimeProvider clock)
    {
        RuleFor(x => x.TargetName).RequiredText("指导对象", LeniencyColumns.EnterpriseNameLength);
        RuleFor(x => x.TargetUscc).Must(c => string.IsNullOrWhiteSpace(c) || Uscc.IsValid(c.Trim().ToUpperInvariant()))
            .WithMessage("统一社会信用代码无效");
        RuleFor(x => x.Matter).RequiredText("指导事项", LeniencyColumns.MatterLength);
        RuleFor(x => x.Form).NotNull().WithMessage("请选择指导方式").IsInEnum().WithMessage("指导方式无效");
        RuleFor(x => x.Basis).OptionalText("指导依据", LeniencyColumns.LegalBasisLength);
        RuleFor(x => x.On).NotNull().WithMessage("请填写指导日期").Must(d => d is null || d <= ChinaTime.Today(clock)).WithMessage("指导日期不能晚于今天");
        RuleFor(x => x.Officer).RequiredText("指导人员", LeniencyColumns.PersonLength);
        RuleFor(x => x.Result).OptionalText("指导结果", LeniencyColumns.ResultLength);
    }
}

internal sealed class RecordGuidanceStep(SunlightDbContext db, TimeProvider clock, IValidator<GuidanceInput> validator) : UseCase<GuidanceInput, GuidanceRecord>(validator)
{
    protected override async Task<Outcome<GuidanceRecord>> HandleAsync(GuidanceInput input, CancellationToken ct)
    {
        var unit = await db.OwnUnitAsync(ct);
        if (unit is null)
        {
            return Outcome<GuidanceRecord>.Missing();
        }
        var record = new GuidanceRecord
        {
            RegionCode = unit.RegionCode, UnitId = unit.Id, TargetName = input.TargetName!.Trim(),
            TargetUscc = string.IsNullOrWhiteSpace(input.TargetUscc) ? null : input.TargetUscc.Trim().ToUpperInvariant(), Matter = input.Matter!.Trim(),
            Form = input.Form!.Value, Basis = string.IsNullOrWhiteSpace(input.Basis) ? null : input.Basis.Trim(), On = input.On!.Value,
            Officer = input.Officer!.Trim(), Accepted = input.Accepted, Result = string.IsNullOrWhiteSpace(input.Result) ? null : input.Result.Trim(),
            CreatedAt = clock.GetUtcNow(),
        };
        db.Set<GuidanceRecord>().Add(record);
        await db.SaveChangesAsync(ct);
        return record;
    }
}

internal static class RecordGuidanceEndpoint
{
    public static void MapRecordGuidance(this RouteGroupBuilder g) =>
        g.MapPost("/guidance/records", (GuidanceInput? input, RecordGuidanceStep step, SunlightDbContext db, CancellationToken ct) =>
                step.RunAsync(input, ct).ToHttpAsync(async r => TypedResults.Ok(GuidanceQueries.RecordDto(r,
                    (await db.UnitNamesAsync([r.UnitId], ct)).GetValueOrDefault(r.UnitId, ""))), "行政指导记录"))
            .RequireAuthorization(LeniencyPolicies.Manage).WithSummary("登记行政指导（方式：建议、辅导、提醒、规劝、示范、约谈、回访）");
}
