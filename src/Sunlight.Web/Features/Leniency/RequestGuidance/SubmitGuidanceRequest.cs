using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Leniency.Guidance;
using Sunlight.Web.Features.Leniency.Settings;
using Sunlight.Web.Features.Platform.Notifications;
using Sunlight.Web.Features.Registry;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Calendar;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Leniency.RequestGuidance;

/// <summary>申请行政指导: the unit asked, the matter and a contact; the enterprise is the caller's (by USCC).</summary>
internal sealed record GuidanceRequestInput(long UnitId, string? Matter, string? Contact);

internal sealed class GuidanceRequestInputValidator : AbstractValidator<GuidanceRequestInput>
{
    public GuidanceRequestInputValidator()
    {
        RuleFor(x => x.UnitId).GreaterThan(0).WithMessage("请选择执法单位");
        RuleFor(x => x.Matter).RequiredText("指导事项", LeniencyColumns.MatterLength);
        RuleFor(x => x.Contact).RequiredText("联系方式", LeniencyColumns.ContactLength);
    }
}

/// <summary>An enterprise asks a unit for guidance; the unit is told and must answer within 5 WD (the county's setting).</summary>
internal sealed class SubmitGuidanceRequest(GuidanceRequests requests, IValidator<GuidanceRequestInput> validator)
    : UseCase<GuidanceRequestInput, GuidanceRequest>(validator)
{
    public const string UnitRule = "L-UNIT";

    protected override Task<Outcome<GuidanceRequest>> HandleAsync(GuidanceRequestInput input, CancellationToken ct) =>
        requests.CreateAsync(input.UnitId, null, null, input.Contact!, input.Matter!, ct);
}

/// <summary>
/// 申请行政指导 from the public front door, without an account: the enterprise names itself by its USCC and name, with a
/// contact person and number. Rate-limited like the public complaint form.
/// </summary>
internal sealed record PublicGuidanceRequestInput(long UnitId, string? Uscc, string? EnterpriseName, string? Contact, string? Matter);

internal sealed class PublicGuidanceRequestInputValidator : AbstractValidator<PublicGuidanceRequestInput>
{
    public PublicGuidanceRequestInputValidator()
    {
        RuleFor(x => x.UnitId).GreaterThan(0).WithMessage("请选择执法单位");
        RuleFor(x => x.Uscc).Must(u => Uscc.Validate(Uscc.Normalize(u)) is null).WithMessage(x => Uscc.Validate(Uscc.Normalize(x.Uscc)) ?? "");
        RuleFor(x => x.EnterpriseName).RequiredText("企业名称", LeniencyColumns.EnterpriseNameLength);
        RuleFor(x => x.Matter).RequiredText("指导事项", LeniencyColumns.MatterLength);
        RuleFor(x => x.Contact).RequiredText("联系人及联系方式", LeniencyColumns.ContactLength);
    }
}

internal sealed class SubmitPublicGuidanceRequest(GuidanceRequests requests, IValidator<PublicGuidanceRequestInput> validator)
    : UseCase<PublicGuidanceRequestInput, GuidanceRequest>(validator)
{
    protected override Task<Outcome<GuidanceRequest>> HandleAsync(PublicGuidanceRequestInput input, CancellationToken ct) =>
        requests.CreateAsync(input.UnitId, Uscc.Normalize(input.Uscc), input.EnterpriseName!.Trim(), input.Contact!, input.Matter!, ct);
}

/// <summary>Stores a guidance request to an active enforcement unit (L-UNIT otherwise) with its answer deadline, and tells the unit.</summary>
internal sealed class GuidanceRequests(SunlightDbContext db, WorkingCalendar calendar, Notifier notifier, TimeProvider clock)
{
    /// <param name="uscc">The public form's; null for a signed-in enterprise (its own, from the caller's scope, named as in the registry).</param>
    public async Task<Outcome<GuidanceRequest>> CreateAsync(long unitId, string? uscc, string? enterpriseName, string contact, string matter, CancellationToken ct)
    {
        var unit = await db.PublicUnits().FirstOrDefaultAsync(u => u.Id == unitId && u.Kind == UnitKind.Enforcement && u.IsActive, ct);
        if (unit is null)
        {
            return Outcome<GuidanceRequest>.Refused(SubmitGuidanceRequest.UnitRule, "所选执法单位不存在或已停用。");
        }
        uscc ??= db.Scope.Uscc ?? "";
        var name = enterpriseName
            ?? await db.Enterprises.AsNoTracking().Where(e => e.Uscc == uscc).Select(e => e.Name).FirstOrDefaultAsync(ct) ?? db.Scope.ActorName;
        var today = ChinaTime.Today(clock);
        var request = new GuidanceRequest
        {
            RegionCode = unit.RegionCode, UnitId = unit.Id, Uscc = uscc, EnterpriseName = name.Length > LeniencyColumns.EnterpriseNameLength ? name[..LeniencyColumns.EnterpriseNameLength] : name,
            Contact = contact.Trim(), Matter = matter.Trim(), SubmittedAt = clock.GetUtcNow(),
            DueOn = calendar.AddWorkingDays(today, (await LeniencySettings.ForRegionAsync(db, unit.RegionCode, ct)).GuidanceAnswerDays).Date, State = RequestState.Open,
        };
        db.Set<GuidanceRequest>().Add(request);
        await notifier.ToUnitAsync(unit.Id, $"行政指导申请：{request.EnterpriseName}", $"{request.EnterpriseName}申请行政指导：{Wording.Clause(request.Matter)}。请于 {request.DueOn:yyyy-MM-dd} 前答复。",
            "/Leniency/Requests", ct);
        await db.SaveChangesAsync(ct);
        return request;
    }
}

internal static class RequestGuidanceEndpoint
{
    public static void MapRequestGuidance(this RouteGroupBuilder g)
    {
        g.MapPost("/guidance/requests", (GuidanceRequestInput? input, SubmitGuidanceRequest step, CancellationToken ct) =>
                step.RunAsync(input, ct).ToHttpAsync(r => TypedResults.Ok(GuidanceQueries.RequestDto(r, "")), "行政指导申请"))
            .RequireAuthorization(LeniencyPolicies.Request).WithSummary("企业申请行政指导（执法单位 5 个工作日内答复）");
        g.MapGet("/guidance/requests", async ([AsParameters] GuidanceRequestQuery q, SunlightDbContext db, CancellationToken ct) =>
                TypedResults.Ok(await GuidanceQueries.RequestsAsync(db, q, ct)))
            .RequireAuthorization(LeniencyPolicies.ReadRequests).WithSummary("行政指导申请（单位看本单位收到的，企业看本企业提交的；最新在前）");
    }
}
