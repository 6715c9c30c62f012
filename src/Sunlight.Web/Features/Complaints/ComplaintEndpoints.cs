using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Complaints.Accept;
using Sunlight.Web.Features.Complaints.ApproveReply;
using Sunlight.Web.Features.Complaints.Assign;
using Sunlight.Web.Features.Complaints.Close;
using Sunlight.Web.Features.Complaints.Confidentiality;
using Sunlight.Web.Features.Complaints.Export;
using Sunlight.Web.Features.Complaints.Extend;
using Sunlight.Web.Features.Complaints.Intake;
using Sunlight.Web.Features.Complaints.IntakePoints;
using Sunlight.Web.Features.Complaints.Merge;
using Sunlight.Web.Features.Complaints.Pause;
using Sunlight.Web.Features.Complaints.PinLock;
using Sunlight.Web.Features.Complaints.Public;
using Sunlight.Web.Features.Complaints.Queries;
using Sunlight.Web.Features.Complaints.Reject;
using Sunlight.Web.Features.Complaints.Reply;
using Sunlight.Web.Features.Complaints.Resume;
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
        Figures.FiguresEndpoint.MapFigures(g);

        g.MapGet("/", async ([AsParameters] ComplaintFilter f, ComplaintQueries q, CancellationToken ct) => TypedResults.Ok(await q.ListAsync(f, ct)))
            .WithSummary("投诉列表（监督人员：全县；执法单位：交办本单位的；按状态、单位、类别、渠道、是否逾期筛选）");

        g.MapGet("/{id:long}", async Task<Results<Ok<ComplaintDetail>, ProblemHttpResult>> (long id, ComplaintQueries q, CancellationToken ct) =>
            await q.DetailAsync(id, ct) is { } d ? TypedResults.Ok(d) : ApiErrors.NotFound("投诉"))
            .WithSummary("投诉详情与办理过程（不含投诉人身份）");

        g.MapGet("/{id:long}/reporter", (long id, ReporterIdentityReader reader, CancellationToken ct) =>
            reader.ReadAsync(id, ct).ToHttpAsync(TypedResults.Ok, "投诉")).RequireAuthorization(ComplaintPolicies.Supervise).WithSummary("查看投诉人身份与联系方式（仅监督人员，每次查看均记入审计日志）");

        g.MapGet("/{id:long}/attachments/{attachmentId:long}", async Task<Results<FileStreamHttpResult, ProblemHttpResult>> (long id, long attachmentId, ComplaintAccess access, AttachmentStore store, CancellationToken ct) =>
        {
            var a = await access.Visible().Where(c => c.Id == id).SelectMany(c => c.Attachments).FirstOrDefaultAsync(x => x.Id == attachmentId, ct);
            return a is not null
                ? TypedResults.Stream(store.OpenRead(new StoredFile { Sha256 = a.Sha256 }), a.ContentType, a.FileName)
                : ApiErrors.NotFound("附件");
        }).RequireAuthorization(ComplaintPolicies.ReadAttachments).WithSummary("下载投诉附件（监督人员、承办单位）");

        g.MapPost("/", async Task<Results<Created<IntakeResponse>, ValidationProblem>> (StaffComplaintInput? input, EnterComplaint enter, CancellationToken ct) =>
            Receipt(await enter.RunAsync(input, ct)))
            .RequireAuthorization(ComplaintPolicies.Supervise).WithSummary("人工登记投诉（电话、邮件、来信、来访、12345 转办）");

        g.MapPost("/eml", async Task<Results<Created<IntakeResponse>, ValidationProblem>> (IFormFile eml, [FromForm] string? category, [FromForm] long? unitId, EnterComplaint enter, CancellationToken ct) =>
        {
            await using var stream = eml.OpenReadStream();
            return Receipt(await enter.FromEmlAsync(stream, category, unitId, ct));
        })
            .WithMetadata(new RequestSizeLimitAttribute(IntakeLimits.MaxRequestBytes))
            .RequireAuthorization(ComplaintPolicies.Supervise).WithSummary("上传 .eml 邮件登记为投诉");

        g.MapExport();
        g.MapAccept();
        g.MapReject();
        g.MapMerge();
        g.MapAssign();
        g.MapReturn();
        g.MapPause();
        g.MapResume();
        g.MapReply();
        g.MapReviewReply();
        g.MapClose();
        g.MapRequestExtension();
        g.MapDecideExtension();
        g.MapIntakePoints();
        g.MapUnlockPin();
    }

    private static Results<Created<IntakeResponse>, ValidationProblem> Receipt(Outcome<IntakeReceipt> r) =>
        r.Value is { } receipt
            ? TypedResults.Created($"/api/v1/complaints/{receipt.Id}", new IntakeResponse(receipt.TrackingCode, receipt.Pin, $"/Public/Complaints/Track?code={receipt.TrackingCode}"))
            : ApiErrors.Invalid(r.Errors!);
}
