using System.Reflection;
using System.Reflection.Emit;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.AspNetCore.Mvc.RazorPages;
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
    /// <summary>Read-only capabilities that compose figures across the others (reports print every capability's counts; they write nothing).</summary>
    private static readonly HashSet<string> ReadOnlyReaders = ["Reports"];

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
            if (ReadOnlyReaders.Contains(feature))
            {
                continue;
            }
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

    /// <summary>A page is a thin shell over its use case: it never calls into an API endpoint class.</summary>
    [Fact]
    public void NoPage_CallsAnEndpointsClass()
    {
        var features = Path.Combine(RepositoryRoot(), "src", "Sunlight.Web", "Features");
        var pages = Directory.GetFiles(features, "*.cshtml", SearchOption.AllDirectories)
            .Concat(Directory.GetFiles(features, "*.cshtml.cs", SearchOption.AllDirectories))
            .ToList();
        var violations = pages
            .SelectMany(f => EndpointsCall().Matches(File.ReadAllText(f)).Select(m => $"{Path.GetRelativePath(features, f)}: {m.Value}"))
            .ToList();
        Assert.True(violations.Count == 0, string.Join("\n", violations));
        Assert.True(pages.Count(f => f.EndsWith(".cshtml.cs", StringComparison.Ordinal)) > 20, $"only {pages.Count} page files found under {features}");
    }

    [GeneratedRegex(@"\b\w+Endpoints\.\w+")]
    private static partial Regex EndpointsCall();

    /// <summary>Features never reach into pages: only page models and the compiled views and partials use a page model type.</summary>
    [Fact]
    public void NoNonPageType_ReferencesAPageModel()
    {
        var types = typeof(SunlightDbContext).Assembly.GetTypes();
        var pageModels = types.Where(t => typeof(PageModel).IsAssignableFrom(t)).ToHashSet();
        var violations = new List<string>();
        foreach (var type in types.Where(t => !IsPage(t)))
        {
            foreach (var used in References(type).Where(pageModels.Contains).Distinct())
            {
                violations.Add($"{type.FullName} uses {used.FullName}");
            }
        }
        Assert.True(violations.Count == 0, string.Join("\n", violations));
        Assert.True(pageModels.Count > 20, $"only {pageModels.Count} page models found");
        Assert.Contains(types.Where(IsPage), t => !typeof(PageModel).IsAssignableFrom(t) && References(t).Any(pageModels.Contains));

        bool IsPage(Type t) =>
            typeof(PageModel).IsAssignableFrom(t) || typeof(IRazorPage).IsAssignableFrom(t) || (t.DeclaringType is { } outer && IsPage(outer));
    }

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!).ToDictionary(o => o.Value);

    /// <summary>Every type a type names: base, interfaces, members' signatures and the types, methods and fields its method bodies use.</summary>
    private static IEnumerable<Type> References(Type type)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var named = new List<Type?> { type.BaseType };
        named.AddRange(type.GetInterfaces());
        named.AddRange(type.GetFields(all).Select(f => f.FieldType));
        named.AddRange(type.GetProperties(all).Select(p => p.PropertyType));
        var methods = type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)).ToList();
        foreach (var method in methods)
        {
            named.AddRange(method.GetParameters().Select(p => p.ParameterType));
            if (method is MethodInfo mi)
            {
                named.Add(mi.ReturnType);
            }
            named.AddRange(BodyReferences(method));
        }
        return named.OfType<Type>().SelectMany(Flatten);

        static IEnumerable<Type> Flatten(Type t) =>
            t.HasElementType ? Flatten(t.GetElementType()!) : t.IsGenericType ? t.GetGenericArguments().SelectMany(Flatten).Append(t.GetGenericTypeDefinition()) : [t];
    }

    private static IEnumerable<Type?> BodyReferences(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            yield break;
        }
        var typeArgs = method.DeclaringType?.IsGenericType == true ? method.DeclaringType.GetGenericArguments() : null;
        var methodArgs = method.IsGenericMethod ? method.GetGenericArguments() : null;
        for (var i = 0; i < il.Length;)
        {
            var code = il[i] == 0xFE ? OpCodesByValue[(short)(0xFE00 | il[i + 1])] : OpCodesByValue[il[i]];
            i += code.Size;
            switch (code.OperandType)
            {
                case OperandType.InlineType or OperandType.InlineTok or OperandType.InlineMethod or OperandType.InlineField:
                    MemberInfo? member;
                    try
                    {
                        member = method.Module.ResolveMember(BitConverter.ToInt32(il, i), typeArgs, methodArgs);
                    }
                    catch (ArgumentException)
                    {
                        member = null;
                    }
                    yield return member as Type ?? member?.DeclaringType;
                    i += 4;
                    break;
                case OperandType.InlineSwitch:
                    i += 4 + (4 * BitConverter.ToInt32(il, i));
                    break;
                case OperandType.InlineNone:
                    break;
                case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar:
                    i += 1;
                    break;
                case OperandType.InlineVar:
                    i += 2;
                    break;
                case OperandType.InlineI8 or OperandType.InlineR:
                    i += 8;
                    break;
                default:
                    i += 4;
                    break;
            }
        }
    }

    /// <summary>ADR 0002: <c>IgnoreQueryFilters</c> only in the named allow-list (<c>Infrastructure/Database/Unscoped.cs</c>).</summary>
    [Fact]
    public void IgnoreQueryFilters_OnlyInTheUnscopedAllowList()
    {
        var src = Path.Combine(RepositoryRoot(), "src", "Sunlight.Web");
        var files = Directory.GetFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        Assert.True(files.Count > 100, $"only {files.Count} source files found under {src}");
        var allowList = Path.Combine(src, "Infrastructure", "Database", "Unscoped.cs");
        Assert.Contains("IgnoreQueryFilters", File.ReadAllText(allowList), StringComparison.Ordinal);
        var offenders = files.Where(f => f != allowList && File.ReadAllText(f).Contains("IgnoreQueryFilters", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(src, f)).ToList();
        Assert.True(offenders.Count == 0, "IgnoreQueryFilters outside Unscoped.cs (use a named unscoped query): " + string.Join(", ", offenders));
    }

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
