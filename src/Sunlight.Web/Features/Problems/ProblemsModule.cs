using Sunlight.Web.Features.Platform.Demo;
using Sunlight.Web.Features.Problems.Categories;
using Sunlight.Web.Features.Problems.Deadlines;
using Sunlight.Web.Features.Problems.Dispute;
using Sunlight.Web.Features.Problems.Escalate;
using Sunlight.Web.Features.Problems.Export;
using Sunlight.Web.Features.Problems.History;
using Sunlight.Web.Features.Problems.Import;
using Sunlight.Web.Features.Problems.Progress;
using Sunlight.Web.Features.Problems.ProposeMeasures;
using Sunlight.Web.Features.Problems.Raise;
using Sunlight.Web.Features.Problems.Reconcile;
using Sunlight.Web.Features.Problems.Reopen;
using Sunlight.Web.Features.Problems.Ruling;
using Sunlight.Web.Features.Problems.Submit;
using Sunlight.Web.Features.Problems.Verify;
using Sunlight.Web.Infrastructure.Identity;
using Sunlight.Web.Infrastructure.Jobs;

namespace Sunlight.Web.Features.Problems;

/// <summary>Who does what in the ledger; data scope (own unit for UnitStaff) comes from the query filters.</summary>
internal static class ProblemPolicies
{
    /// <summary>Read the ledger: the bureau, the discipline liaison, and each unit its own.</summary>
    public const string Read = "Problems.Read";
    /// <summary>登记: Supervisors for any unit, UnitStaff for their own (self-inspection).</summary>
    public const string Raise = "Problems.Raise";
    /// <summary>The unit's steps: measures, progress, submit, dispute.</summary>
    public const string Rectify = "Problems.Rectify";
    /// <summary>The bureau's steps: 核账, reopen, ruling on disputes, import, 约谈/移送/督办.</summary>
    public const string Verify = "Problems.Verify";
    /// <summary>The 问题类别 dictionary.</summary>
    public const string Dictionary = "Problems.Dictionary";
}

internal static class ProblemsModule
{
    public static IServiceCollection AddProblems(this IServiceCollection services)
    {
        services.AddSingleton<ProblemSettings>();
        services.AddScoped<ProblemLedger>();
        services.AddScoped<WorkHome.IWorkItemSource, WorkItems.ProblemWorkItems>();
        services.AddScoped<RaiseProblem>();
        services.AddScoped<ProposeRectificationMeasures>();
        services.AddScoped<ReportProgress>();
        services.AddScoped<SubmitRectification>();
        services.AddScoped<VerifyRectification>();
        services.AddScoped<ReopenProblem>();
        services.AddScoped<Pause.PauseProblem>();
        services.AddScoped<Resume.ResumeProblem>();
        services.AddScoped<DisputeProblem>();
        services.AddScoped<RuleOnDispute>();
        services.AddScoped<EscalateProblem>();
        services.AddScoped<SaveCategory>();
        services.AddScoped<ProblemHistory>();
        services.AddScoped<ProblemCategories>();
        services.AddScoped<Reconciliation>();
        services.AddScoped<ExportLedger>();
        services.AddScoped<ImportProblems>();
        services.AddScoped<IScheduledJob, ProblemDeadlineJob>();
        services.AddScoped<IDemoSeedStep, DemoProblems>();

        services.AddAuthorizationBuilder()
            .AddPolicy(ProblemPolicies.Read, p => p.RequireRole(Roles.Admin, Roles.Supervisor, Roles.Observer, Roles.UnitStaff))
            .AddPolicy(ProblemPolicies.Raise, p => p.RequireRole(Roles.Supervisor, Roles.UnitStaff))
            .AddPolicy(ProblemPolicies.Rectify, p => p.RequireRole(Roles.UnitStaff))
            .AddPolicy(ProblemPolicies.Verify, p => p.RequireRole(Roles.Supervisor))
            .AddPolicy(ProblemPolicies.Dictionary, p => p.RequireRole(Roles.Admin, Roles.Supervisor));
        return services;
    }
}
