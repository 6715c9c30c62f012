using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Registry;

internal enum UnitKind
{
    /// <summary>执法单位</summary>
    Enforcement,
    /// <summary>县司法局（监督机关）</summary>
    Supervisor,
}

/// <summary>执法单位 / 执法主体.</summary>
internal sealed class EnforcementUnit : IRegionOwned, IAuditable, IVersioned
{
    public long Id { get; set; }
    public string RegionCode { get; set; } = "";
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public UnitKind Kind { get; set; }
    public string? Uscc { get; set; }
    public string? Address { get; set; }
    public string? Phone { get; set; }
    public string? Head { get; set; }
    public bool IsActive { get; set; } = true;
    public Guid Version { get; set; }
}

/// <summary>执法人员 or 辅助人员 (auxiliary staff hold no credential and never count as officers).</summary>
internal sealed class Officer : IUnitOwned, IAuditable, IVersioned
{
    public long Id { get; set; }
    public string RegionCode { get; set; } = "";
    public long UnitId { get; set; }
    public EnforcementUnit? Unit { get; set; }
    public string Name { get; set; } = "";
    public string? Position { get; set; }
    public bool IsAuxiliary { get; set; }
    public bool IsActive { get; set; } = true;
    public List<Credential> Credentials { get; set; } = [];
    public Guid Version { get; set; }

    /// <summary>P-OFFICERS: a non-auxiliary officer holding a credential valid on that date.</summary>
    public bool IsQualifiedOn(DateOnly date) => !IsAuxiliary && IsActive && Credentials.Any(c => c.IsValidOn(date));
}

/// <summary>执法证.</summary>
internal sealed class Credential : IAuditable
{
    public long Id { get; set; }
    public long OfficerId { get; set; }
    public string Number { get; set; } = "";
    public string Category { get; set; } = "";
    public DateOnly ValidFrom { get; set; }
    public DateOnly ValidTo { get; set; }

    public bool IsValidOn(DateOnly date) => ValidFrom <= date && date <= ValidTo;
}

internal enum EnforcementKind
{
    Penalty,      // 行政处罚
    Coercion,     // 行政强制
    Inspection,   // 行政检查
    Licensing,    // 行政许可
    Other,        // 其他
}

/// <summary>执法事项 (权责清单 entry).</summary>
internal sealed class EnforcementItem : IUnitOwned, IUnitItem, IAuditable, IVersioned
{
    public long Id { get; set; }
    public string RegionCode { get; set; } = "";
    public long UnitId { get; set; }
    public EnforcementUnit? Unit { get; set; }
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public EnforcementKind Kind { get; set; }
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
internal sealed class InspectionItem : IUnitOwned, IUnitItem, IAuditable, IVersioned
{
    public long Id { get; set; }
    public string RegionCode { get; set; } = "";
    public long UnitId { get; set; }
    public EnforcementUnit? Unit { get; set; }
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string LegalBasis { get; set; } = "";
    public string? Method { get; set; }
    public Guid Version { get; set; }
}

/// <summary>企业 / 市场主体, identified by its 统一社会信用代码.</summary>
internal sealed class Enterprise : IRegionOwned, IAuditable, IVersioned
{
    public long Id { get; set; }
    public string RegionCode { get; set; } = "";
    public string Uscc { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Address { get; set; }
    public string? Industry { get; set; }
    public string? LegalRepresentative { get; set; }
    public string? Phone { get; set; }
    public Guid Version { get; set; }
}
