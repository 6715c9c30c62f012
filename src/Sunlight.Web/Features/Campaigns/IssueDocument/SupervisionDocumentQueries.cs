using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Campaigns.Supervision;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;
using Sunlight.Web.Infrastructure.Documents;
using Sunlight.Web.Infrastructure.Files;

namespace Sunlight.Web.Features.Campaigns.IssueDocument;

internal sealed record ResponseFileDto(long Id, string FileName);

internal sealed record SupervisionDocumentDto(long Id, long CampaignId, long InspectionId, long UnitId, string UnitName, SupervisionDocumentType Type,
    string TypeText, string Number, string Facts, string Basis, string CorrectionRequired, int ResponseWorkingDays, DateOnly ResponseDueOn,
    DateOnly IssuedOn, string IssuedBy, string? Response, DateOnly? RespondedOn, string? RespondedBy, bool RespondedLate,
    IReadOnlyList<ResponseFileDto> Files, Guid Version);

/// <summary>
/// Supervision documents as the caller may see them: those of the inspections they see (a unit its own, an Inspector
/// those of the units assigned to them, the bureau and observers the county's); one document, a campaign's list, the .docx.
/// </summary>
internal sealed class SupervisionDocumentQueries(SunlightDbContext db, CampaignScope scope)
{
    public IQueryable<SupervisionDocument> Visible()
    {
        var inspections = scope.Inspections().Select(i => i.Id);
        return db.Set<SupervisionDocument>().AsNoTracking().Where(d => inspections.Contains(d.SupervisoryInspectionId));
    }

    public async Task<SupervisionDocumentDto?> DetailAsync(long id, CancellationToken ct)
    {
        var d = await Visible().Include(x => x.ResponseFiles).ThenInclude(f => f.File).FirstOrDefaultAsync(x => x.Id == id, ct);
        return d is null ? null : (await DtosAsync([d], ct))[0];
    }

    public async Task<Page<SupervisionDocumentDto>> ListAsync(long campaignId, long? after, int? limit, CancellationToken ct)
    {
        var page = await Visible().Include(x => x.ResponseFiles).ThenInclude(f => f.File).Where(d => d.CampaignId == campaignId).KeysetAsync(d => d.Id, true, after, limit, d => d, d => d.Id, ct);
        var dtos = await DtosAsync(page.Items, ct);
        return new Page<SupervisionDocumentDto>(dtos, page.NextCursor, page.Total, page.TotalCapped);
    }

    private async Task<IReadOnlyList<SupervisionDocumentDto>> DtosAsync(IReadOnlyList<SupervisionDocument> documents, CancellationToken ct)
    {
        var names = await db.UnitNamesAsync(documents.Select(d => (long?)d.UnitId), ct);
        return documents.Select(d => new SupervisionDocumentDto(d.Id, d.CampaignId, d.SupervisoryInspectionId, d.UnitId, names.GetValueOrDefault(d.UnitId, ""),
            d.Type, FollowUpNames.DocumentType(d.Type), d.Number, d.Facts, d.Basis, d.CorrectionRequired, d.ResponseWorkingDays, d.ResponseDueOn,
            d.IssuedOn, d.IssuedBy, d.Response, d.RespondedOn, d.RespondedBy, d.RespondedLate,
            d.ResponseFiles.Where(f => f.File is not null).Select(f => new ResponseFileDto(f.Id, f.File!.FileName)).ToList(), d.Version)).ToList();
    }

    /// <summary>The document as .docx in the government-document layout (<see cref="OfficialDocument"/>).</summary>
    public async Task<(string Name, byte[] Docx)?> DocxAsync(long id, CancellationToken ct)
    {
        if (await DetailAsync(id, ct) is not { } d)
        {
            return null;
        }
        var bytes = new OfficialDocument().Title(d.TypeText).Centered(d.Number).Line($"{d.UnitName}：")
            .Heading("一、查明的事实").Paragraph(d.Facts)
            .Heading("二、依据").Paragraph(d.Basis)
            .Heading("三、纠正要求").Paragraph(d.CorrectionRequired)
            .Heading("四、回复期限")
            .Paragraph($"请你单位于 {d.ResponseDueOn:yyyy年M月d日} 前（{d.ResponseWorkingDays} 个工作日内）将纠正情况书面回复县司法局。")
            .Signature(SupervisionDocuments.Issuer, d.IssuedOn)
            .Footer($"文号 {d.Number}")
            .ToBytes();
        return ($"{d.TypeText}-{d.Number}-{d.UnitName}.docx", bytes);
    }

    /// <summary>An attachment of the unit's response, if the caller sees the document.</summary>
    public Task<StoredFile?> ResponseFileAsync(long id, long fileId, CancellationToken ct) =>
        Visible().Where(d => d.Id == id).SelectMany(d => d.ResponseFiles).Where(f => f.Id == fileId).Select(f => f.File).FirstOrDefaultAsync(ct);
}

internal static class SupervisionDocumentReads
{
    public static void MapSupervisionDocumentReads(this RouteGroupBuilder campaigns)
    {
        campaigns.MapGet("/{id:long}/documents", async (long id, long? after, int? limit, SupervisionDocumentQueries q, CancellationToken ct) =>
                TypedResults.Ok(await q.ListAsync(id, after, limit, ct)))
            .WithSummary("专项治理的监督文书（最新在前），含单位的书面回复");
        campaigns.MapGet("/documents/{id:long}", async Task<Results<Ok<SupervisionDocumentDto>, ProblemHttpResult>> (long id, SupervisionDocumentQueries q, CancellationToken ct) =>
                await q.DetailAsync(id, ct) is { } d ? TypedResults.Ok(d) : ApiErrors.NotFound("监督文书"))
            .WithSummary("监督文书及单位的书面回复");
        campaigns.MapGet("/documents/{id:long}/docx", async Task<IResult> (long id, SupervisionDocumentQueries q, CancellationToken ct) =>
                await q.DocxAsync(id, ct) is { } d ? TypedResults.File(d.Docx, OfficialDocument.ContentType, d.Name) : ApiErrors.NotFound("监督文书"))
            .WithSummary("监督文书 .docx（公文格式）");
        campaigns.MapGet("/documents/{id:long}/files/{fileId:long}", async Task<IResult> (long id, long fileId, SupervisionDocumentQueries q, AttachmentStore store, CancellationToken ct) =>
                await q.ResponseFileAsync(id, fileId, ct) is { } f ? TypedResults.Stream(store.OpenRead(f), f.ContentType, f.FileName) : ApiErrors.NotFound("附件"))
            .WithSummary("下载单位书面回复的附件");
    }
}
