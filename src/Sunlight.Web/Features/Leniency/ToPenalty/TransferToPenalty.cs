using System.Text.Json.Serialization;
using FluentValidation;
using Sunlight.Web.Features.Enforcement;
using Sunlight.Web.Features.Enforcement.Register;
using Sunlight.Web.Features.Leniency.Exemptions;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Leniency.ToPenalty;

/// <summary>转立案: the 案号, 案由 (optional: one is composed from the exemption), 立案日期 and officers of the 行政处罚 case.</summary>
internal sealed record ToPenaltyInput(string? Number, string? Title, DateOnly? FiledOn, long[]? OfficerIds = null, Guid? Version = null)
{
    [JsonIgnore] public long Id { get; init; }
}

internal sealed class ToPenaltyInputValidator : AbstractValidator<ToPenaltyInput>
{
    public ToPenaltyInputValidator(TimeProvider clock)
    {
        RuleFor(x => x.Number).RequiredText("案号", CaseColumns.NumberLength);
        RuleFor(x => x.Title).OptionalText("案由", CaseColumns.TitleLength);
        RuleFor(x => x.FiledOn).NotNull().WithMessage("请填写立案日期")
            .Must(d => d is null || d <= ChinaTime.Today(clock)).WithMessage("立案日期不能晚于今天");
        RuleFor(x => x.OfficerIds).Must(ids => ids is null || ids.Length <= RegisterCaseInputValidator.MaxOfficers)
            .WithMessage($"执法人员不能超过 {RegisterCaseInputValidator.MaxOfficers} 名");
    }
}

/// <summary>
/// 转立案: a pledge recorded broken, or a correction deadline passed unconfirmed (flagged by the daily sweep), goes to the
/// penalty procedure — a 行政处罚 case is registered in the enforcement register through its own 立案登记 step (its rules,
/// warnings and audit), with the party, item, basis and violation date of the exemption, and the exemption keeps the case
/// it became (once: L-PENALTY). Both saves are one transaction.
/// </summary>
internal sealed class TransferToPenalty(SunlightDbContext db, RegisterCase register, IValidator<ToPenaltyInput> validator) : UseCase<ToPenaltyInput, ExemptionCase>(validator)
{
    public const string Rule = "L-PENALTY";

    protected override async Task<Outcome<ExemptionCase>> HandleAsync(ToPenaltyInput input, CancellationToken ct)
    {
        var e = await db.Set<ExemptionCase>().FindForEditAsync(input.Id, input.Version, db, ct);
        if (e is null)
        {
            return Outcome<ExemptionCase>.Missing();
        }
        if (e.PenaltyCaseId is not null)
        {
            return Outcome<ExemptionCase>.Refused(Rule, "该免罚案件已转立案，不能重复转立案。");
        }
        if (e.State != PledgeState.Broken && e.OverdueFlaggedOn is null)
        {
            return Outcome<ExemptionCase>.Refused(Rule, "只有登记为“未按承诺整改”或整改期限已过未确认整改的免罚案件才能转立案。");
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var title = string.IsNullOrWhiteSpace(input.Title) ? Title(e) : input.Title.Trim();
        var registered = await register.RunAsync(new RegisterCaseInput(CaseKind.Penalty, input.Number, title, input.FiledOn, PartyKind.Enterprise,
            e.EnterpriseName, e.Uscc, null, e.ItemName, e.LegalBasis, null, null, null, false, false, false, false, false, e.ViolationOn, input.OfficerIds), ct);
        if (!registered.Succeeded)
        {
            return new Outcome<ExemptionCase>(default, registered.Errors, registered.NotFound, registered.Rule, registered.Detail);
        }
        e.PenaltyCaseId = registered.Value!.Id;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return e;
    }

    /// <summary>The 案由 composed from the exemption, naming it (the case's way back to the exemption).</summary>
    public static string Title(ExemptionCase e)
    {
        var title = $"{e.EnterpriseName}{e.ItemName}（免罚案件 {e.Number} 未按承诺整改）";
        return title.Length > CaseColumns.TitleLength ? title[..CaseColumns.TitleLength] : title;
    }
}

internal static class ToPenaltyEndpoint
{
    public static void MapToPenalty(this RouteGroupBuilder g) =>
        g.MapPost("/exemptions/{id:long}/to-penalty", (long id, ToPenaltyInput? input, TransferToPenalty step, ExemptionQueries q, CancellationToken ct) =>
                step.RunAsync(input is null ? null : input with { Id = id }, ct).ToHttpAsync(async e => TypedResults.Ok((await q.DetailAsync(e.Id, ct))!), "免罚案件"))
            .RequireAuthorization(LeniencyPolicies.Manage)
            .WithSummary("转立案：未按承诺整改（或整改期限已过未确认整改）的免罚案件，在执法案件登记簿中登记行政处罚案件（一次）");
}

/// <summary>What the 转立案 form shows: the exemption and what the user typed.</summary>
internal sealed record ToPenaltyFormView(ExemptionDto Exemption, ToPenaltyInput? Input);
