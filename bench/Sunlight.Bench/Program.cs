using Sunlight.Bench;
using Sunlight.Bench.Scenarios;

var options = BenchOptions.Parse(args);
try
{
    BenchResult? result = options.Scenario switch
    {
        "generate" => await GenerateCommand.RunAsync(options),
        "startup" => await StartupScenario.RunAsync(options),
        "registry-list" => await RegistryListScenario.RunAsync(options),
        "scope-check" => await ScopeCheck.RunAsync(options),
        "intake" => await IntakeScenario.RunAsync(options),
        "import" => await ImportScenario.RunAsync(options),
        "lists" => await ListsScenario.RunAsync(options),
        "first-violation" => await FirstViolationScenario.RunAsync(options),
        "export" => await ExportScenario.RunAsync(options),
        "overlaps" => await OverlapsScenario.RunAsync(options),
        "legality" => await LegalityScenario.RunAsync(options),
        "dashboard" => await DashboardScenario.RunAsync(options),
        _ => null,
    };
    if (result is null)
    {
        Console.Error.WriteLine("usage: dotnet run -c Release --project bench/Sunlight.Bench -- <generate|startup|registry-list|lists|intake|import|export|first-violation|overlaps|legality|dashboard|scope-check> [--scale N] [--provider Sqlite|Postgres --connection \"...\"] [--out DIR]");
        return 2;
    }
    Console.WriteLine(result.ToJson());
    return 0;
}
catch (Exception e) when (e is InvalidOperationException or IOException or FormatException or ArgumentException)
{
    Console.Error.WriteLine($"{options.Scenario}: {e.Message}");
    return 1;
}
