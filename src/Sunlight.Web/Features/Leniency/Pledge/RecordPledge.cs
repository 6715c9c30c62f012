using System.Text.Json.Serialization;
using FluentValidation;
using Sunlight.Web.Features.Leniency.Exemptions;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Leniency.Pledge;

/// <summary>承诺履行: whether the party corrected as pledged, with the evidence.</summary>
internal sealed record PledgeInput(bool? Kept, string? Evidence, Guid? Version = null)
{
    [JsonIgnore] public long Id { get; init; }
}

internal sealed class PledgeInputValidator : AbstractValidator<PledgeInput>
{
    public PledgeInputValidator()
    {
        RuleFor(x => x.Kept).NotNull().WithMessage("请选择是否按承诺整改");
        RuleFor(x => x.Evidence).RequiredText("整改情况及证据", LeniencyColumns.EvidenceLength);
    }
}

/// <summary>Records the pledge's outcome once (L-STATE when already recorded); a broken pledge proceeds to a penalty.</summary>
internal sealed class RecordPledge(SunlightDbContext db, TimeProvider clock, IValidator<PledgeInput> validator) : UseCase<PledgeInput, ExemptionCase>(validator)
{
    protected override async Task<Outcome<ExemptionCase>> HandleAsync(PledgeInput input, CancellationToken ct)
    {
        var e = await db.Set<ExemptionCase>().FindForEditAsync(input.Id, input.Version, db, ct);
        if (e is null)
        {
            return Outcome<ExemptionCase>.Missing();
        }
        if (e.State != PledgeState.Pending)
        {
            return Outcome<ExemptionCase>.Refused(AddItem.AddListItem.StateRule, $"该案件已登记承诺履行情况（{LeniencyNames.Of(e.State)}）。");
        }
        e.State = input.Kept == true ? PledgeState.Kept : PledgeState.Broken;
        e.PledgeEvidence = input.Evidence!.Trim();
        e.PledgeRecordedOn = ChinaTime.Today(clock);
        await db.SaveChangesAsync(ct);
        return e;
    }
}

internal static class PledgeEndpoint
{
    public static void MapPledge(this RouteGroupBuilder g) =>
        g.MapPost("/exemptions/{id:long}/pledge", (long id, PledgeInput? input, RecordPledge step, ExemptionQueries q, CancellationToken ct) =>
                step.RunAsync(input is null ? null : input with { Id = id }, ct).ToHttpAsync(async e => TypedResults.Ok((await q.DetailAsync(e.Id, ct))!), "免罚案件"))
            .RequireAuthorization(LeniencyPolicies.Manage).WithSummary("登记承诺履行情况（kept=true 已按期整改；false 未按承诺整改，转入处罚程序）");
}
