namespace Sunlight.Bench.Scenarios;

internal static class StartupScenario
{
    public static Task<BenchResult> RunAsync(BenchOptions options) => throw new NotImplementedException();
}
