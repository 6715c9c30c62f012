using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sunlight.Web.Infrastructure.Api;

namespace Sunlight.Web.Features.Inspections.Joint;

/// <summary>合并为联合检查 in the browser: each proposal on the overlaps page posts here; errors go back there.</summary>
[Authorize(Policy = InspectionPolicies.Supervise)]
internal sealed class JointModel(CreateJointInspection create) : PageModel
{
    [BindProperty] public JointInput? Input { get; set; }

    public IActionResult OnGet() => Redirect("/Inspections/Overlaps");

    public async Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        await this.RespondAsync(create.RunAsync(ModelState.IsValid ? Input : null, ct),
            j => $"已合并为联合检查，检查码 {j.Code}（{j.VisitDate:yyyy-MM-dd}，{j.UnitIds.Count} 个单位）", j => Redirect($"/Public/Inspections/{j.Code}"),
            () => Task.FromResult<IActionResult>(Page()));
}
