using Sunlight.Web.Features.Enforcement.ActCode;
using Sunlight.Web.Features.Enforcement.Demo;
using Sunlight.Web.Features.Enforcement.Extend;
using Sunlight.Web.Features.Enforcement.Disclosure;
using Sunlight.Web.Features.Enforcement.Queries;
using Sunlight.Web.Features.Enforcement.RecordMilestone;
using Sunlight.Web.Features.Enforcement.Records;
using Sunlight.Web.Features.Enforcement.Register;
using Sunlight.Web.Features.Enforcement.Review;
using Sunlight.Web.Features.Enforcement.Rules;
using Sunlight.Web.Features.Enforcement.Sweep;
using Sunlight.Web.Features.Enforcement.Warnings;
using Sunlight.Web.Features.Platform.Demo;
using Sunlight.Web.Infrastructure.Jobs;

namespace Sunlight.Web.Features.Enforcement;

internal static class EnforcementModule
{
    public static IServiceCollection AddEnforcement(this IServiceCollection services)
    {
        services.AddEnforcementPolicies();
        foreach (var rule in new ILegalityRule[]
                 {
                     new OfficersRule(), new NoticeRule(), new HearingRule(), new HearingNoticeRule(), new ReviewRule(), new DecisionPeriodRule(), new OnTheSpotRule(),
                     new ServiceRule(), new LimitationRule(), new PublicationRule(), new WithdrawalRule(), new AudioVideoRule(),
                 })
        {
            services.AddSingleton(rule);
        }
        services.AddSingleton<LegalityChecker>();
        services.AddScoped<CaseWork>();
        services.AddScoped<CaseQueries>();
        services.AddScoped<RegisterCase>();
        services.AddScoped<RecordCaseMilestone>();
        services.AddScoped<ReviewCase>();
        services.AddScoped<RecordDisclosure>();
        services.AddScoped<DismissWarning>();
        services.AddScoped<TurnIntoProblem>();
        services.AddScoped<ActCodeLookup>();
        services.AddScoped<IssuePartyPin>();
        services.AddScoped<ViewAsParty>();
        services.AddScoped<RecordExtension>();
        services.AddScoped<AddProcessRecord>();
        services.AddScoped<Import.ImportCases>();
        services.AddScoped<Import.SaveImportMapping>();
        services.AddScoped<Thresholds.SaveThresholds>();
        services.AddScoped<WorkHome.IWorkItemSource, WorkItems.EnforcementWorkItems>();
        services.AddScoped<LegalitySweep>();
        services.AddScoped<IScheduledJob, LegalitySweepJob>();
        services.AddScoped<IDemoSeedStep, DemoCases>();
        return services;
    }
}
