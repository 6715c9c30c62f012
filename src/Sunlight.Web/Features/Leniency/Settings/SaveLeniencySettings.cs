using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Leniency.Settings;

/// <summary>The county's leniency settings; a value left out keeps the current one.</summary>
internal sealed record SettingsInput(int? FirstViolationMonths, int? PledgeReminderDays = null, int? GuidanceAnswerDays = null);

internal sealed record SettingsDto(int FirstViolationMonths, int PledgeReminderDays, int GuidanceAnswerDays)
{
    public static SettingsDto Of(LeniencySetting s) => new(s.FirstViolationMonths, s.PledgeReminderDays, s.GuidanceAnswerDays);
}

internal sealed class SettingsInputValidator : AbstractValidator<SettingsInput>
{
    public const int MaxMonths = 60;
    public const int MaxReminderDays = 20;
    public const int MaxAnswerDays = 30;

    public SettingsInputValidator()
    {
        RuleFor(x => x.FirstViolationMonths).NotNull().WithMessage("请填写首违认定期限（月）")
            .InclusiveBetween(1, MaxMonths).WithMessage($"首违认定期限应为 1 至 {MaxMonths} 个月");
        RuleFor(x => x.PledgeReminderDays).InclusiveBetween(0, MaxReminderDays).WithMessage($"整改期限提前提醒应为 0 至 {MaxReminderDays} 个工作日");
        RuleFor(x => x.GuidanceAnswerDays).InclusiveBetween(1, MaxAnswerDays).WithMessage($"指导申请答复期限应为 1 至 {MaxAnswerDays} 个工作日");
    }
}

/// <summary>The county's settings as stored, or the defaults when none are.</summary>
internal static class LeniencySettings
{
    public static async Task<LeniencySetting> ForRegionAsync(SunlightDbContext db, string region, CancellationToken ct) =>
        await db.Set<LeniencySetting>().AsNoTracking().FirstOrDefaultAsync(s => s.RegionCode == region, ct) ?? new LeniencySetting { RegionCode = region };
}

/// <summary>柔性执法设置 by the bureau: the first-violation window (default 12 months), the pledge reminder and the guidance answer period.</summary>
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
        setting.PledgeReminderDays = input.PledgeReminderDays ?? setting.PledgeReminderDays;
        setting.GuidanceAnswerDays = input.GuidanceAnswerDays ?? setting.GuidanceAnswerDays;
        await db.SaveChangesAsync(ct);
        return SettingsDto.Of(setting);
    }
}

internal static class SettingsEndpoint
{
    public static void MapSettings(this RouteGroupBuilder g)
    {
        g.MapGet("/settings", async (SunlightDbContext db, CancellationToken ct) =>
                TypedResults.Ok(SettingsDto.Of(await LeniencySettings.ForRegionAsync(db, db.Scope.RegionCode ?? "", ct))))
            .WithSummary("柔性执法设置（首违认定期限，默认 12 个月；整改期限提前提醒工作日数；指导申请答复工作日数）");
        g.MapPut("/settings", (SettingsInput? input, SaveLeniencySettings step, CancellationToken ct) =>
                step.RunAsync(input, ct).ToHttpAsync(s => TypedResults.Ok(s), "设置"))
            .RequireAuthorization(LeniencyPolicies.Approve).WithSummary("设置首违认定期限（1–60 个月）、整改提醒（0–20 个工作日）、指导申请答复期限（1–30 个工作日）");
    }
}
