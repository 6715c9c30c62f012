namespace Sunlight.BrowserTests.Problems;

/// <summary>The whole loop in the browser: raise → measures → evidence → submit → reject → resubmit → 销账 → 对账.</summary>
public sealed class RectificationLoopTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];

    [Fact]
    public async Task SupervisorRaises_Unit03Rectifies_RejectedOnceThenAccepted_ReconcileShowsWrittenOff()
    {
        var supervisor = await app.LoginAsync("supervisor");
        await supervisor.GotoAsync("/Problems/Reconcile");
        var writtenOffBefore = int.Parse(await supervisor.GetByTestId("writtenoff-U03").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);

        // The Supervisor raises a problem for unit03 (应急管理局).
        await supervisor.GotoAsync("/Problems/Raise");
        await supervisor.GetByLabel("责任单位").SelectOptionAsync(new SelectOptionValue { Label = "青禾县应急管理局" });
        await supervisor.GetByLabel("问题类别").SelectOptionAsync(new SelectOptionValue { Label = "三项制度落实" });
        await supervisor.GetByLabel("问题描述").FillAsync("浏览器测试：执法公示栏未及时更新执法人员信息");
        await supervisor.GetByRole(AriaRole.Button, new() { Name = "登记并交办" }).ClickAsync();
        await Assertions.Expect(supervisor.GetByTestId("problem-state")).ToHaveTextAsync("待制定整改措施");
        var problemUrl = supervisor.Url;
        var number = problemUrl[(problemUrl.IndexOf("no=", StringComparison.Ordinal) + 3)..];

        // unit03 finds it in its task list, proposes measures, uploads evidence and submits.
        var unit = await app.LoginAsync("unit03");
        await unit.GotoAsync("/Problems");
        await unit.GetByTestId("tasks").GetByRole(AriaRole.Link, new() { Name = number }).ClickAsync();
        await unit.GetByLabel("整改措施", new() { Exact = true }).FillAsync("修订公示制度，明确专人每月更新公示栏");
        await unit.GetByRole(AriaRole.Button, new() { Name = "提交整改措施" }).ClickAsync();
        await Assertions.Expect(unit.GetByTestId("problem-state")).ToHaveTextAsync("整改中");
        await Assertions.Expect(unit.GetByTestId("deadline")).Not.ToHaveTextAsync("—");

        await unit.GetByLabel("进展说明", new() { Exact = true }).FillAsync("公示栏已更新，附照片");
        await unit.GetByLabel("证明材料", new() { Exact = false }).SetInputFilesAsync(new FilePayload { Name = "公示栏.png", MimeType = "image/png", Buffer = Png });
        await unit.GetByRole(AriaRole.Button, new() { Name = "报送进展" }).ClickAsync();
        await Assertions.Expect(unit.GetByTestId("evidence")).ToContainTextAsync("公示栏.png");
        await unit.GetByLabel("完成情况", new() { Exact = true }).FillAsync("已完成整改");
        await unit.GetByRole(AriaRole.Button, new() { Name = "提交核账" }).ClickAsync();
        await Assertions.Expect(unit.GetByTestId("problem-state")).ToHaveTextAsync("待核账");

        // The Supervisor rejects once with a reason.
        await supervisor.GotoAsync(problemUrl);
        await supervisor.GetByLabel("核查意见", new() { Exact = true }).FillAsync("请补充制度文件");
        await supervisor.GetByRole(AriaRole.Button, new() { Name = "退回整改" }).ClickAsync();
        await Assertions.Expect(supervisor.GetByTestId("problem-state")).ToHaveTextAsync("整改中");

        // unit03 resubmits; the Supervisor accepts and the problem is written off.
        await unit.ReloadAsync();
        await Assertions.Expect(unit.GetByTestId("timeline")).ToContainTextAsync("请补充制度文件");
        await unit.GetByLabel("完成情况", new() { Exact = true }).FillAsync("已补充制度文件");
        await unit.GetByRole(AriaRole.Button, new() { Name = "提交核账" }).ClickAsync();
        await Assertions.Expect(unit.GetByTestId("problem-state")).ToHaveTextAsync("待核账");

        await supervisor.GotoAsync(problemUrl);
        await supervisor.GetByRole(AriaRole.Button, new() { Name = "通过并销账" }).ClickAsync();
        await Assertions.Expect(supervisor.GetByTestId("problem-state")).ToHaveTextAsync("已销账");
        await Assertions.Expect(supervisor.GetByTestId("timeline")).ToContainTextAsync("待核账 → 已销账");

        await supervisor.GotoAsync("/Problems/Reconcile");
        await Assertions.Expect(supervisor.GetByTestId("writtenoff-U03")).ToHaveTextAsync((writtenOffBefore + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await supervisor.GotoAsync("/Problems?State=WrittenOff");
        await Assertions.Expect(supervisor.GetByTestId("ledger").GetByRole(AriaRole.Row, new() { Name = number })).ToContainTextAsync("已销账");
    }
}
