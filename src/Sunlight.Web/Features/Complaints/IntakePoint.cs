using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Complaints;

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
internal sealed class IntakePoint : IRegionOwned, IAuditable, IVersioned
{
    public long Id { get; set; }
    public string RegionCode { get; set; } = "";
    public string Code { get; set; } = "";
    public IntakePointKind Kind { get; set; }
    public string Name { get; set; } = "";
    public string Place { get; set; } = "";
    public bool IsActive { get; set; } = true;
    public DateTimeOffset CreatedAt { get; set; }
    public Guid Version { get; set; }
}
