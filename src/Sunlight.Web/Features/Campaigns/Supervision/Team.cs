using System.Text.Json.Serialization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Registry;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Campaigns.Supervision;

/// <summary>督查组成员: name, kind (人大代表, 政协委员 …) and, for an Inspector, the account.</summary>
internal sealed record TeamMemberInput(string? Name, MemberKind Kind, string? UserName = null)
{
    [JsonIgnore] public long Id { get; init; }
}

internal sealed class TeamMemberInputValidator : AbstractValidator<TeamMemberInput>
{
    public TeamMemberInputValidator()
    {
        RuleFor(x => x.Name).RequiredText("成员姓名", CampaignColumns.PersonLength);
        RuleFor(x => x.Kind).IsInEnum().WithMessage("成员身份无效");
        RuleFor(x => x.UserName).OptionalText("登录账号", 256);
    }
}

internal sealed class AddTeamMember(SunlightDbContext db, CampaignScope scope, IValidator<TeamMemberInput> validator) : UseCase<TeamMemberInput, TeamMember>(validator)
{
    protected override async Task<Outcome<TeamMember>> HandleAsync(TeamMemberInput input, CancellationToken ct)
    {
        if (await scope.Campaigns().FirstOrDefaultAsync(c => c.Id == input.Id, ct) is not { } c)
        {
            return Outcome<TeamMember>.Missing();
        }
        var userName = string.IsNullOrWhiteSpace(input.UserName) ? null : input.UserName.Trim();
        if (userName is not null && !await db.Users.AnyAsync(u => u.UserName == userName, ct))
        {
            return Outcome<TeamMember>.Invalid("userName", "登录账号不存在");
        }
        var member = new TeamMember { RegionCode = c.RegionCode, CampaignId = c.Id, Name = input.Name!.Trim(), Kind = input.Kind, UserName = userName };
        db.Set<TeamMember>().Add(member);
        await db.SaveChangesAsync(ct);
        return member;
    }
}

/// <summary>督查分工: the team members who inspect one participating unit (creates the unit's inspection on first use).</summary>
internal sealed record AssignInspectionInput(long UnitId, IReadOnlyList<long>? MemberIds)
{
    [JsonIgnore] public long Id { get; init; }
}

internal sealed class AssignInspectionInputValidator : AbstractValidator<AssignInspectionInput>
{
    public AssignInspectionInputValidator()
    {
        RuleFor(x => x.UnitId).GreaterThan(0).WithMessage("请选择被督查单位");
        RuleFor(x => x.MemberIds).NotEmpty().WithMessage("请选择督查组成员").Must(m => m is null || m.Count <= 50).WithMessage("成员不能超过 50 人");
    }
}

internal sealed class AssignInspection(SunlightDbContext db, CampaignScope scope, IValidator<AssignInspectionInput> validator)
    : UseCase<AssignInspectionInput, SupervisoryInspection>(validator)
{
    protected override async Task<Outcome<SupervisoryInspection>> HandleAsync(AssignInspectionInput input, CancellationToken ct)
    {
        if (await scope.CampaignAsync(input.Id, ct) is not { } c)
        {
            return Outcome<SupervisoryInspection>.Missing();
        }
        if (c.Units.All(u => u.UnitId != input.UnitId))
        {
            return Outcome<SupervisoryInspection>.Invalid("unitId", "该单位未参与本次专项治理");
        }
        var wanted = input.MemberIds!.Distinct().ToList();
        if (await db.Set<TeamMember>().CountAsync(m => m.CampaignId == c.Id && wanted.Contains(m.Id), ct) != wanted.Count)
        {
            return Outcome<SupervisoryInspection>.Invalid("memberIds", "督查组成员不属于本次专项治理");
        }
        c.RequireRunning("安排督查");
        var inspection = await db.Set<SupervisoryInspection>().Include(i => i.Members).FirstOrDefaultAsync(i => i.CampaignId == c.Id && i.UnitId == input.UnitId, ct);
        if (inspection is null)
        {
            inspection = new SupervisoryInspection { CampaignId = c.Id, UnitId = input.UnitId, RegionCode = c.RegionCode };
            db.Set<SupervisoryInspection>().Add(inspection);
        }
        foreach (var m in wanted.Where(m => inspection.Members.All(a => a.TeamMemberId != m)))
        {
            inspection.Members.Add(new InspectionAssignment { TeamMemberId = m });
        }
        db.Entry(inspection).State = inspection.Id == 0 ? EntityState.Added : EntityState.Modified;
        await db.SaveChangesAsync(ct);
        return inspection;
    }
}

internal sealed record TeamMemberDto(long Id, string Name, MemberKind Kind, string KindText, string? UserName);
internal sealed record InspectionDto(long Id, long CampaignId, long UnitId, IReadOnlyList<long> MemberIds, int Visits, int Assessments);

internal static class TeamEndpoints
{
    public static void MapTeam(this RouteGroupBuilder campaigns) =>
        campaigns.MapPost("/{id:long}/team", (long id, TeamMemberInput? input, AddTeamMember add, CancellationToken ct) =>
                add.RunAsync(input is null ? null : input with { Id = id }, ct).ToHttpAsync(m =>
                    TypedResults.Created($"/api/v1/campaigns/{m.CampaignId}", new TeamMemberDto(m.Id, m.Name, m.Kind, CampaignNames.Member(m.Kind), m.UserName)), "专项治理"))
            .RequireAuthorization(CampaignPolicies.Manage).WithSummary("督查组成员（人大代表、政协委员、特邀监督员、法律专业人士、纪委监委、检察院）");

    public static void MapAssign(this RouteGroupBuilder campaigns) =>
        campaigns.MapPost("/{id:long}/inspections", (long id, AssignInspectionInput? input, AssignInspection assign, CancellationToken ct) =>
                assign.RunAsync(input is null ? null : input with { Id = id }, ct).ToHttpAsync(i => TypedResults.Ok(Dto(i)), "专项治理"))
            .RequireAuthorization(CampaignPolicies.Manage).WithSummary("督查分工：为参与单位安排督查组成员");

    public static InspectionDto Dto(SupervisoryInspection i) =>
        new(i.Id, i.CampaignId, i.UnitId, i.Members.Select(m => m.TeamMemberId).ToList(), i.Visits.Count, i.Assessments.Count);
}
