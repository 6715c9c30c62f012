using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Infrastructure.Database;
using Sunlight.Web.Infrastructure.Api;

namespace Sunlight.Web.Features.Registry.InspectionItems;

[Authorize(Policy = RegistryPolicies.Edit)]
internal sealed class EditModel(SunlightDbContext db, SaveInspectionItem save) : PageModel
{
    [BindProperty(SupportsGet = true)] public long? Id { get; set; }
    [BindProperty] public ItemForm Input { get; set; } = new();
    public List<SelectListItem> Units { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is { } id)
        {
            var i = await db.InspectionItems.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
            if (i is null)
            {
                return NotFound();
            }
            Input = new ItemForm { UnitId = i.UnitId, Code = i.Code, Name = i.Name, LegalBasis = i.LegalBasis, Method = i.Method, Version = i.Version };
        }
        return await ShowAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        !ModelState.IsValid
            ? await ShowAsync(ct)
            : await this.RespondAsync(save.RunAsync(new InspectionItemInput(Input.UnitId ?? 0, Input.Code ?? "", Input.Name ?? "", Input.LegalBasis ?? "", Input.Method, Input.Version) { Id = Id ?? 0 }, ct),
                saved => $"已保存检查事项“{saved.Name}”。", _ => Redirect("/Registry/InspectionItems"), async () => await ShowAsync(ct));

    private async Task<PageResult> ShowAsync(CancellationToken ct)
    {
        Units = await RegistryForms.UnitOptionsAsync(db, ct);
        return Page();
    }

    public sealed class ItemForm
    {
        public long? UnitId { get; set; }
        public string? Code { get; set; }
        public string? Name { get; set; }
        public string? LegalBasis { get; set; }
        public string? Method { get; set; }
        public Guid? Version { get; set; }
    }
}
