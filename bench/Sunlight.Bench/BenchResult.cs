using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sunlight.Bench;

/// <summary>The one JSON object a scenario prints as its last line.</summary>
internal sealed record BenchResult(string Scenario, double Value, string Unit)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public double? Baseline { get; init; }
    public double? Ratio => Baseline is > 0 ? Math.Round(Value / Baseline.Value, 3) : null;
    public string? Provider { get; init; }
    public int? Scale { get; init; }

    /// <summary>Scenario-specific figures (percentiles, memory, row counts...).</summary>
    [JsonExtensionData]
    public Dictionary<string, object?> Extra { get; init; } = [];

    public string ToJson() => JsonSerializer.Serialize(this, Json);
}

/// <summary>Percentiles of a set of timings, by the nearest-rank method.</summary>
internal static class Stats
{
    public static double Percentile(IReadOnlyCollection<double> samples, double p)
    {
        if (samples.Count == 0)
        {
            return double.NaN;
        }
        var sorted = samples.Order().ToArray();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    public static double Median(IReadOnlyCollection<double> samples) => Percentile(samples, 50);

    public static double Round(double x, int digits = 3) => Math.Round(x, digits, MidpointRounding.AwayFromZero);

    public static string Format(double x) => x.ToString("0.000", CultureInfo.InvariantCulture);
}
