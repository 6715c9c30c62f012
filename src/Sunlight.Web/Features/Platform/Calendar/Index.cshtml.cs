using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sunlight.Web.Infrastructure.Calendar;
using Sunlight.Web.Infrastructure.Identity;

namespace Sunlight.Web.Features.Platform.Calendar;

/// <summary>工作日历: every staff role may look and compute a deadline; only Admin changes or imports days.</summary>
[Authorize(Policy = PlatformPolicies.Staff)]
internal sealed class IndexModel(CalendarYears edit, SetCalendarDay set, RemoveCalendarDay remove, ImportCalendar import, WorkingCalendar calendar, TimeProvider clock, IAuthorizationService auth) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? Edit { get; set; }

    [BindProperty] public DateOnly? DayDate { get; set; }
    [BindProperty] public CalendarDayKind DayKind { get; set; }
    [BindProperty] public string? DayName { get; set; }
    [BindProperty] public IFormFile? Upload { get; set; }

    [BindProperty(SupportsGet = true)] public DateOnly? CalcFrom { get; set; }
    [BindProperty(SupportsGet = true)] public int? CalcDays { get; set; }
    [BindProperty(SupportsGet = true)] public string CalcMode { get; set; } = "working";

    public CalendarYearDto Data { get; private set; } = null!;
    public bool CanEdit { get; private set; }
    public Deadline? Computed { get; private set; }
    public string? CalcError { get; private set; }
    public IReadOnlyList<string> ImportErrors { get; private set; } = [];

    /// <summary>Every handler knows first whether the caller may change days (the page shows the forms, posts need it).</summary>
    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        CanEdit = (await auth.AuthorizeAsync(User, PlatformPolicies.Administer)).Succeeded;
        await next();
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var year = SelectedYear;
        if (Edit is { } e && DayDate is null)
        {
            var existing = (await edit.YearAsync(e.Year, ct)).Days.FirstOrDefault(d => d.Date == e);
            DayDate = e;
            DayKind = existing?.Kind ?? CalendarDayKind.Holiday;
            DayName = existing?.Name;
        }
        Compute();
        Data = await edit.YearAsync(year, ct);
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        if (!CanEdit)
        {
            return Forbid();
        }
        var input = new CalendarDayInput(DayKind, DayName ?? "") { Date = DayDate ?? default };
        // The form lists its messages together (its fields are DayDate/DayKind/DayName, not Input.X).
        return await this.RespondAsync(set.RunAsync(input, ct), d => $"已保存 {d.Date:yyyy-MM-dd}（{CalendarText.Kind(d.Kind)}）。",
            d => RedirectToPage(new { year = d.Date.Year }), () => ShowAsync(ct), prefix: "");
    }

    public async Task<IActionResult> OnPostDeleteAsync(DateOnly date, CancellationToken ct)
    {
        if (!CanEdit)
        {
            return Forbid();
        }
        var r = await remove.RunAsync(new RemoveCalendarDayInput(date), ct);
        TempData["Message"] = r.NotFound ? $"{date:yyyy-MM-dd} 没有节假日安排。" : $"已删除 {date:yyyy-MM-dd} 的安排。";
        return RedirectToPage(new { year = date.Year });
    }

    public async Task<IActionResult> OnPostImportAsync(CancellationToken ct)
    {
        if (!CanEdit)
        {
            return Forbid();
        }
        var year = SelectedYear;
        if (Upload is null || Upload.Length == 0)
        {
            ImportErrors = ["请选择要导入的 .xlsx 或 .csv 文件"];
            return await ShowAsync(ct);
        }
        if (Upload.Length > ImportCalendar.MaxBytes)
        {
            ImportErrors = ["文件不能超过 1 MB"];
            return await ShowAsync(ct);
        }
        await using var stream = Upload.OpenReadStream();
        var result = await import.RunAsync(year, stream, Upload.FileName, ct);
        if (!result.Succeeded)
        {
            ImportErrors = result.Errors;
            return await ShowAsync(ct);
        }
        TempData["Message"] = $"已导入 {year} 年节假日安排 {result.Imported} 天（原有安排已替换）。";
        return RedirectToPage(new { year });
    }

    public int SelectedYear => Year is >= 2000 and <= 2100 ? Year.Value : ChinaTime.Today(clock).Year;

    public static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        Compute();
        Data = await edit.YearAsync(SelectedYear, ct);
        return Page();
    }

    private void Compute()
    {
        if (CalcFrom is not { } from)
        {
            return;
        }
        if (CalcDays is not (>= 0 and <= 3650))
        {
            CalcError = "期限天数应在 0 到 3650 之间";
            return;
        }
        Computed = CalcMode == "natural" ? calendar.AddNaturalDays(from, CalcDays.Value) : calendar.AddWorkingDays(from, CalcDays.Value);
    }
}
