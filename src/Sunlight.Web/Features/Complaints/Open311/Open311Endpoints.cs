using Sunlight.Web.Features.Complaints.Open311.Integrations;

namespace Sunlight.Web.Features.Complaints.Open311;

/// <summary>
/// Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2) under /open311/v2, JSON or XML by the URL's format, with
/// mySociety's <c>servicerequestupdates</c> extension as FixMyStreet uses it. Services are our complaint categories;
/// service_request_id is the tracking code. Only public fields leave: state, dates, place and attributes about the
/// matter — never the reporter, and not the description (it may name the reporter or third parties). Every route is
/// rate-limited per registered integration (api_key) or else per client address (<see cref="Open311RateLimits"/>).
/// Status mapping: docs/open311.md.
/// </summary>
internal static class Open311Endpoints
{
    public static void MapOpen311(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/open311/v2").WithTags("Open311 GeoReport v2").AllowAnonymous().RequireRateLimiting(Open311RateLimits.Policy);
        g.MapDiscovery();
        g.MapServices();
        g.MapServiceDefinition();
        g.MapPostRequest();
        g.MapRequests();
        g.MapTokens();
        g.MapServiceRequestUpdates();
        g.MapPostServiceRequestUpdate();
        app.MapOpen311Integrations();
    }
}
