using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Campaigns.Review;
using Sunlight.Web.Features.Campaigns.SelfInspections;
using Sunlight.Web.Features.Enforcement;
using Sunlight.Web.Features.Platform.Demo;
using Sunlight.Web.Features.Problems;
using Sunlight.Web.Features.Problems.Ledger;
using Sunlight.Web.Features.Problems.Raise;
using Sunlight.Web.Features.Registry;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Campaigns;

/// <summary>
/// The press conference's 2022 campaign as records — the 11-item/22-point checklist, 22 units self-inspected and
/// supervised, 16 enterprises visited, the ledger's 18 三项制度 problems, 130 penalty files drawn and scored with 32
/// defects in 程序/法律适用 — and a second campaign still running (unit04's self-inspection open for the walkthrough).
/// </summary>
internal sealed class DemoCampaigns : IDemoSeedStep
{
    public int Order => 60;

    public static readonly (string Title, string[] Points)[] Checklist =
    [
        ("行政执法公示制度", ["事前公示（主体、人员、职责、依据、程序、救济渠道、随机抽查事项清单）是否完整准确、动态更新", "行政许可、行政处罚决定是否在 7 个工作日内公示，变更撤销后是否及时撤回"]),
        ("执法全过程记录制度", ["立案、调查取证、审查决定、送达执行、归档是否全程有文字记录", "查封扣押、现场检查等是否按规定全程音像记录"]),
        ("重大执法决定法制审核制度", ["是否制定并公开法制审核目录清单", "重大执法决定是否经法制审核后作出，审核人员是否具备资格"]),
        ("涉企行政检查", ["检查是否事先审批、是否属于公布的检查事项、是否两名以上持证人员实施", "是否存在多头检查、重复检查、随意检查，是否推行联合检查、“综合查一次”"]),
        ("执法方式", ["是否运用说服教育、劝导示范、行政指导等非强制性方式", "是否存在简单粗暴、“一刀切”停产停业关停等过度执法"]),
        ("轻微违法免罚与柔性执法", ["是否制定并公布不予处罚、从轻减轻清单和“柔性执法一件事”清单", "首违不罚是否落实告知承诺、教育引导和跟踪整改"]),
        ("行政裁量权基准", ["是否制定并公布行政裁量权基准", "处罚是否依基准裁量，同案同罚"]),
        ("趋利性执法", ["是否下达或变相下达罚没指标", "是否存在以罚代管、违规异地执法、选择性执法"]),
        ("执法制度建设", ["执法责任制、案卷评查、投诉举报处理制度是否健全", "涉企执法投诉举报是否及时受理、交办、答复"]),
        ("执法能力", ["执法人员是否持证上岗，辅助人员是否独立执法", "执法人员年度法律知识培训学时是否达标"]),
        ("执法数字化", ["执法信息是否录入监督平台并共享", "是否推行扫码入企、移动执法和电子案卷"]),
    ];

    private static readonly (string Name, MemberKind Kind, string? User)[] Team =
    [
        ("夏兆堂", MemberKind.Bureau, "supervisor"), ("陈代表", MemberKind.Deputy, null), ("林委员", MemberKind.PoliticalAdvisor, null),
        ("督查组 特邀监督员", MemberKind.SpecialSupervisor, "inspector"), ("郑律师", MemberKind.LegalProfessional, null),
        ("周联络员", MemberKind.Discipline, "observer"), ("吴检察官", MemberKind.Procuratorate, null),
    ];

    public async Task SeedAsync(SunlightDbContext db, DemoContext demo, CancellationToken ct)
    {
        var units = await db.Units.Where(u => u.Kind == UnitKind.Enforcement).OrderBy(u => u.Code).ToListAsync(ct);
        var campaign2022 = await SeedPressConferenceAsync(db, demo, units, ct);
        await SeedRunningAsync(db, demo, units, campaign2022, ct);
    }

    private static Campaign NewCampaign(DemoContext demo, string name, string scope, DateOnly starts, DateOnly ends, DateOnly due, string plan,
        IEnumerable<EnforcementUnit> units, IEnumerable<(string Title, string[] Points)> checklist)
    {
        var number = 0;
        return new Campaign
        {
            RegionCode = demo.RegionCode, Name = name, Scope = scope, ScopeSince = new DateOnly(2020, 1, 1), StartsOn = starts, EndsOn = ends,
            SelfInspectionDueOn = due, Plan = plan, CreatedAt = demo.Clock.GetUtcNow(),
            Units = units.Select(u => new CampaignUnit { UnitId = u.Id }).ToList(),
            Items = checklist.Select((i, n) => new ChecklistItem { Number = n + 1, Title = i.Title, Points = i.Points.Select(p => new ChecklistPoint { Number = ++number, Text = p }).ToList() }).ToList(),
        };
    }

    private async Task<Campaign> SeedPressConferenceAsync(SunlightDbContext db, DemoContext demo, List<EnforcementUnit> units, CancellationToken ct)
    {
        var r = demo.Random;
        var c = NewCampaign(demo, "2022年损害营商环境行政执法“一刀切”问题专项治理", "涉企行政执法（2020年1月以来）",
            new DateOnly(2022, 3, 1), new DateOnly(2022, 11, 30), new DateOnly(2022, 5, 31),
            "《关于开展损害营商环境行政执法“一刀切”问题专项整治检查实施方案》：11 项检查事项、22 项检查内容，自查与督查相结合。", units, Checklist);
        c.Start();
        db.Set<Campaign>().Add(c);
        await db.SaveChangesAsync(ct);
        var members = Team.Select(t => new TeamMember { RegionCode = demo.RegionCode, CampaignId = c.Id, Name = t.Name, Kind = t.Kind, UserName = t.User }).ToList();
        db.Set<TeamMember>().AddRange(members);
        await db.SaveChangesAsync(ct);

        var points = c.Items.SelectMany(i => i.Points).OrderBy(p => p.Number).ToList();
        var methods = Enum.GetValues<VisitMethod>();
        for (var u = 0; u < units.Count; u++)
        {
            // Each unit admits one shortfall in the three systems (points 1–6); the team disagrees with a few units on another.
            var weak = points[u % 6];
            var self = new SelfInspection { RegionCode = demo.RegionCode, UnitId = units[u].Id, CampaignId = c.Id, DueOn = c.SelfInspectionDueOn };
            self.Answers = points.Select(p => p == weak
                ? new SelfInspectionAnswer { PointId = p.Id, Verdict = Verdict.BasicallyCompliant, Explanation = "部分内容未及时更新，已列入问题清单整改。" }
                : new SelfInspectionAnswer { PointId = p.Id, Verdict = Verdict.Compliant, Explanation = "已落实。" }).ToList();
            self.Submit(points.Select(p => p.Id).ToList(), new DateTimeOffset(2022, 5, 20 + u % 10, 2, 0, 0, TimeSpan.Zero));
            db.Set<SelfInspection>().Add(self);

            var inspection = new SupervisoryInspection { RegionCode = demo.RegionCode, UnitId = units[u].Id, CampaignId = c.Id };
            inspection.Members = members.Where((m, i) => i == 0 || i == 3 || i == 1 + u % 6).Select(m => new InspectionAssignment { TeamMemberId = m.Id }).ToList();
            inspection.Visits = Enumerable.Range(0, 2 + u % 3).Select(v => new SupervisionVisit
            {
                Method = methods[(u + v) % methods.Length], On = new DateOnly(2022, 7, 4).AddDays(u + v), RecordedBy = "inspector",
                Notes = $"{CampaignNames.Method(methods[(u + v) % methods.Length])}：{units[u].Name}主要负责人汇报落实情况，督查组查阅制度文件和执法案卷。",
            }).ToList();
            var disputed = u % 4 == 0 ? points[6 + u % 16] : null;
            inspection.Assessments = points.Select(p => new PointAssessment
            {
                PointId = p.Id,
                Verdict = p == weak ? Verdict.BasicallyCompliant : p == disputed ? Verdict.NonCompliant : Verdict.Compliant,
                Note = p == disputed ? "督查发现与自查结论不一致：现场抽查相关记录不完整。" : null,
            }).ToList();
            db.Set<SupervisoryInspection>().Add(inspection);
        }

        var enterprises = await db.Enterprises.OrderBy(e => e.Id).Take(16).ToListAsync(ct);
        for (var e = 0; e < enterprises.Count; e++)
        {
            var complained = e % 4 == 1;
            db.Set<EnterpriseVisit>().Add(new EnterpriseVisit
            {
                RegionCode = demo.RegionCode, CampaignId = c.Id, EnterpriseId = enterprises[e].Id, On = new DateOnly(2022, 8, 1).AddDays(e),
                OverlappingInspections = complained, ArbitraryInspections = false, ProfitDriven = false, Selective = false, OneSizeFitsAll = false,
                Account = complained ? "今年上半年同一单位不同科室分别来检查过，内容有重复。" : "未反映问题，希望多开展行政指导。",
                UnitId = complained ? units[e % units.Count].Id : null, RecordedBy = "inspector",
            });
        }
        await db.SaveChangesAsync(ct);

        // The ledger's 18 problems with the three systems were found in this campaign (self-inspection and supervision).
        await db.AttributeAsync("三项制度落实", RaiseCampaignProblem.SourceType, c.Id, ct);
        await db.SaveChangesAsync(ct);

        await SeedCaseReviewAsync(db, demo, units, c, r, ct);
        c.Close();
        await db.SaveChangesAsync(ct);
        return c;
    }

    /// <summary>12 penalty files per unit for U01–U13 on the register, 10 drawn from each with the published seed: 130 files, 32 with a defect.</summary>
    private static async Task SeedCaseReviewAsync(SunlightDbContext db, DemoContext demo, List<EnforcementUnit> units, Campaign c, Random r, CancellationToken ct)
    {
        var reviewed = units.Take(13).ToList();
        var parties = await db.Enterprises.AsNoTracking().OrderBy(e => e.Id).Select(e => new { e.Uscc, e.Name }).Take(50).ToListAsync(ct);
        foreach (var unit in reviewed)
        {
            for (var i = 1; i <= 12; i++)
            {
                var filed = new DateOnly(2021, 1, 10).AddDays(i * 25 + r.Next(0, 20));
                db.EnforcementCases.Add(new EnforcementCase
                {
                    RegionCode = demo.RegionCode, UnitId = unit.Id, Kind = CaseKind.Penalty, Number = $"青{unit.Code}罚〔2021〕{i:000}号",
                    Title = $"{unit.Name[3..]}行政处罚案", PartyKind = PartyKind.Enterprise, PartyName = parties[(i * 7 + unit.Id.GetHashCode()) % parties.Count].Name,
                    PartyUscc = parties[(i * 7 + unit.Id.GetHashCode()) % parties.Count].Uscc, ItemName = "行政处罚", LegalBasis = "相关法律法规",
                    FineAmount = r.Next(1, 50) * 1000m, ActCode = EnforcementCase.NewActCode(), FiledOn = filed, Stage = MilestoneKind.Archived,
                    CreatedAt = demo.Clock.GetUtcNow(),
                });
            }
        }
        await db.SaveChangesAsync(ct);

        var rubric = await new Rubrics(db, demo.Clock).CurrentAsync(ct);
        await db.SaveChangesAsync(ct);
        var plan = new ReviewPlan
        {
            RegionCode = demo.RegionCode, CampaignId = c.Id, Rubric = rubric, UnitCodes = string.Join(',', reviewed.Select(u => u.Code)), Kinds = nameof(CaseKind.Penalty),
            FiledFrom = new DateOnly(2020, 1, 1), FilesPerUnit = 10, ReviewersPerFile = 1, Seed = 20221130,
            CreatedAt = new DateTimeOffset(2022, 9, 1, 2, 0, 0, TimeSpan.Zero),
        };
        db.Set<ReviewPlan>().Add(plan);
        var (drawn, _) = CaseDraw.Draw(plan.Seed, plan.FilesPerUnit, reviewed.Select(u => u.Code), await CaseDraw.CandidatesAsync(db, plan, ct));
        var defectItems = new[] { "S2", "S3", "F2", "S6", "S7", "S4" }.Select(code => rubric.Items.Single(i => i.Code == code)).ToList();
        var n = 0;
        var raised = new List<(CaseFileDefect Defect, Problem Problem)>();
        foreach (var (file, rank) in drawn)
        {
            var marked = n % 4 == 0 && n / 4 < 32 ? defectItems[n / 4 % defectItems.Count] : null;
            var score = Rubrics.Score(marked is null ? [] : [marked]) - r.Next(0, 4) * (n % 3 == 0 ? 1 : 0);
            var review = new CaseFileReview
            {
                RegionCode = demo.RegionCode, UnitId = file.UnitId, Plan = plan, CaseId = file.Id, DrawRank = rank, FinalScore = score,
                Grade = Rubrics.Grade(rubric, score, false),
                Scores = [new ReviewScore
                {
                    Reviewer = "supervisor", Score = score, ScoredAt = new DateTimeOffset(2022, 9, 20, 2, 0, 0, TimeSpan.Zero),
                    Marks = marked is null ? [] : [new ScoreMark { RubricItemId = marked.Id, Reason = marked.Text }],
                }],
            };
            if (marked is not null)
            {
                var found = new DateOnly(2022, 9, 20);
                // Raised on the day of the review in 2022 (not through the ledger, which dates a problem today and notifies the unit).
                var problem = Problem.Raise(units.Single(u => u.Id == file.UnitId), ProblemSource.CaseReview, RaiseCampaignProblem.SourceType, c.Id,
                    CampaignNames.ProblemCategory(marked.Category), ProblemSeverity.Minor, $"案卷 {file.Number}（{CampaignNames.Defect(marked.Category)}）：{marked.Text}。",
                    found, "案卷评查", found, found.AddDays(14));
                db.Add(problem);
                problem.ProposeMeasures("补正案卷瑕疵，组织专题培训，修订文书范本。", found.AddDays(30), false);
                problem.Submit("已补正并完成培训。", new DateTimeOffset(2022, 10, 15, 2, 0, 0, TimeSpan.Zero));
                problem.Verify(true, "经核查，整改到位，同意销号。", "supervisor", new DateOnly(2022, 10, 25));
                var defect = new CaseFileDefect { RubricItemId = marked.Id, Category = marked.Category, Description = marked.Text };
                review.Defects.Add(defect);
                raised.Add((defect, problem));
            }
            db.Set<CaseFileReview>().Add(review);
            n++;
        }
        await db.SaveChangesAsync(ct);
        foreach (var (defect, problem) in raised)
        {
            defect.ProblemId = problem.Id;
        }
        await db.SaveChangesAsync(ct);
    }

    private static async Task SeedRunningAsync(SunlightDbContext db, DemoContext demo, List<EnforcementUnit> units, Campaign earlier, CancellationToken ct)
    {
        var today = demo.Today;
        var c = NewCampaign(demo, $"{today.Year}年涉企行政检查规范化专项治理", "涉企行政检查", today.AddDays(-20), today.AddDays(60), today.AddDays(20),
            "聚焦多头检查、重复检查、随意检查，推行“综合查一次”。", units, [Checklist[3], Checklist[4], Checklist[7]]);
        c.Start();
        db.Set<Campaign>().Add(c);
        await db.SaveChangesAsync(ct);
        var inspector = new TeamMember { RegionCode = demo.RegionCode, CampaignId = c.Id, Name = "督查组 特邀监督员", Kind = MemberKind.SpecialSupervisor, UserName = "inspector" };
        db.Set<TeamMember>().Add(inspector);
        await db.SaveChangesAsync(ct);
        var points = c.Items.SelectMany(i => i.Points).Select(p => p.Id).ToList();
        foreach (var unit in units)
        {
            var self = new SelfInspection { RegionCode = demo.RegionCode, UnitId = unit.Id, CampaignId = c.Id, DueOn = c.SelfInspectionDueOn };
            if (string.CompareOrdinal(unit.Code, "U04") < 0 || unit.Code is "U05" or "U06")
            {
                self.Answers = points.Select(p => new SelfInspectionAnswer { PointId = p, Verdict = Verdict.Compliant, Explanation = "已落实。" }).ToList();
                self.Submit(points, demo.Clock.GetUtcNow().AddDays(-2));
            }
            db.Set<SelfInspection>().Add(self);
        }
        var u04 = new SupervisoryInspection
        {
            RegionCode = demo.RegionCode, UnitId = units.Single(u => u.Code == "U04").Id, CampaignId = c.Id, Members = [new InspectionAssignment { TeamMemberId = inspector.Id }],
        };
        db.Set<SupervisoryInspection>().Add(u04);
        await db.SaveChangesAsync(ct);
        await SeedFollowUpAsync(db, demo, c, u04, earlier, ct);
    }

    /// <summary>
    /// After the inspection: a 行政执法监督意见书 sent to unit04 and answered on time, and a 回头看 of a problem the 2022
    /// campaign wrote off, due today (on the Supervisor's work home).
    /// </summary>
    private static async Task SeedFollowUpAsync(SunlightDbContext db, DemoContext demo, Campaign running, SupervisoryInspection inspection, Campaign earlier, CancellationToken ct)
    {
        var today = demo.Today;
        db.Set<SupervisionDocument>().Add(new SupervisionDocument
        {
            RegionCode = demo.RegionCode, UnitId = inspection.UnitId, CampaignId = running.Id, SupervisoryInspectionId = inspection.Id,
            Type = SupervisionDocumentType.Opinion, Number = $"县司法监意〔{today.AddDays(-10).Year}〕1号",
            Facts = "督查抽查 2025 年涉企行政检查记录 20 份，其中 3 份未附行政检查审批表，2 家企业反映同月内被两个股室分别检查。",
            Basis = "《行政执法监督条例》；本次专项治理实施方案。", CorrectionRequired = "补办审批手续，建立涉企检查统筹机制，推行“综合查一次”。",
            ResponseWorkingDays = 15, IssuedOn = today.AddDays(-10), ResponseDueOn = today.AddDays(11), IssuedBy = "supervisor",
            Response = "已补办 3 份检查审批表；制定《涉企行政检查统筹办法》，本季度起由法制股统一安排联合检查。", RespondedOn = today.AddDays(-2),
            RespondedBy = "unit04",
        });
        var writtenOff = await db.ProblemsFrom(SelfInspections.RaiseCampaignProblem.SourceType, earlier.Id)
            .Where(p => p.State == ProblemState.WrittenOff).OrderBy(p => p.Id).Select(p => new { p.Id, p.Number, p.UnitId }).FirstOrDefaultAsync(ct);
        if (writtenOff is not null)
        {
            db.Set<ProblemRecheck>().Add(new ProblemRecheck
            {
                RegionCode = demo.RegionCode, UnitId = writtenOff.UnitId, CampaignId = earlier.Id, ProblemId = writtenOff.Id, ProblemNumber = writtenOff.Number,
                AfterMonths = 6, DueOn = today, ScheduledBy = "supervisor",
            });
        }
        await db.SaveChangesAsync(ct);
    }
}
