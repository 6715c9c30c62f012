using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Infrastructure.Database;
using Sunlight.Web.Infrastructure.Api;

namespace Sunlight.Web.Features.Registry.Units;

[Authorize(Policy = RegistryPolicies.ManageUnits)]
internal sealed class EditModel(SunlightDbContext db, SaveUnit save) : PageModel
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

    public async Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        !ModelState.IsValid
            ? Page()
            : await this.RespondAsync(save.RunAsync(new UnitInput(Input.Code ?? "", Input.Name ?? "", Input.Kind, Input.Uscc, Input.Address, Input.Phone, Input.Head, Input.IsActive, Input.Version) { Id = Id ?? 0 }, ct),
                saved => $"已保存执法单位“{saved.Name}”。", _ => Redirect("/Registry/Units"), () => Task.FromResult<IActionResult>(Page()));

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
