using Sunlight.Web.Infrastructure.Export;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sunlight.Web.Infrastructure.Import;

namespace Sunlight.Web.Features.Shared;

/// <summary>
/// The import page of a list (registry, problem list): upload (strict) → report → "仅导入有效行" (validOnly) on the file kept server-side
/// by a random token. Uses the same pipeline as the import endpoint.
/// </summary>
internal abstract class ImportPage : PageModel
{
    private readonly PendingImports _pending;

    private protected ImportPage(PendingImports pending) => _pending = pending;

    public abstract string What { get; }
    public abstract string ListPath { get; }
    public abstract IReadOnlyList<string> Columns { get; }
    /// <summary>What to fill in the columns, shown under the title.</summary>
    public virtual string? Help => null;
    private protected abstract IReadOnlyList<string> RequiredColumns { get; }
    private protected abstract RunImport Run { get; }
    private protected abstract byte[] Template();

    [BindProperty] public IFormFile? Upload { get; set; }
    [BindProperty] public string? Token { get; set; }

    public ImportResult? Result { get; private set; }
    public bool CanRetryValidOnly { get; private set; }

    public void OnGet()
    {
    }

    public FileContentResult OnGetTemplate() => File(Template(), XlsxExport.ContentType, $"{What}导入模板.xlsx");

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var (upload, error) = await ImportUpload.ReadAsync(Upload, ct);
        if (upload is null)
        {
            ModelState.AddModelError(nameof(Upload), error!);
            return Page();
        }
        Result = await ImportPipeline.RunAsync(upload, RequiredColumns, Run, ImportMode.Strict, ct);
        if (Result.Imported > 0)
        {
            TempData["Message"] = $"已导入{What} {Result.Imported} 行。";
            return Redirect(ListPath);
        }
        if (Result.Valid > 0)
        {
            Token = await _pending.KeepAsync(upload, ct);
            CanRetryValidOnly = true;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostValidOnlyAsync(CancellationToken ct)
    {
        var upload = await _pending.LoadAsync(Token, ct);
        if (upload is null)
        {
            ModelState.AddModelError(nameof(Upload), "上传的文件已失效，请重新选择文件上传");
            return Page();
        }
        Result = await ImportPipeline.RunAsync(upload, RequiredColumns, Run, ImportMode.ValidOnly, ct);
        _pending.Forget(Token!);
        Token = null;
        return Page();
    }
}
