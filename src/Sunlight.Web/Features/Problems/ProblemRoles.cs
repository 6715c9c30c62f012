using Sunlight.Web.Infrastructure.Identity;

namespace Sunlight.Web.Features.Problems;

/// <summary>Who does what in the ledger; data scope (own unit for UnitStaff) comes from the query filters.</summary>
internal static class ProblemRoles
{
    /// <summary>Read the ledger: the bureau, the discipline liaison, and each unit its own.</summary>
    public const string Read = Roles.Admin + "," + Roles.Supervisor + "," + Roles.Observer + "," + Roles.UnitStaff;
    /// <summary>Raise: Supervisors for any unit, UnitStaff for their own (self-inspection).</summary>
    public const string Raise = Roles.Supervisor + "," + Roles.UnitStaff;
    /// <summary>The unit's steps: measures, progress, submit, dispute.</summary>
    public const string Unit = Roles.UnitStaff;
    /// <summary>The bureau's steps: verify (核账), reopen, rule on disputes, import, 约谈/移送.</summary>
    public const string Bureau = Roles.Supervisor;
    /// <summary>The category dictionary.</summary>
    public const string Dictionary = Roles.Admin + "," + Roles.Supervisor;

    public static string[] Split(string roles) => roles.Split(',');
}
