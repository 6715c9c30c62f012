using System.Text.Json.Serialization;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Campaigns.SelfInspections;
using Sunlight.Web.Features.Complaints;
using Sunlight.Web.Features.Complaints.StaffEntry;
using Sunlight.Web.Features.Problems;
using Sunlight.Web.Features.Problems.Categories;
using Sunlight.Web.Features.Problems.Raise;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Campaigns.ConvertVisit;

/// <summary>What an enterprise's answers become.</summary>
internal enum VisitConversion
{
    Complaint,
    Problem,
}

/// <summary>
/// 转为投诉 / 转为问题: <see cref="Category"/> is a complaint category code (default: from the first answer, e.g.
/// <c>multiple-inspections</c>) or a problem category of the ledger's dictionary (required for a problem);
/// <see cref="Description"/> defaults to the answers and the enterprise's account; <see cref="UnitId"/> defaults to the
/// unit the enterprise named.
/// </summary>
internal sealed record ConvertVisitInput(VisitConversion Into, string? Category = null, string? Description = null, long? UnitId = null,
    ProblemSeverity Severity = ProblemSeverity.Moderate)
{
    [JsonIgnore] public long Id { get; init; }
}

internal sealed class ConvertVisitInputValidator : AbstractValidator<ConvertVisitInput>
{
    public ConvertVisitInputValidator()
    {
        RuleFor(x => x.Into).IsInEnum().WithMessage("请选择转为投诉或转为问题");
        RuleFor(x => x.Category).OptionalText("类别", ProblemConfiguration.CategoryLength);
        RuleFor(x => x.Category).NotEmpty().When(x => x.Into == VisitConversion.Problem).WithMessage("请选择问题类别");
        RuleFor(x => x.Description).OptionalText("情况描述", ProblemConfiguration.DescriptionLength);
        RuleFor(x => x.Severity).IsInEnum().WithMessage("严重程度无效");
    }
}

/// <summary>
/// One action from a 走访企业 answer (多头检查, 随意检查 …) to a complaint — filed through the complaints' own staff intake
/// (<see cref="EnterComplaint"/>: channel 来访, the enterprise as the reporter, its identity kept confidential) — or to a
/// ledger problem (<see cref="ProblemLedger.RaiseAsync"/>, source 走访企业, counted in the campaign). The visit keeps the
/// link; once only (rule <see cref="Rule"/>). Both saves are one transaction.
/// </summary>
internal sealed class ConvertEnterpriseVisit(SunlightDbContext db, CampaignScope scope, EnterComplaint enterComplaint, ProblemLedger ledger,
    ProblemCategories categories, IValidator<ConvertVisitInput> validator) : UseCase<ConvertVisitInput, EnterpriseVisit>(validator)
{
    public const string Rule = "Z-VISIT-CONVERTED", EmptyRule = "Z-VISIT-EMPTY";

    protected override async Task<Outcome<EnterpriseVisit>> HandleAsync(ConvertVisitInput input, CancellationToken ct)
    {
        var campaigns = scope.Campaigns().Select(c => c.Id);
        if (await db.Set<EnterpriseVisit>().FirstOrDefaultAsync(v => v.Id == input.Id && campaigns.Contains(v.CampaignId), ct) is not { } visit)
        {
            return Outcome<EnterpriseVisit>.Missing();
        }
        if (visit.ComplaintId is not null || visit.ProblemId is not null)
        {
            return Outcome<EnterpriseVisit>.Refused(Rule, visit.ComplaintId is not null ? "该走访记录已转为投诉，不能重复转办。" : "该走访记录已转为问题，不能重复转办。");
        }
        var answers = Answers(visit);
        if (answers.Count == 0 && visit.Account is null)
        {
            return Outcome<EnterpriseVisit>.Refused(EmptyRule, "该走访记录没有反映问题，无需转办。");
        }
        var unitId = input.UnitId ?? visit.UnitId;
        if (input.Into == VisitConversion.Problem && unitId is null)
        {
            return Outcome<EnterpriseVisit>.Invalid("unitId", "转为问题需要确定责任单位");
        }
        if (input.UnitId is { } chosen && !await db.Units.AnyAsync(u => u.Id == chosen, ct))
        {
            return Outcome<EnterpriseVisit>.Invalid("unitId", "执法单位不存在");
        }
        var campaign = await db.Set<Campaign>().FirstAsync(c => c.Id == visit.CampaignId, ct);
        var enterprise = await db.Enterprises.AsNoTracking().FirstAsync(e => e.Id == visit.EnterpriseId, ct);
        var description = string.IsNullOrWhiteSpace(input.Description)
            // The enterprise is not named in the text the unit reads: who reported stays with the complaint's protected reporter.
            ? Cap($"{campaign.Name}走访企业（{visit.On:yyyy-MM-dd}），企业反映{(answers.Count == 0 ? "" : $"存在{string.Join("、", answers.Select(a => a.Text))}")}"
              + (visit.Account is null ? "。" : $"：{visit.Account}"), ProblemConfiguration.DescriptionLength)
            : input.Description.Trim();

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (input.Into == VisitConversion.Complaint)
        {
            var filed = await enterComplaint.RunAsync(new StaffComplaintInput(ComplaintChannel.WalkIn,
                string.IsNullOrWhiteSpace(input.Category) ? answers.FirstOrDefault().Code ?? "other" : input.Category.Trim(), description, unitId,
                enterprise.Name, enterprise.Uscc, visit.On, ReporterName: Cap(enterprise.Name, ReporterNameLength),
                Place: Cap($"走访企业（{campaign.Name}）", ComplaintConfiguration.PlaceLength)), ct);
            if (!filed.Succeeded)
            {
                return new Outcome<EnterpriseVisit>(default, filed.Errors, filed.NotFound, filed.Rule, filed.Detail);
            }
            visit.ComplaintId = filed.Value!.Id;
        }
        else
        {
            var category = input.Category!.Trim();
            if (!(await categories.ListAsync(true, ct)).Any(c => c.Name == category))
            {
                return Outcome<EnterpriseVisit>.Invalid("category", $"问题类别“{category}”不在类别字典中");
            }
            campaign.RequireRunning("登记问题");
            var problem = await ledger.RaiseAsync(new RaiseProblemRequest(ProblemSource.EnterpriseVisit, RaiseCampaignProblem.SourceType, campaign.Id,
                unitId!.Value, category, input.Severity, description, visit.On, ""), ct);
            await db.SaveChangesAsync(ct);
            visit.ProblemId = problem.Id;
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return visit;
    }

    /// <summary>The reporter name the complaint intake takes.</summary>
    private const int ReporterNameLength = 50;

    private static string Cap(string text, int max) => text.Length <= max ? text : text[..max];

    /// <summary>The answers the enterprise gave "yes" to, with the complaint category each one files under.</summary>
    private static List<(string Code, string Text)> Answers(EnterpriseVisit v) =>
        new (bool Yes, string Code, string Text)[]
        {
            (v.OverlappingInspections, "multiple-inspections", "多头检查"), (v.ArbitraryInspections, "arbitrary-inspection", "随意检查"),
            (v.ProfitDriven, "profit-driven", "趋利性执法"), (v.Selective, "selective", "选择性执法"), (v.OneSizeFitsAll, "one-size-fits-all", "一刀切"),
        }.Where(a => a.Yes).Select(a => (a.Code, a.Text)).ToList();
}

internal sealed record ConvertedVisitDto(long Id, long CampaignId, long? ComplaintId, long? ProblemId);

internal static class ConvertVisitEndpoint
{
    public static void MapConvertVisit(this RouteGroupBuilder campaigns) =>
        campaigns.MapPost("/enterprise-visits/{id:long}/convert", (long id, ConvertVisitInput? input, ConvertEnterpriseVisit convert, CancellationToken ct) =>
                convert.RunAsync(input is null ? null : input with { Id = id }, ct).ToHttpAsync(v =>
                    TypedResults.Created(v.ComplaintId is { } c ? $"/api/v1/complaints/{c}" : $"/api/v1/problems/{v.ProblemId}",
                        new ConvertedVisitDto(v.Id, v.CampaignId, v.ComplaintId, v.ProblemId)), "走访记录"))
            .RequireAuthorization(CampaignPolicies.Inspect)
            .WithSummary("走访企业反映的问题一步转为投诉（来访登记，企业为投诉人，身份保密）或问题（列入问题清单，来源：走访企业），只能转办一次");
}
