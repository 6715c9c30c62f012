using System.Globalization;
using System.Text.RegularExpressions;

namespace Sunlight.BrowserTests.Enforcement;

/// <summary>
/// The issue's scenario in the browser: unit02 enters a penalty case with one officer and a decision 95 days after 立案,
/// sees the warnings on the case; the Supervisor turns one into a problem from the case page.
/// </summary>
public sealed partial class LegalityWarningTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [GeneratedRegex(@"有效期至 (\d{4}-\d{2}-\d{2})")]
    private static partial Regex ValidTo();

    [Fact]
    public async Task Unit02EntersOneOfficerLateDecision_SeesWarnings_SupervisorTurnsOneIntoAProblem()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var filed = today.AddDays(-100);
        var number = $"浏览器〔{today:yyyy}〕{Random.Shared.Next(1000, 9999)}号";

        var unit = await app.LoginAsync("unit02");
        await unit.GotoAsync("/Enforcement/Register");
        await unit.GetByTestId("case-kind").SelectOptionAsync(new SelectOptionValue { Label = "行政处罚" });
        await unit.GetByTestId("case-number-input").FillAsync(number);
        await unit.GetByTestId("case-filed-on").FillAsync(filed.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await unit.GetByTestId("case-title").FillAsync("某餐饮公司未按规定公示许可信息案");
        await unit.GetByTestId("case-party").FillAsync("青禾县浏览器测试餐饮有限公司");
        await unit.GetByTestId("case-uscc").FillAsync("91350100M000100Y43");
        await unit.GetByLabel("执法事项名称（手工）").FillAsync("未按规定公示食品经营许可信息");
        await unit.GetByLabel("法律依据（手工）").FillAsync("《食品安全法》第一百二十六条");
        await unit.GetByTestId("case-fine").FillAsync("5000");
        // One officer whose 执法证 is valid from 立案 until today.
        var officers = unit.GetByTestId("case-officer");
        var chosen = false;
        for (var i = 0; i < await officers.CountAsync() && !chosen; i++)
        {
            var id = await officers.Nth(i).GetAttributeAsync("id");
            var label = await unit.Locator($"label[for='{id}']").InnerTextAsync();
            if (ValidTo().Match(label) is { Success: true } m && DateOnly.ParseExact(m.Groups[1].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture) >= today)
            {
                await officers.Nth(i).CheckAsync();
                chosen = true;
            }
        }
        Assert.True(chosen);
        await unit.GetByTestId("register").ClickAsync();
        await Assertions.Expect(unit.GetByTestId("message")).ToContainTextAsync("已立案登记");
        await Assertions.Expect(unit.Locator("[data-testid=warning][data-rule=P-OFFICERS]")).ToContainTextAsync("仅 1 名");

        async Task RecordAsync(string kind, DateOnly on)
        {
            await unit.GetByTestId("milestone-kind").SelectOptionAsync(new SelectOptionValue { Label = kind });
            await unit.GetByTestId("milestone-on").FillAsync(on.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            await unit.GetByTestId("record-milestone").ClickAsync();
            await Assertions.Expect(unit.GetByTestId("message")).ToContainTextAsync("已记录");
        }
        await RecordAsync("告知", filed.AddDays(40));
        await RecordAsync("决定", filed.AddDays(95));
        await Assertions.Expect(unit.GetByTestId("case-stage")).ToHaveTextAsync("决定");
        await Assertions.Expect(unit.Locator("[data-testid=warning][data-rule=P-90DAYS]")).ToContainTextAsync("第 95 日");
        await Assertions.Expect(unit.Locator("[data-testid=warning][data-rule=P-OFFICERS]")).ToBeVisibleAsync();
        var caseUrl = unit.Url;

        // The unit sees the warnings in its task list too.
        await unit.GotoAsync("/Enforcement/Warnings");
        await Assertions.Expect(unit.GetByTestId("warnings")).ToContainTextAsync(number);

        var supervisor = await app.LoginAsync("supervisor");
        await supervisor.GotoAsync(caseUrl);
        var late = supervisor.Locator("[data-testid=warning][data-rule=P-90DAYS]");
        await late.GetByTestId("to-problem").ClickAsync();
        await Assertions.Expect(supervisor.GetByTestId("message")).ToContainTextAsync("已转为问题");
        await Assertions.Expect(supervisor.Locator("[data-testid=warning][data-rule=P-90DAYS]").GetByTestId("warning-problem")).ToBeVisibleAsync();

        await supervisor.GotoAsync("/Problems?Source=Warning");
        await Assertions.Expect(supervisor.Locator("body")).ToContainTextAsync(number);
    }
}
