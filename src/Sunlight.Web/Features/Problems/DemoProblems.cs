using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Platform.Demo;
using Sunlight.Web.Features.Registry;
using Sunlight.Web.Infrastructure.Calendar;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Problems;

/// <summary>
/// The press conference's 18 problems with the three systems (三项制度), found by self-inspection and supervision,
/// plus a few of other kinds, each walked through the workflow to a mix of states (written off, rectifying, overdue,
/// awaiting verification, no plan yet). Dates are relative to today so the demo ledger is live.
/// </summary>
internal sealed class DemoProblems(WorkingCalendar calendar, ProblemSettings settings) : IDemoSeedStep
{
    public int Order => 50;

    private static readonly string[] ThreeSystems =
    [
        "行政执法公示栏未及时更新执法人员信息，部分已调离人员仍在公示",
        "部分行政处罚决定未在 7 个工作日内向社会公示",
        "随机抽查事项清单未在政府门户网站公示",
        "执法全过程记录不完整，调查取证环节缺少文字记录",
        "现场检查未按规定进行全程音像记录",
        "执法音像记录资料未按规定归档保存",
        "未制定并公开重大执法决定法制审核目录清单",
        "个别重大执法决定未经法制审核即作出",
        "法制审核人员未经专门培训，审核意见过于简单",
        "事前公示的执法依据未随法律法规修订动态更新",
        "已撤销的行政处罚决定未在 3 日内撤回公示并说明理由",
        "执法文书送达回证缺失，送达过程无记录",
        "查封扣押现场无执法记录仪记录",
        "法制审核意见书未附卷归档",
        "行政许可决定公示信息要素不完整",
        "公示的执法人员执法证号与证件信息不一致",
        "立案审批表缺少负责人审批意见和日期",
        "上一年度行政执法统计数据未在 1 月 31 日前公开",
    ];

    private static readonly (string Category, string Description, ProblemSource Source)[] Others =
    [
        ("执法程序", "处罚告知书未告知当事人听证权利", ProblemSource.CaseReview),
        ("执法程序", "案件超过 90 日未作出处理决定，无延期审批", ProblemSource.CaseReview),
        ("法律适用", "处罚决定书引用法条不准确，未引用具体条款项", ProblemSource.CaseReview),
        ("执法能力", "部分执法人员年度法律知识培训学时不足", ProblemSource.SupervisoryInspection),
        ("检查过多/多头检查", "同一企业一个月内被同一单位不同科室重复检查三次", ProblemSource.EnterpriseVisit),
        ("涉企行政指导", "涉企行政指导事项清单未制定，指导记录缺失", ProblemSource.SupervisoryInspection),
        ("柔性执法", "首违不罚案件未签订告知承诺书，未跟踪整改", ProblemSource.SelfInspection),
        ("作风问题", "企业反映执法人员态度生硬、简单粗暴", ProblemSource.Complaint),
    ];

    public async Task SeedAsync(SunlightDbContext db, DemoContext demo, CancellationToken ct)
    {
        var units = await db.Units.Where(u => u.Kind == UnitKind.Enforcement).OrderBy(u => u.Code).ToListAsync(ct);
        var r = demo.Random;
        var today = demo.Today;
        var items = ThreeSystems.Select((d, i) => (Category: "三项制度落实", Description: d, Source: i % 2 == 0 ? ProblemSource.SelfInspection : ProblemSource.SupervisoryInspection))
            .Concat(Others).ToList();
        for (var i = 0; i < items.Count; i++)
        {
            var (category, description, source) = items[i];
            // Spread across the units, and make sure unit03 (the demo walkthrough's unit) has some of its own.
            var unit = units[i % 3 == 2 ? 2 : (i * 7) % units.Count];
            var found = today.AddDays(-r.Next(35, 75));
            var raisedOn = found.AddDays(2);
            var problem = Problem.Raise(unit, source, null, null, category, i % 7 == 0 ? ProblemSeverity.Serious : ProblemSeverity.Moderate,
                description, found, source == ProblemSource.SelfInspection ? unit.Name + " 自查" : "县司法局督查组", raisedOn,
                calendar.AddWorkingDays(raisedOn, settings.PlanWithinWorkingDays).Date);
            db.Set<Problem>().Add(problem);
            await db.SaveChangesAsync(ct);

            var outcome = i % 6;
            if (outcome == 4)
            {
                continue; // 逾期未制定整改措施
            }
            var overdue = outcome == 2;
            var deadline = overdue ? calendar.AddWorkingDays(raisedOn.AddDays(3), settings.DefaultRectificationWorkingDays)
                : calendar.AddWorkingDays(today, r.Next(4, 25));
            problem.ProposeMeasures(Measures(category), deadline.Date, deadline.Uncertain);
            await db.SaveChangesAsync(ct);

            db.Set<ProblemProgress>().Add(problem.AddProgress("已召开专题会议研究整改，明确责任科室和责任人，正在逐项落实。", unit.Name + " 法制员", demo.Clock.GetUtcNow()));
            await db.SaveChangesAsync(ct);
            if (outcome is 1 or 2)
            {
                continue; // 整改中（按期 / 逾期）
            }
            problem.Submit("已按整改措施完成整改，相关制度和佐证材料已上传。", demo.Clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
            if (outcome == 3)
            {
                continue; // 待核账
            }
            problem.Verify(true, "经核查，整改到位，同意销账。", "supervisor", today.AddDays(-r.Next(1, 10)));
            await db.SaveChangesAsync(ct);
        }
    }

    private static string Measures(string category) => category switch
    {
        "三项制度落实" => "对照“三项制度”要求逐项自查，修订公示、记录、法制审核制度，明确专人负责动态更新，一个月内完成整改。",
        "执法程序" => "组织案卷回头看，补正程序瑕疵，修订执法文书范本，开展程序规范培训。",
        "法律适用" => "组织法律适用专题学习，建立处罚决定书法条引用审核机制。",
        _ => "制定整改方案，明确责任人和完成时限，建立长效机制。",
    };
}
