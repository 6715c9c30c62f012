using System.Text.Json.Serialization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Enforcement.Queries;
using Sunlight.Web.Features.Problems;
using Sunlight.Web.Features.Problems.Raise;
using Sunlight.Web.Infrastructure.Api;

namespace Sunlight.Web.Features.Enforcement.Warnings;

/// <summary>转为问题: optionally the Supervisor's words for the problem (default: the rule and the warning's text).</summary>
internal sealed record TurnIntoProblemInput(string? Note = null, Guid? Version = null)
{
    [JsonIgnore] public long Id { get; init; }
}

internal sealed class TurnIntoProblemInputValidator : AbstractValidator<TurnIntoProblemInput>
{
    public TurnIntoProblemInputValidator() => RuleFor(x => x.Note).OptionalText("问题说明", CaseColumns.ReasonLength);
}

/// <summary>
/// A Supervisor turns an open warning into a ledger problem in one action, through <see cref="ProblemLedger.RaiseAsync"/>
/// (source 预警, the unit notified). The problem and the warning's link to it commit in one transaction.
/// </summary>
internal sealed class TurnIntoProblem(CaseWork work, ProblemLedger ledger, IValidator<TurnIntoProblemInput> validator) : UseCase<TurnIntoProblemInput, Warning>(validator)
{
    protected override async Task<Outcome<Warning>> HandleAsync(TurnIntoProblemInput input, CancellationToken ct)
    {
        var db = work.Db;
        var w = await db.Warnings.Include(x => x.Case).FirstOrDefaultAsync(x => x.Id == input.Id, ct);
        if (w is null)
        {
            return Outcome<Warning>.Missing();
        }
        if (input.Version is { } v)
        {
            db.Entry(w).Property(x => x.Version).OriginalValue = v;
        }
        w.EnsureOpen();
        var rule = work.Checker.Find(w.Rule);
        var description = $"案件 {w.Case!.Number}（{w.Case.Title}）预警 {w.Rule} {rule?.Title}：{w.Message}"
            + (string.IsNullOrWhiteSpace(input.Note) ? "" : $" {input.Note.Trim()}") + (rule is null ? "" : $"（依据：{rule.Basis}）");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var problem = await ledger.RaiseAsync(new RaiseProblemRequest(ProblemSource.Warning, nameof(Warning), w.Id, w.UnitId,
            w.Rule.StartsWith("S-", StringComparison.Ordinal) ? "三项制度落实" : "执法程序",
            w.Severity == RuleSeverity.Serious ? ProblemSeverity.Serious : ProblemSeverity.Moderate,
            description, work.Today, work.Actor), ct);
        await db.SaveChangesAsync(ct);
        w.LinkProblem(problem.Id);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return w;
    }
}

internal static class TurnIntoProblemEndpoint
{
    public static void MapTurnIntoProblem(this RouteGroupBuilder cases) =>
        cases.MapPost("/warnings/{id:long}/problem", (long id, TurnIntoProblemInput? input, TurnIntoProblem turn, CaseQueries q, CancellationToken ct) =>
                turn.RunAsync(input is null ? null : input with { Id = id }, ct).ToHttpAsync(async w => TypedResults.Ok(await q.WarningAsync(w.Id, ct)), "预警"))
            .RequireAuthorization(EnforcementPolicies.Supervise).WithSummary("预警转为问题（一步列入问题清单并通知单位）");
}
