using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Infrastructure.Database;
using Sunlight.Web.Infrastructure.Api;

namespace Sunlight.Web.Features.Registry.Officers;

[Authorize(Policy = RegistryPolicies.Edit)]
internal sealed class EditModel(SunlightDbContext db, SaveOfficer save) : PageModel
{
    /// <summary>Blank credential rows offered for new certificates (blank rows are ignored on save).</summary>
    private const int SpareRows = 2;

    [BindProperty(SupportsGet = true)] public long? Id { get; set; }
    [BindProperty] public OfficerForm Input { get; set; } = new();
    public List<SelectListItem> Units { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is { } id)
        {
            var o = await db.Officers.AsNoTracking().Include(x => x.Credentials).FirstOrDefaultAsync(x => x.Id == id, ct);
            if (o is null)
            {
                return NotFound();
            }
            Input = new OfficerForm
            {
                UnitId = o.UnitId, Name = o.Name, Position = o.Position, IsAuxiliary = o.IsAuxiliary, IsActive = o.IsActive, Version = o.Version,
                Credentials = o.Credentials.OrderBy(c => c.ValidFrom)
                    .Select(c => new CredentialForm { Number = c.Number, Category = c.Category, ValidFrom = c.ValidFrom, ValidTo = c.ValidTo }).ToList(),
            };
        }
        return await ShowAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return await ShowAsync(ct);
        }
        // Blank rows are dropped, so the use case's credentials[i] are the form's rows; the form shows the kept rows.
        Input.Credentials.RemoveAll(c => c.IsBlank);
        ModelState.Clear();
        for (var i = 0; i < Input.Credentials.Count; i++)
        {
            if (Input.Credentials[i].ValidFrom is null)
            {
                ModelState.AddModelError($"Input.Credentials[{i}].ValidFrom", "请填写有效期起");
            }
            if (Input.Credentials[i].ValidTo is null)
            {
                ModelState.AddModelError($"Input.Credentials[{i}].ValidTo", "请填写有效期止");
            }
        }
        if (!ModelState.IsValid)
        {
            return await ShowAsync(ct);
        }
        var input = new OfficerInput(Input.UnitId ?? 0, Input.Name ?? "", Input.Position, Input.IsAuxiliary,
            Input.Credentials.Select(c => new CredentialInput(c.Number ?? "", c.Category ?? "", c.ValidFrom!.Value, c.ValidTo!.Value)).ToList(),
            Input.IsActive, Input.Version) { Id = Id ?? 0 };
        return await this.RespondAsync(save.RunAsync(input, ct),
            saved => $"已保存执法人员“{saved.Name}”。", _ => Redirect("/Registry/Officers"), async () => await ShowAsync(ct));
    }

    private async Task<PageResult> ShowAsync(CancellationToken ct)
    {
        Units = await RegistryForms.UnitOptionsAsync(db, ct);
        var blanks = Input.Credentials.Count(c => c.IsBlank);
        for (var i = blanks; i < SpareRows; i++)
        {
            Input.Credentials.Add(new CredentialForm());
        }
        return Page();
    }

    public sealed class OfficerForm
    {
        public long? UnitId { get; set; }
        public string? Name { get; set; }
        public string? Position { get; set; }
        public bool IsAuxiliary { get; set; }
        public bool IsActive { get; set; } = true;
        public Guid? Version { get; set; }
        public List<CredentialForm> Credentials { get; set; } = [];
    }

    public sealed class CredentialForm
    {
        public string? Number { get; set; }
        public string? Category { get; set; }
        public DateOnly? ValidFrom { get; set; }
        public DateOnly? ValidTo { get; set; }
        public bool IsBlank => string.IsNullOrWhiteSpace(Number) && string.IsNullOrWhiteSpace(Category) && ValidFrom is null && ValidTo is null;
    }
}
