using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Infrastructure.Database;
using Sunlight.Web.Infrastructure.Api;

namespace Sunlight.Web.Features.Registry.Enterprises;

[Authorize(Policy = RegistryPolicies.EditEnterprises)]
internal sealed class EditModel(SunlightDbContext db, EditEnterprise edit) : PageModel
{
    [BindProperty(SupportsGet = true)] public long? Id { get; set; }
    [BindProperty] public EnterpriseForm Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is { } id)
        {
            var e = await db.Enterprises.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
            if (e is null)
            {
                return NotFound();
            }
            Input = new EnterpriseForm { Uscc = e.Uscc, Name = e.Name, Address = e.Address, Industry = e.Industry, LegalRepresentative = e.LegalRepresentative, Phone = e.Phone, Version = e.Version };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        !ModelState.IsValid
            ? Page()
            : await this.RespondAsync(edit.RunAsync(new EnterpriseInput(Input.Uscc ?? "", Input.Name ?? "", Input.Address, Input.Industry, Input.LegalRepresentative, Input.Phone, Input.Version) { Id = Id ?? 0 }, ct),
                saved => $"已保存企业“{saved.Name}”。", _ => Redirect("/Registry/Enterprises"), () => Task.FromResult<IActionResult>(Page()));

    public sealed class EnterpriseForm
    {
        public string? Uscc { get; set; }
        public string? Name { get; set; }
        public string? Address { get; set; }
        public string? Industry { get; set; }
        public string? LegalRepresentative { get; set; }
        public string? Phone { get; set; }
        public Guid? Version { get; set; }
    }
}
