using System.Text;

namespace Sunlight.BrowserTests.Leniency;

/// <summary>unit06 imports a 首违不罚 list, the Supervisor approves it, unit06 records an exemption, downloads the letter, and a second one for the same enterprise and item is refused.</summary>
public sealed class FirstViolationTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string ItemName = "浏览器测试：未随车携带道路运输证";
    private const string Uscc = "91350100M000100Y43";

    [Fact]
    public async Task Unit06_ImportsList_RecordsExemption_DownloadsLetter_SecondIsRefused()
    {
        var unit = await app.LoginAsync("unit06");
        await unit.GotoAsync("/Leniency/Import");
        var csv = Encoding.UTF8.GetBytes($"清单类别,事项名称,适用条件,法律依据,方式,备注\n首违不罚,{ItemName},初次违法；危害后果轻微；及时改正,《中华人民共和国道路运输条例》,,\n");
        await unit.GetByLabel("选择文件").SetInputFilesAsync(new FilePayload { Name = "清单.csv", MimeType = "text/csv", Buffer = csv });
        await unit.GetByRole(AriaRole.Button, new() { Name = "上传并校验" }).ClickAsync();
        await unit.WaitForURLAsync(url => url.EndsWith("/Leniency", StringComparison.Ordinal));

        var supervisor = await app.LoginAsync("supervisor");
        await supervisor.GotoAsync("/Leniency?State=Draft");
        await supervisor.GetByTestId("lists").GetByRole(AriaRole.Link, new() { Name = "首违不罚" }).First.ClickAsync();
        await Assertions.Expect(supervisor.GetByTestId("items")).ToContainTextAsync(ItemName);
        await supervisor.GetByTestId("approve").ClickAsync();
        await Assertions.Expect(supervisor.GetByTestId("list-state")).ToHaveTextAsync("已批准公示");

        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        async Task RecordAsync()
        {
            await unit.GotoAsync("/Leniency/RecordExemption");
            await unit.GetByTestId("item").SelectOptionAsync(new SelectOptionValue { Label = "首违不罚 · " + ItemName });
            await unit.GetByTestId("choose-item").ClickAsync();
            foreach (var box in await unit.GetByTestId("condition").AllAsync())
            {
                await box.CheckAsync();
            }
            await unit.GetByTestId("uscc").FillAsync(Uscc);
            await unit.GetByTestId("enterprise-name").FillAsync("福州测试运输有限公司");
            await unit.GetByTestId("facts").FillAsync("营运车辆未随车携带道路运输证");
            await unit.GetByTestId("violation-on").FillAsync(today.AddDays(-1).ToString("yyyy-MM-dd"));
            await unit.GetByTestId("education").FillAsync("讲解《道路运输条例》相关规定，督促随车携带证件");
            await unit.GetByTestId("deadline").FillAsync(today.AddDays(10).ToString("yyyy-MM-dd"));
            await unit.GetByTestId("record").ClickAsync();
        }

        await RecordAsync();
        await Assertions.Expect(unit.GetByTestId("exemption-number")).ToContainTextAsync("免罚〔");
        var download = await unit.RunAndWaitForDownloadAsync(() => unit.GetByTestId("download-letter").ClickAsync());
        Assert.EndsWith(".docx", download.SuggestedFilename, StringComparison.Ordinal);
        var path = await download.PathAsync();
        var bytes = await File.ReadAllBytesAsync(path!);
        Assert.Equal((byte)'P', bytes[0]);
        Assert.Equal((byte)'K', bytes[1]);

        await RecordAsync();
        await Assertions.Expect(unit.GetByTestId("error")).ToContainTextAsync("不属于首次违法");
        await Assertions.Expect(unit.GetByTestId("error")).ToContainTextAsync("免罚〔");
    }
}
