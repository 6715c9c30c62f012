using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sunlight.Tests.Infrastructure;
using Sunlight.Web.Features.Complaints;
using Sunlight.Web.Features.Platform.Escalations;
using Sunlight.Web.Features.Problems;
using Sunlight.Web.Infrastructure.Calendar;
using static Sunlight.Tests.Complaints.ComplaintTestKit;
using static Sunlight.Tests.Problems.ProblemApi;

namespace Sunlight.Tests.WorkHome;

/// <summary><c>/</c>: the public front door for anonymous visitors, each role's work home in its own scope.</summary>
public sealed class WorkHomeTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    /// <summary>The work items of the page, in order, as text.</summary>
    private static List<string> Items(string html) =>
        Regex.Matches(html, "<li class=\"list-group-item[^\"]*\" data-testid=\"work-item\">(.*?)</li>", RegexOptions.Singleline)
            .Select(m => Regex.Replace(m.Groups[1].Value, "<[^>]+>", " ")).ToList();

    private async Task<string> HomeOf(string userName)
    {
        using var client = await app.LoginWithCookieAsync(userName);
        var response = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task Anonymous_GetsTheFrontDoor_FormTrackingChannelsIntakePointsAndStaffLogin()
    {
        using var anonymous = PageSession.Anonymous(app);
        var html = await anonymous.GetHtmlAsync("/");
        Assert.Contains("href=\"/Public/Complaints/New\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/Public/Complaints/Track\"", html, StringComparison.Ordinal);
        Assert.Contains("0599-7123456", html, StringComparison.Ordinal);
        Assert.Contains("jiandu@qinghe.example.gov.cn", html, StringComparison.Ordinal);
        Assert.Contains("工作人员登录", html, StringComparison.Ordinal);
        var point = await app.Db(db => db.Set<IntakePoint>().Where(p => p.IsActive && p.Kind == IntakePointKind.VillageBoard).Select(p => p.Name).FirstAsync());
        Assert.Contains(point, html, StringComparison.Ordinal);
        Assert.DoesNotContain("待我处理", html, StringComparison.Ordinal);
        Assert.DoesNotContain("/Registry/", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnitStaff_ListsOwnProblemsAndComplaints_MostOverdueFirstInWorkingDays_NeverAnotherUnits()
    {
        var (_, receipt) = await FiledAndAssignedAsync(app, "unit03");
        var foreign = await FiledAndAssignedAsync(app, "unit05");
        var late = await app.RectifyingAsync("U03");
        var other = await app.RaiseAsync("U04");
        // Earlier than anything else on the unit's list, so it must come first.
        var earliest = await app.Db(db => db.Set<Problem>().Where(p => p.Unit!.Code == "U03" && p.State == ProblemState.Raised).MinAsync(p => (DateOnly?)p.PlanDueOn));
        var deadline = new[] { earliest ?? new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 1) }.Min().AddDays(-10);
        await app.Db(db => db.Set<Problem>().Where(p => p.Id == late.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.Deadline, deadline)));

        // The unit's legality warnings (合法性预警, Enforcement/WorkItems) have their own test: this one is about problems and complaints.
        var items = Items(await HomeOf("unit03")).Where(i => !i.Contains("合法性预警", StringComparison.Ordinal)).ToList();

        var expected = app.Services.GetRequiredService<WorkingCalendar>().WorkingDaysBetween(deadline, new DateOnly(2026, 11, 25));
        Assert.Contains(late.Number, items[0], StringComparison.Ordinal);
        Assert.Contains($"逾期 {expected} 个工作日", items[0], StringComparison.Ordinal);
        Assert.Contains(items, i => i.Contains(receipt.TrackingCode, StringComparison.Ordinal) && i.Contains("办理并答复", StringComparison.Ordinal));
        var own = await app.Db(db => db.Set<Problem>().Where(p => p.Unit!.Code == "U03" && (p.State == ProblemState.Raised || p.State == ProblemState.Rectifying)).Select(p => p.Number).ToListAsync());
        Assert.All(own, n => Assert.Contains(items, i => i.Contains(n, StringComparison.Ordinal)));
        var notOwn = await app.Db(db => db.Set<Problem>().Where(p => p.Unit!.Code != "U03").Select(p => p.Number).ToListAsync());
        Assert.Contains(other.Number, notOwn);
        Assert.DoesNotContain(items, i => notOwn.Any(n => i.Contains(n, StringComparison.Ordinal)));
        Assert.DoesNotContain(items, i => i.Contains(foreign.Receipt.TrackingCode, StringComparison.Ordinal));
        // Each open problem and each assigned complaint exactly once (other capabilities add their own kinds of items).
        var codes = await app.Db(db => db.Set<Complaint>().Where(c => c.AssignedUnitId == db.Units.Single(u => u.Code == "U03").Id && c.State == ComplaintState.Assigned).Select(c => c.TrackingCode).ToListAsync());
        var keys = own.Concat(codes).ToList();
        Assert.All(keys, k => Assert.Single(items, i => i.Contains(k, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Supervisor_SeesIntakeQueueAndRectificationsToVerify_WithTheirSteps()
    {
        var filed = await FileAsync(app);
        var waiting = await app.AwaitingVerificationAsync("U06");
        var items = Items(await HomeOf("supervisor"));
        Assert.Contains(items, i => i.Contains(filed.TrackingCode, StringComparison.Ordinal) && i.Contains("受理", StringComparison.Ordinal) && i.Contains("剩余", StringComparison.Ordinal));
        Assert.Contains(items, i => i.Contains(waiting.Number, StringComparison.Ordinal) && i.Contains("核账", StringComparison.Ordinal));
        var received = await app.Db(db => db.Set<Complaint>().CountAsync(c => c.State == ComplaintState.Received));
        Assert.True(items.Count(i => i.Contains(" 受理", StringComparison.Ordinal)) >= received);
    }

    [Fact]
    public async Task Admin_SeesLockedAccounts_Observer_Referrals_Inspector_NothingYet()
    {
        await app.Db(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.UserName == "unit07");
            user.LockoutEnd = app.Clock.GetUtcNow().AddHours(1);
            return await db.SaveChangesAsync();
        });
        Assert.Contains(Items(await HomeOf("admin")), i => i.Contains("unit07", StringComparison.Ordinal) && i.Contains("账号已锁定", StringComparison.Ordinal));

        var unitId = await app.UnitId("U08");
        await app.Db(db =>
        {
            db.Set<Escalation>().Add(new Escalation
            {
                Kind = EscalationKind.Referral, UnitId = unitId, RegionCode = "359901", Reason = "拒不整改，移送纪检监察机关", CreatedAt = app.Clock.GetUtcNow(), CreatedBy = "督查组",
            });
            return db.SaveChangesAsync();
        });
        Assert.Contains(Items(await HomeOf("observer")), i => i.Contains("拒不整改，移送纪检监察机关", StringComparison.Ordinal));
        Assert.DoesNotContain(Items(await HomeOf("supervisor")), i => i.Contains("拒不整改，移送纪检监察机关", StringComparison.Ordinal));

        var inspector = await HomeOf("inspector");
        Assert.Empty(Items(inspector));
        Assert.Contains("检查任务功能正在建设中", inspector, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Enterprise_SeesComplaintsNamingIt_AndTheirProgress_NotAnotherEnterprises()
    {
        var uscc = await app.Db(db => db.Users.Where(u => u.UserName == "enterprise").Select(u => u.Uscc!).SingleAsync());
        var otherUscc = await app.Db(db => db.Enterprises.Where(e => e.Uscc != uscc).Select(e => e.Uscc).FirstAsync());
        var own = await FileAsync(app, new { category = "profit-driven", description = "检查时要求本企业购买指定产品。", enterpriseName = "本企业", enterpriseUscc = uscc, anonymous = true });
        var notOwn = await FileAsync(app, new { category = "profit-driven", description = "检查时要求购买指定产品。", enterpriseName = "别的企业", enterpriseUscc = otherUscc, anonymous = true });

        var html = await HomeOf("enterprise");
        var items = Items(html);
        Assert.Contains(items, i => i.Contains(own.TrackingCode, StringComparison.Ordinal) && i.Contains("已收到，待受理", StringComparison.Ordinal));
        Assert.DoesNotContain(items, i => i.Contains(notOwn.TrackingCode, StringComparison.Ordinal));
        Assert.DoesNotContain("检查时要求本企业购买指定产品", html, StringComparison.Ordinal);
        Assert.Contains("本企业的投诉与相关问题", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Enterprise_ComplaintForm_IsFilledFromItsRegistration_AndTheComplaintIsItsOwn_OnItsWorkHome()
    {
        var own = await app.Db(async db =>
        {
            var uscc = await db.Users.Where(u => u.UserName == "enterprise").Select(u => u.Uscc!).SingleAsync();
            return await db.Enterprises.IgnoreQueryFilters().SingleAsync(e => e.Uscc == uscc);
        });
        var other = await app.Db(db => db.Enterprises.Where(e => e.Uscc != own.Uscc).Select(e => e.Uscc).FirstAsync());
        using var enterprise = await PageSession.SignInAsync(app, "enterprise");
        const string form = "/Public/Complaints/New";
        var html = await enterprise.GetHtmlAsync(form);
        string Value(string name) => WebUtility.HtmlDecode(Regex.Match(html, $"<input[^>]*name=\"{name}\"[^>]*value=\"([^\"]*)\"").Groups[1].Value);
        Assert.Equal((own.Name, own.Uscc, own.LegalRepresentative ?? "", own.Phone ?? ""),
            (Value("EnterpriseName"), Value("EnterpriseUscc"), Value("ReporterName"), Value("ReporterPhone")));

        // Filed from the account, the complaint is the enterprise's own even if the USCC field was changed.
        var description = "企业账号投诉：检查时要求购买指定产品。" + Guid.NewGuid().ToString("N")[..6];
        var response = await enterprise.PostFormAsync(form, form, new()
        {
            ["Category"] = "profit-driven", ["Description"] = description, ["EnterpriseName"] = own.Name, ["EnterpriseUscc"] = other,
            ["ReporterName"] = own.LegalRepresentative, ["ReporterPhone"] = own.Phone, ["Anonymous"] = "false",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-testid=\"linked\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var stored = await app.Db(db => db.Set<Complaint>().SingleAsync(c => c.Description == description));
        Assert.Equal((own.Uscc, own.Name, ComplaintChannel.WebForm), (stored.EnterpriseUscc, stored.EnterpriseName, stored.Channel));
        Assert.Contains(Items(await HomeOf("enterprise")), i => i.Contains(stored.TrackingCode, StringComparison.Ordinal));

        // Anyone else's form stays empty.
        using var anonymous = PageSession.Anonymous(app);
        Assert.DoesNotContain(own.Uscc, await anonymous.GetHtmlAsync(form), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("supervisor")]
    [InlineData("observer")]
    public async Task Figures_EachNumberLinksToTheListOfExactlyThoseRecords(string userName)
    {
        var accepted = await IdOf(app, (await FileAsync(app)).TrackingCode);
        using (var supervisor = await app.ClientFor("supervisor"))
        {
            await StepAsync(supervisor, $"/api/v1/complaints/{accepted}/accept", new { });
        }
        await app.RectifyingAsync("U02");
        using var client = await app.LoginWithCookieAsync(userName);
        var html = await client.GetStringAsync("/");
        var figures = Regex.Matches(html, "<a href=\"([^\"]+)\" class=\"fw-semibold\" data-testid=\"figure\" data-label=\"([^\"]+)\">(\\d+)</a>")
            .Select(m => (Link: WebUtility.HtmlDecode(m.Groups[1].Value), Label: m.Groups[2].Value, Value: int.Parse(m.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture))).ToList();
        Assert.True(figures.Count > 30, $"{figures.Count} figures");
        Assert.Contains(figures, f => f.Value > 0 && f.Link.StartsWith("/Complaints?", StringComparison.Ordinal));
        Assert.Contains(figures, f => f.Value > 0 && f.Link.StartsWith("/Problems?", StringComparison.Ordinal));
        // 按时受理 this month and this year, each with its own list filter.
        Assert.Contains(figures, f => f.Label == "投诉举报（本月收到）/按时受理" && f.Value > 0 && f.Link.Contains("AcceptedOnTime=true", StringComparison.Ordinal));
        Assert.Contains(figures, f => f.Label == "投诉举报（本年收到）/按时受理" && f.Value > 0);
        foreach (var (link, label, value) in figures)
        {
            var list = await client.GetStringAsync(link);
            var total = Regex.Match(list, "data-testid=\"total\">[^<]*共 (\\d+) 条").Groups[1].Value;
            Assert.True(total == value.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{label}: figure {value}, list {link} says {total}");
        }
    }
}
