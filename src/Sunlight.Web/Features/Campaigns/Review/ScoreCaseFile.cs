using System.Text.Json.Serialization;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Campaigns.SelfInspections;
using Sunlight.Web.Features.Problems;
using Sunlight.Web.Features.Problems.Raise;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Calendar;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Campaigns.Review;

internal sealed record MarkInput(long RubricItemId, string? Reason);

/// <summary>评查打分: one reviewer's vetoes and deductions (items of the plan's rubric version), each with its reason.</summary>
internal sealed record ScoreInput(IReadOnlyList<MarkInput>? Marks)
{
    [JsonIgnore] public long Id { get; init; }
}

internal sealed class ScoreInputValidator : AbstractValidator<ScoreInput>
{
    public ScoreInputValidator()
    {
        RuleFor(x => x.Marks).NotNull().WithMessage("请填写扣分项（无扣分时提交空列表）").Must(m => m is null || m.Count <= 100).WithMessage("扣分项不能超过 100 项");
        RuleForEach(x => x.Marks).ChildRules(m => m.RuleFor(x => x.Reason).RequiredText("扣分理由", CampaignColumns.ReasonLength));
    }
}

/// <summary>
/// Records a reviewer's scoring. When the plan's number of reviewers have scored, the file gets its final score (the
/// average), grade, a variance flag when two reviewers differ by more than 10 points, and one defect per marked rubric
/// item — each put on the problem list (source 案卷评查).
/// </summary>
internal sealed class ScoreCaseFile(SunlightDbContext db, CampaignScope scope, ProblemLedger ledger, TimeProvider clock, IValidator<ScoreInput> validator)
    : UseCase<ScoreInput, CaseFileReview>(validator)
{
    public const int VarianceLimit = 10;

    protected override async Task<Outcome<CaseFileReview>> HandleAsync(ScoreInput input, CancellationToken ct)
    {
        var review = await scope.Reviews().Include(r => r.Scores).ThenInclude(s => s.Marks).Include(r => r.Case).Include(r => r.Plan!).ThenInclude(p => p.Rubric!).ThenInclude(r => r.Items)
            .AsSplitQuery().FirstOrDefaultAsync(r => r.Id == input.Id, ct);
        if (review is null)
        {
            return Outcome<CaseFileReview>.Missing();
        }
        var plan = review.Plan!;
        var rubric = plan.Rubric!;
        var items = rubric.Items.ToDictionary(i => i.Id);
        var marks = input.Marks!;
        for (var i = 0; i < marks.Count; i++)
        {
            if (!items.ContainsKey(marks[i].RubricItemId))
            {
                return Outcome<CaseFileReview>.Invalid($"marks[{i}].rubricItemId", $"该评查项目不在所用评查标准（第 {rubric.VersionNumber} 版）中");
            }
        }
        (await db.Set<Campaign>().FirstAsync(c => c.Id == plan.CampaignId, ct)).RequireRunning("评查案卷");
        var reviewer = db.Scope.ActorName;
        if (review.Scores.Count >= plan.ReviewersPerFile)
        {
            return Outcome<CaseFileReview>.Refused("Z-REVIEWED", "该案卷已完成评查。");
        }
        if (review.Scores.Any(s => s.Reviewer == reviewer))
        {
            return Outcome<CaseFileReview>.Refused("Z-REVIEWER", "您已评查过该案卷，第二名评查人员须由他人担任。");
        }
        var marked = marks.Select(m => items[m.RubricItemId]).ToList();
        review.Scores.Add(new ReviewScore
        {
            Reviewer = reviewer, Score = Rubrics.Score(marked), Vetoed = marked.Any(i => i.Part == RubricPart.Veto), ScoredAt = clock.GetUtcNow(),
            Marks = marks.Select(m => new ScoreMark { RubricItemId = m.RubricItemId, Reason = m.Reason!.Trim() }).ToList(),
        });
        // One transaction: the defects learn their problems' ids in a second save, and nothing is half-saved.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var raised = review.Scores.Count == plan.ReviewersPerFile ? await FinishAsync(review, plan, rubric, items, ct) : [];
        db.Entry(review).State = EntityState.Modified;
        var score = review.Scores[^1];
        db.RecordAudit(nameof(CaseFileReview), review.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "Score", null, new Dictionary<string, object?>
        {
            ["Reviewer"] = score.Reviewer, ["Score"] = score.Score, ["Vetoed"] = score.Vetoed,
            ["Marks"] = score.Marks.Select(m => new { items[m.RubricItemId].Code, m.Reason }).ToList(),
        });
        await db.SaveChangesAsync(ct);
        if (raised.Count > 0)
        {
            foreach (var (defect, problem) in raised)
            {
                defect.ProblemId = problem.Id;
            }
            await db.SaveChangesAsync(ct);
        }
        await tx.CommitAsync(ct);
        return review;
    }

    private async Task<List<(CaseFileDefect Defect, Problem Problem)>> FinishAsync(CaseFileReview review, ReviewPlan plan, Rubric rubric, Dictionary<long, RubricItem> items, CancellationToken ct)
    {
        var raised = new List<(CaseFileDefect, Problem)>();
        review.Vetoed = review.Scores.Any(s => s.Vetoed);
        review.FinalScore = (decimal)review.Scores.Average(s => s.Score);
        review.VarianceFlag = review.Scores.Count == 2 && Math.Abs(review.Scores[0].Score - review.Scores[1].Score) > VarianceLimit;
        review.Grade = Rubrics.Grade(rubric, review.FinalScore.Value, review.Vetoed);
        var today = ChinaTime.Today(clock);
        foreach (var mark in review.Scores.SelectMany(s => s.Marks).DistinctBy(m => m.RubricItemId))
        {
            var item = items[mark.RubricItemId];
            var description = $"案卷 {review.Case!.Number}（{CampaignNames.Defect(item.Category)}）：{Wording.Clause(item.Text)}。{mark.Reason}";
            var problem = await ledger.RaiseAsync(new RaiseProblemRequest(ProblemSource.CaseReview, RaiseCampaignProblem.SourceType, plan.CampaignId, review.UnitId,
                CampaignNames.ProblemCategory(item.Category), item.Part == RubricPart.Veto ? ProblemSeverity.Serious : ProblemSeverity.Minor,
                description.Length > ProblemConfiguration.DescriptionLength ? description[..ProblemConfiguration.DescriptionLength] : description, today, "案卷评查"), ct);
            var defect = new CaseFileDefect { RubricItemId = item.Id, Category = item.Category, Description = item.Text };
            review.Defects.Add(defect);
            raised.Add((defect, problem));
        }
        return raised;
    }
}

internal sealed record ScoreDto(string Reviewer, int Score, bool Vetoed);
internal sealed record DefectDto(DefectCategory Category, string CategoryText, string Description, long? ProblemId);
internal sealed record CaseFileReviewDto(long Id, long CaseId, long UnitId, decimal? FinalScore, string? Grade, bool Vetoed, bool VarianceFlag,
    IReadOnlyList<ScoreDto> Scores, IReadOnlyList<DefectDto> Defects)
{
    public static CaseFileReviewDto From(CaseFileReview r) => new(r.Id, r.CaseId, r.UnitId, r.FinalScore, r.Grade, r.Vetoed, r.VarianceFlag,
        r.Scores.Select(s => new ScoreDto(s.Reviewer, s.Score, s.Vetoed)).ToList(),
        r.Defects.Select(d => new DefectDto(d.Category, CampaignNames.Defect(d.Category), d.Description, d.ProblemId)).ToList());
}

internal sealed record UnitResult(long UnitId, string UnitName, int Files, int Scored, decimal? AverageScore, IReadOnlyDictionary<string, int> Grades, IReadOnlyDictionary<string, int> DefectsByCategory);

internal static class ScoreEndpoints
{
    public static void MapScore(this RouteGroupBuilder campaigns)
    {
        campaigns.MapPost("/reviews/{id:long}/scores", (long id, ScoreInput? input, ScoreCaseFile score, CancellationToken ct) =>
                score.RunAsync(input is null ? null : input with { Id = id }, ct).ToHttpAsync(r => TypedResults.Ok(CaseFileReviewDto.From(r)), "评查案卷"))
            .RequireAuthorization(CampaignPolicies.Inspect).WithSummary("评查打分：否决项、扣分项及理由；两人评查相差超过 10 分时标记");

        campaigns.MapGet("/{id:long}/review-results", async Task<Results<Ok<List<UnitResult>>, ProblemHttpResult>> (long id, SunlightDbContext db, CampaignScope scope, CancellationToken ct) =>
            {
                if (!await scope.Campaigns().AnyAsync(c => c.Id == id, ct))
                {
                    return ApiErrors.NotFound("专项治理");
                }
                var rows = await scope.Reviews().AsNoTracking().Where(r => r.Plan!.CampaignId == id)
                    .Select(r => new { r.UnitId, Unit = r.Case!.Unit!.Name, r.FinalScore, r.Grade, Defects = r.Defects.Select(d => d.Category).ToList() }).ToListAsync(ct);
                return TypedResults.Ok(rows.GroupBy(r => (r.UnitId, r.Unit)).OrderBy(g => g.Key.UnitId).Select(g => new UnitResult(g.Key.UnitId, g.Key.Unit, g.Count(),
                    g.Count(r => r.FinalScore != null), g.Where(r => r.FinalScore != null).Select(r => r.FinalScore!.Value).DefaultIfEmpty().Average() is var avg && g.Any(r => r.FinalScore != null) ? Math.Round(avg, 1) : null,
                    g.Where(r => r.Grade != null).GroupBy(r => r.Grade!).ToDictionary(x => x.Key, x => x.Count()),
                    g.SelectMany(r => r.Defects).GroupBy(CampaignNames.Defect).ToDictionary(x => x.Key, x => x.Count()))).ToList());
            })
            .RequireAuthorization(CampaignPolicies.Inspect).WithSummary("案卷评查结果（按单位：案卷数、平均分、等次、瑕疵类别）");
    }
}
