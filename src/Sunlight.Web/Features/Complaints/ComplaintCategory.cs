using Sunlight.Web.Infrastructure.Audit;
using System.ComponentModel;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Complaints;

/// <summary>投诉类别: the configurable taxonomy of domain-rules.md.</summary>
[DisplayName("投诉类别")]
[RecordLabel(nameof(Name))]
internal sealed class ComplaintCategory : IAuditable
{
    public long Id { get; set; }
    [DisplayName("编码")]
    public string Code { get; set; } = "";
    [DisplayName("名称")]
    public string Name { get; set; } = "";
    [DisplayName("说明")]
    public string? Description { get; set; }
    [DisplayName("排序")]
    public int SortOrder { get; set; }
    [DisplayName("启用")]
    public bool IsActive { get; set; } = true;
}
