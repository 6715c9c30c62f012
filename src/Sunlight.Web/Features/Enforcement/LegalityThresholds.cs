using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Enforcement;

/// <summary>
/// The thresholds and periods the legality rules use, as data: the county default (no unit, no sector) with the shipped
/// values of domain-rules.md, overridden per unit and per sector. The most specific row wins (unit+sector, unit, sector,
/// county).
/// </summary>
internal sealed class LegalityThresholds : IRegionOwned, IAuditable, IVersioned
{
    public long Id { get; set; }
    public string RegionCode { get; set; } = "";
    public long? UnitId { get; set; }
    public string? Sector { get; set; }

    /// <summary>P-HEARING: a fine from this amount gives hearing rights (citizen / organisation).</summary>
    public decimal HearingFinePerson { get; set; } = 10_000m;
    public decimal HearingFineOrganisation { get; set; } = 100_000m;
    /// <summary>P-HEARING: a confiscation from this amount gives hearing rights.</summary>
    public decimal HearingConfiscationPerson { get; set; } = 10_000m;
    public decimal HearingConfiscationOrganisation { get; set; } = 100_000m;
    /// <summary>P-HEARING: the party may ask for a hearing within this many working days of the notice.</summary>
    public int HearingRequestWorkingDays { get; set; } = 5;
    /// <summary>P-REVIEW (审核目录): a fine from this amount needs 法制审核 before the decision.</summary>
    public decimal ReviewFinePerson { get; set; } = 10_000m;
    public decimal ReviewFineOrganisation { get; set; } = 100_000m;
    /// <summary>P-ONSPOT: the most a 当场处罚 may fine (citizen / organisation).</summary>
    public decimal OnTheSpotPerson { get; set; } = 200m;
    public decimal OnTheSpotOrganisation { get; set; } = 3_000m;
    /// <summary>P-90DAYS: the decision is due this many days after 立案.</summary>
    public int DecisionDays { get; set; } = 90;
    /// <summary>P-SERVE: the decision is served within this many days.</summary>
    public int ServeDays { get; set; } = 7;
    /// <summary>P-LIMITATION: years after which a violation may no longer be punished (harm to life/health/finance: longer).</summary>
    public int LimitationYears { get; set; } = 2;
    public int LimitationYearsHarm { get; set; } = 5;
    /// <summary>Disclosure: 许可/处罚 decisions within this many working days, others within the second.</summary>
    public int DisclosureWorkingDays { get; set; } = 7;
    public int OtherDisclosureWorkingDays { get; set; } = 20;
    /// <summary>A changed or revoked decision is withdrawn from publication within this many days.</summary>
    public int WithdrawalDays { get; set; } = 3;
    /// <summary>The daily sweep warns this many working days before a deadline (临期预警).</summary>
    public int ApproachingWorkingDays { get; set; } = 3;
    public Guid Version { get; set; }

    public decimal HearingFine(PartyKind party) => party == PartyKind.Person ? HearingFinePerson : HearingFineOrganisation;
    public decimal HearingConfiscation(PartyKind party) => party == PartyKind.Person ? HearingConfiscationPerson : HearingConfiscationOrganisation;
    public decimal ReviewFine(PartyKind party) => party == PartyKind.Person ? ReviewFinePerson : ReviewFineOrganisation;
    public decimal OnTheSpotLimit(PartyKind party) => party == PartyKind.Person ? OnTheSpotPerson : OnTheSpotOrganisation;
}
