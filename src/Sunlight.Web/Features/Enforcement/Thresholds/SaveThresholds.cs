using System.ComponentModel;
using System.Reflection;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Enforcement.Register;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Enforcement.Thresholds;

/// <summary>
/// The thresholds and periods for one scope: the county (no unit, no sector), a unit, a sector, or a unit's sector.
/// The value properties carry the names of <see cref="LegalityThresholds"/>'s.
/// </summary>
internal sealed record ThresholdsInput
{
    public long? UnitId { get; init; }
    public string? Sector { get; init; }
    public decimal? HearingFinePerson { get; init; }
    public decimal? HearingFineOrganisation { get; init; }
    public decimal? HearingConfiscationPerson { get; init; }
    public decimal? HearingConfiscationOrganisation { get; init; }
    public int? HearingRequestWorkingDays { get; init; }
    public decimal? ReviewFinePerson { get; init; }
    public decimal? ReviewFineOrganisation { get; init; }
    public decimal? OnTheSpotPerson { get; init; }
    public decimal? OnTheSpotOrganisation { get; init; }
    public int? DecisionDays { get; init; }
    public int? ServeDays { get; init; }
    public int? LimitationYears { get; init; }
    public int? LimitationYearsHarm { get; init; }
    public int? DisclosureWorkingDays { get; init; }
    public int? OtherDisclosureWorkingDays { get; init; }
    public int? WithdrawalDays { get; init; }
    public int? ApproachingWorkingDays { get; init; }
    public Guid? Version { get; init; }

    /// <summary>The values of a stored (or shipped) row, for the form.</summary>
    public static ThresholdsInput Of(LegalityThresholds t, long? unitId, string? sector, Guid? version)
    {
        var input = new ThresholdsInput { UnitId = unitId, Sector = sector, Version = version };
        foreach (var v in ThresholdValues.All)
        {
            v.Input.SetValue(input, v.Entity.GetValue(t));
        }
        return input;
    }
}

/// <summary>One threshold or period: its Chinese label (the entity's display name), whether it is an amount, and its two properties.</summary>
internal sealed record ThresholdValue(PropertyInfo Entity, PropertyInfo Input, string Label, int Min, int Max)
{
    public bool IsAmount => Entity.PropertyType == typeof(decimal);
}

internal static class ThresholdValues
{
    /// <summary>Day and year bounds: wide enough for any local rule, narrow enough to catch a typo.</summary>
    private static readonly Dictionary<string, (int Min, int Max)> Bounds = new()
    {
        [nameof(LegalityThresholds.HearingRequestWorkingDays)] = (1, 30),
        [nameof(LegalityThresholds.DecisionDays)] = (1, 365),
        [nameof(LegalityThresholds.ServeDays)] = (1, 60),
        [nameof(LegalityThresholds.LimitationYears)] = (1, 20),
        [nameof(LegalityThresholds.LimitationYearsHarm)] = (1, 20),
        [nameof(LegalityThresholds.DisclosureWorkingDays)] = (1, 60),
        [nameof(LegalityThresholds.OtherDisclosureWorkingDays)] = (1, 60),
        [nameof(LegalityThresholds.WithdrawalDays)] = (1, 30),
        [nameof(LegalityThresholds.ApproachingWorkingDays)] = (0, 30),
    };

    public static readonly IReadOnlyList<ThresholdValue> All =
    [
        .. typeof(ThresholdsInput).GetProperties()
            .Select(p => (Input: p, Entity: typeof(LegalityThresholds).GetProperty(p.Name)))
            .Where(x => x.Entity is not null && (x.Entity.PropertyType == typeof(decimal) || x.Entity.PropertyType == typeof(int)))
            .Select(x => new ThresholdValue(x.Entity!, x.Input, x.Entity!.GetCustomAttribute<DisplayNameAttribute>()!.DisplayName,
                Bounds.GetValueOrDefault(x.Input.Name).Min, Bounds.GetValueOrDefault(x.Input.Name).Max)),
    ];
}

internal sealed class ThresholdsInputValidator : AbstractValidator<ThresholdsInput>
{
    public ThresholdsInputValidator()
    {
        RuleFor(x => x.Sector).OptionalText("行业领域", CaseColumns.SectorLength);
        foreach (var v in ThresholdValues.All)
        {
            var key = char.ToLowerInvariant(v.Input.Name[0]) + v.Input.Name[1..];
            RuleFor(x => v.Input.GetValue(x)).Must(value => value is not null).WithMessage($"请填写{v.Label}").OverridePropertyName(key);
            if (v.IsAmount)
            {
                RuleFor(x => (decimal?)v.Input.GetValue(x)).Amount(v.Label).OverridePropertyName(key);
            }
            else
            {
                RuleFor(x => (int?)v.Input.GetValue(x)).Must(d => d is null || d >= v.Min && d <= v.Max)
                    .WithMessage($"{v.Label}应在 {v.Min} 至 {v.Max} 之间").OverridePropertyName(key);
            }
        }
        RuleFor(x => x.LimitationYearsHarm).Must((x, harm) => harm is null || x.LimitationYears is null || harm >= x.LimitationYears)
            .WithMessage("危害生命健康的追责时效不能短于一般追责时效");
    }
}

/// <summary>
/// 合法性预警阈值 by the bureau: saves the values for one scope (a new row, or the stored one at the version the
/// Supervisor saw); audited; the next save of a case and the daily sweep use them.
/// </summary>
internal sealed class SaveThresholds(SunlightDbContext db, IValidator<ThresholdsInput> validator) : UseCase<ThresholdsInput, LegalityThresholds>(validator)
{
    protected override async Task<Outcome<LegalityThresholds>> HandleAsync(ThresholdsInput input, CancellationToken ct)
    {
        if (input.UnitId is { } unitId && !await db.Units.AnyAsync(u => u.Id == unitId && u.Kind == Registry.UnitKind.Enforcement, ct))
        {
            return Outcome<LegalityThresholds>.Invalid("unitId", "执法单位不存在");
        }
        var sector = string.IsNullOrWhiteSpace(input.Sector) ? null : input.Sector.Trim();
        var row = await db.Set<LegalityThresholds>().FirstOrDefaultAsync(t => t.UnitId == input.UnitId && t.Sector == sector, ct);
        if (row is null)
        {
            var region = db.Scope.RegionCode ?? await db.Units.AsNoTracking().Select(u => u.RegionCode).FirstAsync(ct);
            row = new LegalityThresholds { RegionCode = region, UnitId = input.UnitId, Sector = sector };
            db.Set<LegalityThresholds>().Add(row);
        }
        else if (input.Version is { } version)
        {
            db.Entry(row).Property(t => t.Version).OriginalValue = version;
        }
        foreach (var v in ThresholdValues.All)
        {
            v.Entity.SetValue(row, v.Input.GetValue(input));
        }
        await db.SaveChangesAsync(ct);
        return row;
    }
}
