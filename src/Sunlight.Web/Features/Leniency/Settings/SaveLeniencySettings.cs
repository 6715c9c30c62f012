using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Leniency.FirstViolation;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Leniency.Settings;

internal sealed record SettingsInput(int? FirstViolationMonths);

internal sealed record SettingsDto(int FirstViolationMonths);

internal sealed class SettingsInputValidator : AbstractValidator<SettingsInput>
{
    public const int MaxMonths = 60;

    public SettingsInputValidator() =>
        RuleFor(x => x.FirstViolationMonths).NotNull().WithMessage("请填写首违认定期限（月）")
            .InclusiveBetween(1, MaxMonths).WithMessage($"首违认定期限应为 1 至 {MaxMonths} 个月");
}

/// <summary>设置首违认定期限 (the county's first-violation window, default 12 months).</summary>
internal sealed class SaveLeniencySettings(SunlightDbContext db, IValidator<SettingsInput> validator) : UseCase<SettingsInput, SettingsDto>(validator)
{
    protected override async Task<Outcome<SettingsDto>> HandleAsync(SettingsInput input, CancellationToken ct)
    {
        if (db.Scope.RegionCode is not { } region)
        {
            return Outcome<SettingsDto>.Missing();
        }
        var setting = await db.Set<LeniencySetting>().FirstOrDefaultAsync(s => s.RegionCode == region, ct);
        if (setting is null)
        {
            setting = new LeniencySetting { RegionCode = region };
            db.Set<LeniencySetting>().Add(setting);
        }
        setting.FirstViolationMonths = input.FirstViolationMonths!.Value;
        await db.SaveChangesAsync(ct);
        return new SettingsDto(setting.FirstViolationMonths);
    }
}

internal static class SettingsEndpoint
{
    public static void MapSettings(this RouteGroupBuilder g)
    {
        g.MapGet("/settings", async (SunlightDbContext db, FirstViolationCheck check, CancellationToken ct) =>
                TypedResults.Ok(new SettingsDto(await check.WindowMonthsAsync(db.Scope.RegionCode ?? "", ct))))
            .WithSummary("柔性执法设置（首违认定期限，默认 12 个月）");
        g.MapPut("/settings", (SettingsInput? input, SaveLeniencySettings step, CancellationToken ct) =>
                step.RunAsync(input, ct).ToHttpAsync(s => TypedResults.Ok(s), "设置"))
            .RequireAuthorization(LeniencyPolicies.Approve).WithSummary("设置首违认定期限（1–60 个月）");
    }
}
