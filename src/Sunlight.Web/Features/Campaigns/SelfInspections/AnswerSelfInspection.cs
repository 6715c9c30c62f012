using System.Text.Json.Serialization;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Campaigns.SelfInspections;

internal sealed record AnswerInput(long PointId, Verdict Verdict, string? Explanation = null, string? Evidence = null);

/// <summary>自查作答: answers to some or all points (an answer given again replaces the earlier one).</summary>
internal sealed record AnswerSelfInspectionInput(IReadOnlyList<AnswerInput>? Answers, Guid? Version = null)
{
    [JsonIgnore] public long Id { get; init; }
}

internal sealed class AnswerSelfInspectionInputValidator : AbstractValidator<AnswerSelfInspectionInput>
{
    public AnswerSelfInspectionInputValidator()
    {
        RuleFor(x => x.Answers).NotEmpty().WithMessage("请至少回答一项检查内容")
            .Must(a => a is null || a.Count <= 1000).WithMessage("一次最多回答 1000 项");
        RuleForEach(x => x.Answers).ChildRules(a =>
        {
            a.RuleFor(x => x.Verdict).IsInEnum().WithMessage("自查结论无效（符合 / 基本符合 / 不符合 / 不适用）");
            a.RuleFor(x => x.Explanation).OptionalText("情况说明", CampaignColumns.ExplanationLength);
            a.RuleFor(x => x.Explanation).NotEmpty().When(x => x.Verdict is Verdict.NonCompliant or Verdict.BasicallyCompliant)
                .WithMessage("“不符合”“基本符合”须填写情况说明");
            a.RuleFor(x => x.Evidence).OptionalText("佐证材料", CampaignColumns.EvidenceLength);
        });
    }
}

internal sealed class AnswerSelfInspection(SunlightDbContext db, IValidator<AnswerSelfInspectionInput> validator)
    : UseCase<AnswerSelfInspectionInput, SelfInspection>(validator)
{
    protected override async Task<Outcome<SelfInspection>> HandleAsync(AnswerSelfInspectionInput input, CancellationToken ct)
    {
        var (self, campaign) = await SelfInspectionLoad.LoadAsync(db, input.Id, input.Version, ct);
        if (self is null || campaign is null)
        {
            return Outcome<SelfInspection>.Missing();
        }
        var points = await SelfInspectionLoad.PointIdsAsync(db, campaign.Id, ct);
        var answers = input.Answers!;
        for (var i = 0; i < answers.Count; i++)
        {
            if (!points.Contains(answers[i].PointId))
            {
                return Outcome<SelfInspection>.Invalid($"answers[{i}].pointId", "该检查内容不在本次专项治理的检查清单中");
            }
        }
        campaign.RequireRunning("填写自查");
        self.RequireEditable();
        foreach (var a in answers)
        {
            var answer = self.Answers.FirstOrDefault(x => x.PointId == a.PointId);
            if (answer is null)
            {
                answer = new SelfInspectionAnswer { PointId = a.PointId };
                self.Answers.Add(answer);
            }
            answer.Verdict = a.Verdict;
            answer.Explanation = string.IsNullOrWhiteSpace(a.Explanation) ? null : a.Explanation.Trim();
            answer.Evidence = string.IsNullOrWhiteSpace(a.Evidence) ? null : a.Evidence.Trim();
        }
        // The answers are separate rows: touch the aggregate so its version and audit entry record the edit.
        db.Entry(self).State = EntityState.Modified;
        db.RecordAudit(nameof(SelfInspection), self.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "Answer", null,
            new Dictionary<string, object?> { ["Answers"] = answers.Select(a => new { a.PointId, Verdict = a.Verdict.ToString(), a.Explanation, a.Evidence }).ToList() });
        await db.SaveChangesAsync(ct);
        return self;
    }
}

/// <summary>Loading a self-inspection with its answers and campaign, in the caller's scope.</summary>
internal static class SelfInspectionLoad
{
    public static async Task<(SelfInspection? Self, Campaign? Campaign)> LoadAsync(SunlightDbContext db, long id, Guid? version, CancellationToken ct)
    {
        var self = await db.Set<SelfInspection>().Include(s => s.Answers).FirstOrDefaultAsync(s => s.Id == id, ct);
        if (self is null)
        {
            return (null, null);
        }
        if (version is { } v)
        {
            db.Entry(self).Property(x => x.Version).OriginalValue = v;
        }
        return (self, await db.Set<Campaign>().FirstOrDefaultAsync(c => c.Id == self.CampaignId, ct));
    }

    public static async Task<HashSet<long>> PointIdsAsync(SunlightDbContext db, long campaignId, CancellationToken ct) =>
        (await db.Set<ChecklistItem>().Where(i => i.CampaignId == campaignId).SelectMany(i => i.Points).Select(p => p.Id).ToListAsync(ct)).ToHashSet();
}

internal sealed record AnswerDto(long PointId, Verdict Verdict, string VerdictText, string? Explanation, string? Evidence);
internal sealed record SelfInspectionDto(long Id, long CampaignId, long UnitId, DateOnly DueOn, SelfInspectionState State, string StateText, string? ReturnReason,
    DateTimeOffset? SubmittedAt, IReadOnlyList<AnswerDto> Answers, Guid Version)
{
    public static SelfInspectionDto From(SelfInspection s) => new(s.Id, s.CampaignId, s.UnitId, s.DueOn, s.State, CampaignNames.SelfState(s.State), s.ReturnReason, s.SubmittedAt,
        s.Answers.OrderBy(a => a.PointId).Select(a => new AnswerDto(a.PointId, a.Verdict, CampaignNames.Verdict(a.Verdict), a.Explanation, a.Evidence)).ToList(), s.Version);
}

internal static class AnswerEndpoint
{
    public static void MapAnswer(this RouteGroupBuilder campaigns)
    {
        campaigns.MapGet("/self-inspections/{id:long}", async Task<Results<Ok<SelfInspectionDto>, ProblemHttpResult>> (long id, SunlightDbContext db, CancellationToken ct) =>
                await db.Set<SelfInspection>().AsNoTracking().Include(s => s.Answers).FirstOrDefaultAsync(s => s.Id == id, ct) is { } s
                    ? TypedResults.Ok(SelfInspectionDto.From(s)) : ApiErrors.NotFound("自查"))
            .WithSummary("自查详情（单位只能看到本单位的自查）");
        campaigns.MapPut("/self-inspections/{id:long}/answers", (long id, AnswerSelfInspectionInput? input, AnswerSelfInspection answer, CancellationToken ct) =>
                answer.RunAsync(input is null ? null : input with { Id = id }, ct).ToHttpAsync(s => TypedResults.Ok(SelfInspectionDto.From(s)), "自查"))
            .RequireAuthorization(CampaignPolicies.SelfInspect).WithSummary("自查作答：逐项选择符合 / 基本符合 / 不符合 / 不适用并说明");
    }
}
