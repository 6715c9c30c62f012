using System.Text.Json.Serialization;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Calendar;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Campaigns.Supervision;

/// <summary>督查记录: a visit by method (听取汇报, 个别谈话, 查阅资料, 案卷抽评, 调查走访) with its notes.</summary>
internal sealed record VisitInput(VisitMethod Method, DateOnly On, string? Notes)
{
    [JsonIgnore] public long Id { get; init; }
}

internal sealed class VisitInputValidator : AbstractValidator<VisitInput>
{
    public VisitInputValidator(TimeProvider clock)
    {
        RuleFor(x => x.Method).IsInEnum().WithMessage("督查方式无效");
        RuleFor(x => x.On).Must(d => d <= ChinaTime.Today(clock)).WithMessage("督查日期不能晚于今天");
        RuleFor(x => x.Notes).RequiredText("督查记录", CampaignColumns.NotesLength);
    }
}

internal sealed class RecordVisit(SunlightDbContext db, CampaignScope scope, IValidator<VisitInput> validator) : UseCase<VisitInput, SupervisoryInspection>(validator)
{
    protected override async Task<Outcome<SupervisoryInspection>> HandleAsync(VisitInput input, CancellationToken ct)
    {
        if (await InspectionLoad.LoadAsync(db, scope, input.Id, ct) is not { } i)
        {
            return Outcome<SupervisoryInspection>.Missing();
        }
        await InspectionLoad.RequireRunningAsync(db, i, "记录督查", ct);
        i.Visits.Add(new SupervisionVisit { Method = input.Method, On = input.On, Notes = input.Notes!.Trim(), RecordedBy = db.Scope.ActorName });
        await db.SaveChangesAsync(ct);
        return i;
    }
}

internal sealed record AssessmentInput(long PointId, Verdict Verdict, string? Note = null);

/// <summary>督查评价: the team's own verdict per checklist point (an assessment given again replaces the earlier one).</summary>
internal sealed record AssessInput(IReadOnlyList<AssessmentInput>? Assessments)
{
    [JsonIgnore] public long Id { get; init; }
}

internal sealed class AssessInputValidator : AbstractValidator<AssessInput>
{
    public AssessInputValidator()
    {
        RuleFor(x => x.Assessments).NotEmpty().WithMessage("请至少评价一项检查内容").Must(a => a is null || a.Count <= 1000).WithMessage("一次最多评价 1000 项");
        RuleForEach(x => x.Assessments).ChildRules(a =>
        {
            a.RuleFor(x => x.Verdict).IsInEnum().WithMessage("评价结论无效（符合 / 基本符合 / 不符合 / 不适用）");
            a.RuleFor(x => x.Note).OptionalText("评价说明", CampaignColumns.ExplanationLength);
        });
    }
}

internal sealed class AssessPoints(SunlightDbContext db, CampaignScope scope, IValidator<AssessInput> validator) : UseCase<AssessInput, SupervisoryInspection>(validator)
{
    protected override async Task<Outcome<SupervisoryInspection>> HandleAsync(AssessInput input, CancellationToken ct)
    {
        if (await InspectionLoad.LoadAsync(db, scope, input.Id, ct) is not { } i)
        {
            return Outcome<SupervisoryInspection>.Missing();
        }
        var points = await SelfInspections.SelfInspectionLoad.PointIdsAsync(db, i.CampaignId, ct);
        var list = input.Assessments!;
        for (var n = 0; n < list.Count; n++)
        {
            if (!points.Contains(list[n].PointId))
            {
                return Outcome<SupervisoryInspection>.Invalid($"assessments[{n}].pointId", "该检查内容不在本次专项治理的检查清单中");
            }
        }
        await InspectionLoad.RequireRunningAsync(db, i, "评价", ct);
        foreach (var a in list)
        {
            var row = i.Assessments.FirstOrDefault(x => x.PointId == a.PointId);
            if (row is null)
            {
                row = new PointAssessment { PointId = a.PointId };
                i.Assessments.Add(row);
            }
            row.Verdict = a.Verdict;
            row.Note = string.IsNullOrWhiteSpace(a.Note) ? null : a.Note.Trim();
        }
        db.Entry(i).State = EntityState.Modified;
        db.RecordAudit(nameof(SupervisoryInspection), i.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "Assess", null,
            new Dictionary<string, object?> { ["Assessments"] = list.Select(a => new { a.PointId, Verdict = a.Verdict.ToString(), a.Note }).ToList() });
        await db.SaveChangesAsync(ct);
        return i;
    }
}

internal static class InspectionLoad
{
    public static Task<SupervisoryInspection?> LoadAsync(SunlightDbContext db, CampaignScope scope, long id, CancellationToken ct) =>
        scope.Inspections().Include(i => i.Members).Include(i => i.Visits).Include(i => i.Assessments).AsSplitQuery().FirstOrDefaultAsync(i => i.Id == id, ct);

    public static async Task RequireRunningAsync(SunlightDbContext db, SupervisoryInspection i, string what, CancellationToken ct) =>
        (await db.Set<Campaign>().FirstAsync(c => c.Id == i.CampaignId, ct)).RequireRunning(what);
}

/// <summary>One checklist point with the unit's self-inspection answer and the team's assessment side by side.</summary>
internal sealed record ComparisonRow(int ItemNumber, string ItemTitle, long PointId, int PointNumber, string PointText,
    string? UnitVerdict, string? UnitExplanation, string? TeamVerdict, string? TeamNote, bool Differs);

internal sealed record ComparisonDto(long InspectionId, long UnitId, string UnitName, IReadOnlyList<VisitDto> Visits, IReadOnlyList<ComparisonRow> Rows, int Differences);
internal sealed record VisitDto(long Id, VisitMethod Method, string MethodText, DateOnly On, string Notes, string RecordedBy);

internal static class Comparison
{
    public static async Task<ComparisonDto?> LoadAsync(SunlightDbContext db, CampaignScope scope, long id, CancellationToken ct)
    {
        if (await InspectionLoad.LoadAsync(db, scope, id, ct) is not { } i)
        {
            return null;
        }
        var items = await db.Set<ChecklistItem>().AsNoTracking().Include(x => x.Points).Where(x => x.CampaignId == i.CampaignId).ToListAsync(ct);
        // The unit's answers are read beside the team's even for an Inspector, who cannot list the unit's records otherwise.
        var answers = await db.Set<SelfInspection>().AsNoTracking().Where(s => s.CampaignId == i.CampaignId && s.UnitId == i.UnitId)
            .SelectMany(s => s.Answers).ToDictionaryAsync(a => a.PointId, ct);
        var team = i.Assessments.ToDictionary(a => a.PointId);
        var rows = items.OrderBy(x => x.Number).SelectMany(x => x.Points.OrderBy(p => p.Number).Select(p =>
        {
            var u = answers.GetValueOrDefault(p.Id);
            var t = team.GetValueOrDefault(p.Id);
            return new ComparisonRow(x.Number, x.Title, p.Id, p.Number, p.Text,
                u is null ? null : CampaignNames.Verdict(u.Verdict), u?.Explanation, t is null ? null : CampaignNames.Verdict(t.Verdict), t?.Note,
                u is not null && t is not null && u.Verdict != t.Verdict);
        })).ToList();
        var names = await db.UnitNamesAsync([i.UnitId], ct);
        return new ComparisonDto(i.Id, i.UnitId, names.GetValueOrDefault(i.UnitId, ""),
            i.Visits.OrderBy(v => v.On).Select(v => new VisitDto(v.Id, v.Method, CampaignNames.Method(v.Method), v.On, v.Notes, v.RecordedBy)).ToList(),
            rows, rows.Count(r => r.Differs));
    }
}

internal static class VisitEndpoints
{
    public static void MapVisit(this RouteGroupBuilder campaigns) =>
        campaigns.MapPost("/inspections/{id:long}/visits", (long id, VisitInput? input, RecordVisit record, CancellationToken ct) =>
                record.RunAsync(input is null ? null : input with { Id = id }, ct).ToHttpAsync(i => TypedResults.Ok(TeamEndpoints.Dto(i)), "督查"))
            .RequireAuthorization(CampaignPolicies.Inspect).WithSummary("记录督查（听取汇报、个别谈话、查阅资料、案卷抽评、调查走访）");

    public static void MapAssess(this RouteGroupBuilder campaigns) =>
        campaigns.MapPut("/inspections/{id:long}/assessments", (long id, AssessInput? input, AssessPoints assess, CancellationToken ct) =>
                assess.RunAsync(input is null ? null : input with { Id = id }, ct).ToHttpAsync(i => TypedResults.Ok(TeamEndpoints.Dto(i)), "督查"))
            .RequireAuthorization(CampaignPolicies.Inspect).WithSummary("督查组逐项评价检查内容");

    public static void MapComparison(this RouteGroupBuilder campaigns) =>
        campaigns.MapGet("/inspections/{id:long}/comparison", async Task<Results<Ok<ComparisonDto>, ProblemHttpResult>> (long id, SunlightDbContext db, CampaignScope scope, CancellationToken ct) =>
                await Comparison.LoadAsync(db, scope, id, ct) is { } c ? TypedResults.Ok(c) : ApiErrors.NotFound("督查"))
            .RequireAuthorization(CampaignPolicies.Inspect).WithSummary("自查与督查评价对照（不一致的检查内容标出）");
}
