using System.Text.Json.Serialization;
using FluentValidation;
using Sunlight.Web.Features.Platform.Notifications;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;
using Sunlight.Web.Infrastructure.Identity;

namespace Sunlight.Web.Features.Campaigns.SelfInspections;

internal sealed record SubmitSelfInspectionInput(Guid? Version = null)
{
    [JsonIgnore] public long Id { get; init; }
}

internal sealed class SubmitSelfInspectionInputValidator : AbstractValidator<SubmitSelfInspectionInput>
{
    public SubmitSelfInspectionInputValidator() => RuleFor(x => x.Id).GreaterThan(0);
}

/// <summary>提交自查: every point answered, while the campaign runs.</summary>
internal sealed class SubmitSelfInspection(SunlightDbContext db, Notifier notifier, TimeProvider clock, IValidator<SubmitSelfInspectionInput> validator)
    : UseCase<SubmitSelfInspectionInput, SelfInspection>(validator)
{
    protected override async Task<Outcome<SelfInspection>> HandleAsync(SubmitSelfInspectionInput input, CancellationToken ct)
    {
        var (self, campaign) = await SelfInspectionLoad.LoadAsync(db, input.Id, input.Version, ct);
        if (self is null || campaign is null)
        {
            return Outcome<SelfInspection>.Missing();
        }
        campaign.RequireRunning("提交自查");
        self.Submit(await SelfInspectionLoad.PointIdsAsync(db, campaign.Id, ct), clock.GetUtcNow());
        await notifier.ToRoleAsync(Roles.Supervisor, $"自查已提交：{campaign.Name}", $"{db.Scope.ActorName} 提交了自查。", $"/Campaigns/Details/{campaign.Id}", ct);
        await db.SaveChangesAsync(ct);
        return self;
    }
}

internal sealed record ReturnSelfInspectionInput(string? Reason, Guid? Version = null)
{
    [JsonIgnore] public long Id { get; init; }
}

internal sealed class ReturnSelfInspectionInputValidator : AbstractValidator<ReturnSelfInspectionInput>
{
    public ReturnSelfInspectionInputValidator() => RuleFor(x => x.Reason).RequiredText("退回理由", CampaignColumns.ReasonLength);
}

/// <summary>退回自查: the Supervisor sends a submitted self-inspection back for rework, with the reason.</summary>
internal sealed class ReturnSelfInspection(SunlightDbContext db, Notifier notifier, IValidator<ReturnSelfInspectionInput> validator)
    : UseCase<ReturnSelfInspectionInput, SelfInspection>(validator)
{
    protected override async Task<Outcome<SelfInspection>> HandleAsync(ReturnSelfInspectionInput input, CancellationToken ct)
    {
        var (self, campaign) = await SelfInspectionLoad.LoadAsync(db, input.Id, input.Version, ct);
        if (self is null || campaign is null)
        {
            return Outcome<SelfInspection>.Missing();
        }
        campaign.RequireRunning("退回自查");
        self.Return(input.Reason!.Trim());
        await notifier.ToUnitAsync(self.UnitId, $"自查被退回：{campaign.Name}", $"退回理由：{Wording.Clause(self.ReturnReason)}。请修改后重新提交。", $"/Campaigns/Details/{campaign.Id}", ct);
        await db.SaveChangesAsync(ct);
        return self;
    }
}

internal static class SubmitEndpoint
{
    public static void MapSubmit(this RouteGroupBuilder campaigns) =>
        campaigns.MapPost("/self-inspections/{id:long}/submit", (long id, SubmitSelfInspectionInput? input, SubmitSelfInspection submit, CancellationToken ct) =>
                submit.RunAsync(input is null ? null : input with { Id = id }, ct).ToHttpAsync(s => TypedResults.Ok(SelfInspectionDto.From(s)), "自查"))
            .RequireAuthorization(CampaignPolicies.SelfInspect).WithSummary("提交自查（须逐项作答；专项治理结束后不能提交）");

    public static void MapReturn(this RouteGroupBuilder campaigns) =>
        campaigns.MapPost("/self-inspections/{id:long}/return", (long id, ReturnSelfInspectionInput? input, ReturnSelfInspection ret, CancellationToken ct) =>
                ret.RunAsync(input is null ? null : input with { Id = id }, ct).ToHttpAsync(s => TypedResults.Ok(SelfInspectionDto.From(s)), "自查"))
            .RequireAuthorization(CampaignPolicies.Manage).WithSummary("退回自查，要求单位修改");
}
