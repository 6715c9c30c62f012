using System.Text.Json.Serialization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Calendar;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Campaigns.IssueDocument;

/// <summary>制发监督文书: the kind, the facts found, the basis, the correction required and the response deadline in working days.</summary>
internal sealed record IssueDocumentInput(SupervisionDocumentType Type, string? Facts, string? Basis, string? CorrectionRequired,
    int ResponseWorkingDays = IssueDocumentInputValidator.DefaultWorkingDays)
{
    /// <summary>The 督查 (one unit's inspection in a campaign) the document follows.</summary>
    [JsonIgnore] public long Id { get; init; }
}

internal sealed class IssueDocumentInputValidator : AbstractValidator<IssueDocumentInput>
{
    public const int DefaultWorkingDays = 15, MaxWorkingDays = 60;

    public IssueDocumentInputValidator()
    {
        RuleFor(x => x.Type).IsInEnum().WithMessage("文书种类无效");
        RuleFor(x => x.Facts).RequiredText("事实", FollowUpColumns.FactsLength);
        RuleFor(x => x.Basis).RequiredText("依据", FollowUpColumns.BasisLength);
        RuleFor(x => x.CorrectionRequired).RequiredText("纠正要求", FollowUpColumns.CorrectionLength);
        RuleFor(x => x.ResponseWorkingDays).InclusiveBetween(1, MaxWorkingDays).WithMessage($"回复期限应为 1 至 {MaxWorkingDays} 个工作日");
    }
}

/// <summary>
/// The bureau sends a 行政执法监督通知书 / 意见书 / 决定书 to the unit of a 督查: stored with its number (县司法监通〔2026〕1号,
/// numbered per kind and year in the county) and its response deadline counted in working days on the holiday calendar.
/// </summary>
internal sealed class IssueSupervisionDocument(SunlightDbContext db, CampaignScope scope, WorkingCalendar calendar, TimeProvider clock,
    IValidator<IssueDocumentInput> validator) : UseCase<IssueDocumentInput, SupervisionDocument>(validator)
{
    protected override async Task<Outcome<SupervisionDocument>> HandleAsync(IssueDocumentInput input, CancellationToken ct)
    {
        if (await scope.Inspections().AsNoTracking().FirstOrDefaultAsync(i => i.Id == input.Id, ct) is not { } inspection)
        {
            return Outcome<SupervisionDocument>.Missing();
        }
        var today = ChinaTime.Today(clock);
        var (from, to) = (new DateOnly(today.Year, 1, 1), new DateOnly(today.Year, 12, 31));
        var sequence = await db.Set<SupervisionDocument>().CountAsync(d => d.Type == input.Type && d.IssuedOn >= from && d.IssuedOn <= to, ct) + 1;
        var document = new SupervisionDocument
        {
            RegionCode = inspection.RegionCode, UnitId = inspection.UnitId, CampaignId = inspection.CampaignId, SupervisoryInspectionId = inspection.Id,
            Type = input.Type, Number = $"县司法监{FollowUpNames.NumberMark(input.Type)}〔{today.Year}〕{sequence}号",
            Facts = input.Facts!.Trim(), Basis = input.Basis!.Trim(), CorrectionRequired = input.CorrectionRequired!.Trim(),
            ResponseWorkingDays = input.ResponseWorkingDays, ResponseDueOn = calendar.AddWorkingDays(today, input.ResponseWorkingDays).Date,
            IssuedOn = today, IssuedBy = db.Scope.ActorName,
        };
        db.Set<SupervisionDocument>().Add(document);
        await db.SaveChangesAsync(ct);
        return document;
    }
}

internal static class IssueDocumentEndpoint
{
    public static void MapIssueDocument(this RouteGroupBuilder campaigns) =>
        campaigns.MapPost("/inspections/{id:long}/documents", (long id, IssueDocumentInput? input, IssueSupervisionDocument issue, SupervisionDocumentQueries q, CancellationToken ct) =>
                issue.RunAsync(input is null ? null : input with { Id = id }, ct).ToHttpAsync(async d =>
                    TypedResults.Created($"/api/v1/campaigns/documents/{d.Id}", (await q.DetailAsync(d.Id, ct))!), "督查"))
            .RequireAuthorization(CampaignPolicies.Manage)
            .WithSummary("制发行政执法监督通知书 / 意见书 / 决定书（事实、依据、纠正要求、以工作日计的回复期限），存档并送达被督查单位");
}
