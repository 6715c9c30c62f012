using System.Text.Json.Serialization;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Sunlight.Web.Features.Enforcement.Queries;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Files;

namespace Sunlight.Web.Features.Enforcement.Records;

/// <summary>全过程记录: a document or an audio-video recording of a milestone (multipart <c>file</c>, <c>milestone</c>, <c>documentKind</c>).</summary>
internal sealed record ProcessRecordInput(Upload? File, MilestoneKind? Milestone, string? DocumentKind)
{
    [JsonIgnore] public long Id { get; init; }
}

internal sealed class ProcessRecordInputValidator : AbstractValidator<ProcessRecordInput>
{
    public ProcessRecordInputValidator()
    {
        RuleFor(x => x.Milestone).NotNull().WithMessage("请选择办案环节").IsInEnum().WithMessage("请选择办案环节");
        RuleFor(x => x.DocumentKind).RequiredText("文书类别", CaseColumns.DocumentKindLength);
        RuleFor(x => x.File).NotNull().WithMessage("请选择文件").Custom((file, context) =>
        {
            if (file is not null && AttachmentStore.Check(file, media: true) is { } error)
            {
                context.AddFailure(error);
            }
        });
    }
}

/// <summary>
/// Stores the file by its SHA-256 in the shared store and records it on the case; an audio or video file (by content)
/// counts as the audio-video record S-AUDIOVIDEO asks of high-risk acts. The rules re-run on the save.
/// </summary>
internal sealed class AddProcessRecord(CaseWork work, AttachmentStore files, IValidator<ProcessRecordInput> validator) : UseCase<ProcessRecordInput, ProcessRecord>(validator)
{
    protected override async Task<Outcome<ProcessRecord>> HandleAsync(ProcessRecordInput input, CancellationToken ct)
    {
        var c = await work.LoadAsync(input.Id, null, ct);
        if (c is null)
        {
            return Outcome<ProcessRecord>.Missing();
        }
        var stored = await files.StoreAsync(input.File!, work.Actor, ct);
        var record = new ProcessRecord
        {
            Milestone = input.Milestone!.Value, DocumentKind = input.DocumentKind!.Trim(), IsAudioVideo = AttachmentStore.IsMedia(stored.ContentType),
            FileName = stored.FileName.Length > CaseColumns.FileNameLength ? stored.FileName[^CaseColumns.FileNameLength..] : stored.FileName,
            ContentType = stored.ContentType, Size = stored.Size, Sha256 = stored.Sha256, StoredAt = work.Now, StoredBy = work.Actor,
        };
        c.Records.Add(record);
        await work.CheckAndSaveAsync(c, ct);
        return record;
    }

    /// <summary>The multipart form as the input; a body that is not a form → null (400).</summary>
    internal static async Task<ProcessRecordInput?> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        if (!request.HasFormContentType)
        {
            return null;
        }
        var form = await request.ReadFormAsync(ct);
        var file = form.Files.GetFile("file");
        MilestoneKind? milestone = Enum.TryParse<MilestoneKind>(form["milestone"], out var m) && Enum.IsDefined(m) ? m : null;
        return new ProcessRecordInput(file is null ? null : new Upload(file.FileName, file.Length, file.OpenReadStream), milestone, form["documentKind"]);
    }
}

internal static class ProcessRecordEndpoint
{
    public static void MapProcessRecord(this RouteGroupBuilder cases) =>
        cases.MapPost("/{id:long}/records", async Task<Results<Ok<CaseDetail>, ValidationProblem, ProblemHttpResult>> (long id, HttpRequest request,
                AddProcessRecord step, CaseQueries q, CancellationToken ct) =>
            {
                var input = await AddProcessRecord.ReadAsync(request, ct);
                return input is null
                    ? ApiErrors.Invalid("body", "请以 multipart/form-data 提交 file、milestone、documentKind。")
                    : await step.RunAsync(input with { Id = id }, ct).ToHttpAsync(async r => TypedResults.Ok((await q.DetailAsync(id, ct))!), "案件");
            })
            .DisableAntiforgery().RequireAuthorization(EnforcementPolicies.Record)
            .WithMetadata(new RequestSizeLimitAttribute(AttachmentStore.MaxMediaBytes + 1024 * 1024))
            .WithSummary("上传全过程记录（multipart：file、milestone、documentKind；文书 PDF/JPG/PNG/docx ≤ 10 MB，音像 MP4/MOV/M4A/MP3/WAV ≤ 100 MB）");
}
