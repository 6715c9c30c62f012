using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;
using Sunlight.Web.Infrastructure.Identity;

namespace Sunlight.Web.Features.Inspections.Door;

/// <summary>企业码（无感赋码）: issue or reissue the enterprise's door code (the old one stops working).</summary>
internal sealed record DoorCodeInput(long EnterpriseId);

internal sealed class DoorCodeInputValidator : AbstractValidator<DoorCodeInput>
{
    public DoorCodeInputValidator() => RuleFor(x => x.EnterpriseId).GreaterThan(0).WithMessage("请选择企业");
}

internal sealed class IssueDoorCode(SunlightDbContext db, TimeProvider clock, IValidator<DoorCodeInput> validator) : UseCase<DoorCodeInput, EnterpriseDoorCode>(validator)
{
    protected override async Task<Outcome<EnterpriseDoorCode>> HandleAsync(DoorCodeInput input, CancellationToken ct)
    {
        // The enterprise account sees only itself: another enterprise is not found.
        var enterprise = await db.Enterprises.AsNoTracking().FirstOrDefaultAsync(e => e.Id == input.EnterpriseId, ct);
        if (enterprise is null)
        {
            return Outcome<EnterpriseDoorCode>.Missing();
        }
        foreach (var old in await db.Set<EnterpriseDoorCode>().Where(d => d.EnterpriseId == enterprise.Id && d.IsActive).ToListAsync(ct))
        {
            old.IsActive = false;
        }
        var code = new EnterpriseDoorCode { RegionCode = enterprise.RegionCode, EnterpriseId = enterprise.Id, Code = InspectionCodes.New("QY"), IssuedAt = clock.GetUtcNow() };
        db.Add(code);
        await db.SaveChangesAsync(ct);
        return code;
    }
}

/// <summary>This unit's inspection of the enterprise around today, as the door check shows it.</summary>
internal sealed record DoorVisit(long Id, DateOnly VisitDate, string TypeText, string StateText, string? Code, bool Approved);

/// <summary>
/// What an officer signed in sees on scanning the door code before entering: is today's visit registered and approved,
/// the year's inspections against the caps, the warnings a routine visit today would raise, quiet list and joint notices.
/// </summary>
internal sealed record DoorCheck(string EnterpriseName, IReadOnlyList<DoorVisit> MyVisits, IReadOnlyList<UnitCount> ThisYear,
    IReadOnlyList<InspectionWarning> Warnings, bool QuietListed, IReadOnlyList<string> JointNotices)
{
    public bool Registered => MyVisits.Count > 0;
    public bool Approved => MyVisits.Any(v => v.Approved);
}

internal sealed class DoorQueries(SunlightDbContext db, InspectionChecks checks, TimeProvider clock, InspectionSettings settings)
{
    /// <summary>The active door code's enterprise id, or null for an unknown or reissued code.</summary>
    public Task<long?> EnterpriseOfAsync(string code, CancellationToken ct) =>
        string.IsNullOrWhiteSpace(code) || code.Length > InspectionColumns.CodeLength
            ? Task.FromResult<long?>(null)
            : db.PublicLookup<EnterpriseDoorCode>().Where(d => d.Code == code && d.IsActive).Select(d => (long?)d.EnterpriseId).FirstOrDefaultAsync(ct);

    /// <summary>The door check for the caller's unit (null when the code or the enterprise is not found in scope).</summary>
    public async Task<DoorCheck?> CheckAsync(string code, long unitId, CancellationToken ct)
    {
        if (await EnterpriseOfAsync(code, ct) is not { } enterpriseId
            || await db.Enterprises.AsNoTracking().FirstOrDefaultAsync(e => e.Id == enterpriseId, ct) is not { } enterprise)
        {
            return null;
        }
        var today = ChinaTime.Today(clock);
        var mine = await db.Set<Inspection>().AsNoTracking()
            .Where(i => i.UnitId == unitId && i.EnterpriseId == enterpriseId && i.VisitDate >= today.AddDays(-1) && i.VisitDate <= today.AddDays(1))
            .OrderBy(i => i.VisitDate).ToListAsync(ct);
        var visits = mine.Select(i => new DoorVisit(i.Id, i.VisitDate, InspectionText.Type(i.Type), InspectionText.State(i.State), i.Code, i.State != InspectionState.Registered)).ToList();
        // The warnings as if a routine visit were registered today; an already registered one is not counted twice.
        var type = mine.FirstOrDefault()?.Type ?? InspectionType.Routine;
        var facts = await checks.AtDoorAsync(enterprise, unitId, type, today, ct);
        var warnings = mine.Count > 0 ? mine.SelectMany(i => i.Warnings).Distinct().Select(w => new InspectionWarning(w, "登记时已确认的预警：" + InspectionText.Warning(w))).ToList()
            : facts.Warnings.ToList();
        var joints = await db.Set<JointInspection>().AsNoTracking()
            .Where(j => j.EnterpriseId == enterpriseId && j.VisitDate >= today.AddDays(-settings.OverlapWindowDays) && j.VisitDate <= today.AddDays(settings.OverlapWindowDays))
            .ToListAsync(ct);
        var names = await db.UnitNamesAsync(joints.Select(j => (long?)j.LeadUnitId), ct);
        return new DoorCheck(enterprise.Name, visits, facts.Counts, warnings, facts.Quiet,
            joints.Select(j => $"{j.VisitDate:yyyy-MM-dd} 由 {names.GetValueOrDefault(j.LeadUnitId, "")} 牵头联合检查（检查码 {j.Code}）{(j.UnitIds.Contains(unitId) ? "，本单位参加" : "")}").ToList());
    }
}

/// <summary>What anyone but a signed-in officer sees at the door: how to verify a code and how to complain.</summary>
internal sealed record DoorPublic(string Message, string VerifyUrl, string ComplainUrl);

internal static class DoorEndpoints
{
    public const string PublicMessage = "执法人员入企检查须出示检查码。请扫描执法人员出示的检查码核验检查单位、事由、依据和人员；未出示检查码或有异议的，可以投诉举报。";

    public static DoorPublic Public() => new(PublicMessage, "/Public/Inspections", "/Public/Complaints/New");

    public static void MapDoor(this RouteGroupBuilder inspections)
    {
        inspections.MapPost("/door-codes", (DoorCodeInput? input, IssueDoorCode issue, CancellationToken ct) =>
                issue.RunAsync(input, ct).ToHttpAsync(d => TypedResults.Created($"/api/v1/inspections/door/{d.Code}", new { d.EnterpriseId, d.Code }), "企业"))
            .RequireAuthorization(InspectionPolicies.DoorCode).WithSummary("签发（重新签发）企业码，旧码失效");
        inspections.MapGet("/door/{code}", async Task<IResult> (string code, HttpContext http, DoorQueries door, SunlightDbContext db, CancellationToken ct) =>
        {
            if (await door.EnterpriseOfAsync(code, ct) is null)
            {
                return ApiErrors.NotFound("企业码");
            }
            var isOfficer = http.User.IsInRole(Roles.UnitStaff) && db.Scope.UnitId is > 0;
            return isOfficer && await door.CheckAsync(code, db.Scope.UnitId!.Value, ct) is { } check ? TypedResults.Ok(check) : TypedResults.Ok(Public());
        }).AllowAnonymous().WithSummary("扫企业码：执法人员看到登记审批、频次、多头与无事不扰预警；其他人只看到核验与投诉方式");
    }
}
