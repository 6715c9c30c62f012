using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Leniency.FirstViolation;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;
using Sunlight.Web.Infrastructure.Files;

namespace Sunlight.Web.Features.Leniency.Exemptions;

internal sealed record ExemptionDto(long Id, string Number, long UnitId, string UnitName, ListKind Kind, string KindName, long ListItemId, string ItemName,
    string LegalBasis, string Uscc, string EnterpriseName, string Facts, DateOnly ViolationOn, DateOnly DecidedOn, string Education,
    DateOnly CorrectionDeadline, PledgeState State, string StateName, string? PledgeEvidence, DateOnly? PledgeRecordedOn, DateOnly? OverdueFlaggedOn,
    bool HasSignedLetter, string Officer, Guid Version, long? PenaltyCaseId = null);

internal sealed record ExemptionDetailDto(ExemptionDto Exemption, IReadOnlyList<string> ConfirmedConditions, IReadOnlyList<PriorViolation> OtherUnits);

/// <summary>The ledger's filters: unit, kind, pledge state, USCC, decided from/to; keyset <c>after</c>/<c>limit</c>, newest first.</summary>
internal sealed record ExemptionQuery(long? UnitId, ListKind? Kind, PledgeState? Pledge, string? Uscc, DateOnly? From, DateOnly? To, long? After, int? Limit)
{
    public IQueryable<ExemptionCase> Apply(IQueryable<ExemptionCase> rows)
    {
        if (UnitId is { } unit) rows = rows.Where(e => e.UnitId == unit);
        if (Kind is { } kind) rows = rows.Where(e => e.Kind == kind);
        if (Pledge is { } pledge) rows = rows.Where(e => e.State == pledge);
        if (!string.IsNullOrWhiteSpace(Uscc))
        {
            var uscc = Registry.Uscc.Normalize(Uscc);
            rows = rows.Where(e => e.Uscc == uscc);
        }
        if (From is { } from) rows = rows.Where(e => e.DecidedOn >= from);
        if (To is { } to) rows = rows.Where(e => e.DecidedOn <= to);
        return rows;
    }
}

internal sealed class ExemptionQueries(SunlightDbContext db, FirstViolationCheck check)
{
    public async Task<Page<ExemptionDto>> PageAsync(ExemptionQuery q, CancellationToken ct)
    {
        var page = await q.Apply(db.Set<ExemptionCase>().AsNoTracking()).KeysetAsync(e => e.Id, true, q.After, q.Limit, e => e, e => e.Id, ct);
        var names = await db.UnitNamesAsync(page.Items.Select(i => (long?)i.UnitId), ct);
        return page.Map(e => Dto(e, names.GetValueOrDefault(e.UnitId, "")));
    }

    public async Task<ExemptionDetailDto?> DetailAsync(long id, CancellationToken ct)
    {
        var e = await db.Set<ExemptionCase>().AsNoTracking().Include(x => x.Conditions).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (e is null)
        {
            return null;
        }
        var names = await db.UnitNamesAsync([e.UnitId], ct);
        var others = await check.CheckAsync(e.UnitId, e.RegionCode, e.Uscc, e.ItemName, e.Id, ct);
        return new ExemptionDetailDto(Dto(e, names.GetValueOrDefault(e.UnitId, "")), e.Conditions.OrderBy(c => c.Order).Select(c => c.Text).ToList(), others.OtherUnits);
    }

    internal static ExemptionDto Dto(ExemptionCase e, string unitName) =>
        new(e.Id, e.Number, e.UnitId, unitName, e.Kind, LeniencyNames.Of(e.Kind), e.ListItemId, e.ItemName, e.LegalBasis, e.Uscc, e.EnterpriseName, e.Facts,
            e.ViolationOn, e.DecidedOn, e.Education, e.CorrectionDeadline, e.State, LeniencyNames.Of(e.State), e.PledgeEvidence, e.PledgeRecordedOn,
            e.OverdueFlaggedOn, e.SignedLetterFileId is not null, e.Officer, e.Version, e.PenaltyCaseId);
}

internal static class ExemptionReads
{
    public static void MapExemptionReads(this RouteGroupBuilder g)
    {
        g.MapGet("/exemptions", async ([AsParameters] ExemptionQuery q, ExemptionQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.PageAsync(q, ct)))
            .WithSummary("免罚案件台账（按单位、类别、承诺履行情况 pledge、企业、处理日期筛选；最新在前）");
        g.MapGet("/exemptions/{id:long}", async Task<Results<Ok<ExemptionDetailDto>, ProblemHttpResult>> (long id, ExemptionQueries queries, CancellationToken ct) =>
                await queries.DetailAsync(id, ct) is { } d ? TypedResults.Ok(d) : ApiErrors.NotFound("免罚案件"))
            .WithSummary("免罚案件详情：确认的适用条件、教育情况、承诺整改，及本县其他单位期限内的违法记录（仅供参考）");
        g.MapGet("/exemptions/{id:long}/letter", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (long id, SunlightDbContext db, CancellationToken ct) =>
            {
                var e = await db.Set<ExemptionCase>().AsNoTracking().Include(x => x.Conditions).FirstOrDefaultAsync(x => x.Id == id, ct);
                if (e is null)
                {
                    return ApiErrors.NotFound("免罚案件");
                }
                var unitName = (await db.UnitNamesAsync([e.UnitId], ct)).GetValueOrDefault(e.UnitId, "");
                return TypedResults.File(CommitmentLetter.Build(e, unitName), Infrastructure.Documents.OfficialDocument.ContentType, $"告知承诺书-{e.Number}.docx");
            })
            .WithSummary("生成告知承诺书（.docx，已填入企业、事项、违法事实和整改期限）");
        g.MapGet("/exemptions/{id:long}/signed-letter", async Task<Results<FileStreamHttpResult, ProblemHttpResult>> (long id, SunlightDbContext db, AttachmentStore store, CancellationToken ct) =>
            {
                var fileId = await db.Set<ExemptionCase>().Where(x => x.Id == id).Select(x => new { x.SignedLetterFileId }).FirstOrDefaultAsync(ct);
                if (fileId is null)
                {
                    return ApiErrors.NotFound("免罚案件");
                }
                var file = await db.Set<StoredFile>().AsNoTracking().FirstOrDefaultAsync(f => f.Id == fileId.SignedLetterFileId, ct);
                return file is null ? ApiErrors.NotFound("签字的告知承诺书") : TypedResults.File(store.OpenRead(file), file.ContentType, file.FileName);
            })
            .WithSummary("下载已上传的签字告知承诺书");
    }
}
