using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Campaigns;

/// <summary>What the API and the pages show of a campaign.</summary>
internal static class CampaignQueries
{
    public static async Task<CampaignDto> DtoAsync(SunlightDbContext db, Campaign c, CancellationToken ct)
    {
        var unitIds = c.Units.Select(u => u.UnitId).ToList();
        var names = await db.UnitNamesAsync(unitIds.Select(u => (long?)u), ct);
        var selfs = await db.Set<SelfInspection>().AsNoTracking().Where(s => s.CampaignId == c.Id)
            .Select(s => new { s.Id, s.UnitId, s.DueOn, s.State, Answered = s.Answers.Count, s.Version }).ToListAsync(ct);
        return new CampaignDto(c.Id, c.Name, c.Scope, c.ScopeSince, c.StartsOn, c.EndsOn, c.SelfInspectionDueOn, c.Plan, c.State, CampaignNames.State(c.State),
            unitIds.Select(u => new NamedId(u, names.GetValueOrDefault(u, ""))).OrderBy(u => u.Id).ToList(),
            c.Items.OrderBy(i => i.Number).Select(i => new ItemDto(i.Id, i.Number, i.Title, i.Points.OrderBy(p => p.Number).Select(p => new PointDto(p.Id, p.Number, p.Text)).ToList())).ToList(),
            selfs.OrderBy(s => s.UnitId).Select(s => new SelfInspectionRow(s.Id, s.UnitId, names.GetValueOrDefault(s.UnitId, ""), s.DueOn, s.State, CampaignNames.SelfState(s.State), s.Answered, s.Version)).ToList(),
            c.Version);
    }
}
