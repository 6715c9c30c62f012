using Microsoft.EntityFrameworkCore;
using Sunlight.Tests.Infrastructure;
using Sunlight.Web.Features.Complaints;
using Sunlight.Web.Features.Problems;

namespace Sunlight.Tests.Complaints;

public sealed class ComplaintDemoDataTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    [Fact]
    public async Task DemoCounty_EverySubstantiatedClosedComplaint_IsOnTheProblemList()
    {
        var substantiated = await app.Db(db => db.Set<Complaint>()
            .Where(c => c.State == ComplaintState.Closed && c.Finding == ComplaintFinding.Substantiated)
            .Select(c => new { c.Id, c.AssignedUnitId, c.ProblemRaised }).ToListAsync());
        Assert.NotEmpty(substantiated);
        var problems = await app.Db(db => db.Set<Problem>().Where(p => p.Source == ProblemSource.Complaint)
            .Select(p => new { p.SourceId, p.UnitId }).ToListAsync());
        Assert.All(substantiated, c =>
        {
            Assert.True(c.ProblemRaised);
            Assert.Contains(problems, p => p.SourceId == c.Id && p.UnitId == c.AssignedUnitId);
        });
    }
}
