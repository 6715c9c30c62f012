using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Export;
using Sunlight.Web.Infrastructure.Import;

namespace Sunlight.Web.Features.Enforcement.Import;

/// <summary>
/// 导入案件台账 in the browser: upload the ledger → its header row, each case field pre-set to a column (the unit's saved
/// mapping, else the header's name) → import with the chosen mapping (saved for the unit when asked) → the row report,
/// or the case list. The file is kept server-side by a random token between the two posts.
/// </summary>
[Authorize(Policy = EnforcementPolicies.Record)]
internal sealed class ImportCasesModel(ImportCases import, SaveImportMapping save, PendingImports pending) : PageModel
{
    [BindProperty] public IFormFile? Upload { get; set; }
    [BindProperty] public string? Token { get; set; }
    [BindProperty] public Dictionary<string, string?> Mapping { get; set; } = [];
    [BindProperty] public bool SaveMapping { get; set; } = true;

    public IReadOnlyList<string> Headers { get; private set; } = [];
    public ImportResult? Result { get; private set; }

    public void OnGet()
    {
    }

    public FileContentResult OnGetTemplate() => File(ImportCases.Template(), XlsxExport.ContentType, "案件台账导入模板.xlsx");

    /// <summary>Step 1: the file is read up to its header row and kept; the mapping form is shown pre-filled.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var (upload, error) = await ImportUpload.ReadAsync(Upload, ct);
        var (headers, headerError) = upload is null ? (null, error) : ImportCases.Headers(upload);
        if (headers is null)
        {
            ModelState.AddModelError(nameof(Upload), headerError!);
            return Page();
        }
        Headers = headers;
        Token = await pending.KeepAsync(upload!, ct);
        Mapping = CaseImportFields.Suggest(headers, await import.SavedAsync(ct)).ToDictionary(m => m.Key, m => (string?)m.Value);
        return Page();
    }

    /// <summary>Step 2: the mapping is saved (when asked) and the kept file imported with it, all or nothing.</summary>
    public async Task<IActionResult> OnPostImportAsync(CancellationToken ct)
    {
        var upload = await pending.LoadAsync(Token, ct);
        var (headers, error) = upload is null ? (null, "上传的文件已失效，请重新选择文件上传") : ImportCases.Headers(upload);
        if (headers is null)
        {
            ModelState.AddModelError(nameof(Upload), error!);
            Token = null;
            return Page();
        }
        Headers = headers;
        var chosen = Mapping.Where(m => !string.IsNullOrWhiteSpace(m.Value)).ToDictionary(m => m.Key, m => m.Value, StringComparer.Ordinal);
        if (SaveMapping)
        {
            var saved = await save.RunAsync(new ImportMappingInput(chosen), ct);
            if (saved.Errors is { } errors)
            {
                ModelState.AddErrors(errors, nameof(Mapping));
                return Page();
            }
        }
        Result = await ImportPipeline.RunAsync(upload!, [], import.With(chosen), ImportMode.Strict, ct);
        if (Result.Imported > 0)
        {
            pending.Forget(Token!);
            TempData["Message"] = $"已导入案件 {Result.Imported} 件，已按合法性规则检查。";
            return RedirectToPage("/Enforcement/Index");
        }
        return Page();
    }
}
