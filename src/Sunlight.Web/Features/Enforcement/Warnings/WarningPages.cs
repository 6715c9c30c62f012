using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sunlight.Web.Features.Enforcement.Queries;
using Sunlight.Web.Infrastructure.Api;

namespace Sunlight.Web.Features.Enforcement.Warnings;

/// <summary>预警看板: the county's warnings for the bureau, the unit's own as its task list.</summary>
[Authorize(Policy = EnforcementPolicies.Read)]
internal sealed class BoardModel(CaseQueries queries, IAuthorizationService authorization) : PageModel
{
    [BindProperty(SupportsGet = true)] public WarningState? State { get; set; } = WarningState.Open;
    [BindProperty(SupportsGet = true)] public string? Rule { get; set; }
    [BindProperty(SupportsGet = true)] public long? After { get; set; }

    public Page<WarningDto> List { get; private set; } = new([], null);
    public bool CanSupervise { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        CanSupervise = (await authorization.AuthorizeAsync(User, EnforcementPolicies.Supervise)).Succeeded;
        List = await queries.WarningPageAsync(new WarningQuery(null, State, Rule?.Length > CaseColumns.RuleLength ? null : Rule, null, After, null), ct);
    }
}

/// <summary>排除预警 in the browser (the form sits on the board and the case page).</summary>
[Authorize(Policy = EnforcementPolicies.Supervise)]
internal sealed class DismissModel(DismissWarning dismiss, CaseQueries queries) : PageModel
{
    [BindProperty] public DismissWarningInput? Input { get; set; }
    public WarningDto? Warning { get; private set; }

    public Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => ShowAsync(id, ct);

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct) =>
        !ModelState.IsValid
            ? await ShowAsync(id, ct)
            : await this.RespondAsync(dismiss.RunAsync(Input is null ? null : Input with { Id = id }, ct),
                w => $"预警 {w.Rule} 已排除。", w => RedirectToPage("/Enforcement/Detail", new { id = w.CaseId }), () => ShowAsync(id, ct));

    private async Task<IActionResult> ShowAsync(long id, CancellationToken ct)
    {
        Warning = await queries.WarningAsync(id, ct);
        return Warning is null ? NotFound() : Page();
    }
}

/// <summary>转为问题 in the browser: one button on the warning.</summary>
[Authorize(Policy = EnforcementPolicies.Supervise)]
internal sealed class ProblemModel(TurnIntoProblem turn, CaseQueries queries) : PageModel
{
    [BindProperty] public TurnIntoProblemInput? Input { get; set; }
    public WarningDto? Warning { get; private set; }

    public Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => ShowAsync(id, ct);

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct) =>
        !ModelState.IsValid
            ? await ShowAsync(id, ct)
            : await this.RespondAsync(turn.RunAsync((Input ?? new TurnIntoProblemInput()) with { Id = id }, ct),
                w => $"预警 {w.Rule} 已转为问题，已通知责任单位整改。", w => RedirectToPage("/Enforcement/Detail", new { id = w.CaseId }), () => ShowAsync(id, ct));

    private async Task<IActionResult> ShowAsync(long id, CancellationToken ct)
    {
        Warning = await queries.WarningAsync(id, ct);
        return Warning is null ? NotFound() : Page();
    }
}
