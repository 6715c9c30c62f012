namespace Sunlight.BrowserTests.WorkHome;

/// <summary>What a person meets first: the public front door on a phone, and a unit's work home after login.</summary>
public sealed class FrontDoorTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Phone_FrontDoorLeadsToTheForm_AndBackToTracking()
    {
        var phone = await app.NewPageAsync(phone: true);
        await phone.GotoAsync("/");
        await Assertions.Expect(phone.GetByTestId("channels")).ToContainTextAsync("投诉电话");
        // The ☰ menu opens with the public entries.
        await phone.GetByRole(AriaRole.Button, new() { Name = "展开导航" }).ClickAsync();
        await Assertions.Expect(phone.GetByTestId("public-nav").GetByRole(AriaRole.Link, new() { Name = "工作人员登录" })).ToBeVisibleAsync();
        await phone.GetByRole(AriaRole.Button, new() { Name = "展开导航" }).ClickAsync();

        await phone.GetByTestId("file-complaint").ClickAsync();
        await phone.GetByLabel("问题类别").SelectOptionAsync(new SelectOptionValue { Label = "趋利性执法" });
        await phone.GetByLabel("具体情况").FillAsync("执法人员检查时要求购买指定的灭火器。");
        await phone.GetByRole(AriaRole.Button, new() { Name = "提交投诉" }).ClickAsync();
        var code = (await phone.GetByTestId("tracking-code").InnerTextAsync()).Trim();
        var pin = (await phone.GetByTestId("pin").InnerTextAsync()).Trim();

        await phone.GotoAsync("/");
        await phone.GetByTestId("track-complaint").ClickAsync();
        await phone.GetByLabel("查询码").FillAsync(code);
        await phone.GetByLabel("查询密码").FillAsync(pin);
        await phone.GetByLabel("查询密码").PressAsync("Enter");
        await Assertions.Expect(phone.GetByTestId("state")).ToHaveTextAsync("已收到，待受理");
    }

    [Fact]
    public async Task Unit01_WorkHome_PutsTheMostOverdueFirst_AndShowsTheOverdueRectificationInWorkingDays()
    {
        var page = await app.LoginAsync("unit01");
        Assert.EndsWith("/", page.Url, StringComparison.Ordinal);
        var overdue = new System.Text.RegularExpressions.Regex("^逾期 [1-9][0-9]* 个工作日$");
        // Legality warnings, rectifications, complaints… are one list, most overdue first.
        var first = page.GetByTestId("work-item").First;
        await Assertions.Expect(first.GetByTestId("work-due")).ToHaveTextAsync(overdue);
        await Assertions.Expect(first.GetByTestId("work-due")).ToHaveAttributeAsync("title", new System.Text.RegularExpressions.Regex(@"^期限 \d{4}-\d{2}-\d{2}$"));
        var rectification = page.GetByTestId("work-item").Filter(new() { Has = page.GetByTestId("work-action").Filter(new() { HasText = "整改" }) }).First;
        await Assertions.Expect(rectification.GetByTestId("work-due")).ToHaveTextAsync(overdue);
    }

    [Fact]
    public async Task Supervisor_ClicksAFigure_AndGetsExactlyTheRecordsBehindIt()
    {
        var page = await app.LoginAsync("supervisor");
        // ECharts (from npm through the build) draws the groups.
        await Assertions.Expect(page.Locator(".figure-chart svg").First).ToBeVisibleAsync();
        foreach (var label in new[] { "投诉举报（本年收到）/收到", "问题整改（本年登记，按状态）/整改中" })
        {
            await page.GotoAsync("/");
            var figure = page.Locator($"[data-testid=figure][data-label='{label}']");
            var value = (await figure.InnerTextAsync()).Trim();
            await figure.ClickAsync();
            await Assertions.Expect(page.GetByTestId("total")).ToContainTextAsync($"共 {value} 条");
        }
    }

    [Fact]
    public async Task AuditViewOfAnAssignment_ReadsAsChinese_InBeijingTime()
    {
        var supervisor = await app.LoginAsync("supervisor");
        await supervisor.GotoAsync("/Complaints/Queue");
        await supervisor.GetByTestId("complaints").Locator("tbody a").First.ClickAsync();
        await supervisor.GetByTestId("accept").ClickAsync();
        await supervisor.GetByTestId("assign-unit").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await supervisor.GetByTestId("assign").ClickAsync();
        await Assertions.Expect(supervisor.GetByTestId("state")).ToHaveTextAsync("办理中");

        await supervisor.GotoAsync("/Audit?entityType=Complaint&action=StateChange");
        await supervisor.GetByTestId("audit-table").GetByRole(AriaRole.Link, new() { Name = "详情" }).First.ClickAsync();
        await Assertions.Expect(supervisor.GetByTestId("audit-record")).ToContainTextAsync("投诉举报 TS");
        await Assertions.Expect(supervisor.GetByTestId("audit-time")).ToContainTextAsync("（北京时间）");
        var fields = supervisor.GetByTestId("audit-fields");
        await Assertions.Expect(fields).ToContainTextAsync("办理单位");
        await Assertions.Expect(fields).ToContainTextAsync("办理中");
        var text = await supervisor.Locator("main").InnerTextAsync();
        foreach (var raw in new[] { "Complaint", "AssignedUnitId", "Assigned", "supervisor" })
        {
            Assert.DoesNotContain(raw, text, StringComparison.Ordinal);
        }
    }
}
