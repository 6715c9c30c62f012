using Sunlight.Web.Infrastructure.Identity;

namespace Sunlight.Web.Features.Enforcement;

/// <summary>Who may do what with enforcement cases and their warnings; data scope (own unit for UnitStaff) comes from the query filters.</summary>
internal static class EnforcementPolicies
{
    /// <summary>Read cases and warnings: the bureau, the discipline liaison, and each unit its own.</summary>
    public const string Read = "Enforcement.Read";
    /// <summary>The unit enters its cases and their milestones.</summary>
    public const string Record = "Enforcement.Record";
    /// <summary>法制审核: UnitStaff holding the unit's legal-reviewer permission.</summary>
    public const string Review = "Enforcement.Review";
    /// <summary>The bureau: dismiss a warning, turn it into a problem.</summary>
    public const string Supervise = "Enforcement.Supervise";

    /// <summary>The account claim that makes a unit's staff member its legal reviewer (法制审核人员).</summary>
    public const string PermissionClaim = "sunlight:permission";
    public const string LegalReviewer = "LegalReviewer";

    public static IServiceCollection AddEnforcementPolicies(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(Read, p => p.RequireRole(Roles.Admin, Roles.Supervisor, Roles.Observer, Roles.UnitStaff))
            .AddPolicy(Record, p => p.RequireRole(Roles.UnitStaff))
            .AddPolicy(Review, p => p.RequireRole(Roles.UnitStaff).RequireClaim(PermissionClaim, LegalReviewer))
            .AddPolicy(Supervise, p => p.RequireRole(Roles.Supervisor));
        return services;
    }
}
