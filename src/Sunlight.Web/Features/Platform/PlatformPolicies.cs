using Sunlight.Web.Infrastructure.Identity;

namespace Sunlight.Web.Features.Platform;

/// <summary>Who may do what on the platform (accounts, calendar, escalations, audit). Registered once by <see cref="AddPlatformPolicies"/>.</summary>
internal static class PlatformPolicies
{
    /// <summary>System administrator: accounts and the working calendar.</summary>
    public const string Administer = "Platform.Administer";
    /// <summary>Any signed-in county staff (every role but Enterprise): reads the calendar.</summary>
    public const string Staff = "Platform.Staff";
    /// <summary>Supervisor, Observer and Admin read the audit log.</summary>
    public const string ReadAudit = "Platform.ReadAudit";
    /// <summary>督办、约谈、移送 list: Admin, Supervisor, Observer (referrals only), UnitStaff (own unit).</summary>
    public const string ReadEscalations = "Platform.ReadEscalations";
    /// <summary>The Supervisor records 约谈、移送、督办.</summary>
    public const string Escalate = "Platform.Escalate";

    public static IServiceCollection AddPlatformPolicies(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(Administer, p => p.RequireRole(Roles.Admin))
            .AddPolicy(Staff, p => p.RequireRole(Roles.Admin, Roles.Supervisor, Roles.UnitStaff, Roles.Inspector, Roles.Observer))
            .AddPolicy(ReadAudit, p => p.RequireRole(Roles.Supervisor, Roles.Observer, Roles.Admin))
            .AddPolicy(ReadEscalations, p => p.RequireRole(Roles.Admin, Roles.Supervisor, Roles.Observer, Roles.UnitStaff))
            .AddPolicy(Escalate, p => p.RequireRole(Roles.Supervisor));
        return services;
    }
}
