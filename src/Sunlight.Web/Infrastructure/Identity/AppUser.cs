using Microsoft.AspNetCore.Identity;

namespace Sunlight.Web.Infrastructure.Identity;

[System.ComponentModel.DisplayName("用户账号")]
[Audit.RecordLabel(nameof(DisplayName))]
internal sealed class AppUser : IdentityUser
{
    /// <summary>Identity's column for the user name.</summary>
    public const int UserNameLength = 256;
    /// <summary>Longer passwords are refused before hashing (a 100k-character one would only cost the server time).</summary>
    public const int PasswordMaxLength = 128;
    public const int DisplayNameLength = 50;

    [System.ComponentModel.DisplayName("姓名")]
    public string DisplayName { get; set; } = "";

    /// <summary>The county the account belongs to; null only for a province-level account.</summary>
    [System.ComponentModel.DisplayName("行政区划代码")]
    public string? RegionCode { get; set; }

    /// <summary>Set for UnitStaff: the one unit whose records the account may see.</summary>
    [System.ComponentModel.DisplayName("所属单位")]
    public long? UnitId { get; set; }

    /// <summary>Set for Enterprise accounts: the 统一社会信用代码 they act for.</summary>
    [System.ComponentModel.DisplayName("企业统一社会信用代码")]
    public string? Uscc { get; set; }
}

internal static class Roles
{
    public const string Admin = "Admin";
    public const string Supervisor = "Supervisor";
    public const string UnitStaff = "UnitStaff";
    public const string Inspector = "Inspector";
    public const string Observer = "Observer";
    public const string Enterprise = "Enterprise";

    public static readonly IReadOnlyList<string> All = [Admin, Supervisor, UnitStaff, Inspector, Observer, Enterprise];

    public static string DisplayName(string role) => role switch
    {
        Admin => "系统管理员",
        Supervisor => "执法监督人员",
        UnitStaff => "执法单位法制员",
        Inspector => "督查组成员",
        Observer => "纪检监察/检察联络员",
        Enterprise => "企业用户",
        _ => role,
    };
}

/// <summary>Kept for the audit pages until they name <see cref="Features.Platform.PlatformPolicies.ReadAudit"/> directly.</summary>
internal static class Policies
{
    public const string ReadAudit = Features.Platform.PlatformPolicies.ReadAudit;
}

internal static class SunlightClaims
{
    public const string UnitId = "sunlight:unit";
    public const string Uscc = "sunlight:uscc";
    public const string Region = "sunlight:region";
    public const string DisplayName = "sunlight:name";
}
