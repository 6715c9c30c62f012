using System.Text.Json.Serialization;
using FluentValidation;
using Sunlight.Web.Features.Leniency.Guidance;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Leniency.AnswerRequest;

internal sealed record AnswerInput(string? Answer, Guid? Version = null)
{
    [JsonIgnore] public long Id { get; init; }
}

internal sealed class AnswerInputValidator : AbstractValidator<AnswerInput>
{
    public AnswerInputValidator() => RuleFor(x => x.Answer).RequiredText("答复内容", LeniencyColumns.AnswerLength);
}

/// <summary>答复行政指导申请 (once: L-STATE when already answered).</summary>
internal sealed class AnswerGuidanceRequest(SunlightDbContext db, TimeProvider clock, IValidator<AnswerInput> validator) : UseCase<AnswerInput, GuidanceRequest>(validator)
{
    protected override async Task<Outcome<GuidanceRequest>> HandleAsync(AnswerInput input, CancellationToken ct)
    {
        var r = await db.Set<GuidanceRequest>().FindForEditAsync(input.Id, input.Version, db, ct);
        if (r is null)
        {
            return Outcome<GuidanceRequest>.Missing();
        }
        if (r.State != RequestState.Open)
        {
            return Outcome<GuidanceRequest>.Refused(AddItem.AddListItem.StateRule, "该申请已答复。");
        }
        r.State = RequestState.Answered;
        r.Answer = input.Answer!.Trim();
        r.AnsweredOn = ChinaTime.Today(clock);
        r.AnsweredBy = db.Scope.ActorName;
        await db.SaveChangesAsync(ct);
        return r;
    }
}

internal static class AnswerRequestEndpoint
{
    public static void MapAnswerRequest(this RouteGroupBuilder g) =>
        g.MapPost("/guidance/requests/{id:long}/answer", (long id, AnswerInput? input, AnswerGuidanceRequest step, CancellationToken ct) =>
                step.RunAsync(input is null ? null : input with { Id = id }, ct).ToHttpAsync(r => TypedResults.Ok(GuidanceQueries.RequestDto(r, "")), "行政指导申请"))
            .RequireAuthorization(LeniencyPolicies.Manage).WithSummary("答复行政指导申请");
}
