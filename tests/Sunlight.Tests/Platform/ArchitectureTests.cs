using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Sunlight.Tests.Infrastructure;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Tests.Platform;

/// <summary>
/// A feature talks to another through its small public service, never by reading or writing the other's tables.
/// The registry (units, officers, enterprises) and the platform (notifications, escalations, audit) are shared
/// foundations every feature may read.
/// </summary>
public sealed partial class ArchitectureTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    private static readonly HashSet<string> SharedFeatures = ["Registry", "Platform"];

    [Fact]
    public void NoFeature_UsesAnotherFeaturesTables()
    {
        using var scope = app.Services.CreateScope();
        var model = scope.ServiceProvider.GetRequiredService<SunlightDbContext>().Model;
        var owner = model.GetEntityTypes()
            .Select(t => t.ClrType)
            .Where(t => t.Namespace?.StartsWith("Sunlight.Web.Features.", StringComparison.Ordinal) == true)
            .ToDictionary(t => t.Name, t => t.Namespace!.Split('.')[3], StringComparer.Ordinal);

        var features = Path.Combine(RepositoryRoot(), "src", "Sunlight.Web", "Features");
        var violations = new List<string>();
        foreach (var dir in Directory.GetDirectories(features))
        {
            var feature = Path.GetFileName(dir);
            foreach (var file in Directory.GetFiles(dir, "*.cs", SearchOption.AllDirectories))
            {
                foreach (Match m in SetOf().Matches(File.ReadAllText(file)))
                {
                    var entity = m.Groups[1].Value;
                    if (owner.TryGetValue(entity, out var home) && home != feature && !SharedFeatures.Contains(home))
                    {
                        violations.Add($"{Path.GetRelativePath(features, file)} uses {entity} of feature {home}");
                    }
                }
            }
        }
        Assert.True(violations.Count == 0, string.Join("\n", violations));
        Assert.NotEmpty(owner);
    }

    [GeneratedRegex(@"Set<(\w+)>\(")]
    private static partial Regex SetOf();

    internal static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Sunlight.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("Sunlight.sln not found");
    }
}
