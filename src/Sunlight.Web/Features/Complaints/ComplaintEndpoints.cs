using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Complaints.Accept;
using Sunlight.Web.Features.Complaints.ApproveReply;
using Sunlight.Web.Features.Complaints.Assign;
using Sunlight.Web.Features.Complaints.Close;
using Sunlight.Web.Features.Complaints.Confidentiality;
using Sunlight.Web.Features.Complaints.Extend;
using Sunlight.Web.Features.Complaints.Intake;
using Sunlight.Web.Features.Complaints.IntakePoints;
using Sunlight.Web.Features.Complaints.Merge;
using Sunlight.Web.Features.Complaints.Public;
using Sunlight.Web.Features.Complaints.Queries;
using Sunlight.Web.Features.Complaints.Reject;
using Sunlight.Web.Features.Complaints.Reply;
using Sunlight.Web.Features.Complaints.Return;
using Sunlight.Web.Features.Complaints.StaffEntry;
using Sunlight.Web.Features.Registry;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Files;

namespace Sunlight.Web.Features.Complaints;

/// <summary>Staff API under /api/v1/complaints. Every read and every step goes through <see cref="ComplaintAccess"/>.</summary>
internal static class ComplaintEndpoints
{
    public static void MapComplaints(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/complaints").WithTags("投诉举报").RequireAuthorization(ComplaintPolicies.Read);

        g.MapGet("/", async ([AsParameters] ComplaintFilter f, ComplaintQueries q, CancellationToken ct) => TypedResults.Ok(await q.ListAsync(f, ct)))
            .WithSummary("投诉列表（监督人员：全县；执法单位：交办本单位的；按状态、单位、类别、渠道、是否逾期筛选）");

        g.MapGet("/{id:long}", async Task<Results<Ok<ComplaintDetail>, ProblemHttpResult>> (long id, ComplaintQueries q, CancellationToken ct) =>
            await q.DetailAsync(id, ct) is { } d ? TypedResults.Ok(d) : ApiErrors.NotFound("投诉"))
            .WithSummary("投诉详情与办理过程（不含投诉人身份）");

        g.MapGet("/{id:long}/reporter", async Task<Results<Ok<ReporterDto>, ProblemHttpResult>> (long id, ReporterIdentityReader reader, CancellationToken ct) =>
        {
            var (found, identity, anonymous) = await reader.ReadAsync(id, ct);
            return found ? TypedResults.Ok(new ReporterDto(id, anonymous, identity?.Name, identity?.Phone, identity?.Email)) : ApiErrors.NotFound("投诉");
        }).RequireAuthorization(ComplaintPolicies.Supervise).WithSummary("查看投诉人身份与联系方式（仅监督人员，每次查看均记入审计日志）");

        g.MapGet("/{id:long}/attachments/{attachmentId:long}", async Task<Results<FileStreamHttpResult, ProblemHttpResult>> (long id, long attachmentId, ComplaintAccess access, AttachmentStore store, CancellationToken ct) =>
        {
            var a = await access.Visible().Where(c => c.Id == id).SelectMany(c => c.Attachments).FirstOrDefaultAsync(x => x.Id == attachmentId, ct);
            return a is not null
                ? TypedResults.Stream(store.OpenRead(new StoredFile { Sha256 = a.Sha256 }), a.ContentType, a.FileName)
                : ApiErrors.NotFound("附件");
        }).WithSummary("下载投诉附件");

        g.MapPost("/", async Task<Results<Created<IntakeResponse>, ValidationProblem>> (StaffComplaintInput input, EnterComplaint enter, CancellationToken ct) =>
            Receipt(await enter.EnterAsync(input, [], ct)))
            .RequireAuthorization(ComplaintPolicies.Supervise).WithSummary("人工登记投诉（电话、邮件、来信、来访、12345 转办）");

        g.MapPost("/eml", async Task<Results<Created<IntakeResponse>, ValidationProblem>> (IFormFile eml, [FromForm] string? category, [FromForm] long? unitId, EnterComplaint enter, CancellationToken ct) =>
        {
            await using var stream = eml.OpenReadStream();
            return Receipt(await enter.FromEmlAsync(stream, category, unitId, ct));
        })
            .DisableAntiforgery() // Bearer-authenticated API; pages post through their own antiforgery-checked handler
            .WithMetadata(new RequestSizeLimitAttribute(IntakeLimits.MaxRequestBytes))
            .RequireAuthorization(ComplaintPolicies.Supervise).WithSummary("上传 .eml 邮件登记为投诉");

        g.MapPost("/{id:long}/accept", (long id, AcceptInput input, AcceptComplaint h, ComplaintQueries q, CancellationToken ct) => Step(h.RunAsync(id, input, ct), q, ct))
            .RequireAuthorization(ComplaintPolicies.Supervise).WithSummary("受理");
        g.MapPost("/{id:long}/reject", (long id, RejectInput input, RejectComplaint h, ComplaintQueries q, CancellationToken ct) => Step(h.RunAsync(id, input, ct), q, ct))
            .Validate<RejectInput>().RequireAuthorization(ComplaintPolicies.Supervise).WithSummary("不予受理（理由投诉人可见）");
        g.MapPost("/{id:long}/merge", (long id, MergeInput input, MergeComplaint h, ComplaintQueries q, CancellationToken ct) => Step(h.RunAsync(id, input, ct), q, ct))
            .RequireAuthorization(ComplaintPolicies.Supervise).WithSummary("作为重复投诉合并到另一件投诉");
        g.MapAssign();
        g.MapPost("/{id:long}/return", (long id, ReturnInput input, ReturnComplaint h, ComplaintQueries q, CancellationToken ct) => Step(h.RunAsync(id, input, ct), q, ct))
            .Validate<ReturnInput>().RequireAuthorization(ComplaintPolicies.Handle).WithSummary("退回（办理单位）");
        g.MapPost("/{id:long}/reply", (long id, ReplyInput input, DraftReply h, ComplaintQueries q, CancellationToken ct) => Step(h.RunAsync(id, input, ct), q, ct))
            .Validate<ReplyInput>().RequireAuthorization(ComplaintPolicies.Handle).WithSummary("提交答复（办理单位；经监督人员审核后投诉人可见）");
        g.MapPost("/{id:long}/reply/review", (long id, ReviewReplyInput input, ReviewReply h, ComplaintQueries q, CancellationToken ct) => Step(h.RunAsync(id, input, ct), q, ct))
            .RequireAuthorization(ComplaintPolicies.Supervise).WithSummary("审核答复：approve=true 同意（投诉人可见），false 退回修改");
        g.MapPost("/{id:long}/close", (long id, CloseInput input, CloseComplaint h, ComplaintQueries q, CancellationToken ct) => Step(h.RunAsync(id, input, ct), q, ct))
            .RequireAuthorization(ComplaintPolicies.Supervise).WithSummary("办结（属实的投诉列入问题清单）");
        g.MapPost("/{id:long}/extension", (long id, ExtensionRequestInput input, Extension h, ComplaintQueries q, CancellationToken ct) => Step(h.RequestAsync(id, input, ct), q, ct))
            .Validate<ExtensionRequestInput>().RequireAuthorization(ComplaintPolicies.Handle).WithSummary("申请延期（仅一次）");
        g.MapPost("/{id:long}/extension/decision", (long id, ExtensionDecisionInput input, Extension h, ComplaintQueries q, CancellationToken ct) => Step(h.DecideAsync(id, input, ct), q, ct))
            .RequireAuthorization(ComplaintPolicies.Supervise).WithSummary("审批延期申请");

        g.MapIntakePoints();
    }

    private static async Task<Results<Ok<ComplaintDto>, ProblemHttpResult>> Step(Task<Complaint?> step, ComplaintQueries q, CancellationToken ct) =>
        await step is { } c ? TypedResults.Ok((await q.DtoAsync(c, ct))!) : ApiErrors.NotFound("投诉");

    private static Results<Created<IntakeResponse>, ValidationProblem> Receipt(Outcome<IntakeReceipt> r) =>
        r.Value is { } receipt
            ? TypedResults.Created($"/api/v1/complaints/{receipt.Id}", new IntakeResponse(receipt.TrackingCode, receipt.Pin, $"/Public/Complaints/Track?code={receipt.TrackingCode}"))
            : ApiErrors.Invalid(r.Errors!);
}

internal sealed class ReasonValidators : AbstractValidator<RejectInput>
{
    public ReasonValidators() => RuleFor(x => x.Reason).NotEmpty().WithMessage("请填写不予受理的理由").MaximumLength(1000).WithMessage("理由不能超过 1000 字");
}

internal sealed class ReturnInputValidator : AbstractValidator<ReturnInput>
{
    public ReturnInputValidator() => RuleFor(x => x.Reason).NotEmpty().WithMessage("请填写退回理由").MaximumLength(1000).WithMessage("理由不能超过 1000 字");
}

internal sealed class ReplyInputValidator : AbstractValidator<ReplyInput>
{
    public ReplyInputValidator() => RuleFor(x => x.Text).NotEmpty().WithMessage("请填写答复内容").MaximumLength(5000).WithMessage("答复不能超过 5000 字");
}

internal sealed class ExtensionRequestValidator : AbstractValidator<ExtensionRequestInput>
{
    public ExtensionRequestValidator() => RuleFor(x => x.Reason).NotEmpty().WithMessage("请填写延期理由").MaximumLength(1000).WithMessage("理由不能超过 1000 字");
}
