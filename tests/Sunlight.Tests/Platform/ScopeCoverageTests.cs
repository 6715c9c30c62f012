using System.Reflection;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Sunlight.Tests.Infrastructure;

namespace Sunlight.Tests.Platform;

/// <summary>Every API endpoint has at least one test that checks who may (and may not) reach its data.</summary>
public sealed class ScopeCoverageTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    [Fact]
    public void EveryApiEndpoint_HasAScopeTest()
    {
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && (raw.StartsWith("/api/", StringComparison.Ordinal) || raw.StartsWith("/open311/", StringComparison.Ordinal)))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"]).Select(m => $"{m} {e.RoutePattern.RawText!.TrimEnd('/')}"))
            .ToHashSet(StringComparer.Ordinal);

        var covered = typeof(ScopeCoverageTests).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods())
            .SelectMany(m => m.GetCustomAttributes<ScopeCoveredAttribute>())
            .Select(a => a.Endpoint.TrimEnd('/'))
            .ToHashSet(StringComparer.Ordinal);

        Assert.NotEmpty(endpoints);
        var missing = endpoints.Except(covered).Order().ToList();
        Assert.True(missing.Count == 0, "API endpoints without a scope test ([ScopeCovered]):\n" + string.Join("\n", missing));
        var stale = covered.Except(endpoints).Order().ToList();
        Assert.True(stale.Count == 0, "[ScopeCovered] names endpoints that do not exist:\n" + string.Join("\n", stale));
    }
}
