using Sunlight.Web.Infrastructure.Audit;
using System.ComponentModel;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Registry;

[EnumText(typeof(EnforcementUnit), nameof(EnforcementUnit.KindName))]
internal enum UnitKind
{
    /// <summary>执法单位</summary>
    Enforcement,
    /// <summary>县司法局（监督机关）</summary>
    Supervisor,
}

/// <summary>执法单位 / 执法主体.</summary>
[DisplayName("执法单位")]
[RecordLabel(nameof(Name))]
internal sealed class EnforcementUnit : IRegionOwned, IAuditable, IVersioned
{
    public long Id { get; set; }
    [DisplayName("行政区划代码")]
    public string RegionCode { get; set; } = "";
    [DisplayName("单位编码")]
    public string Code { get; set; } = "";
    [DisplayName("单位名称")]
    public string Name { get; set; } = "";
    [DisplayName("单位类型")]
    public UnitKind Kind { get; set; }
    [DisplayName("统一社会信用代码")]
    public string? Uscc { get; set; }
    [DisplayName("地址")]
    public string? Address { get; set; }
    [DisplayName("电话")]
    public string? Phone { get; set; }
    [DisplayName("负责人")]
    public string? Head { get; set; }
    [DisplayName("启用")]
    public bool IsActive { get; set; } = true;
    public Guid Version { get; set; }

    public static string KindName(UnitKind kind) => kind == UnitKind.Supervisor ? "县司法局（监督机关）" : "执法单位";
}

/// <summary>执法人员 or 辅助人员 (auxiliary staff hold no credential and never count as officers).</summary>
[DisplayName("执法人员")]
[RecordLabel(nameof(Name))]
internal sealed class Officer : IUnitOwned, IAuditable, IVersioned
{
    public long Id { get; set; }
    [DisplayName("行政区划代码")]
    public string RegionCode { get; set; } = "";
    [DisplayName("所属单位")]
    public long UnitId { get; set; }
    public EnforcementUnit? Unit { get; set; }
    [DisplayName("姓名")]
    public string Name { get; set; } = "";
    [DisplayName("职务")]
    public string? Position { get; set; }
    [DisplayName("辅助人员")]
    public bool IsAuxiliary { get; set; }
    [DisplayName("启用")]
    public bool IsActive { get; set; } = true;
    public List<Credential> Credentials { get; set; } = [];
    public Guid Version { get; set; }

    /// <summary>P-OFFICERS: a non-auxiliary officer holding a credential valid on that date.</summary>
    public bool IsQualifiedOn(DateOnly date) => !IsAuxiliary && IsActive && Credentials.Any(c => c.IsValidOn(date));
}

/// <summary>执法证.</summary>
[DisplayName("执法证件")]
[RecordLabel(nameof(Number))]
internal sealed class Credential : IAuditable
{
    public long Id { get; set; }
    [DisplayName("执法人员")]
    public long OfficerId { get; set; }
    [DisplayName("证件号")]
    public string Number { get; set; } = "";
    [DisplayName("执法类别")]
    public string Category { get; set; } = "";
    [DisplayName("有效期起")]
    public DateOnly ValidFrom { get; set; }
    [DisplayName("有效期止")]
    public DateOnly ValidTo { get; set; }

    public bool IsValidOn(DateOnly date) => ValidFrom <= date && date <= ValidTo;
}

[EnumText(typeof(EnforcementItem), nameof(EnforcementItem.KindName))]
internal enum EnforcementKind
{
    Penalty,      // 行政处罚
    Coercion,     // 行政强制
    Inspection,   // 行政检查
    Licensing,    // 行政许可
    Other,        // 其他
}

/// <summary>执法事项 (权责清单 entry).</summary>
[DisplayName("执法事项")]
[RecordLabel(nameof(Name))]
internal sealed class EnforcementItem : IUnitOwned, IUnitItem, IAuditable, IVersioned
{
    public long Id { get; set; }
    [DisplayName("行政区划代码")]
    public string RegionCode { get; set; } = "";
    [DisplayName("单位")]
    public long UnitId { get; set; }
    public EnforcementUnit? Unit { get; set; }
    [DisplayName("事项编码")]
    public string Code { get; set; } = "";
    [DisplayName("事项名称")]
    public string Name { get; set; } = "";
    [DisplayName("执法类别")]
    public EnforcementKind Kind { get; set; }
    [DisplayName("法律依据")]
    public string LegalBasis { get; set; } = "";
    public Guid Version { get; set; }

    /// <summary>The Chinese names of the kinds, for lists, forms and exports.</summary>
    public static string KindName(EnforcementKind kind) => kind switch
    {
        EnforcementKind.Penalty => "行政处罚",
        EnforcementKind.Coercion => "行政强制",
        EnforcementKind.Inspection => "行政检查",
        EnforcementKind.Licensing => "行政许可",
        _ => "其他",
    };
}

/// <summary>检查事项清单 entry: a published item the unit may inspect.</summary>
[DisplayName("检查事项")]
[RecordLabel(nameof(Name))]
internal sealed class InspectionItem : IUnitOwned, IUnitItem, IAuditable, IVersioned
{
    public long Id { get; set; }
    [DisplayName("行政区划代码")]
    public string RegionCode { get; set; } = "";
    [DisplayName("单位")]
    public long UnitId { get; set; }
    public EnforcementUnit? Unit { get; set; }
    [DisplayName("事项编码")]
    public string Code { get; set; } = "";
    [DisplayName("事项名称")]
    public string Name { get; set; } = "";
    [DisplayName("法律依据")]
    public string LegalBasis { get; set; } = "";
    [DisplayName("检查方式")]
    public string? Method { get; set; }
    public Guid Version { get; set; }
}

/// <summary>企业 / 市场主体, identified by its 统一社会信用代码.</summary>
[DisplayName("企业")]
[RecordLabel(nameof(Name))]
internal sealed class Enterprise : IRegionOwned, IAuditable, IVersioned
{
    public long Id { get; set; }
    [DisplayName("行政区划代码")]
    public string RegionCode { get; set; } = "";
    [DisplayName("统一社会信用代码")]
    public string Uscc { get; set; } = "";
    [DisplayName("企业名称")]
    public string Name { get; set; } = "";
    [DisplayName("地址")]
    public string? Address { get; set; }
    [DisplayName("行业")]
    public string? Industry { get; set; }
    [DisplayName("法定代表人")]
    public string? LegalRepresentative { get; set; }
    [DisplayName("电话")]
    public string? Phone { get; set; }
    public Guid Version { get; set; }
}
