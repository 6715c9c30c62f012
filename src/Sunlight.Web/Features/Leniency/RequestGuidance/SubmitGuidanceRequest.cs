using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Leniency.Guidance;
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

/// <summary>An enterprise asks a unit for guidance; the unit is told and must answer within 5 WD.</summary>
internal sealed class SubmitGuidanceRequest(SunlightDbContext db, WorkingCalendar calendar, Notifier notifier, TimeProvider clock, IValidator<GuidanceRequestInput> validator)
    : UseCase<GuidanceRequestInput, GuidanceRequest>(validator)
{
    public const int AnswerWorkingDays = 5;
    public const string UnitRule = "L-UNIT";

    protected override async Task<Outcome<GuidanceRequest>> HandleAsync(GuidanceRequestInput input, CancellationToken ct)
    {
        var unit = await db.PublicUnits().FirstOrDefaultAsync(u => u.Id == input.UnitId && u.Kind == UnitKind.Enforcement && u.IsActive, ct);
        if (unit is null)
        {
            return Outcome<GuidanceRequest>.Refused(UnitRule, "所选执法单位不存在或已停用。");
        }
        var uscc = db.Scope.Uscc ?? "";
        var name = await db.Enterprises.AsNoTracking().Where(e => e.Uscc == uscc).Select(e => e.Name).FirstOrDefaultAsync(ct) ?? db.Scope.ActorName;
        var today = ChinaTime.Today(clock);
        var request = new GuidanceRequest
        {
            RegionCode = unit.RegionCode, UnitId = unit.Id, Uscc = uscc, EnterpriseName = name.Length > LeniencyColumns.EnterpriseNameLength ? name[..LeniencyColumns.EnterpriseNameLength] : name,
            Contact = input.Contact!.Trim(), Matter = input.Matter!.Trim(), SubmittedAt = clock.GetUtcNow(),
            DueOn = calendar.AddWorkingDays(today, AnswerWorkingDays).Date, State = RequestState.Open,
        };
        db.Set<GuidanceRequest>().Add(request);
        await notifier.ToUnitAsync(unit.Id, $"行政指导申请：{request.EnterpriseName}", $"{request.EnterpriseName}申请行政指导：{request.Matter}。请于 {request.DueOn:yyyy-MM-dd} 前答复。",
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
