using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Problems.Categories;

internal sealed record CategoryDto(long Id, string Name, int SortOrder, bool IsActive, Guid Version)
{
    internal static CategoryDto From(ProblemCategory c) => new(c.Id, c.Name, c.SortOrder, c.IsActive, c.Version);
}

/// <summary>The 问题类别 dictionary as the forms and the API list it.</summary>
internal sealed class ProblemCategories(SunlightDbContext db)
{
    public Task<List<ProblemCategory>> ListAsync(bool activeOnly, CancellationToken ct) =>
        db.Set<ProblemCategory>().AsNoTracking().Where(c => !activeOnly || c.IsActive).OrderBy(c => c.SortOrder).ThenBy(c => c.Id).ToListAsync(ct);
}
