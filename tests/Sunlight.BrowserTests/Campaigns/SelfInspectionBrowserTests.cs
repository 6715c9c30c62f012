using Microsoft.Playwright;

namespace Sunlight.BrowserTests.Campaigns;

/// <summary>The running demo campaign in the browser: unit04 answers every point and submits, the inspector records a visit and disagrees on one point; the Supervisor's figures count both.</summary>
public sealed class SelfInspectionBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Unit04SelfInspects_InspectorVisitsAndDisagreesOnOnePoint_TheCampaignFiguresCountIt()
    {
        var supervisor = await app.LoginAsync("supervisor");
        await supervisor.GotoAsync("/Campaigns");
        await supervisor.GetByTestId("campaigns").GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("涉企行政检查规范化") }).ClickAsync();
        var campaignUrl = supervisor.Url;
        var before = int.Parse(await supervisor.GetByTestId("figure-value-units-self-inspected").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);

        var unit = await app.LoginAsync("unit04");
        await unit.GotoAsync(campaignUrl);
        await unit.GetByTestId("self-inspections").GetByRole(AriaRole.Link).First.ClickAsync();
        await Assertions.Expect(unit.GetByTestId("self-state")).ToHaveTextAsync("自查中");
        await unit.GetByLabel("检查内容 1 的结论").SelectOptionAsync(new SelectOptionValue { Label = "不符合" });
        await unit.GetByRole(AriaRole.Button, new() { Name = "保存自查结论" }).ClickAsync();
        await Assertions.Expect(unit.GetByTestId("error")).ToContainTextAsync("须填写情况说明");
        await unit.GetByLabel("检查内容 1 的情况说明").FillAsync("上半年对同一企业重复检查两次");
        await unit.GetByRole(AriaRole.Button, new() { Name = "保存自查结论" }).ClickAsync();
        await unit.GetByRole(AriaRole.Button, new() { Name = "提交自查" }).ClickAsync();
        await Assertions.Expect(unit.GetByTestId("self-state")).ToHaveTextAsync("已提交");

        // The inspector assigned to unit04 records a visit and disagrees on point 2; the comparison marks it.
        var inspector = await app.LoginAsync("inspector");
        await inspector.GotoAsync(campaignUrl);
        await inspector.GetByTestId("inspections").GetByRole(AriaRole.Link).First.ClickAsync();
        await inspector.GetByLabel("督查记录").FillAsync("听取单位汇报并查阅检查台账");
        await inspector.GetByRole(AriaRole.Button, new() { Name = "记录督查" }).ClickAsync();
        await Assertions.Expect(inspector.GetByTestId("visits")).ToContainTextAsync("听取单位汇报并查阅检查台账");
        await inspector.GetByLabel("检查内容 2 的督查结论").SelectOptionAsync(new SelectOptionValue { Label = "不符合" });
        await inspector.GetByLabel("检查内容 2 的督查说明").FillAsync("抽查发现未推行联合检查");
        await inspector.GetByRole(AriaRole.Button, new() { Name = "保存督查评价" }).ClickAsync();
        await Assertions.Expect(inspector.GetByTestId("differences")).ToContainTextAsync("不一致 1 项");
        await Assertions.Expect(inspector.GetByTestId("differs")).ToContainTextAsync("多头检查");

        await supervisor.GotoAsync(campaignUrl);
        await Assertions.Expect(supervisor.GetByTestId("figure-value-units-supervised")).ToHaveTextAsync("1");
        await Assertions.Expect(supervisor.GetByTestId("figure-value-units-self-inspected")).ToHaveTextAsync((before + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
