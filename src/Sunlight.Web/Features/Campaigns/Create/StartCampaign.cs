using System.Text.Json.Serialization;
using FluentValidation;
using Sunlight.Web.Features.Platform.Notifications;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Campaigns.Create;

internal sealed record CampaignStepInput(Guid? Version = null)
{
    [JsonIgnore] public long Id { get; init; }
}

internal sealed class CampaignStepInputValidator : AbstractValidator<CampaignStepInput>
{
    public CampaignStepInputValidator() => RuleFor(x => x.Id).GreaterThan(0);
}

/// <summary>启动: the campaign runs and every participating unit gets its self-inspection, due on the campaign's deadline.</summary>
internal sealed class StartCampaign(SunlightDbContext db, CampaignScope scope, Notifier notifier, IValidator<CampaignStepInput> validator)
    : UseCase<CampaignStepInput, Campaign>(validator)
{
    protected override async Task<Outcome<Campaign>> HandleAsync(CampaignStepInput input, CancellationToken ct)
    {
        if (await scope.CampaignAsync(input.Id, ct) is not { } c)
        {
            return Outcome<Campaign>.Missing();
        }
        if (input.Version is { } v)
        {
            db.Entry(c).Property(x => x.Version).OriginalValue = v;
        }
        c.Start();
        foreach (var unit in c.Units)
        {
            var self = new SelfInspection { RegionCode = c.RegionCode, UnitId = unit.UnitId, CampaignId = c.Id, DueOn = c.SelfInspectionDueOn };
            db.Set<SelfInspection>().Add(self);
            await notifier.ToUnitAsync(unit.UnitId, $"专项治理自查：{c.Name}",
                $"请对照检查清单逐项自查，于 {c.SelfInspectionDueOn:yyyy年M月d日} 前提交。", $"/Campaigns/Details/{c.Id}", ct);
        }
        await db.SaveChangesAsync(ct);
        return c;
    }
}

/// <summary>结束: no more self-inspection answers or submissions.</summary>
internal sealed class CloseCampaign(SunlightDbContext db, CampaignScope scope, IValidator<CampaignStepInput> validator)
    : UseCase<CampaignStepInput, Campaign>(validator)
{
    protected override async Task<Outcome<Campaign>> HandleAsync(CampaignStepInput input, CancellationToken ct)
    {
        if (await scope.CampaignAsync(input.Id, ct) is not { } c)
        {
            return Outcome<Campaign>.Missing();
        }
        if (input.Version is { } v)
        {
            db.Entry(c).Property(x => x.Version).OriginalValue = v;
        }
        c.Close();
        await db.SaveChangesAsync(ct);
        return c;
    }
}

internal static class StartEndpoint
{
    public static void MapStart(this RouteGroupBuilder campaigns) =>
        campaigns.MapPost("/{id:long}/start", (long id, CampaignStepInput? input, StartCampaign start, SunlightDbContext db, CancellationToken ct) =>
                start.RunAsync(input is null ? null : input with { Id = id }, ct).ToHttpAsync(async c => TypedResults.Ok(await CampaignQueries.DtoAsync(db, c, ct)), "专项治理"))
            .RequireAuthorization(CampaignPolicies.Manage).WithSummary("启动专项治理：向每个参与单位下发自查");

    public static void MapClose(this RouteGroupBuilder campaigns) =>
        campaigns.MapPost("/{id:long}/close", (long id, CampaignStepInput? input, CloseCampaign close, SunlightDbContext db, CancellationToken ct) =>
                close.RunAsync(input is null ? null : input with { Id = id }, ct).ToHttpAsync(async c => TypedResults.Ok(await CampaignQueries.DtoAsync(db, c, ct)), "专项治理"))
            .RequireAuthorization(CampaignPolicies.Manage).WithSummary("结束专项治理");
}
