using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Infrastructure.Database;
using Sunlight.Web.Infrastructure.Identity;

namespace Sunlight.Web.Features.Registry.InspectionItems;

[Authorize(Policy = RegistryPolicies.Edit)]
public sealed class EditModel(SunlightDbContext db, SaveInspectionItem save) : PageModel
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

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return await ShowAsync(ct);
        }
        var input = new InspectionItemInput(Input.UnitId ?? 0, Input.Code ?? "", Input.Name ?? "", Input.LegalBasis ?? "", Input.Method, Input.Version);
        return await this.SaveAsync(
            () => Id is { } id ? save.UpdateAsync(id, input, ct) : save.CreateAsync(input, ct), Id is not null,
            saved => $"已保存检查事项“{saved.Name}”。", "/Registry/InspectionItems", async () => await ShowAsync(ct), RegistryForms.MissingUnit);
    }

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
