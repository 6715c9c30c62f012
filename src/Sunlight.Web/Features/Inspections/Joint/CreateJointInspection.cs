using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Inspections.Joint;

/// <summary>综合查一次: merge planned inspections of one enterprise into one visit with a lead unit on one date.</summary>
internal sealed record JointInput(long[]? InspectionIds, long LeadUnitId, DateOnly VisitDate);

internal sealed class JointInputValidator : AbstractValidator<JointInput>
{
    public JointInputValidator(TimeProvider clock)
    {
        RuleFor(x => x.InspectionIds).Must(i => i is not null && i.Distinct().Count() is >= 2 and <= 20).WithMessage("请选择 2 至 20 项拟合并的检查");
        RuleFor(x => x.LeadUnitId).GreaterThan(0).WithMessage("请选择牵头单位");
        RuleFor(x => x.VisitDate).Must(d => d >= ChinaTime.Today(clock)).WithMessage("联合检查日期不得早于今天");
    }
}

internal sealed class CreateJointInspection(SunlightDbContext db, TimeProvider clock, IValidator<JointInput> validator) : UseCase<JointInput, JointInspection>(validator)
{
    protected override async Task<Outcome<JointInspection>> HandleAsync(JointInput input, CancellationToken ct)
    {
        var ids = input.InspectionIds!.Distinct().ToList();
        var members = await db.Set<Inspection>().Where(i => ids.Contains(i.Id)).ToListAsync(ct);
        if (members.Count != ids.Count)
        {
            return Outcome<JointInspection>.Missing();
        }
        if (members.Select(m => m.EnterpriseId).Distinct().Count() != 1 || members.Select(m => m.UnitId).Distinct().Count() < 2)
        {
            return Outcome<JointInspection>.Refused(InspectionRules.Joint, "联合检查须是两个以上单位对同一企业的检查。");
        }
        if (members.Any(m => m.State == InspectionState.Done || m.JointInspectionId is not null))
        {
            return Outcome<JointInspection>.Refused(InspectionRules.Joint, "已完成或已纳入联合检查的检查不能再合并。");
        }
        if (!members.Any(m => m.UnitId == input.LeadUnitId))
        {
            return Outcome<JointInspection>.Refused(InspectionRules.Joint, "牵头单位须是参与合并的单位之一。");
        }
        var joint = new JointInspection
        {
            RegionCode = members[0].RegionCode, EnterpriseId = members[0].EnterpriseId, LeadUnitId = input.LeadUnitId,
            UnitIds = members.Select(m => m.UnitId).Distinct().Order().ToList(), ItemIds = members.SelectMany(m => m.ItemIds).Distinct().Order().ToList(),
            VisitDate = input.VisitDate, Code = InspectionCodes.New("LH"), CreatedAt = clock.GetUtcNow(), CreatedBy = db.Scope.ActorName,
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Add(joint);
        await db.SaveChangesAsync(ct);
        foreach (var m in members)
        {
            m.JointInspectionId = joint.Id;
            m.VisitDate = input.VisitDate;
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return joint;
    }
}

internal static class JointEndpoint
{
    public static void MapJoint(this RouteGroupBuilder inspections) =>
        inspections.MapPost("/joint", (JointInput? input, CreateJointInspection create, CancellationToken ct) =>
                create.RunAsync(input, ct).ToHttpAsync(j => TypedResults.Created($"/api/v1/inspections/joint/{j.Id}", j), "检查"))
            .RequireAuthorization(InspectionPolicies.Supervise).WithSummary("合并为联合检查（综合查一次）：牵头单位、参加单位、事项并集、一个检查码");
}
