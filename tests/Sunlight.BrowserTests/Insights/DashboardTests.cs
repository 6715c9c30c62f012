namespace Sunlight.BrowserTests.Insights;

/// <summary>The Supervisor's dashboard: tiles from records, the trend drawn by ECharts, and a tile opening exactly its records.</summary>
public sealed class DashboardTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Supervisor_OpensTheDashboard_ClicksATile_AndLandsOnAListOfThatMany()
    {
        var page = await app.LoginAsync("supervisor");
        await page.GetByRole(AriaRole.Link, new() { Name = "数据分析" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("insights-tile").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".insights-trend svg")).ToBeVisibleAsync();
        foreach (var key in new[] { "problems-three-systems", "complaints-received" })
        {
            await page.GotoAsync("/Insights");
            var tile = page.Locator($"[data-testid=insights-tile][data-key='{key}']");
            var value = (await tile.GetByTestId("insights-value").InnerTextAsync()).Trim();
            Assert.NotEqual("0", value);
            await tile.ClickAsync();
            await Assertions.Expect(page.GetByTestId("records-total")).ToHaveTextAsync($"共 {value} 条");
        }
    }
}
