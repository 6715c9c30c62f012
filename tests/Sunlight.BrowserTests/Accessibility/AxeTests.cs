using System.Text.Json;

namespace Sunlight.BrowserTests.Accessibility;

/// <summary>axe-core (from npm, read from the web project's node_modules) finds no serious or critical violation.</summary>
public sealed class AxeTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static readonly string Axe = File.ReadAllText(Path.Combine(BrowserApp.RepositoryRoot(), "src", "Sunlight.Web", "node_modules", "axe-core", "axe.min.js"));

    private static async Task AssertNoSeriousViolationsAsync(IPage page, string url)
    {
        await page.GotoAsync(url);
        // Evaluated through the DevTools protocol, which the site's CSP (script-src 'self') does not govern.
        await page.EvaluateAsync(Axe);
        var json = await page.EvaluateAsync<string>(
            "async () => JSON.stringify((await axe.run(document, { resultTypes: ['violations'] })).violations" +
            ".filter(v => v.impact === 'serious' || v.impact === 'critical').map(v => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ')) })))");
        var violations = JsonDocument.Parse(json).RootElement;
        Assert.True(violations.GetArrayLength() == 0, $"{url}: {json}");
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/Public/Complaints/New")]
    [InlineData("/Public/Complaints/Track")]
    [InlineData("/Account/Login")]
    [InlineData("/Disclosure")]
    [InlineData("/Disclosure/Units")]
    [InlineData("/Disclosure/Officers")]
    [InlineData("/Disclosure/EnforcementItems")]
    [InlineData("/Disclosure/InspectionItems")]
    [InlineData("/Disclosure/FlexibleLists")]
    [InlineData("/Disclosure/Decisions")]
    [InlineData("/Disclosure/Draws")]
    [InlineData("/Disclosure/IntakePoints")]
    public async Task PublicPages(string url)
    {
        await AssertNoSeriousViolationsAsync(await app.NewPageAsync(phone: true), url);
    }

    [Theory]
    [InlineData("supervisor", "/")]
    [InlineData("supervisor", "/Complaints")]
    [InlineData("supervisor", "/Complaints/Queue")]
    [InlineData("supervisor", "/Problems")]
    [InlineData("supervisor", "/Escalations")]
    [InlineData("observer", "/Audit")]
    [InlineData("unit01", "/")]
    [InlineData("unit01", "/Complaints/Assigned")]
    [InlineData("admin", "/Admin/Users")]
    public async Task StaffPages(string user, string url)
    {
        await AssertNoSeriousViolationsAsync(await app.LoginAsync(user), url);
    }
}
