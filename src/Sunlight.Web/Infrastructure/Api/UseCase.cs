using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Sunlight.Web.Infrastructure.Api;

/// <summary>
/// The contract every use case follows (交办, 核账, 销账 …): its input is validated by its FluentValidation validator
/// before the handler runs, for the page and the API alike — <see cref="HandleAsync"/> is protected, so no caller can
/// skip <see cref="RunAsync"/>. A rule refused inside the handler or by an entity's guarded transition (a
/// <see cref="RuleViolationException"/>) and a stale edit become <see cref="Outcome{T}.Refused"/>: one result shape.
/// Inputs of steps on an existing row carry its id as <c>[JsonIgnore] long Id { get; init; }</c>, set from the route.
/// </summary>
internal abstract class UseCase<TInput, TResult>(IValidator<TInput> validator) where TInput : class
{
    public async Task<Outcome<TResult>> RunAsync(TInput? input, CancellationToken ct)
    {
        if (input is null)
        {
            return Outcome<TResult>.Invalid("body", "请求内容不能为空。");
        }
        var check = await validator.ValidateAsync(input, ct);
        if (!check.IsValid)
        {
            return Outcome<TResult>.Invalid(check.ToDictionary());
        }
        try
        {
            return await HandleAsync(input, ct);
        }
        catch (RuleViolationException rule)
        {
            return Outcome<TResult>.Refused(rule.RuleCode, rule.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<TResult>.Refused(Rules.Concurrency, Rules.ConcurrencyDetail);
        }
    }

    protected abstract Task<Outcome<TResult>> HandleAsync(TInput input, CancellationToken ct);
}

/// <summary>
/// Rule codes are <c>AREA-NAME</c> in capitals: the legal rules of domain-rules.md keep their codes (<c>P-NOTICE</c>);
/// each capability names its workflow rules with its letter (C- complaints, R- rectification ledger/problems,
/// G- registry, A- accounts and platform). Codes shared by every capability live here.
/// </summary>
internal static class Rules
{
    public const string Concurrency = "CONCURRENCY";
    public const string ConcurrencyDetail = "该记录在您操作期间已被他人修改，请刷新后重试。";
}
