using FluentValidation;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Sunlight.Web.Features.Complaints.Intake;
using Sunlight.Web.Features.Complaints.Queries;
using Sunlight.Web.Features.Complaints.Rate;
using Sunlight.Web.Infrastructure.Api;

namespace Sunlight.Web.Features.Complaints.Public;

internal sealed record IntakeResponse(string TrackingCode, string Pin, string StatusUrl);

/// <summary>The PIN of a public lookup, sent in the body.</summary>
internal sealed record PinInput(string? Pin);

internal sealed class PinInputValidator : AbstractValidator<PinInput>
{
    public PinInputValidator() => RuleFor(x => x.Pin).RequiredText("查询密码", 20);
}

/// <summary>The public side: no login; a complaint is reached only by its tracking code and PIN.</summary>
internal static class PublicComplaintEndpoints
{
    public static void MapPublicComplaints(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/public/complaints").WithTags("投诉举报（公众）").AllowAnonymous();

        g.MapPost("/", async Task<Results<Created<IntakeResponse>, ValidationProblem>> (HttpRequest request, SubmitComplaint submit, CancellationToken ct) =>
        {
            var (input, files, error) = await ReadAsync(request, ct);
            if (error is not null)
            {
                return error;
            }
            var r = await submit.SubmitAsync(input!, files, new IntakeSource(ComplaintChannel.WebForm), staffEntry: false, ct);
            return r.Value is { } receipt
                ? TypedResults.Created($"/Public/Complaints/Track?code={receipt.TrackingCode}", new IntakeResponse(receipt.TrackingCode, receipt.Pin, $"/Public/Complaints/Track?code={receipt.TrackingCode}"))
                : ApiErrors.Invalid(r.Errors!);
        })
        .RequireRateLimiting(PublicRateLimits.IntakePolicy)
        .WithMetadata(new RequestSizeLimitAttribute(IntakeLimits.MaxRequestBytes))
        .WithFormOptions(multipartBodyLengthLimit: IntakeLimits.MaxRequestBytes)
        .Accepts<ComplaintSubmission>("application/json", "multipart/form-data")
        .WithSummary("提交投诉（无需登录；JSON，或 multipart/form-data 附最多 5 个图片/PDF 附件）；返回查询码和密码");

        // The PIN is a secret: it travels in the body of a POST, never in a URL (logs, history, proxies), and the answer is not stored.
        g.MapPost("/{trackingCode}/status", async Task<Results<Ok<PublicComplaintView>, ValidationProblem, ProblemHttpResult>> (string trackingCode, PinInput? input, IValidator<PinInput> validator, HttpResponse response, ComplaintQueries queries, CancellationToken ct) =>
        {
            response.Headers.CacheControl = "no-store";
            if (input is null)
            {
                return ApiErrors.Invalid("pin", "请输入查询密码。");
            }
            if (validator.Validate(input) is { IsValid: false } check)
            {
                return ApiErrors.Invalid(check.ToDictionary());
            }
            return await queries.PublicViewAsync(trackingCode, input?.Pin, ct) switch
            {
                { Value: { } view } => TypedResults.Ok(view),
                { Rule: { } rule } r => ApiErrors.Conflict(rule, r.Detail!),
                _ => NotFound(),
            };
        })
            .RequireRateLimiting(PublicRateLimits.LookupPolicy)
            .WithSummary("按查询码和密码（请求体 {\"pin\":…}）查看投诉办理进度与答复（不含任何身份信息）");

        g.MapPost("/{trackingCode}/rating", async Task<Results<Ok<PublicComplaintView>, ValidationProblem, ProblemHttpResult>> (string trackingCode, RatingInput? input, RateReply rate, ComplaintQueries queries, CancellationToken ct) =>
            await rate.RunAsync(input is null ? null : input with { TrackingCode = trackingCode }, ct) switch
            {
                { NotFound: true } => NotFound(),
                var r => await Task.FromResult(r).ToHttpAsync(async c => TypedResults.Ok((await queries.PublicViewAsync(c.TrackingCode, input!.Pin, ct)).Value!), "投诉"),
            })
            .RequireRateLimiting(PublicRateLimits.LookupPolicy)
            .WithSummary("投诉人评价答复（满意/不满意）；首次不满意将重新交办办理");
    }

    private static ProblemHttpResult NotFound() =>
        TypedResults.Problem(title: "未找到", detail: "查询码或密码不正确。", statusCode: StatusCodes.Status404NotFound);

    /// <summary>JSON, or a form with the same field names plus files under "attachments".</summary>
    internal static async Task<(ComplaintSubmission? Input, List<IncomingFile> Files, ValidationProblem? Error)> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(ct);
            string? F(string name) => form.TryGetValue(name, out var v) && !string.IsNullOrEmpty(v.ToString()) ? v.ToString() : null;
            // A value that does not parse is refused, never silently dropped.
            var errors = new Dictionary<string, string[]>();
            long? unit = F("unitId") is { } u ? long.TryParse(u, out var id) ? id : Refuse<long>("unitId", "执法单位编号格式不正确。") : null;
            DateOnly? on = F("occurredOn") is { } o ? DateOnly.TryParse(o, CultureInfo.InvariantCulture, out var d) ? d : Refuse<DateOnly>("occurredOn", "发生日期格式不正确（应为 yyyy-MM-dd）。") : null;
            var anonymous = F("anonymous") switch
            {
                "true" or "on" or "1" => true,
                null or "false" or "off" or "0" => false,
                _ => Refuse<bool>("anonymous", "是否匿名只能为 true 或 false。") ?? false,
            };
            if (errors.Count > 0)
            {
                return (null, [], ApiErrors.Invalid(errors));
            }
            var input = new ComplaintSubmission(F("category"), F("description"), unit, F("enterpriseName"), F("enterpriseUscc"), on,
                anonymous, F("reporterName"), F("reporterPhone"), F("reporterEmail"), F("intakePoint"));
            var files = form.Files.Where(f => f.Length > 0).Select(f => new IncomingFile(f.FileName, f.Length, f.OpenReadStream)).ToList();
            return (input, files, null);

            T? Refuse<T>(string field, string message)
                where T : struct
            {
                errors[field] = [message];
                return null;
            }
        }
        // Malformed JSON is answered 400 by the shared exception handler (ApiErrors).
        var json = await request.ReadFromJsonAsync<ComplaintSubmission>(JsonOptions, ct);
        return json is null ? (null, [], ApiErrors.Invalid("body", "请求内容不能为空。")) : (json, [], null);
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);
}

internal static class IntakeLimits
{
    /// <summary>5 files of 10 MB and the text, with room for multipart framing.</summary>
    public const long MaxRequestBytes = 52 * 1024 * 1024;
}
