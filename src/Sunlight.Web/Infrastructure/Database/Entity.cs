namespace Sunlight.Web.Infrastructure.Database;

/// <summary>A row that belongs to a county: every such row carries its 行政区划代码 so a province can shard by it.</summary>
internal interface IRegionOwned
{
    string RegionCode { get; }
}

/// <summary>A row owned by one enforcement unit; UnitStaff see only rows of their own unit.</summary>
internal interface IUnitOwned : IRegionOwned
{
    long UnitId { get; }
}

/// <summary>
/// A row about one enterprise (its inspections and ratings, complaints naming it, cases against it, its exemptions and
/// guidance): an Enterprise account sees only the rows about itself (the query filter in <see cref="SunlightDbContext"/>).
/// <see cref="EnterpriseKey"/> names the property holding the enterprise: its registry id (a <c>long</c>, by default
/// <c>EnterpriseId</c>) or its USCC (a <c>string</c>), e.g. <c>public static string EnterpriseKey => nameof(PartyUscc);</c>.
/// </summary>
internal interface IEnterpriseLinked
{
    static virtual string EnterpriseKey => "EnterpriseId";
}

/// <summary>A row that belongs to one user account (inbox entries): only that user sees it.</summary>
internal interface IUserOwned
{
    string UserId { get; }
}

/// <summary>Every create, update and delete of an auditable row writes a chained audit entry.</summary>
internal interface IAuditable
{
}

/// <summary>Aggregates edited by people carry an optimistic concurrency token, renewed on every save.</summary>
internal interface IVersioned
{
    Guid Version { get; set; }
}
