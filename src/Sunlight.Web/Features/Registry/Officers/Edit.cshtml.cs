using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Infrastructure.Database;
using Sunlight.Web.Infrastructure.Identity;

namespace Sunlight.Web.Features.Registry.Officers;

[Authorize(Policy = RegistryPolicies.Edit)]
public sealed partial class EditModel(SunlightDbContext db, SaveOfficer save) : PageModel
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
        var filled = Input.Credentials.Select((c, i) => (Form: c, Index: i)).Where(c => !c.Form.IsBlank).ToList();
        foreach (var (c, i) in filled)
        {
            if (c.ValidFrom is null)
            {
                ModelState.AddModelError($"Input.Credentials[{i}].ValidFrom", "请填写有效期起");
            }
            if (c.ValidTo is null)
            {
                ModelState.AddModelError($"Input.Credentials[{i}].ValidTo", "请填写有效期止");
            }
        }
        if (!ModelState.IsValid)
        {
            return await ShowAsync(ct);
        }
        var input = new OfficerInput(Input.UnitId ?? 0, Input.Name ?? "", Input.Position, Input.IsAuxiliary,
            filled.Select(c => new CredentialInput(c.Form.Number ?? "", c.Form.Category ?? "", c.Form.ValidFrom!.Value, c.Form.ValidTo!.Value)).ToList(),
            Input.IsActive, Input.Version);
        return await this.SaveAsync(
            () => Id is { } id ? save.UpdateAsync(id, input, ct) : save.CreateAsync(input, ct), Id is not null,
            saved => $"已保存执法人员“{saved.Name}”。", "/Registry/Officers", async () => await ShowAsync(ct), RegistryForms.MissingUnit,
            // The handler numbers credentials among the filled rows; the form numbers all rows.
            errors => errors.ToDictionary(
                e => CredentialIndex().Replace(e.Key, m => $"credentials[{filled[int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)].Index}]"),
                e => e.Value));
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

    [GeneratedRegex(@"^credentials\[(\d+)\]")]
    private static partial Regex CredentialIndex();

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
