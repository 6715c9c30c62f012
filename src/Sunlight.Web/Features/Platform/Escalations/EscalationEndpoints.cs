using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Platform.Escalations.Record;
using Sunlight.Web.Features.Registry;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;
using Sunlight.Web.Infrastructure.Identity;

namespace Sunlight.Web.Features.Platform.Escalations;

internal sealed record EscalationDto(long Id, long UnitId, string UnitName, EscalationKind Kind, string KindName, string? SubjectType, long? SubjectId, string Reason, DateOnly? DueDate, DateTimeOffset CreatedAt, string CreatedBy);

/// <summary>A 约谈, 移送 or manual 督办 against a unit (feature endpoints add the same against one of their records).</summary>
internal sealed record EscalationInput(EscalationKind Kind, long UnitId, string Reason);

internal sealed record EscalationQuery(long? UnitId, EscalationKind? Kind, string? SubjectType, long? SubjectId, long? After, int? Limit);

/// <summary>Rules shared by every form that records a manual escalation.</summary>
internal static class ManualEscalation
{
    public static readonly EscalationKind[] Kinds = [EscalationKind.Admonition, EscalationKind.Referral, EscalationKind.Supervise];

    public static (string Field, string Message)? Check(EscalationKind kind, string? reason)
    {
        if (!Kinds.Contains(kind))
        {
            return ("kind", "只能手工记录约谈、移送纪委监委或督办");
        }
        if (string.IsNullOrWhiteSpace(reason))
        {
            return ("reason", "请填写事由");
        }
        return reason.Length > EscalationConfiguration.ReasonLength ? ("reason", $"事由不能超过 {EscalationConfiguration.ReasonLength} 个字") : null;
    }

    public static EscalationDto Dto(Escalation e, string unitName = "") =>
        new(e.Id, e.UnitId, unitName, e.Kind, Escalation.KindName(e.Kind), e.SubjectType, e.SubjectId, e.Reason, e.DueDate, e.CreatedAt, e.CreatedBy);

    /// <summary>What the caller may list: Observers see referrals only; UnitStaff their own unit (query filter).</summary>
    public static IQueryable<Escalation> Visible(IQueryable<Escalation> query, CallerScope scope) =>
        scope.IsInRole(Roles.Observer) && !scope.IsInRole(Roles.Supervisor) && !scope.IsInRole(Roles.Admin)
            ? query.Where(e => e.Kind == EscalationKind.Referral)
            : query;
}

internal static class EscalationEndpoints
{
    public static void MapEscalations(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/escalations").WithTags("督办、约谈与移送")
            .RequireAuthorization(PlatformPolicies.ReadEscalations);

        g.MapGet("/", async ([AsParameters] EscalationQuery q, SunlightDbContext db, CancellationToken ct) => TypedResults.Ok(await EscalationList.PageAsync(db, q, ct)))
            .WithSummary("督办、约谈、移送记录（最新在前，键集分页 after/limit，含总数；观察员只看移送；执法单位只看本单位）");

        g.MapRecordEscalation();
    }
}

/// <summary>The 督办、约谈、移送 list, newest first, for the API and the page alike (what the caller may see: <see cref="ManualEscalation.Visible"/>).</summary>
internal static class EscalationList
{
    public static async Task<Page<EscalationDto>> PageAsync(SunlightDbContext db, EscalationQuery q, CancellationToken ct)
    {
        var page = await ManualEscalation.Visible(db.Set<Escalation>().AsNoTracking(), db.Scope)
            .Where(e => q.UnitId == null || e.UnitId == q.UnitId)
            .Where(e => q.Kind == null || e.Kind == q.Kind)
            .Where(e => q.SubjectType == null || e.SubjectType == q.SubjectType)
            .Where(e => q.SubjectId == null || e.SubjectId == q.SubjectId)
            .KeysetAsync(e => e.Id, true, q.After, q.Limit, e => e, e => e.Id, ct);
        var names = await db.UnitNamesAsync(page.Items.Select(e => (long?)e.UnitId), ct);
        return page.Map(e => ManualEscalation.Dto(e, names.GetValueOrDefault(e.UnitId, "")));
    }
}
