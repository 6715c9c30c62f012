namespace Sunlight.Web.Features.Complaints.Public;

/// <summary>The rate-limit policies of the public side (registered in <see cref="ComplaintsModule"/>), shared by the API and the pages.</summary>
internal static class PublicRateLimits
{
    public const string IntakePolicy = "public-intake";
    public const string LookupPolicy = "public-lookup";
}
