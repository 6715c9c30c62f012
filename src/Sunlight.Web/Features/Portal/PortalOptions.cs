namespace Sunlight.Web.Features.Portal;

/// <summary>The channels the bureau publishes (settings <c>Sunlight:Portal</c>), shown on the public front door.</summary>
internal sealed class PortalOptions
{
    public string Hotline { get; set; } = "";
    public string Email { get; set; } = "";
    public string Address { get; set; } = "";
    public string OfficeHours { get; set; } = "";
}
