using Sunlight.Web.Features.Insights.Summary;

namespace Sunlight.Web.Features.Insights;

/// <summary>The dashboard and the summary, and the capabilities' figure sources they compose.</summary>
internal static class InsightsModule
{
    public static IServiceCollection AddInsights(this IServiceCollection services)
    {
        services.AddInsightsPolicies();
        services.AddScoped<Complaints.Figures.ComplaintFigures>();
        services.AddScoped<Problems.Figures.ProblemFigures>();
        services.AddScoped<Inspections.Figures.InspectionFigures>();
        services.AddScoped<Enforcement.Figures.EnforcementFigures>();
        services.AddScoped<InsightsSummary>();
        services.AddScoped<Dashboard.InsightsDashboard>();
        return services;
    }

    public static void MapInsights(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/insights").WithTags("数据分析").RequireAuthorization(InsightsPolicies.View);
        g.MapSummary();
    }
}
