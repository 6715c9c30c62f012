using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Registry;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Platform.Escalations.Record;

/// <summary>What the 记录约谈/移送/督办 form shows: the enforcement units and what was typed.</summary>
internal sealed record RecordFormView(IReadOnlyList<(long Id, string Name)> Units, EscalationInput? Values)
{
    public static async Task<RecordFormView> LoadAsync(SunlightDbContext db, EscalationInput? values, CancellationToken ct)
    {
        var units = await db.PublicUnits().Where(u => u.Kind == UnitKind.Enforcement).OrderBy(u => u.Code).Select(u => new { u.Id, u.Name }).ToListAsync(ct);
        return new RecordFormView(units.Select(u => (u.Id, u.Name)).ToList(), values);
    }
}

/// <summary>记录约谈、移送或督办 in the browser: the form (also embedded in the escalation list) posts here; same use case as the API.</summary>
[Authorize(Policy = PlatformPolicies.Escalate)]
internal sealed class RecordModel(RecordEscalation record, SunlightDbContext db) : PageModel
{
    [BindProperty] public EscalationInput? Input { get; set; }

    public RecordFormView? Form { get; private set; }

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => ShowAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        !ModelState.IsValid
            ? await ShowAsync(ct)
            : await this.RespondAsync(record.RunAsync(Input, ct), e => $"已记录{Escalation.KindName(e.Kind)}。", _ => Redirect("/Escalations"), () => ShowAsync(ct));

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        Form = await RecordFormView.LoadAsync(db, Input, ct);
        return Page();
    }
}
