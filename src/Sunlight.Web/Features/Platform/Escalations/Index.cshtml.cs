using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sunlight.Web.Features.Platform.Escalations.Record;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Platform.Escalations;

/// <summary>督办、约谈、移送: all for Supervisors, referrals for Observers, the unit's own for UnitStaff.</summary>
[Authorize(Policy = PlatformPolicies.ReadEscalations)]
internal sealed class IndexModel(SunlightDbContext db, IAuthorizationService auth, Infrastructure.Audit.RecordNames names) : PageModel
{
    [BindProperty(SupportsGet = true)] public EscalationKind? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public long? After { get; set; }
    public Page<EscalationDto> List { get; private set; } = new([], null, 0);
    public RecordFormView? Form { get; private set; }
    /// <summary>The subject of each row ("问题 WT2026…", "投诉举报 TS…") and the recorder's name.</summary>
    public Dictionary<long, string> Subjects { get; } = [];
    public IReadOnlyDictionary<string, string> People { get; private set; } = new Dictionary<string, string>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        List = await EscalationList.PageAsync(db, new EscalationQuery(null, Kind, null, null, After, null), ct);
        foreach (var e in List.Items.Where(e => e.SubjectType is not null && e.SubjectId is not null))
        {
            Subjects[e.Id] = await names.NameAsync(e.SubjectType!, e.SubjectId!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), ct);
        }
        People = await names.PeopleAsync(List.Items.Select(e => e.CreatedBy), ct);
        // The 记录 form is shown to whoever may record (the Supervisor); it posts to its own page.
        Form = (await auth.AuthorizeAsync(User, PlatformPolicies.Escalate)).Succeeded ? await RecordFormView.LoadAsync(db, null, ct) : null;
    }
}
