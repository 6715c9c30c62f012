using Sunlight.Web.Infrastructure.Audit;
using System.ComponentModel;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Complaints;

[EnumText(typeof(ComplaintText), nameof(ComplaintText.Kind))]
internal enum IntakePointKind
{
    /// <summary>企业</summary>
    Enterprise,
    /// <summary>村社公开栏</summary>
    VillageBoard,
    /// <summary>乡镇司法所</summary>
    JusticeOffice,
    /// <summary>办事服务大厅</summary>
    ServiceHall,
    /// <summary>政府网站</summary>
    Website,
}

/// <summary>执法问题征集二维码 posted at a place; a complaint through it records its channel and place.</summary>
[DisplayName("投诉征集点")]
[RecordLabel(nameof(Name))]
internal sealed class IntakePoint : IRegionOwned, IAuditable, IVersioned
{
    public long Id { get; set; }
    [DisplayName("行政区划代码")]
    public string RegionCode { get; set; } = "";
    [DisplayName("编码")]
    public string Code { get; set; } = "";
    [DisplayName("征集点类型")]
    public IntakePointKind Kind { get; set; }
    [DisplayName("名称")]
    public string Name { get; set; } = "";
    [DisplayName("地点")]
    public string Place { get; set; } = "";
    [DisplayName("启用")]
    public bool IsActive { get; set; } = true;
    [DisplayName("创建时间")]
    public DateTimeOffset CreatedAt { get; set; }
    public Guid Version { get; set; }
}
