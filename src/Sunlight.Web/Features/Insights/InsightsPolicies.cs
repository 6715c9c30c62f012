using Sunlight.Web.Infrastructure.Identity;

namespace Sunlight.Web.Features.Insights;

/// <summary>Who reads the county's figures: the bureau, the discipline liaison and the administrator. Unit and enterprise accounts do not.</summary>
internal static class InsightsPolicies
{
    /// <summary>The dashboard, the summary and every capability's <c>/figures</c>.</summary>
    public const string View = "Insights.View";

    public static IServiceCollection AddInsightsPolicies(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder().AddPolicy(View, p => p.RequireRole(Roles.Admin, Roles.Supervisor, Roles.Observer));
        return services;
    }
}
