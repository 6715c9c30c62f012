using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Campaigns.Supervision;
using Sunlight.Web.Features.Problems.Categories;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Campaigns.ConvertVisit;

/// <summary>One 走访企业 record as the visits page lists it.</summary>
internal sealed record VisitRow(long Id, DateOnly On, string Enterprise, string Answers, string? Account, string? Unit, long? ComplaintId, long? ProblemId);

/// <summary>A campaign's enterprise visits, newest first, each with its 转为投诉 / 转为问题 form (posting to <see cref="ConvertVisitModel"/>).</summary>
[Authorize(Policy = CampaignPolicies.Inspect)]
internal sealed class EnterpriseVisitsModel(CampaignScope scope, SunlightDbContext db, ProblemCategories categories) : PageModel
{
    public long CampaignId { get; private set; }
    public string CampaignName { get; private set; } = "";
    public Page<VisitRow>? Visits { get; private set; }
    public IReadOnlyList<string> Categories { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, long? after, CancellationToken ct)
    {
        if (await scope.Campaigns().AsNoTracking().Where(c => c.Id == id).Select(c => c.Name).FirstOrDefaultAsync(ct) is not { } name)
        {
            return NotFound();
        }
        (CampaignId, CampaignName) = (id, name);
        var page = await db.Set<EnterpriseVisit>().AsNoTracking().Where(v => v.CampaignId == id).KeysetAsync(v => v.Id, true, after, null, v => v, v => v.Id, ct);
        var enterpriseIds = page.Items.Select(v => v.EnterpriseId).Distinct().ToList();
        var enterprises = await db.Enterprises.AsNoTracking().Where(e => enterpriseIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Name, ct);
        var units = await db.UnitNamesAsync(page.Items.Select(v => v.UnitId), ct);
        Visits = page.Map(v => new VisitRow(v.Id, v.On, enterprises.GetValueOrDefault(v.EnterpriseId, ""), AnswersText(v), v.Account,
            v.UnitId is { } u ? units.GetValueOrDefault(u) : null, v.ComplaintId, v.ProblemId));
        Categories = (await categories.ListAsync(true, ct)).Select(c => c.Name).ToList();
        return Page();
    }

    private static string AnswersText(EnterpriseVisit v) => string.Join("、", new[]
    {
        v.OverlappingInspections ? "多头检查" : null, v.ArbitraryInspections ? "随意检查" : null, v.ProfitDriven ? "趋利性执法" : null,
        v.Selective ? "选择性执法" : null, v.OneSizeFitsAll ? "一刀切" : null,
    }.OfType<string>());
}

/// <summary>转为投诉 / 转为问题 in the browser: the form on the visits page posts here.</summary>
[Authorize(Policy = CampaignPolicies.Inspect)]
internal sealed class ConvertVisitModel(ConvertEnterpriseVisit convert, SunlightDbContext db) : PageModel
{
    [BindProperty] public ConvertVisitInput? Input { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => Back(await CampaignOfAsync(id, ct));

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        var campaignId = await CampaignOfAsync(id, ct);
        return await this.RespondAsync(convert.RunAsync(Input is null ? null : Input with { Id = id }, ct),
            v => v.ComplaintId is not null ? "已转为投诉，按投诉办理流程受理。" : "已转为问题，列入问题清单并通知责任单位。", v => Back(v.CampaignId),
            () =>
            {
                TempData["Message"] = string.Join("；", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage));
                return Task.FromResult(Back(campaignId));
            });
    }

    private Task<long?> CampaignOfAsync(long id, CancellationToken ct) =>
        db.Set<EnterpriseVisit>().Where(v => v.Id == id).Select(v => (long?)v.CampaignId).FirstOrDefaultAsync(ct);

    private IActionResult Back(long? campaignId) => campaignId is { } c ? Redirect($"/Campaigns/EnterpriseVisits/{c}") : NotFound();
}
