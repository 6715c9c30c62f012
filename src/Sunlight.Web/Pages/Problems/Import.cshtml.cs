using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sunlight.Web.Features.Problems;
using Sunlight.Web.Features.Problems.Import;
using Sunlight.Web.Infrastructure.Files;

namespace Sunlight.Web.Pages.Problems;

[Authorize(Roles = ProblemRoles.Bureau)]
public sealed class ImportModel(ImportProblems import) : PageModel
{
    public ImportResult? Result { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null)
        {
            Result = new ImportResult(0, [new ImportRowError(0, "文件", "请选择要导入的 Excel 文件（.xlsx）。")]);
            return Page();
        }
        Result = await import.HandleAsync(new Upload(file.FileName, file.Length, file.OpenReadStream), ct);
        if (Result.Succeeded)
        {
            TempData["Message"] = $"已导入 {Result.Imported} 个问题，并已通知各责任单位。";
            return Redirect("/Problems");
        }
        return Page();
    }
}
