using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Registry;

/// <summary>Helpers shared by the registry form pages.</summary>
internal static class RegistryForms
{
    public const string StaleEdit = "该记录已被他人修改，请刷新后重试";

    /// <summary>Puts a handler's errors (camelCase keys such as <c>credentials[0].validTo</c>) next to the form fields.</summary>
    public static void AddErrors(this ModelStateDictionary modelState, IDictionary<string, string[]> errors, string prefix = "Input")
    {
        foreach (var (key, messages) in errors)
        {
            var field = string.Join('.', key.Split('.').Select(p => p.Length == 0 ? p : char.ToUpperInvariant(p[0]) + p[1..]));
            foreach (var message in messages)
            {
                modelState.AddModelError(string.IsNullOrEmpty(key) ? prefix : $"{prefix}.{field}", message);
            }
        }
    }

    /// <summary>
    /// The save step of every registry form: the shared handler's outcome becomes a redirect to the list with a message,
    /// field errors beside the inputs, 404 for a record out of scope, or the stale-edit message — typed data is kept.
    /// <paramref name="missingUnit"/> is shown on a new record whose chosen unit is out of scope (null: answer 404).
    /// </summary>
    public static async Task<IActionResult> SaveAsync<T>(this PageModel page, Func<Task<Outcome<T>>> save, bool editing,
        Func<T, string> saved, string listPath, Func<Task<IActionResult>> show, string? missingUnit = null,
        Func<IDictionary<string, string[]>, IDictionary<string, string[]>>? fieldsOf = null)
    {
        try
        {
            var r = await save();
            if (r.NotFound)
            {
                if (editing || missingUnit is null)
                {
                    return new NotFoundResult();
                }
                page.ModelState.AddModelError("Input.UnitId", missingUnit);
                return await show();
            }
            if (r.Errors is not null)
            {
                page.ModelState.AddErrors(fieldsOf?.Invoke(r.Errors) ?? r.Errors);
                return await show();
            }
            page.TempData["Message"] = saved(r.Value!);
            return new RedirectResult(listPath);
        }
        catch (DbUpdateConcurrencyException)
        {
            page.ModelState.AddModelError(string.Empty, StaleEdit);
            return await show();
        }
    }

    public const string MissingUnit = "所选执法单位不存在或您无权管理";

    /// <summary>The units the caller may see (the scope filter applies), for unit pickers.</summary>
    public static async Task<List<SelectListItem>> UnitOptionsAsync(SunlightDbContext db, CancellationToken ct) =>
        await db.Units.AsNoTracking().OrderBy(u => u.Code)
            .Select(u => new SelectListItem(u.Code + " " + u.Name, u.Id.ToString()))
            .ToListAsync(ct);
}

/// <summary>Model binding messages in Chinese (the framework's defaults are English).</summary>
internal static class ChineseModelBinding
{
    public static void Apply(MvcOptions o)
    {
        var m = o.ModelBindingMessageProvider;
        m.SetAttemptedValueIsInvalidAccessor((value, field) => $"“{value}”不是有效的{field}");
        m.SetMissingBindRequiredValueAccessor(field => $"请填写{field}");
        m.SetMissingKeyOrValueAccessor(() => "请填写此项");
        m.SetMissingRequestBodyRequiredValueAccessor(() => "请求内容不能为空");
        m.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"“{value}”无效");
        m.SetNonPropertyUnknownValueIsInvalidAccessor(() => "所填的值无效");
        m.SetUnknownValueIsInvalidAccessor(field => $"所填的{field}无效");
        m.SetValueIsInvalidAccessor(value => $"“{value}”无效");
        m.SetValueMustBeANumberAccessor(field => $"{field}必须是数字");
        m.SetValueMustNotBeNullAccessor(value => "此项不能为空");
        m.SetNonPropertyValueMustBeANumberAccessor(() => "必须是数字");
    }
}
