using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Pages.Registry;

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
