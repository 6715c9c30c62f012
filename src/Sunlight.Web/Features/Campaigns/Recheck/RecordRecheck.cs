using System.Text.Json.Serialization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Problems.Reopen;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Calendar;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Campaigns.Recheck;

/// <summary>回头看结论: held or recurred, and what was checked (the evidence).</summary>
internal sealed record RecordRecheckInput(RecheckResult? Result, string? Notes, Guid? Version = null)
{
    [JsonIgnore] public long Id { get; init; }
}

internal sealed class RecordRecheckInputValidator : AbstractValidator<RecordRecheckInput>
{
    public RecordRecheckInputValidator()
    {
        RuleFor(x => x.Result).NotNull().WithMessage("请选择回头看结论").IsInEnum().WithMessage("回头看结论无效");
        RuleFor(x => x.Notes).RequiredText("回头看情况", FollowUpColumns.RecheckNotesLength);
    }
}

/// <summary>
/// Records what the 回头看 found, once (rule <see cref="DoneRule"/>). "Recurred" reopens the problem through the ledger's
/// own 重新打开 step (<see cref="ReopenProblem"/>, its guard and notification), with the re-check as the reason: the
/// re-check's result and the reopened problem commit in that step's one save.
/// </summary>
internal sealed class RecordRecheck(SunlightDbContext db, ReopenProblem reopen, TimeProvider clock, IValidator<RecordRecheckInput> validator)
    : UseCase<RecordRecheckInput, ProblemRecheck>(validator)
{
    public const string DoneRule = "Z-RECHECK-DONE";

    protected override async Task<Outcome<ProblemRecheck>> HandleAsync(RecordRecheckInput input, CancellationToken ct)
    {
        if (await db.Set<ProblemRecheck>().FirstOrDefaultAsync(r => r.Id == input.Id, ct) is not { } recheck)
        {
            return Outcome<ProblemRecheck>.Missing();
        }
        if (input.Version is { } v)
        {
            db.Entry(recheck).Property(x => x.Version).OriginalValue = v;
        }
        if (recheck.Result is { } done)
        {
            return Outcome<ProblemRecheck>.Refused(DoneRule, $"该回头看已于 {recheck.CheckedOn:yyyy-MM-dd} 记录结论（{FollowUpNames.Result(done)}）。");
        }
        recheck.Result = input.Result;
        recheck.Notes = input.Notes!.Trim();
        recheck.CheckedOn = ChinaTime.Today(clock);
        recheck.CheckedBy = db.Scope.ActorName;
        if (input.Result == RecheckResult.Recurred)
        {
            var reason = $"回头看（第 {recheck.Id} 号，{recheck.CheckedOn:yyyy-MM-dd}，{recheck.CheckedBy}）发现问题复发：{recheck.Notes}";
            var reopened = await reopen.RunAsync(new ReopenInput(reason.Length <= ReopenInputValidator.ReasonLength ? reason : reason[..ReopenInputValidator.ReasonLength])
                { Id = recheck.ProblemId }, ct);
            return reopened.Succeeded ? recheck : new Outcome<ProblemRecheck>(default, reopened.Errors, reopened.NotFound, reopened.Rule, reopened.Detail);
        }
        await db.SaveChangesAsync(ct);
        return recheck;
    }
}

internal static class RecordRecheckEndpoint
{
    public static void MapRecordRecheck(this RouteGroupBuilder campaigns) =>
        campaigns.MapPost("/rechecks/{id:long}/result", (long id, RecordRecheckInput? input, RecordRecheck record, CancellationToken ct) =>
                record.RunAsync(input is null ? null : input with { Id = id }, ct).ToHttpAsync(r => TypedResults.Ok(RecheckDto.Of(r)), "回头看"))
            .RequireAuthorization(CampaignPolicies.Manage).WithSummary("记录回头看结论：整改到位，或问题复发（重新打开问题，回头看情况作为依据）");
}
