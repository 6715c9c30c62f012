using Sunlight.Web.Infrastructure.Identity;

namespace Sunlight.Web.Features.Registry;

/// <summary>Who may do what in the registry (执法单位、人员、事项、企业). Registered once by <see cref="AddRegistryPolicies"/>.</summary>
internal static class RegistryPolicies
{
    /// <summary>Any signed-in county staff reads the registry lists (every role but Enterprise).</summary>
    public const string Read = "Registry.Read";
    /// <summary>Admin and Supervisor: 执法单位 of the whole county.</summary>
    public const string ManageUnits = "Registry.ManageUnits";
    /// <summary>Admin, Supervisor, UnitStaff: officers and items of their scope (UnitStaff: own unit).</summary>
    public const string Edit = "Registry.Edit";
    /// <summary>
    /// Admin and Supervisor, the registry's owner: 企业 are county-wide records no unit owns, so a unit's staff reads
    /// them but does not edit them (ADR 0006).
    /// </summary>
    public const string EditEnterprises = "Registry.EditEnterprises";

    public static IServiceCollection AddRegistryPolicies(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(Read, p => p.RequireRole(Roles.Admin, Roles.Supervisor, Roles.UnitStaff, Roles.Inspector, Roles.Observer))
            .AddPolicy(ManageUnits, p => p.RequireRole(Roles.Admin, Roles.Supervisor))
            .AddPolicy(Edit, p => p.RequireRole(Roles.Admin, Roles.Supervisor, Roles.UnitStaff))
            .AddPolicy(EditEnterprises, p => p.RequireRole(Roles.Admin, Roles.Supervisor));
        return services;
    }
}
