using System.Threading.RateLimiting;

namespace Sunlight.Web.Features.Complaints.Public;

/// <summary>The rate-limit policies of the public side (registered in <see cref="ComplaintsModule"/>), shared by the API and the pages.</summary>
internal static class PublicRateLimits
{
    public const string IntakePolicy = "public-intake";
    public const string LookupPolicy = "public-lookup";

    /// <summary>No limit for a GET or HEAD (showing a page); null when the request is to be counted.</summary>
    public static RateLimitPartition<string>? OnlyWrites(HttpContext http) =>
        HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method) ? RateLimitPartition.GetNoLimiter("read") : null;
}
