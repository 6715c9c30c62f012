using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Problems.Categories;
using Sunlight.Web.Features.Problems.Dispute;
using Sunlight.Web.Features.Problems.Escalate;
using Sunlight.Web.Features.Problems.Export;
using Sunlight.Web.Features.Problems.History;
using Sunlight.Web.Features.Problems.Import;
using Sunlight.Web.Features.Problems.Ledger;
using Sunlight.Web.Features.Problems.Progress;
using Sunlight.Web.Features.Problems.ProposeMeasures;
using Sunlight.Web.Features.Problems.Raise;
using Sunlight.Web.Features.Problems.Reconcile;
using Sunlight.Web.Features.Problems.Reopen;
using Sunlight.Web.Features.Problems.Ruling;
using Sunlight.Web.Features.Problems.Submit;
using Sunlight.Web.Features.Problems.Verify;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Export;
using Sunlight.Web.Infrastructure.Database;
using Sunlight.Web.Infrastructure.Files;

namespace Sunlight.Web.Features.Problems;

/// <summary>The ledger's filters and keyset paging (<c>after</c> = the last id seen, newest first).</summary>
internal sealed record ProblemQuery(long? UnitId, ProblemSource? Source, string? Category, ProblemState? State, bool? Overdue, string? Q, long? After, int? Limit)
{
    public ProblemFilter Filter => new(UnitId, Source, Category, State, Overdue, Q);
}

internal sealed record EvidenceDto(long Id, string FileName, string ContentType, long Size, string Sha256, string UploadedBy, DateTimeOffset UploadedAt);

internal sealed record ProgressDto(long Id, string Note, string CreatedBy, DateTimeOffset CreatedAt, IReadOnlyList<EvidenceDto> Evidence);

internal sealed record ProblemDetailDto(ProblemDto Problem, IReadOnlyList<ProgressDto> Progress, IReadOnlyList<TimelineEntry> Timeline);

internal static class ProblemEndpoints
{
    public static void MapProblems(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/problems").WithTags("问题清单与整改台账").RequireAuthorization(ProblemPolicies.Read);

        g.MapRaise();
        g.MapProposeMeasures();
        g.MapProgress();
        g.MapSubmit();
        g.MapVerify();
        g.MapReopen();
        Pause.PauseEndpoint.MapPause(g);
        Resume.ResumeEndpoint.MapResume(g);
        g.MapDispute();
        g.MapRuling();
        g.MapEscalate();
        g.MapImport();
        g.MapCategories();
        Figures.FiguresEndpoint.MapFigures(g);

        g.MapGet("/", async ([AsParameters] ProblemQuery q, SunlightDbContext db, TimeProvider clock, CancellationToken ct) =>
            TypedResults.Ok(await ProblemList.PageAsync(db, q.Filter, q.After, q.Limit, ChinaTime.Today(clock), ct)))
            .WithSummary("问题清单（按单位、来源、类别、状态、是否逾期筛选；最新在前，after 为上一页最后一条的 id；total 为筛选后的总数）");

        g.MapGet("/{id:long}", async Task<Results<Ok<ProblemDetailDto>, ProblemHttpResult>> (long id, SunlightDbContext db, ProblemHistory history, TimeProvider clock, CancellationToken ct) =>
            await ProblemDetailQuery.LoadAsync(db, history, id, ChinaTime.Today(clock), ct) is { } d ? TypedResults.Ok(d) : ApiErrors.NotFound("问题"))
            .WithSummary("问题详情：整改进展、证明材料和完整的处理记录（来自审计日志）");

        g.MapGet("/{id:long}/evidence/{fileId:long}", async Task<Results<FileStreamHttpResult, ProblemHttpResult>> (long id, long fileId, SunlightDbContext db, AttachmentStore store, CancellationToken ct) =>
        {
            // The problem is looked up in the caller's scope first: another unit's evidence is simply not there.
            if (!await db.Set<Problem>().AnyAsync(p => p.Id == id, ct))
            {
                return ApiErrors.NotFound("问题");
            }
            var file = await db.Set<ProblemProgress>().Where(p => p.ProblemId == id).SelectMany(p => p.Evidence)
                .Where(e => e.StoredFileId == fileId).Select(e => e.File).FirstOrDefaultAsync(ct);
            return file is null ? ApiErrors.NotFound("证明材料") : TypedResults.File(store.OpenRead(file), file.ContentType, file.FileName);
        }).WithSummary("下载证明材料");

        g.MapGet("/reconcile", async (long? unitId, Reconciliation reconcile, CancellationToken ct) => TypedResults.Ok(await reconcile.BuildAsync(unitId, ct)))
            .WithSummary("对账：按单位和全县汇总（登记、未制定措施、整改中、待核账、已销账、逾期）及对不上账的问题");

        g.MapGet("/export", ([AsParameters] ProblemQuery q, ExportLedger export) => export.Run(q.Filter))
            .Produces(StatusCodes.Status200OK, contentType: XlsxExport.ContentType)
            .WithSummary("导出整改台账（与列表相同的筛选条件与范围，.xlsx）");
    }

    /// <summary>A step's API answer: the problem as the ledger shows it, or 400/404/409 ProblemDetails.</summary>
    internal static Task<Results<Ok<ProblemDto>, ValidationProblem, ProblemHttpResult>> ToProblemHttpAsync(this Task<Outcome<Problem>> step,
        SunlightDbContext db, TimeProvider clock, CancellationToken ct) =>
        step.ToHttpAsync(async p => TypedResults.Ok(await DtoAsync(db, p, clock, ct)), "问题");

    internal static async Task<ProblemDto> DtoAsync(SunlightDbContext db, Problem p, TimeProvider clock, CancellationToken ct)
    {
        var unitName = await db.PublicUnits().Where(u => u.Id == p.UnitId).Select(u => u.Name).SingleAsync(ct);
        return ProblemDto.From(p, unitName, ChinaTime.Today(clock));
    }
}
