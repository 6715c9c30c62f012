using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Registry;

/// <summary>What the registry form pages share: the unit picker.</summary>
internal static class RegistryForms
{
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
