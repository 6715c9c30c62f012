using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Sunlight.Web.Features.Enforcement.Queries;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Files;

namespace Sunlight.Web.Features.Enforcement.Records;

/// <summary>The upload form's fields (a browser posts a file, not the use case's <see cref="Upload"/>).</summary>
internal sealed class ProcessRecordForm
{
    public IFormFile? File { get; set; }
    public MilestoneKind? Milestone { get; set; }
    public string? DocumentKind { get; set; }
}

/// <summary>上传全过程记录 in the browser; the form is embedded in the case page and posts here; the case page lists each record with its SHA-256.</summary>
[Authorize(Policy = EnforcementPolicies.Record)]
[RequestSizeLimit(AttachmentStore.MaxMediaBytes + 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = AttachmentStore.MaxMediaBytes + 1024 * 1024)]
internal sealed class ProcessRecordModel(AddProcessRecord add, CaseQueries queries) : CaseStepPage<ProcessRecordForm, ProcessRecord>(queries)
{
    protected override Task<Outcome<ProcessRecord>> RunAsync(long id, CancellationToken ct) =>
        add.RunAsync(Input is null ? null : new ProcessRecordInput(Input.File is { } f ? new Upload(f.FileName, f.Length, f.OpenReadStream) : null, Input.Milestone, Input.DocumentKind)
        {
            Id = id,
        }, ct);

    protected override string Done(ProcessRecord r) => $"已上传“{r.FileName}”，SHA-256：{r.Sha256}。";
}
