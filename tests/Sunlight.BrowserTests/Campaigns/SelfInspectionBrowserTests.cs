using Microsoft.Playwright;

namespace Sunlight.BrowserTests.Campaigns;

/// <summary>
/// The running demo campaign (a 3-item checklist) in the browser: unit04 answers every point and submits, the inspector
/// records a visit and disagrees on one point (the side-by-side comparison marks it), the Supervisor draws two of unit04's
/// files and the inspector scores them; the campaign's figures and the problem ledger show the results.
/// </summary>
public sealed class SelfInspectionBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Unit04SelfInspects_InspectorVisitsAndDisagreesOnOnePoint_ScoresTwoDrawnFiles_TheFiguresAndTheLedgerShowIt()
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
        await Assertions.Expect(supervisor.GetByTestId("figure-value-units-self-inspected")).ToHaveTextAsync(Text(before + 1));

        // 案卷评查: the Supervisor draws two of unit04's penalty files (seed shown); the inspector on the team scores both.
        var reviewed = await NumberAsync(supervisor.GetByTestId("figure-value-case-files-reviewed"));
        var defects = await NumberAsync(supervisor.GetByTestId("figure-value-case-file-defects"));
        await supervisor.GotoAsync("/Problems?Source=CaseReview");
        var ledger = await NumberAsync(supervisor.GetByTestId("total"));
        await supervisor.GotoAsync(campaignUrl);
        await supervisor.GetByTestId("draw-link").ClickAsync();
        await supervisor.GetByLabel("青禾县自然资源和规划局", new() { Exact = true }).CheckAsync();
        await supervisor.GetByLabel("每个单位抽取份数").FillAsync("2");
        await supervisor.GetByLabel("随机种子（不填则随机生成）").FillAsync("2026");
        await supervisor.GetByTestId("draw").ClickAsync();
        await Assertions.Expect(supervisor.GetByTestId("seed")).ToHaveTextAsync("2026");
        var planUrl = supervisor.Url;

        var files = inspector.GetByTestId("drawn-files").GetByRole(AriaRole.Link);
        foreach (var (n, code, reason, score) in new[] { (0, "F1 缺少立案审批表（文书）", "卷内无立案审批表", "98"), (1, "S3 引用法律条款不准确、不具体（法律适用）", "处罚决定未引用具体条款", "97") })
        {
            await inspector.GotoAsync(planUrl);
            await Assertions.Expect(files).ToHaveCountAsync(2);
            await files.Nth(n).ClickAsync();
            await inspector.GetByLabel(code, new() { Exact = true }).CheckAsync();
            await inspector.GetByLabel(code[..2] + " 的理由").FillAsync(reason);
            await inspector.GetByTestId("score").ClickAsync();
            await Assertions.Expect(inspector.GetByTestId("final-score")).ToHaveTextAsync(score);
            await Assertions.Expect(inspector.GetByTestId("grade")).ToHaveTextAsync("优秀");
            await Assertions.Expect(inspector.GetByTestId("defects")).ToContainTextAsync(code[3..code.IndexOf('（', StringComparison.Ordinal)]);
        }

        await supervisor.GotoAsync(campaignUrl);
        await Assertions.Expect(supervisor.GetByTestId("figure-value-case-files-reviewed")).ToHaveTextAsync(Text(reviewed + 2));
        await Assertions.Expect(supervisor.GetByTestId("figure-value-case-file-defects")).ToHaveTextAsync(Text(defects + 2));
        await supervisor.GotoAsync("/Problems?Source=CaseReview");
        await Assertions.Expect(supervisor.GetByTestId("total")).ToContainTextAsync($"共 {Text(ledger + 2)} 条");
        await Assertions.Expect(supervisor.GetByTestId("ledger")).ToContainTextAsync("卷内无立案审批表");
        await Assertions.Expect(supervisor.GetByTestId("ledger")).ToContainTextAsync("处罚决定未引用具体条款");
    }

    private static string Text(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<int> NumberAsync(ILocator locator) =>
        int.Parse(System.Text.RegularExpressions.Regex.Match(await locator.InnerTextAsync(), @"\d+").Value, System.Globalization.CultureInfo.InvariantCulture);
}
