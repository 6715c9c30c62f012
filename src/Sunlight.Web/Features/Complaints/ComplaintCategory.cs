using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Complaints;

/// <summary>投诉类别: the configurable taxonomy of domain-rules.md.</summary>
internal sealed class ComplaintCategory : IAuditable
{
    public long Id { get; set; }
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public int SortOrder { get; set; }
    public bool IsActive { get; set; } = true;
}
