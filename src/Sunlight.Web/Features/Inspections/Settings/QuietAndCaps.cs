using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Registry;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Inspections.Settings;

/// <summary>无事不扰: put an enterprise on the quiet list for a period.</summary>
internal sealed record QuietInput(long EnterpriseId, DateOnly From, DateOnly To, string? Reason);

internal sealed class QuietInputValidator : AbstractValidator<QuietInput>
{
    public QuietInputValidator()
    {
        RuleFor(x => x.EnterpriseId).GreaterThan(0).WithMessage("请选择企业");
        RuleFor(x => x.To).GreaterThanOrEqualTo(x => x.From).WithMessage("结束日期不得早于开始日期");
        RuleFor(x => x.To).Must((x, to) => to.DayNumber - x.From.DayNumber <= 3 * 366).WithMessage("无事不扰期限不得超过三年");
        RuleFor(x => x.Reason).RequiredText("列入理由", InspectionColumns.TextLength);
    }
}

internal sealed class AddQuietEntry(SunlightDbContext db, IValidator<QuietInput> validator) : UseCase<QuietInput, QuietListEntry>(validator)
{
    protected override async Task<Outcome<QuietListEntry>> HandleAsync(QuietInput input, CancellationToken ct)
    {
        var enterprise = await db.Enterprises.AsNoTracking().FirstOrDefaultAsync(e => e.Id == input.EnterpriseId, ct);
        if (enterprise is null)
        {
            return Outcome<QuietListEntry>.Refused(InspectionRules.Enterprise, "企业不存在。");
        }
        var entry = new QuietListEntry { RegionCode = enterprise.RegionCode, EnterpriseId = enterprise.Id, From = input.From, To = input.To, Reason = input.Reason!.Trim() };
        db.Add(entry);
        await db.SaveChangesAsync(ct);
        return entry;
    }
}

/// <summary>频次上限: per unit (UnitId) or per sector (Industry), inspections per enterprise per year; setting it again replaces it.</summary>
internal sealed record CapInput(int MaxPerYear, long? UnitId = null, string? Industry = null);

internal sealed class CapInputValidator : AbstractValidator<CapInput>
{
    public CapInputValidator()
    {
        RuleFor(x => x.MaxPerYear).InclusiveBetween(1, 52).WithMessage("年度频次上限须在 1 至 52 之间");
        RuleFor(x => x.Industry).OptionalText("行业", EnterpriseConfiguration.IndustryLength);
        RuleFor(x => x).Must(x => (x.UnitId is not null) != !string.IsNullOrWhiteSpace(x.Industry)).WithName("unitId").WithMessage("请指定执法单位或行业（二选一）");
    }
}

internal sealed class SetCap(SunlightDbContext db, IValidator<CapInput> validator) : UseCase<CapInput, InspectionCap>(validator)
{
    protected override async Task<Outcome<InspectionCap>> HandleAsync(CapInput input, CancellationToken ct)
    {
        var region = db.Scope.RegionCode ?? (await db.Units.AsNoTracking().Select(u => u.RegionCode).FirstAsync(ct));
        if (input.UnitId is { } unitId && !await db.Units.AnyAsync(u => u.Id == unitId && u.Kind == UnitKind.Enforcement, ct))
        {
            return Outcome<InspectionCap>.Refused(InspectionRules.State, "执法单位不存在。");
        }
        var industry = string.IsNullOrWhiteSpace(input.Industry) ? null : input.Industry.Trim();
        var cap = await db.Set<InspectionCap>().FirstOrDefaultAsync(c => c.UnitId == input.UnitId && c.Industry == industry, ct);
        if (cap is null)
        {
            cap = new InspectionCap { RegionCode = region, UnitId = input.UnitId, Industry = industry };
            db.Add(cap);
        }
        cap.MaxPerYear = input.MaxPerYear;
        await db.SaveChangesAsync(ct);
        return cap;
    }
}

internal static class QuietAndCapEndpoints
{
    public static void MapQuietAndCaps(this RouteGroupBuilder inspections)
    {
        var g = inspections.MapGroup("").RequireAuthorization(InspectionPolicies.Supervise);
        g.MapPost("/quiet-list", (QuietInput? input, AddQuietEntry add, CancellationToken ct) =>
            add.RunAsync(input, ct).ToHttpAsync(e => TypedResults.Created($"/api/v1/inspections/quiet-list/{e.Id}", e), "企业")).WithSummary("列入无事不扰清单");
        g.MapGet("/quiet-list", (long? after, int? limit, SunlightDbContext db, CancellationToken ct) =>
            db.Set<QuietListEntry>().AsNoTracking().KeysetAsync(q => q.Id, true, after, limit, q => q, q => q.Id, ct)).WithSummary("无事不扰清单");
        g.MapPut("/caps", (CapInput? input, SetCap set, CancellationToken ct) =>
            set.RunAsync(input, ct).ToHttpAsync(c => TypedResults.Ok(c), "频次上限")).WithSummary("设置年度检查频次上限（按单位或行业）");
        g.MapGet("/caps", (long? after, int? limit, SunlightDbContext db, CancellationToken ct) =>
            db.Set<InspectionCap>().AsNoTracking().KeysetAsync(c => c.Id, false, after, limit, c => c, c => c.Id, ct)).WithSummary("年度检查频次上限（未设置的单位默认每年 2 次）");
    }
}
