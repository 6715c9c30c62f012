using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Registry;
using Sunlight.Web.Infrastructure.Database;
using Sunlight.Web.Infrastructure.Identity;

namespace Sunlight.Web.Features.Platform.Audit;

[Authorize(Policy = Policies.ReadAudit)]
internal sealed class IndexModel(SunlightDbContext db, AuditReader reader, Infrastructure.Audit.RecordNames names) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? EntityType { get; set; }
    [BindProperty(SupportsGet = true)] public string? EntityId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Actor { get; set; }
    [BindProperty(SupportsGet = true, Name = "action")] public string? ActionFilter { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true)] public long? Before { get; set; }

    public Page<AuditEntryDto> Entries { get; private set; } = new([], null);
    public IReadOnlyList<AuditRow> Rows { get; private set; } = [];
    public AuditVerifyResponse Chain { get; private set; } = null!;
    public IReadOnlyList<AuditEntityType> EntityTypes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Entries = await AuditLog.SearchAsync(db.AuditEntries, new AuditQuery(EntityType, EntityId, Actor, ActionFilter, From, To, Before, 50), ct);
        Rows = await reader.RowsAsync(Entries.Items, ct);
        EntityTypes = AuditLog.EntityTypes(db);
        Chain = await AuditLog.ChainStatusAsync(db, names, ct);
    }

    /// <summary>The same filters with another cursor (built by hand: "action" would be taken for a route value).</summary>
    public string PageLink(long? before) => "/Audit" + QueryString.Create(new Dictionary<string, string?>
    {
        ["entityType"] = EntityType, ["entityId"] = EntityId, ["actor"] = Actor, ["action"] = ActionFilter,
        ["from"] = From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["to"] = To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["before"] = before?.ToString(CultureInfo.InvariantCulture),
    }.Where(kv => !string.IsNullOrEmpty(kv.Value)));
}
