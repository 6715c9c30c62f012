using System.Text.RegularExpressions;

namespace Sunlight.BrowserTests.Complaints;

/// <summary>
/// On a phone through an intake point's QR URL: an anonymous complaint with hostile text; the Supervisor accepts and
/// assigns it, unit05 replies, the Supervisor approves; the tracking page shows the reply and no identity. No script
/// from the complaint text ever runs.
/// </summary>
public sealed class ComplaintBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string Hostile = "<script>window.__pwned=1</script><img src=x onerror=\"window.__pwned=2\"> 执法人员检查后要求当场交罚款，不开票据。";

    private static async Task AssertNoScriptRan(IPage page)
    {
        Assert.Equal("undefined", await page.EvaluateAsync<string>("() => typeof window.__pwned"));
    }

    [Fact]
    public async Task PhoneComplaintThroughIntakePoint_AcceptedAssignedRepliedApproved_TrackingShowsReplyWithoutIdentity()
    {
        var dialogs = 0;
        var supervisor = await app.LoginAsync("supervisor");
        supervisor.Dialog += (_, d) => { dialogs++; _ = d.DismissAsync(); };
        await supervisor.GotoAsync("/Complaints/IntakePoints");
        var pointUrl = await supervisor.GetByTestId("points").GetByRole(AriaRole.Row, new() { Name = "东坑村村务公开栏" }).GetByTestId("point-url").GetAttributeAsync("href");
        Assert.Contains("/Public/Complaints/New?point=", pointUrl);

        // The QR code opens the form on a phone; no staff navigation for the public.
        var phone = await app.NewPageAsync(phone: true);
        phone.Dialog += (_, d) => { dialogs++; _ = d.DismissAsync(); };
        await phone.GotoAsync(new Uri(pointUrl!).PathAndQuery);
        await Assertions.Expect(phone.GetByTestId("point-name")).ToContainTextAsync("东坑村村务公开栏");
        await Assertions.Expect(phone.Locator("#mainNav a.nav-link[href^='/Complaints'], #mainNav a.nav-link[href='/Inbox']")).ToHaveCountAsync(0);
        await phone.GetByLabel("问题类别").SelectOptionAsync(new SelectOptionValue { Label = "趋利性执法" });
        await phone.GetByLabel("具体情况").FillAsync(Hostile);
        // Anonymous only when chosen: the box starts unticked, this reporter ticks it.
        await Assertions.Expect(phone.GetByLabel("匿名投诉（不留姓名和联系方式）")).Not.ToBeCheckedAsync();
        await phone.GetByLabel("匿名投诉（不留姓名和联系方式）").CheckAsync();
        await phone.GetByRole(AriaRole.Button, new() { Name = "提交投诉" }).ClickAsync();
        var code = (await phone.GetByTestId("tracking-code").InnerTextAsync()).Trim();
        var pin = (await phone.GetByTestId("pin").InnerTextAsync()).Trim();
        Assert.Matches("^TS[0-9A-Z]{10}$", code);

        // The Supervisor finds it in the intake queue: the hostile text shows as text, nothing runs.
        await supervisor.GotoAsync("/Complaints/Queue");
        await supervisor.GetByRole(AriaRole.Link, new() { Name = code }).ClickAsync();
        await Assertions.Expect(supervisor.GetByTestId("description")).ToContainTextAsync("<script>window.__pwned=1</script>");
        await Assertions.Expect(supervisor.GetByTestId("reporter")).ToHaveTextAsync("匿名");
        await AssertNoScriptRan(supervisor);
        var detailUrl = supervisor.Url;
        await supervisor.GetByTestId("accept").ClickAsync();
        await Assertions.Expect(supervisor.GetByTestId("state")).ToHaveTextAsync("已受理待交办");

        var unit = await app.LoginAsync("unit05");
        var unitName = Regex.Replace(await unit.GetByTestId("current-user").InnerTextAsync(), @"\s*法制员$", "");
        await supervisor.GetByTestId("assign-unit").SelectOptionAsync(new SelectOptionValue { Label = unitName });
        await supervisor.GetByTestId("assign").ClickAsync();
        await Assertions.Expect(supervisor.GetByTestId("state")).ToHaveTextAsync("办理中");
        await Assertions.Expect(supervisor.GetByTestId("assigned-unit")).ToContainTextAsync(unitName);

        // unit05 handles it from its list and drafts the reply.
        await unit.GotoAsync("/Complaints/Assigned");
        await unit.GetByRole(AriaRole.Link, new() { Name = code }).ClickAsync();
        await Assertions.Expect(unit.GetByTestId("reporter")).ToHaveTextAsync("匿名");
        await AssertNoScriptRan(unit);
        await unit.GetByTestId("reply-text").FillAsync("经核查，执法人员未当场开具票据属实，已责令退还并开具票据，对相关人员批评教育。");
        await unit.GetByTestId("submit-reply").ClickAsync();
        await Assertions.Expect(unit.GetByTestId("state")).ToHaveTextAsync("答复待审核");

        // Not visible to the reporter until the Supervisor approves.
        await TrackAsync(phone, code, pin);
        await Assertions.Expect(phone.GetByTestId("state")).ToHaveTextAsync("已交办，办理中");
        await Assertions.Expect(phone.GetByTestId("reply")).ToHaveCountAsync(0);

        await supervisor.GotoAsync(detailUrl);
        await supervisor.GetByTestId("approve").ClickAsync();
        await Assertions.Expect(supervisor.GetByTestId("state")).ToHaveTextAsync("已答复");

        await TrackAsync(phone, code, pin);
        await Assertions.Expect(phone.GetByTestId("state")).ToHaveTextAsync("已答复");
        await Assertions.Expect(phone.GetByTestId("reply")).ToHaveTextAsync("经核查，执法人员未当场开具票据属实，已责令退还并开具票据，对相关人员批评教育。");
        var text = await phone.Locator("body").InnerTextAsync();
        foreach (var identity in new[] { "supervisor", "unit05", unitName, "法制员", "执法监督科" })
        {
            Assert.DoesNotContain(identity, text, StringComparison.Ordinal);
        }
        await Assertions.Expect(phone.GetByTestId("rating")).ToBeVisibleAsync();
        await AssertNoScriptRan(phone);
        Assert.Equal(0, dialogs);
    }

    /// <summary>The reporter looks the complaint up: code and PIN are posted, never put in the URL.</summary>
    private static async Task TrackAsync(IPage phone, string code, string pin)
    {
        await phone.GotoAsync($"/Public/Complaints/Track?code={code}");
        await phone.GetByLabel("查询密码").FillAsync(pin);
        await phone.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        Assert.DoesNotContain(pin, phone.Url, StringComparison.Ordinal);
    }
}
