using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Complaints.Confidentiality;
using Sunlight.Web.Features.Platform.Demo;
using Sunlight.Web.Features.Registry;
using Sunlight.Web.Infrastructure.Calendar;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Complaints;

/// <summary>
/// Intake points of every kind (the press conference's enterprises, village boards, 司法所 and service halls) and
/// 30 complaints across channels, categories and states, moved through the entity's own transitions; a few are late.
/// </summary>
internal sealed class ComplaintDemoSeed(ReporterVault vault, WorkingCalendar calendar, Close.ComplaintProblemLink problems) : IDemoSeedStep
{
    public int Order => 300;

    private static readonly string[] Matters =
    [
        "执法人员到店检查后当场要求缴纳罚款，未出具处罚决定书，怀疑是为了完成罚没任务。",
        "同一条街上多家店铺都存在同样情况，执法人员只查处我们一家，其他店铺不管。",
        "一个月内市场监管、消防、应急三个部门先后来厂检查同样的安全事项，影响正常生产。",
        "执法人员没有出示执法证件，也没有说明检查依据，随意进入车间检查。",
        "检查过程中执法人员态度粗暴，对员工大声呵斥。",
        "因环保检查要求全镇同类企业一律停产整顿，不区分是否达标，属于“一刀切”。",
        "办理许可证时被要求先购买指定单位的服务，否则不予办理。",
        "举报的违法排污问题两个月了没有任何处理和回复。",
        "外县执法人员到我公司查封设备，没有本地部门陪同，也没有出示文书。",
        "执法人员在检查后暗示请客吃饭，否则“以后常来”。",
    ];

    public async Task SeedAsync(SunlightDbContext db, DemoContext demo, CancellationToken ct)
    {
        var r = demo.Random;
        var now = demo.Clock.GetUtcNow();
        var units = await db.Units.Where(u => u.Kind == UnitKind.Enforcement).OrderBy(u => u.Id).ToListAsync(ct);
        var enterprises = await db.Enterprises.OrderBy(e => e.Id).Take(40).ToListAsync(ct);
        var categories = await db.Set<ComplaintCategory>().OrderBy(c => c.SortOrder).ToListAsync(ct);

        var points = new List<IntakePoint>
        {
            Point(demo, IntakePointKind.Enterprise, enterprises[0].Name, enterprises[0].Address ?? "厂区门口公告栏", "QHE001"),
            Point(demo, IntakePointKind.Enterprise, enterprises[1].Name, enterprises[1].Address ?? "办公楼一层", "QHE002"),
            Point(demo, IntakePointKind.VillageBoard, "东坑村村务公开栏", "东坑村村委会门口", "QHV001"),
            Point(demo, IntakePointKind.VillageBoard, "溪口社区公开栏", "溪口社区服务中心外墙", "QHV002"),
            Point(demo, IntakePointKind.JusticeOffice, "城关镇司法所", "城关镇政务大道司法所大厅", "QHJ001"),
            Point(demo, IntakePointKind.JusticeOffice, "西溪乡司法所", "西溪乡人民政府一楼", "QHJ002"),
            Point(demo, IntakePointKind.ServiceHall, "县行政服务中心", "县行政服务中心一楼大厅", "QHS001"),
            Point(demo, IntakePointKind.Website, "县政府门户网站", "县政府网站“政民互动”栏目", "QHW001"),
        };
        db.Set<IntakePoint>().AddRange(points);
        await db.SaveChangesAsync(ct);

        // Target states for the 30 complaints, oldest first: the early ones have run their course.
        ComplaintState[] plan =
        [
            ComplaintState.Closed, ComplaintState.Closed, ComplaintState.Closed, ComplaintState.Closed, ComplaintState.Closed,
            ComplaintState.Replied, ComplaintState.Replied, ComplaintState.Replied, ComplaintState.Replied, ComplaintState.Rejected,
            ComplaintState.Assigned, ComplaintState.Assigned, ComplaintState.Assigned, ComplaintState.Assigned, ComplaintState.Merged,
            ComplaintState.ReplyDrafted, ComplaintState.ReplyDrafted, ComplaintState.ReplyDrafted, ComplaintState.Assigned, ComplaintState.Assigned,
            ComplaintState.Assigned, ComplaintState.Assigned, ComplaintState.Accepted, ComplaintState.Accepted, ComplaintState.Accepted,
            ComplaintState.Received, ComplaintState.Received, ComplaintState.Received, ComplaintState.Received, ComplaintState.Received,
        ];
        var channels = Enum.GetValues<ComplaintChannel>();
        var created = new List<Complaint>();
        for (var i = 0; i < plan.Length; i++)
        {
            var age = (plan.Length - i) * 3 + r.Next(0, 2); // 90 … 3 days ago
            var received = now.AddDays(-age);
            var receivedDay = DateOnly.FromDateTime(received.ToOffset(ChinaTime.Offset).DateTime);
            var channel = channels[i % channels.Length];
            var point = channel == ComplaintChannel.IntakePoint ? points[i % points.Count] : null;
            var unit = units[(i * 7) % units.Count];
            var anonymous = i % 3 == 0;
            var acceptDue = calendar.AddWorkingDays(receivedDay, 5);
            var c = new Complaint
            {
                RegionCode = demo.RegionCode, TrackingCode = ComplaintCodes.NewTrackingCode(), PinHash = ComplaintCodes.HashPin("12345678"),
                Open311Token = ComplaintCodes.NewToken(), Channel = channel, IntakePointId = point?.Id,
                IntakePlace = point is not null ? $"{point.Name}（{point.Place}）" : channel == ComplaintChannel.Hotline12345 ? $"12345 工单 {receivedDay:yyyyMMdd}-{i:000}" : null,
                CategoryId = categories[i % categories.Count].Id, ComplainedUnitId = i % 4 == 3 ? null : unit.Id,
                EnterpriseName = enterprises[(i * 3) % enterprises.Count].Name, EnterpriseUscc = enterprises[(i * 3) % enterprises.Count].Uscc,
                Description = Matters[i % Matters.Length], OccurredOn = receivedDay.AddDays(-r.Next(1, 10)),
                IsAnonymous = anonymous,
                ReporterProtected = anonymous ? null : vault.Protect(new ReporterIdentity(DemoSeeder.Person(r), $"13{r.Next(100000000, 999999999)}", null)),
                ReceivedAt = received, LastChangedAt = received, AcceptDueDate = acceptDue.Date, AcceptDueUncertain = acceptDue.Uncertain,
            };
            c.Events.Add(new ComplaintEvent { At = received, Actor = "投诉人", Kind = "收到投诉", IsPublic = true, Text = $"通过{ComplaintText.Channel(channel)}收到投诉。" });
            if (plan[i] != ComplaintState.Merged)
            {
                Advance(c, plan[i], received, receivedDay, unit, created);
            }
            created.Add(c);
            db.Set<Complaint>().Add(c);
        }
        await db.SaveChangesAsync(ct);

        // A duplicate merged into an earlier complaint about the same matter (needs the target's id).
        var duplicate = created[plan.ToList().IndexOf(ComplaintState.Merged)];
        var target = created.Last(x => x.State == ComplaintState.Assigned && x.Id < duplicate.Id);
        duplicate.Description = target.Description;
        duplicate.Accept(duplicate.ReceivedAt.AddDays(1));
        duplicate.MergeInto(target, duplicate.ReceivedAt.AddDays(1));
        db.Set<ComplaintEvent>().Add(new ComplaintEvent { ComplaintId = duplicate.Id, At = duplicate.ReceivedAt.AddDays(1), Actor = "supervisor", Kind = "合并办理", Text = "您反映的问题已与同类投诉合并办理。", IsPublic = true });

        // Substantiated complaints reach the problem list through the same link the close step uses.
        foreach (var c in created.Where(x => x.State == ComplaintState.Closed && x.Finding == ComplaintFinding.Substantiated))
        {
            await problems.RaiseAsync(c, ct);
        }
        await db.SaveChangesAsync(ct);
    }

    private void Advance(Complaint c, ComplaintState target, DateTimeOffset received, DateOnly day, EnforcementUnit unit, List<Complaint> earlier)
    {
        // Only the reporter's public lines: the staff history is the audit projection (ADR 0004).
        void Log(DateTimeOffset at, string actor, string kind, string text) =>
            c.Events.Add(new ComplaintEvent { At = at, Actor = actor, Kind = kind, Text = text, IsPublic = true });
        if (target == ComplaintState.Received)
        {
            return;
        }
        if (target == ComplaintState.Rejected)
        {
            c.Reject("反映事项已进入行政复议程序，依法不属于投诉受理范围。", received.AddDays(2));
            Log(received.AddDays(2), "supervisor", "不予受理", "理由：" + c.RejectionReason);
            return;
        }
        c.Accept(received.AddDays(1));
        Log(received.AddDays(1), "supervisor", "受理", "您的投诉已受理。");
        if (target == ComplaintState.Accepted)
        {
            return;
        }
        var assignedAt = received.AddDays(2);
        c.Assign(unit.Id, assignedAt, calendar.AddNaturalDays(day.AddDays(2), 30), "请核实后答复，注意为投诉人保密。");
        Log(assignedAt, "supervisor", "交办", "已转相关部门办理。");
        if (target == ComplaintState.Assigned)
        {
            return;
        }
        c.DraftReplyText("经核查，反映情况部分属实。我局已对相关执法人员批评教育，并规范检查程序，今后检查前一律出示执法证件、说明依据。", assignedAt.AddDays(10));
        if (target == ComplaintState.ReplyDrafted)
        {
            return;
        }
        c.ApproveReply(assignedAt.AddDays(12));
        Log(assignedAt.AddDays(12), "supervisor", "答复", c.Reply!);
        if (target == ComplaintState.Closed)
        {
            c.Close(assignedAt.AddDays(20), earlier.Count % 2 == 0 ? ComplaintFinding.Substantiated : ComplaintFinding.NotSubstantiated);
            Log(assignedAt.AddDays(20), "supervisor", "办结", "您的投诉已办结。");
        }
    }

    private static IntakePoint Point(DemoContext demo, IntakePointKind kind, string name, string place, string code) =>
        new() { RegionCode = demo.RegionCode, Kind = kind, Name = name.Length > 100 ? name[..100] : name, Place = place, Code = code, CreatedAt = demo.Clock.GetUtcNow() };
}
