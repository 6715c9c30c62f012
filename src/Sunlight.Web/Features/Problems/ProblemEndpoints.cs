using Sunlight.Web.Infrastructure.Import;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Platform.Escalations;
using Sunlight.Web.Features.Problems.Categories;
using Sunlight.Web.Features.Problems.Dispute;
using Sunlight.Web.Features.Problems.Export;
using Sunlight.Web.Features.Problems.History;
using Sunlight.Web.Features.Problems.Import;
using Sunlight.Web.Features.Problems.Ledger;
using Sunlight.Web.Features.Problems.Progress;
using Sunlight.Web.Features.Problems.ProposeMeasures;
using Sunlight.Web.Features.Problems.Raise;
using Sunlight.Web.Features.Problems.Reconcile;
using Sunlight.Web.Features.Problems.Reopen;
using Sunlight.Web.Features.Problems.Submit;
using Sunlight.Web.Features.Problems.Verify;
using Sunlight.Web.Features.Registry;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;
using Sunlight.Web.Infrastructure.Files;

namespace Sunlight.Web.Features.Problems;

public sealed record ProblemQuery(long? UnitId, ProblemSource? Source, string? Category, ProblemState? State, bool? Overdue, string? Q, long? Before, int? Limit)
{
    public ProblemFilter Filter => new(UnitId, Source, Category, State, Overdue, Q);
}

public sealed record EvidenceDto(long Id, string FileName, string ContentType, long Size, string Sha256, string UploadedBy, DateTimeOffset UploadedAt);

public sealed record ProgressDto(long Id, string Note, string CreatedBy, DateTimeOffset CreatedAt, IReadOnlyList<EvidenceDto> Evidence);

public sealed record ProblemDetailDto(ProblemDto Problem, IReadOnlyList<ProgressDto> Progress, IReadOnlyList<TimelineEntry> Timeline);

public sealed record ProblemEscalationInput(EscalationKind Kind, string Reason);

internal static class ProblemEndpoints
{
    public static void MapProblems(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/problems").WithTags("问题清单与整改台账").RequireAuthorization(p => p.RequireRole(ProblemRoles.Split(ProblemRoles.Read)));
        string[] unit = ProblemRoles.Split(ProblemRoles.Unit), bureau = ProblemRoles.Split(ProblemRoles.Bureau);

        g.MapGet("/", async ([AsParameters] ProblemQuery q, SunlightDbContext db, TimeProvider clock, CancellationToken ct) =>
            TypedResults.Ok(await ProblemList.PageAsync(db, q.Filter, q.Before, q.Limit, ChinaTime.Today(clock), ct)))
            .WithSummary("问题清单（按单位、来源、类别、状态、是否逾期筛选；最新在前，before 为上一页最后一条的 id）");

        g.MapGet("/{id:long}", async Task<Results<Ok<ProblemDetailDto>, ProblemHttpResult>> (long id, SunlightDbContext db, ProblemHistory history, TimeProvider clock, CancellationToken ct) =>
            await ProblemDetailQuery.LoadAsync(db, history, id, ChinaTime.Today(clock), ct) is { } d ? TypedResults.Ok(d) : ApiErrors.NotFound("问题"))
            .WithSummary("问题详情：整改进展、证明材料和完整的处理记录（来自审计日志）");

        g.MapPost("/", async Task<Results<Created<ProblemDto>, ValidationProblem, ProblemHttpResult>> (RaiseInput input, RaiseProblem raise, SunlightDbContext db, TimeProvider clock, CancellationToken ct) =>
        {
            var r = await raise.HandleAsync(input, ct);
            if (r.NotFound)
            {
                return ApiErrors.NotFound("责任单位");
            }
            return r.Value is { } p ? TypedResults.Created($"/api/v1/problems/{p.Id}", await DtoAsync(db, p, clock, ct)) : ApiErrors.Invalid(r.Errors!);
        }).RequireAuthorization(p => p.RequireRole(ProblemRoles.Split(ProblemRoles.Raise))).WithSummary("登记问题（UnitStaff 只能登记本单位自查问题）");

        g.MapPost("/{id:long}/measures", (long id, ProposeMeasuresInput input, ProposeRectificationMeasures step, SunlightDbContext db, TimeProvider clock, CancellationToken ct) =>
            Respond(step.HandleAsync(id, input, ct), db, clock, ct))
            .RequireAuthorization(p => p.RequireRole(unit)).WithSummary("制定整改措施和整改时限（不填时限则默认 20 个工作日）");

        g.MapPost("/{id:long}/progress", (long id, [FromForm] string? note, [FromForm] Guid version, IFormFileCollection? files, ReportProgress step, SunlightDbContext db, TimeProvider clock, CancellationToken ct) =>
            Respond(step.HandleAsync(id, new ProgressInput(note ?? "", version, Uploads(files)), ct), db, clock, ct))
            .DisableAntiforgery().RequireAuthorization(p => p.RequireRole(unit))
            .WithSummary("报送整改进展并上传证明材料（multipart：note、version、files；JPG/PNG/PDF/docx/xlsx，单个不超过 10 MB）");

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

        g.MapPost("/{id:long}/submit", (long id, SubmitInput input, SubmitRectification step, SunlightDbContext db, TimeProvider clock, CancellationToken ct) =>
            Respond(step.HandleAsync(id, input, ct), db, clock, ct))
            .RequireAuthorization(p => p.RequireRole(unit)).WithSummary("整改完成，提交核账");

        g.MapPost("/{id:long}/verify", (long id, VerifyInput input, VerifyRectification step, SunlightDbContext db, TimeProvider clock, CancellationToken ct) =>
            Respond(step.HandleAsync(id, input, ct), db, clock, ct))
            .RequireAuthorization(p => p.RequireRole(bureau)).WithSummary("核账：通过即销账；退回须填写核查意见");

        g.MapPost("/{id:long}/reopen", (long id, ReopenInput input, ReopenProblem step, SunlightDbContext db, TimeProvider clock, CancellationToken ct) =>
            Respond(step.HandleAsync(id, input, ct), db, clock, ct))
            .RequireAuthorization(p => p.RequireRole(bureau)).WithSummary("问题复发，重新打开已销账问题");

        g.MapPost("/{id:long}/dispute", (long id, DisputeInput input, DisputeProblem step, SunlightDbContext db, TimeProvider clock, CancellationToken ct) =>
            Respond(step.DisputeAsync(id, input, ct), db, clock, ct))
            .RequireAuthorization(p => p.RequireRole(unit)).WithSummary("责任单位对问题提出异议");

        g.MapPost("/{id:long}/dispute/ruling", (long id, DisputeRulingInput input, DisputeProblem step, SunlightDbContext db, TimeProvider clock, CancellationToken ct) =>
            Respond(step.RuleAsync(id, input, ct), db, clock, ct))
            .RequireAuthorization(p => p.RequireRole(bureau)).WithSummary("裁定异议：成立则撤销问题，不成立则继续整改");

        g.MapPost("/{id:long}/escalations", async Task<Results<Created<EscalationDto>, ValidationProblem, ProblemHttpResult>> (long id, ProblemEscalationInput input, SunlightDbContext db, EscalationLedger ledger, CancellationToken ct) =>
        {
            var problem = await db.Set<Problem>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
            if (problem is null)
            {
                return ApiErrors.NotFound("问题");
            }
            if (ManualEscalation.Check(input.Kind, input.Reason) is { } error)
            {
                return ApiErrors.Invalid(error.Field, error.Message);
            }
            var e = await ledger.RecordManualAsync(input.Kind, problem.UnitId, nameof(Problem), problem.Id, input.Reason.Trim(), ProblemQueries.Link(problem), ct);
            return TypedResults.Created($"/api/v1/escalations?unitId={e.UnitId}", ManualEscalation.Dto(e));
        }).RequireAuthorization(p => p.RequireRole(bureau)).WithSummary("针对问题记录约谈、移送纪委监委或督办");

        g.MapGet("/reconcile", async (long? unitId, Reconciliation reconcile, CancellationToken ct) => TypedResults.Ok(await reconcile.BuildAsync(unitId, ct)))
            .WithSummary("对账：按单位和全县汇总（登记、未制定措施、整改中、待核账、已销账、逾期）及对不上账的问题");

        g.MapGet("/export", async ([AsParameters] ProblemQuery q, ExportLedger export, TimeProvider clock, CancellationToken ct) =>
            TypedResults.File(await export.XlsxAsync(q.Filter, ct), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                $"整改台账-{ChinaTime.Today(clock):yyyyMMdd}.xlsx"))
            .WithSummary("导出整改台账（.xlsx）");

        g.MapPost("/import", (IFormFile? file, string? mode, ImportProblems import, CancellationToken ct) =>
            ImportPipeline.HandleAsync(file, mode, ImportProblems.Required, import.RunAsync, ct))
            .DisableAntiforgery().RequireAuthorization(p => p.RequireRole(bureau))
            .WithSummary("从 Excel/CSV 导入问题清单（multipart 字段 file；mode=strict 有错误则整表不导入，validOnly 仅导入有效行；逐行说明错误）");

        var c = g.MapGroup("/categories");
        c.MapGet("/", async (bool? activeOnly, ProblemCategories categories, CancellationToken ct) =>
            TypedResults.Ok((await categories.ListAsync(activeOnly ?? false, ct)).Select(CategoryDto.From).ToList()))
            .WithSummary("问题类别字典");
        c.MapPost("/", async Task<Results<Created<CategoryDto>, ValidationProblem, ProblemHttpResult>> (CategoryInput input, ProblemCategories categories, CancellationToken ct) =>
        {
            var r = await categories.SaveAsync(null, input, ct);
            return r.Value is { } saved ? TypedResults.Created($"/api/v1/problems/categories/{saved.Id}", CategoryDto.From(saved)) : ApiErrors.Invalid(r.Errors!);
        }).RequireAuthorization(p => p.RequireRole(ProblemRoles.Split(ProblemRoles.Dictionary))).WithSummary("新增问题类别");
        c.MapPut("/{id:long}", async Task<Results<Ok<CategoryDto>, ValidationProblem, ProblemHttpResult>> (long id, CategoryInput input, ProblemCategories categories, CancellationToken ct) =>
        {
            var r = await categories.SaveAsync(id, input, ct);
            if (r.NotFound)
            {
                return ApiErrors.NotFound("问题类别");
            }
            return r.Value is { } saved ? TypedResults.Ok(CategoryDto.From(saved)) : ApiErrors.Invalid(r.Errors!);
        }).RequireAuthorization(p => p.RequireRole(ProblemRoles.Split(ProblemRoles.Dictionary))).WithSummary("修改问题类别（停用后不再出现在选择列表中）");
    }

    private static async Task<Results<Ok<ProblemDto>, ValidationProblem, ProblemHttpResult>> Respond(Task<Outcome<Problem>> step, SunlightDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var r = await step;
        if (r.NotFound)
        {
            return ApiErrors.NotFound("问题");
        }
        return r.Value is { } p ? TypedResults.Ok(await DtoAsync(db, p, clock, ct)) : ApiErrors.Invalid(r.Errors!);
    }

    internal static async Task<ProblemDto> DtoAsync(SunlightDbContext db, Problem p, TimeProvider clock, CancellationToken ct)
    {
        var unitName = await db.PublicUnits().Where(u => u.Id == p.UnitId).Select(u => u.Name).SingleAsync(ct);
        return ProblemDto.From(p, unitName, ChinaTime.Today(clock));
    }

    private static List<Upload> Uploads(IFormFileCollection? files) =>
        files?.Select(f => new Upload(f.FileName, f.Length, f.OpenReadStream)).ToList() ?? [];
}
