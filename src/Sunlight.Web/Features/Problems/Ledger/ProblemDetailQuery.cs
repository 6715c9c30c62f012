using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Problems.History;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Problems.Ledger;

/// <summary>One problem with its progress reports and timeline, for the detail page and the API.</summary>
internal static class ProblemDetailQuery
{
    /// <summary>The problem alone, as the ledger shows it.</summary>
    public static async Task<ProblemDto?> OneAsync(SunlightDbContext db, long id, DateOnly today, CancellationToken ct)
    {
        var row = await db.Set<Problem>().AsNoTracking().Where(p => p.Id == id).Select(p => new { Problem = p, UnitName = p.Unit!.Name }).FirstOrDefaultAsync(ct);
        return row is null ? null : ProblemDto.From(row.Problem, row.UnitName, today);
    }

    public static async Task<ProblemDetailDto?> LoadAsync(SunlightDbContext db, ProblemHistory history, long id, DateOnly today, CancellationToken ct)
    {
        var problem = await OneAsync(db, id, today, ct);
        if (problem is null)
        {
            return null;
        }
        var progress = await db.Set<ProblemProgress>().AsNoTracking().Where(p => p.ProblemId == id).OrderBy(p => p.Id)
            .Select(p => new ProgressDto(p.Id, p.Note, p.CreatedBy, p.CreatedAt,
                p.Evidence.OrderBy(e => e.Id).Select(e => new EvidenceDto(e.File!.Id, e.File.FileName, e.File.ContentType, e.File.Size, e.File.Sha256, e.File.UploadedBy, e.File.UploadedAt)).ToList()))
            .ToListAsync(ct);
        return new ProblemDetailDto(problem, progress, await history.ForAsync(problem.Id, ct));
    }
}
