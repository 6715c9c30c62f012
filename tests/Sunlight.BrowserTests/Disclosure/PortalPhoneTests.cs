namespace Sunlight.BrowserTests.Disclosure;

/// <summary>The disclosure portal on a phone: reached from the front door, every page fits the screen, a filter works by touch.</summary>
public sealed class PortalPhoneTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static readonly string[] Pages =
        ["/Disclosure", "/Disclosure/Units", "/Disclosure/Officers", "/Disclosure/EnforcementItems", "/Disclosure/InspectionItems",
         "/Disclosure/FlexibleLists", "/Disclosure/Decisions", "/Disclosure/Draws", "/Disclosure/IntakePoints"];

    [Fact]
    public async Task Phone_FrontDoorLeadsToThePortal_EveryPageFitsTheScreen_AndTheUnitFilterNarrowsTheDecisions()
    {
        var phone = await app.NewPageAsync(phone: true);
        await phone.GotoAsync("/");
        await phone.GetByTestId("disclosure-entry").ClickAsync();
        await phone.WaitForURLAsync(url => url.EndsWith("/Disclosure", StringComparison.Ordinal));
        await Assertions.Expect(phone.GetByTestId("sections").GetByRole(AriaRole.Link)).ToHaveCountAsync(9);

        foreach (var url in Pages)
        {
            await phone.GotoAsync(url);
            var overflow = await phone.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
            Assert.True(overflow <= 0, $"{url} is {overflow}px wider than the phone's screen");
        }

        await phone.GotoAsync("/Disclosure/Decisions");
        var all = await phone.GetByTestId("decision").CountAsync();
        Assert.True(all > 0, "no published decision on the demo portal");
        await phone.GetByLabel("执法单位").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await phone.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        await phone.WaitForURLAsync(url => url.Contains("unitId=", StringComparison.Ordinal));
        var unit = await phone.GetByLabel("执法单位").Locator("option:checked").InnerTextAsync();
        var rows = phone.GetByTestId("decision");
        Assert.True(await rows.CountAsync() > 0, $"no decision of {unit}");
        foreach (var row in await rows.AllAsync())
        {
            await Assertions.Expect(row).ToContainTextAsync(unit);
        }
    }
}
