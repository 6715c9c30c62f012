namespace Sunlight.Tests.Infrastructure;

/// <summary>
/// Marks a test that proves the scope rule of an endpoint (e.g. "GET /api/v1/officers/{id:long}"): another unit's
/// record is not found, a role without the right is refused. <see cref="Platform.ScopeCoverageTests"/> fails when
/// an API endpoint exists that no test claims.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class ScopeCoveredAttribute(string endpoint) : Attribute
{
    public string Endpoint { get; } = endpoint;
}
