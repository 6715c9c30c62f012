using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Registry;
using Sunlight.Web.Features.Reports.Campaign;
using Sunlight.Web.Features.Reports.Statistics;
using Sunlight.Web.Features.Reports.UnitCard;
using Sunlight.Web.Infrastructure.Identity;

namespace Sunlight.Web.Features.Reports;

/// <summary>Who may print which report; data scope comes from the query filters (a unit reads its own records only).</summary>
internal static class ReportsPolicies
{
    /// <summary>County reports (campaign report, annual statistics): the bureau and the discipline/procuratorate liaison.</summary>
    public const string County = "Reports.County";
    /// <summary>A unit's report card: the bureau and the liaison for any unit, a unit account for its own.</summary>
    public const string UnitCard = "Reports.UnitCard";
    /// <summary>Compiling and publishing the annual statistics (行政执法统计年报): the bureau.</summary>
    public const string Compile = "Reports.Compile";
}

internal static class ReportsModule
{
    public static IServiceCollection AddReports(this IServiceCollection services)
    {
        services.AddScoped<CampaignReport>();
        services.AddScoped<AnnualStatistics>();
        services.AddScoped<UnitReportCard>();
        services.AddScoped<WorkHome.IWorkItemSource, StatisticsWorkItems>();
        services.AddAuthorizationBuilder()
            .AddPolicy(ReportsPolicies.County, p => p.RequireRole(Roles.Supervisor, Roles.Observer))
            .AddPolicy(ReportsPolicies.UnitCard, p => p.RequireRole(Roles.Supervisor, Roles.Observer, Roles.UnitStaff))
            .AddPolicy(ReportsPolicies.Compile, p => p.RequireRole(Roles.Supervisor));
        return services;
    }
}

/// <summary>Who signs a report: the county's 司法局 (the supervisor unit among the units the reader sees).</summary>
internal static class ReportIssuer
{
    public static async Task<string> NameAsync(IQueryable<EnforcementUnit> units, CancellationToken ct) =>
        await units.Where(u => u.Kind == UnitKind.Supervisor).OrderBy(u => u.Id).Select(u => u.Name).FirstOrDefaultAsync(ct) ?? "县司法局";
}
