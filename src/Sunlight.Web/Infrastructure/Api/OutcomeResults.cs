using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Sunlight.Web.Infrastructure.Api;

/// <summary>How an <see cref="Outcome{T}"/> answers: ProblemDetails for the API, form messages for a page.</summary>
internal static class OutcomeResults
{
    /// <summary>API: the value through <paramref name="ok"/>; 400 with <c>errors</c>; 404; 409 with <c>rule</c>.</summary>
    public static async Task<Results<TOk, ValidationProblem, ProblemHttpResult>> ToHttpAsync<T, TOk>(this Task<Outcome<T>> step,
        Func<T, Task<TOk>> ok, string what) where TOk : IResult
    {
        var r = await step;
        return r switch
        {
            { NotFound: true } => ApiErrors.NotFound(what),
            { Errors: { } errors } => ApiErrors.Invalid(errors),
            { Rule: { } rule } => ApiErrors.Conflict(rule, r.Detail ?? ""),
            _ => await ok(r.Value!),
        };
    }

    public static Task<Results<TOk, ValidationProblem, ProblemHttpResult>> ToHttpAsync<T, TOk>(this Task<Outcome<T>> step,
        Func<T, TOk> ok, string what) where TOk : IResult => step.ToHttpAsync(v => Task.FromResult(ok(v)), what);

    /// <summary>
    /// Page: on success <paramref name="done"/> goes to TempData["Message"] and <paramref name="next"/> answers (a
    /// redirect); input errors go beside their fields (<paramref name="prefix"/>.Field) and a refused rule into the
    /// form's summary, then <paramref name="redisplay"/> shows the form again with what was typed; not found → 404.
    /// </summary>
    public static async Task<IActionResult> RespondAsync<T>(this PageModel page, Task<Outcome<T>> step, Func<T, string> done,
        Func<T, IActionResult> next, Func<Task<IActionResult>> redisplay, string prefix = "Input")
    {
        var r = await step;
        if (r.NotFound)
        {
            return new NotFoundResult();
        }
        if (r.Errors is not null)
        {
            page.ModelState.AddErrors(r.Errors, prefix);
            return await redisplay();
        }
        if (r.Rule is not null)
        {
            page.ModelState.AddModelError(string.Empty, r.Detail ?? "操作未能完成。");
            return await redisplay();
        }
        page.TempData["Message"] = done(r.Value!);
        return next(r.Value!);
    }

    /// <summary>Puts a use case's errors (camelCase keys such as <c>credentials[0].validTo</c>) next to the form fields.</summary>
    public static void AddErrors(this ModelStateDictionary modelState, IDictionary<string, string[]> errors, string prefix = "Input")
    {
        foreach (var (key, messages) in errors)
        {
            var field = string.Join('.', key.Split('.').Select(p => p.Length == 0 ? p : char.ToUpperInvariant(p[0]) + p[1..]));
            foreach (var message in messages)
            {
                modelState.AddModelError(string.IsNullOrEmpty(key) ? prefix : string.IsNullOrEmpty(prefix) ? field : $"{prefix}.{field}", message);
            }
        }
    }
}
