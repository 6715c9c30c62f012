using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Campaigns.Supervision;

/// <summary>A team member and the units assigned to them.</summary>
internal sealed record TeamRow(long Id, string Name, string KindText, string? UserName, IReadOnlyList<string> Units);

/// <summary>The 督查分工 form: the campaign's units and team members, and what was chosen.</summary>
internal sealed record AssignFormView(long CampaignId, IReadOnlyList<NamedId> Units, IReadOnlyList<NamedId> Members, AssignInspectionInput? Values);

/// <summary>What both team pages show: the members with their units, and the assignment form.</summary>
internal sealed record TeamView(long CampaignId, string CampaignName, IReadOnlyList<TeamRow> Members, AssignFormView Assign)
{
    public static async Task<TeamView?> LoadAsync(SunlightDbContext db, CampaignScope scope, long id, AssignInspectionInput? values, CancellationToken ct)
    {
        if (await scope.CampaignAsync(id, ct) is not { } c)
        {
            return null;
        }
        var members = await db.Set<TeamMember>().AsNoTracking().Where(m => m.CampaignId == id).OrderBy(m => m.Id).ToListAsync(ct);
        var assigned = (await db.Set<SupervisoryInspection>().AsNoTracking().Include(i => i.Members).Where(i => i.CampaignId == id).ToListAsync(ct))
            .SelectMany(i => i.Members.Select(m => new { m.TeamMemberId, i.UnitId })).ToList();
        var names = await db.UnitNamesAsync(c.Units.Select(u => (long?)u.UnitId), ct);
        return new TeamView(c.Id, c.Name,
            members.Select(m => new TeamRow(m.Id, m.Name, CampaignNames.Member(m.Kind), m.UserName,
                assigned.Where(a => a.TeamMemberId == m.Id).Select(a => names.GetValueOrDefault(a.UnitId, "")).Order(StringComparer.Ordinal).ToList())).ToList(),
            new AssignFormView(c.Id, c.Units.Select(u => new NamedId(u.UnitId, names.GetValueOrDefault(u.UnitId, ""))).OrderBy(u => u.Id).ToList(),
                members.Select(m => new NamedId(m.Id, m.Name)).ToList(), values));
    }
}

/// <summary>督查组 in the browser: the members and their units; the add-member form posts here.</summary>
[Authorize(Policy = CampaignPolicies.Manage)]
internal sealed class TeamModel(AddTeamMember add, CampaignScope scope, SunlightDbContext db) : PageModel
{
    [BindProperty] public TeamMemberInput? Input { get; set; }
    public TeamView? Team { get; private set; }

    public Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => ShowAsync(id, ct);

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct) =>
        !ModelState.IsValid
            ? await ShowAsync(id, ct)
            : await this.RespondAsync(add.RunAsync(Input is null ? null : Input with { Id = id }, ct),
                m => $"已加入督查组：{m.Name}（{CampaignNames.Member(m.Kind)}）。", m => RedirectToPage("/Campaigns/Supervision/Team", new { id = m.CampaignId }), () => ShowAsync(id, ct));

    private async Task<IActionResult> ShowAsync(long id, CancellationToken ct)
    {
        Team = await TeamView.LoadAsync(db, scope, id, null, ct);
        return Team is null ? NotFound() : Page();
    }
}

/// <summary>督查分工 in the browser: the form on the team page posts here.</summary>
[Authorize(Policy = CampaignPolicies.Manage)]
internal sealed class AssignInspectionModel(AssignInspection assign, CampaignScope scope, SunlightDbContext db) : PageModel
{
    [BindProperty] public AssignInspectionInput? Input { get; set; }
    public TeamView? Team { get; private set; }

    public Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => ShowAsync(id, ct);

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct) =>
        !ModelState.IsValid
            ? await ShowAsync(id, ct)
            : await this.RespondAsync(assign.RunAsync(Input is null ? null : Input with { Id = id }, ct),
                i => $"已安排督查，共 {i.Members.Count} 名成员。", i => RedirectToPage("/Campaigns/Supervision/Team", new { id = i.CampaignId }), () => ShowAsync(id, ct));

    private async Task<IActionResult> ShowAsync(long id, CancellationToken ct)
    {
        Team = await TeamView.LoadAsync(db, scope, id, Input, ct);
        return Team is null ? NotFound() : Page();
    }
}
