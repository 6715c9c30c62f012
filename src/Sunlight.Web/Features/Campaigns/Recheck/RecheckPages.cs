using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Campaigns.SelfInspections;
using Sunlight.Web.Features.Problems;
using Sunlight.Web.Features.Problems.Ledger;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Campaigns.Recheck;

/// <summary>A written-off problem of the campaign that has no open 回头看.</summary>
internal sealed record WrittenOffRow(long Id, string Number, string Category, string Description, DateOnly? WrittenOffOn);

/// <summary>回头看 of a campaign: its written-off problems with the 安排回头看 form (posting here) and the re-checks, newest first.</summary>
[Authorize(Policy = CampaignPolicies.Manage)]
internal sealed class RechecksModel(ScheduleRecheck schedule, CampaignScope scope, SunlightDbContext db) : PageModel
{
    [BindProperty] public ScheduleRecheckInput? Input { get; set; }
    public long CampaignId { get; private set; }
    public string CampaignName { get; private set; } = "";
    public IReadOnlyList<WrittenOffRow> WrittenOff { get; private set; } = [];
    public Page<RecheckDto>? Rechecks { get; private set; }

    public Task<IActionResult> OnGetAsync(long id, long? after, CancellationToken ct) => ShowAsync(id, after, ct);

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct) =>
        !ModelState.IsValid
            ? await ShowAsync(id, null, ct)
            : await this.RespondAsync(schedule.RunAsync(Input is null ? null : Input with { Id = id }, ct),
                r => $"已安排回头看：问题 {r.ProblemNumber}，{r.DueOn:yyyy年M月d日}。", r => Redirect($"/Campaigns/Rechecks/{r.CampaignId}"), () => ShowAsync(id, null, ct));

    private async Task<IActionResult> ShowAsync(long id, long? after, CancellationToken ct)
    {
        if (await scope.Campaigns().AsNoTracking().Where(c => c.Id == id).Select(c => c.Name).FirstOrDefaultAsync(ct) is not { } name)
        {
            return NotFound();
        }
        (CampaignId, CampaignName) = (id, name);
        var open = db.Set<ProblemRecheck>().Where(r => r.CampaignId == id && r.Result == null).Select(r => r.ProblemId);
        WrittenOff = await db.ProblemsFrom(RaiseCampaignProblem.SourceType, id).AsNoTracking()
            .Where(p => p.State == ProblemState.WrittenOff && !open.Contains(p.Id)).OrderBy(p => p.Id)
            .Select(p => new WrittenOffRow(p.Id, p.Number, p.Category, p.Description, p.WrittenOffOn)).Take(Paging.MaxLimit).ToListAsync(ct);
        Rechecks = (await db.Set<ProblemRecheck>().AsNoTracking().Where(r => r.CampaignId == id).KeysetAsync(r => r.Id, true, after, null, r => r, r => r.Id, ct))
            .Map(RecheckDto.Of);
        return Page();
    }
}

/// <summary>记录回头看结论 in the browser (the work item's link).</summary>
[Authorize(Policy = CampaignPolicies.Manage)]
internal sealed class RecordRecheckModel(RecordRecheck record, SunlightDbContext db) : PageModel
{
    [BindProperty] public RecordRecheckInput? Input { get; set; }
    public RecheckDto? Recheck { get; private set; }

    public Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => ShowAsync(id, ct);

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct) =>
        !ModelState.IsValid
            ? await ShowAsync(id, ct)
            : await this.RespondAsync(record.RunAsync(Input is null ? null : Input with { Id = id }, ct),
                r => r.Result == RecheckResult.Recurred ? $"问题 {r.ProblemNumber} 复发，已重新打开并通知责任单位。" : $"回头看已记录：问题 {r.ProblemNumber} 整改到位。",
                r => Redirect($"/Campaigns/Rechecks/{r.CampaignId}"), () => ShowAsync(id, ct));

    private async Task<IActionResult> ShowAsync(long id, CancellationToken ct)
    {
        var r = await db.Set<ProblemRecheck>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        Recheck = r is null ? null : RecheckDto.Of(r);
        return Recheck is null ? NotFound() : Page();
    }
}
