using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Registry;
using Sunlight.Web.Infrastructure.Database;
using Sunlight.Web.Infrastructure.Identity;

namespace Sunlight.Web.Features.Registry.Units;

[Authorize(Policy = RegistryPolicies.ManageUnits)]
public sealed class EditModel(SunlightDbContext db, SaveUnit save) : PageModel
{
    [BindProperty(SupportsGet = true)] public long? Id { get; set; }
    [BindProperty] public UnitForm Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is { } id)
        {
            var u = await db.Units.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
            if (u is null)
            {
                return NotFound();
            }
            Input = new UnitForm { Code = u.Code, Name = u.Name, Kind = u.Kind, Uscc = u.Uscc, Address = u.Address, Phone = u.Phone, Head = u.Head, IsActive = u.IsActive, Version = u.Version };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var input = new UnitInput(Input.Code ?? "", Input.Name ?? "", Input.Kind, Input.Uscc, Input.Address, Input.Phone, Input.Head, Input.IsActive, Input.Version);
        return await this.SaveAsync(
            () => Id is { } id ? save.UpdateAsync(id, input, ct) : save.CreateAsync(input, ct), Id is not null,
            saved => $"已保存执法单位“{saved.Name}”。", "/Registry/Units", () => Task.FromResult<IActionResult>(Page()));
    }

    public sealed class UnitForm
    {
        public string? Code { get; set; }
        public string? Name { get; set; }
        public UnitKind Kind { get; set; }
        public string? Uscc { get; set; }
        public string? Address { get; set; }
        public string? Phone { get; set; }
        public string? Head { get; set; }
        public bool IsActive { get; set; } = true;
        public Guid? Version { get; set; }
    }
}
