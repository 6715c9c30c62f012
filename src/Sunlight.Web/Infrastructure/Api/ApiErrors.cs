using FluentValidation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Sunlight.Web.Infrastructure.Api;

/// <summary>A business rule refused the request; answered 409 with the rule's code and its Chinese message.</summary>
public sealed class RuleViolationException(string ruleCode, string message) : Exception(message)
{
    public string RuleCode { get; } = ruleCode;
}

internal static class ApiErrors
{
    public static ProblemHttpResult NotFound(string what = "记录") =>
        TypedResults.Problem(title: "未找到", detail: $"{what}不存在或您无权访问。", statusCode: StatusCodes.Status404NotFound);

    public static ProblemHttpResult Conflict(string ruleCode, string detail) =>
        TypedResults.Problem(title: "操作与当前状态或规则冲突", detail: detail, statusCode: StatusCodes.Status409Conflict,
            extensions: new Dictionary<string, object?> { ["rule"] = ruleCode });

    public static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] },
            title: "提交的数据有误", detail: message);

    public static ValidationProblem Invalid(IDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, title: "提交的数据有误", detail: string.Join("；", errors.SelectMany(e => e.Value)));

    public static string StatusTitle(int status) => status switch
    {
        400 => "请求有误",
        401 => "未登录或登录已过期",
        403 => "无权执行此操作",
        404 => "未找到",
        405 => "不支持的请求方法",
        409 => "操作冲突",
        413 => "上传内容过大",
        415 => "不支持的内容类型",
        429 => "请求过于频繁，请稍后再试",
        _ => status >= 500 ? "服务器内部错误" : "请求未能完成",
    };
}

/// <summary>Turns known exceptions into Chinese ProblemDetails; anything else is a bug and answers 500.</summary>
internal sealed class SunlightExceptionHandler(IProblemDetailsService problems, ILogger<SunlightExceptionHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        var (status, title, detail, rule) = exception switch
        {
            DbUpdateConcurrencyException => (409, "记录已被他人修改", "该记录在您编辑期间已被他人修改，请刷新后重试。", "CONCURRENCY"),
            RuleViolationException r => (409, "操作与当前状态或规则冲突", r.Message, r.RuleCode),
            BadHttpRequestException b => (b.StatusCode, ApiErrors.StatusTitle(b.StatusCode), "请求格式有误，请检查提交的数据。", null),
            ValidationException v => (400, "提交的数据有误", string.Join("；", v.Errors.Select(e => e.ErrorMessage)), null),
            _ => (500, "服务器内部错误", "服务器处理请求时出错，已记录日志，请稍后再试。", null),
        };
        if (status == 500)
        {
            log.LogError(exception, "未处理的异常");
        }
        http.Response.StatusCode = status;
        var pd = new ProblemDetails { Status = status, Title = title, Detail = detail };
        if (rule is not null)
        {
            pd.Extensions["rule"] = rule;
        }
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = pd, Exception = exception });
    }
}

/// <summary>Validates the request body with its FluentValidation validator before the handler runs.</summary>
internal sealed class ValidationFilter<T>(IValidator<T> validator) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var arg = context.Arguments.OfType<T>().FirstOrDefault();
        if (arg is null)
        {
            return ApiErrors.Invalid("body", "请求内容不能为空。");
        }
        var result = await validator.ValidateAsync(arg, context.HttpContext.RequestAborted);
        if (!result.IsValid)
        {
            return ApiErrors.Invalid(result.ToDictionary());
        }
        return await next(context);
    }
}

internal static class ValidationFilterExtensions
{
    public static RouteHandlerBuilder Validate<T>(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter<ValidationFilter<T>>().ProducesValidationProblem();
}
