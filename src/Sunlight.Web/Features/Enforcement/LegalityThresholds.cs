using System.ComponentModel;
using Sunlight.Web.Infrastructure.Audit;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Enforcement;

/// <summary>
/// The thresholds and periods the legality rules use, as data: the county default (no unit, no sector) with the shipped
/// values of domain-rules.md, overridden per unit and per sector. The most specific row wins (unit+sector, unit, sector,
/// county).
/// </summary>
[DisplayName("合法性预警阈值")]
internal sealed class LegalityThresholds : IRegionOwned, IAuditable, IVersioned
{
    public long Id { get; set; }
    [DisplayName("行政区划代码")]
    public string RegionCode { get; set; } = "";
    [DisplayName("执法单位")]
    public long? UnitId { get; set; }
    [DisplayName("行业领域")]
    public string? Sector { get; set; }

    /// <summary>P-HEARING: a fine from this amount gives hearing rights (citizen / organisation).</summary>
    [DisplayName("听证罚款金额（自然人）")]
    public decimal HearingFinePerson { get; set; } = 10_000m;
    [DisplayName("听证罚款金额（组织）")]
    public decimal HearingFineOrganisation { get; set; } = 100_000m;
    /// <summary>P-HEARING: a confiscation from this amount gives hearing rights.</summary>
    [DisplayName("听证没收金额（自然人）")]
    public decimal HearingConfiscationPerson { get; set; } = 10_000m;
    [DisplayName("听证没收金额（组织）")]
    public decimal HearingConfiscationOrganisation { get; set; } = 100_000m;
    /// <summary>P-HEARING: the party may ask for a hearing within this many working days of the notice.</summary>
    [DisplayName("听证申请期限（工作日）")]
    public int HearingRequestWorkingDays { get; set; } = 5;
    /// <summary>P-REVIEW (审核目录): a fine from this amount needs 法制审核 before the decision.</summary>
    [DisplayName("法制审核罚款金额（自然人）")]
    public decimal ReviewFinePerson { get; set; } = 10_000m;
    [DisplayName("法制审核罚款金额（组织）")]
    public decimal ReviewFineOrganisation { get; set; } = 100_000m;
    /// <summary>P-ONSPOT: the most a 当场处罚 may fine (citizen / organisation).</summary>
    [DisplayName("当场处罚限额（自然人）")]
    public decimal OnTheSpotPerson { get; set; } = 200m;
    [DisplayName("当场处罚限额（组织）")]
    public decimal OnTheSpotOrganisation { get; set; } = 3_000m;
    /// <summary>P-90DAYS: the decision is due this many days after 立案.</summary>
    [DisplayName("办案期限（日）")]
    public int DecisionDays { get; set; } = 90;
    /// <summary>P-SERVE: the decision is served within this many days.</summary>
    [DisplayName("送达期限（日）")]
    public int ServeDays { get; set; } = 7;
    /// <summary>P-LIMITATION: years after which a violation may no longer be punished (harm to life/health/finance: longer).</summary>
    [DisplayName("追责时效（年）")]
    public int LimitationYears { get; set; } = 2;
    [DisplayName("追责时效（危害生命健康，年）")]
    public int LimitationYearsHarm { get; set; } = 5;
    /// <summary>Disclosure: 许可/处罚 decisions within this many working days, others within the second.</summary>
    [DisplayName("许可处罚公示期限（工作日）")]
    public int DisclosureWorkingDays { get; set; } = 7;
    [DisplayName("其他决定公示期限（工作日）")]
    public int OtherDisclosureWorkingDays { get; set; } = 20;
    /// <summary>A changed or revoked decision is withdrawn from publication within this many days.</summary>
    [DisplayName("撤回公示期限（日）")]
    public int WithdrawalDays { get; set; } = 3;
    /// <summary>The daily sweep warns this many working days before a deadline (临期预警).</summary>
    [DisplayName("临期预警（工作日）")]
    public int ApproachingWorkingDays { get; set; } = 3;
    public Guid Version { get; set; }

    public decimal HearingFine(PartyKind party) => party == PartyKind.Person ? HearingFinePerson : HearingFineOrganisation;
    public decimal HearingConfiscation(PartyKind party) => party == PartyKind.Person ? HearingConfiscationPerson : HearingConfiscationOrganisation;
    public decimal ReviewFine(PartyKind party) => party == PartyKind.Person ? ReviewFinePerson : ReviewFineOrganisation;
    public decimal OnTheSpotLimit(PartyKind party) => party == PartyKind.Person ? OnTheSpotPerson : OnTheSpotOrganisation;
}
