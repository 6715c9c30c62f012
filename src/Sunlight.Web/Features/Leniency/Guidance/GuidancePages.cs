using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sunlight.Web.Features.WorkHome;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Calendar;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Leniency.Guidance;

/// <summary>行政指导记录 in the browser: the unit's own (the county's for the bureau), newest first, keyset pages.</summary>
[Authorize(Policy = LeniencyPolicies.Read)]
internal sealed class GuidanceIndexModel(SunlightDbContext db, IAuthorizationService authorization) : PageModel
{
    [BindProperty(SupportsGet = true)] public GuidanceForm? Form { get; set; }
    [BindProperty(SupportsGet = true)] public long? After { get; set; }

    public Page<GuidanceRecordDto> Records { get; private set; } = new([], null);
    public bool CanManage { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        CanManage = (await authorization.AuthorizeAsync(User, LeniencyPolicies.Manage)).Succeeded;
        Records = await GuidanceQueries.RecordsAsync(db, new GuidanceRecordQuery(null, Form, null, null, After, null), ct);
    }
}

/// <summary>A guidance request as the unit's list shows it: the answer deadline in working days.</summary>
internal sealed record RequestRow(GuidanceRequestDto Request, string? DueText, bool Overdue);

/// <summary>行政指导申请 in the browser: open ones with 剩余/逾期 N 个工作日 and the answer form; answered ones with the answer.</summary>
[Authorize(Policy = LeniencyPolicies.Read)]
internal sealed class RequestsModel(SunlightDbContext db, WorkingCalendar calendar, TimeProvider clock, IAuthorizationService authorization) : PageModel
{
    [BindProperty(SupportsGet = true)] public RequestState? State { get; set; }
    [BindProperty(SupportsGet = true)] public long? After { get; set; }

    public Page<RequestRow> Requests { get; private set; } = new([], null);
    public bool CanAnswer { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        CanAnswer = (await authorization.AuthorizeAsync(User, LeniencyPolicies.Manage)).Succeeded;
        var today = ChinaTime.Today(clock);
        var page = await GuidanceQueries.RequestsAsync(db, new GuidanceRequestQuery(null, State, After, null), ct);
        Requests = page.Map(r => r.State == RequestState.Open
            ? new RequestRow(r, WorkHomeQuery.DueText(calendar, r.DueOn, today), r.DueOn < today)
            : new RequestRow(r, null, false));
    }
}
