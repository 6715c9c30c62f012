using Sunlight.Web.Features.Platform.Demo;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Complaints;

/// <summary>Demo intake points and complaints (filled in below).</summary>
internal sealed class ComplaintDemoSeed : IDemoSeedStep
{
    public int Order => 300;

    public Task SeedAsync(SunlightDbContext db, DemoContext demo, CancellationToken ct) => Task.CompletedTask;
}
