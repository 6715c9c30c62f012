using System.Text.Encodings.Web;
using System.Text.Json;
using System.Xml.Linq;
using FluentValidation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace Sunlight.Web.Infrastructure.Api;

/// <summary>A business rule refused the request; answered 409 with the rule's code and its Chinese message.</summary>
internal sealed class RuleViolationException(string ruleCode, string message) : Exception(message)
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

    public static string? StatusDetail(int status) => status switch
    {
        400 => "请求格式有误，请检查提交的数据。",
        401 => "请先登录（页面使用 Cookie，接口使用 Bearer 令牌）。",
        403 => "您的角色无权执行此操作。",
        404 => "请求的资源不存在或您无权访问。",
        405 => "该地址不支持这种请求方式。",
        413 => "提交的内容超过了允许的大小。",
        415 => "不支持提交的内容类型。",
        429 => "您在短时间内提交次数过多，请稍后再试。",
        >= 500 => "服务器处理请求时出错，已记录日志，请稍后再试。",
        _ => null,
    };

    /// <summary>
    /// Who reads the error: Open311 clients get GeoReport v2 errors, API clients (/api, JSON accepted or sent) get
    /// ProblemDetails, everyone else is a browser and gets a Chinese HTML page with a way back.
    /// </summary>
    public static ErrorAudience AudienceOf(HttpContext http)
    {
        var request = http.Request;
        if (request.Path.StartsWithSegments("/open311"))
        {
            return ErrorAudience.Open311;
        }
        if (request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments("/openapi") || request.Path.StartsWithSegments("/healthz"))
        {
            return ErrorAudience.Api;
        }
        var accept = request.Headers.Accept.ToString();
        if (accept.Contains("json", StringComparison.OrdinalIgnoreCase) && !accept.Contains("text/html", StringComparison.OrdinalIgnoreCase))
        {
            return ErrorAudience.Api;
        }
        var sendsJson = request.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true;
        return sendsJson && !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) ? ErrorAudience.Api : ErrorAudience.Browser;
    }

    /// <summary>The one place an error leaves the app, in the form its audience reads (see <see cref="AudienceOf"/>).</summary>
    public static Task WriteAsync(HttpContext http, ProblemDetails problem)
    {
        var status = problem.Status ?? http.Response.StatusCode;
        problem.Status = status;
        problem.Title ??= StatusTitle(status);
        problem.Detail ??= StatusDetail(status);
        problem.Type = null;
        http.Response.StatusCode = status;
        return AudienceOf(http) switch
        {
            ErrorAudience.Open311 => Open311Error(http.Request.Path.Value!.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) ? "xml" : "json",
                status, problem.Detail ?? problem.Title).ExecuteAsync(http),
            ErrorAudience.Browser => ErrorPage.WriteAsync(http, status, problem.Title, problem.Detail),
            _ => TypedResults.Problem(problem).ExecuteAsync(http),
        };
    }

    /// <summary>An error in Open311 GeoReport v2 form: <c>[{code, description}]</c> or <c>&lt;errors&gt;&lt;error&gt;…</c>.</summary>
    public static IResult Open311Error(string format, int code, string description) =>
        format == "xml"
            ? Results.Text("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" + new XElement("errors", new XElement("error", new XElement("code", code), new XElement("description", description))), "text/xml; charset=utf-8", statusCode: code)
            : Results.Json(new[] { new Dictionary<string, object> { ["code"] = code, ["description"] = description } }, statusCode: code);
}

internal enum ErrorAudience
{
    Browser,
    Api,
    Open311,
}

/// <summary>
/// The error page a browser sees: the site's CSS and brand bar, the Chinese title and detail, and links back
/// (the previous page of this site when known, and the home page). Static markup: no Razor view can fail here.
/// </summary>
internal static class ErrorPage
{
    public static Task WriteAsync(HttpContext http, int status, string title, string? detail)
    {
        var e = http.RequestServices.GetRequiredService<HtmlEncoder>();
        var back = SameSiteReferrer(http.Request) is { } referrer
            ? $"<a class=\"btn btn-outline-secondary\" href=\"{e.Encode(referrer)}\">返回上一页</a> "
            : "";
        var html = $"""
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <title>{e.Encode(title)} - 阳光执法监督平台</title>
                <link rel="stylesheet" href="/lib/bootstrap/bootstrap.min.css" />
                <link rel="stylesheet" href="/css/site.css" />
            </head>
            <body>
            <nav class="navbar navbar-dark bg-primary mb-3"><div class="container-fluid"><a class="navbar-brand" href="/">阳光执法监督平台</a></div></nav>
            <main class="container-fluid pb-5">
                <h1 class="h4" data-status="{status}">{e.Encode(title)}</h1>
                <div class="alert alert-warning" role="alert">{e.Encode(detail ?? "")}</div>
                <p>{back}<a class="btn btn-primary" href="/">返回首页</a></p>
            </main>
            </body>
            </html>
            """;
        http.Response.ContentType = "text/html; charset=utf-8";
        return http.Response.WriteAsync(html, http.RequestAborted);
    }

    /// <summary>The referring page when it is on this site (never an open redirect to another).</summary>
    private static string? SameSiteReferrer(HttpRequest request) =>
        Uri.TryCreate(request.Headers.Referer.ToString(), UriKind.Absolute, out var uri)
        && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase)
        && uri.PathAndQuery != request.Path + request.QueryString
            ? uri.PathAndQuery
            : null;
}

/// <summary>Turns known exceptions into Chinese errors; anything else is a bug and answers 500.</summary>
internal sealed class SunlightExceptionHandler(ILogger<SunlightExceptionHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        var (status, title, detail, rule) = exception switch
        {
            DbUpdateConcurrencyException => (409, "记录已被他人修改", "该记录在您编辑期间已被他人修改，请刷新后重试。", "CONCURRENCY"),
            RuleViolationException r => (409, "操作与当前状态或规则冲突", r.Message, r.RuleCode),
            BadHttpRequestException b => (b.StatusCode, ApiErrors.StatusTitle(b.StatusCode), ApiErrors.StatusDetail(b.StatusCode), null),
            ValidationException v => (400, "提交的数据有误", string.Join("；", v.Errors.Select(e => e.ErrorMessage)), null),
            // The request body itself is broken: JSON that does not parse or fit, a multipart body without its boundary
            // or cut off in a part. The client's fault, whichever endpoint or page read it.
            JsonException => (400, "请求有误", "请求内容不是有效的 JSON，或字段类型不正确。", null),
            InvalidDataException => (400, "请求有误", "提交的表单格式有误（multipart 缺少 boundary 或内容不完整）。", null),
            IOException when exception.Source == "Microsoft.AspNetCore.WebUtilities" || http.RequestAborted.IsCancellationRequested =>
                (400, "请求有误", "提交的内容不完整，请重新提交。", null),
            _ => (500, "服务器内部错误", ApiErrors.StatusDetail(500), null),
        };
        if (status == 500)
        {
            log.LogError(exception, "未处理的异常");
        }
        var pd = new ProblemDetails { Status = status, Title = title, Detail = detail };
        if (rule is not null)
        {
            pd.Extensions["rule"] = rule;
        }
        await ApiErrors.WriteAsync(http, pd);
        return true;
    }
}

/// <summary>
/// A posted form whose checkbox value is not a boolean ("maybe") is shown again with its field error, but the
/// checkbox tag helper would convert that attempted value and throw (500). The attempted value becomes "false";
/// the error stays, so the page still answers with the form and its message.
/// </summary>
internal sealed class UnparsableCheckboxFilter(IModelMetadataProvider metadata) : IPageFilter
{
    public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        foreach (var (key, entry) in context.ModelState)
        {
            if (entry.ValidationState != ModelValidationState.Invalid || entry.AttemptedValue is not { } value || bool.TryParse(value, out _))
            {
                continue;
            }
            ModelMetadata? m = metadata.GetMetadataForType(context.HandlerInstance.GetType());
            foreach (var part in key.Split('.'))
            {
                m = m?.Properties[part];
            }
            if (m is not null && (Nullable.GetUnderlyingType(m.ModelType) ?? m.ModelType) == typeof(bool))
            {
                context.ModelState.SetModelValue(key, rawValue: "false", attemptedValue: "false");
            }
        }
    }

    public void OnPageHandlerSelected(PageHandlerSelectedContext context)
    {
    }

    public void OnPageHandlerExecuted(PageHandlerExecutedContext context)
    {
    }
}
