using System.Text.Json.Serialization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Calendar;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Campaigns.Supervision;

/// <summary>走访企业: the enterprise, the day, and the questionnaire (多头检查, 随意检查, 趋利性执法, 选择性执法, 一刀切 — what, when, which unit).</summary>
internal sealed record EnterpriseVisitInput(long EnterpriseId, DateOnly On, bool OverlappingInspections, bool ArbitraryInspections, bool ProfitDriven,
    bool Selective, bool OneSizeFitsAll, string? Account = null, long? UnitId = null)
{
    [JsonIgnore] public long Id { get; init; }
}

internal sealed class EnterpriseVisitInputValidator : AbstractValidator<EnterpriseVisitInput>
{
    public EnterpriseVisitInputValidator(TimeProvider clock)
    {
        RuleFor(x => x.EnterpriseId).GreaterThan(0).WithMessage("请选择走访的企业");
        RuleFor(x => x.On).Must(d => d <= ChinaTime.Today(clock)).WithMessage("走访日期不能晚于今天");
        RuleFor(x => x.Account).OptionalText("企业反映的情况", CampaignColumns.NotesLength);
        RuleFor(x => x.Account).NotEmpty().When(x => x.OverlappingInspections || x.ArbitraryInspections || x.ProfitDriven || x.Selective || x.OneSizeFitsAll)
            .WithMessage("企业反映存在问题时，请写明情况（什么事、何时、哪个单位）");
    }
}

internal sealed class RecordEnterpriseVisit(SunlightDbContext db, CampaignScope scope, IValidator<EnterpriseVisitInput> validator)
    : UseCase<EnterpriseVisitInput, EnterpriseVisit>(validator)
{
    protected override async Task<Outcome<EnterpriseVisit>> HandleAsync(EnterpriseVisitInput input, CancellationToken ct)
    {
        if (await scope.Campaigns().FirstOrDefaultAsync(c => c.Id == input.Id, ct) is not { } c)
        {
            return Outcome<EnterpriseVisit>.Missing();
        }
        if (!await db.Enterprises.AnyAsync(e => e.Id == input.EnterpriseId, ct))
        {
            return Outcome<EnterpriseVisit>.Invalid("enterpriseId", "企业不存在");
        }
        if (input.UnitId is { } unit && !await db.Units.AnyAsync(u => u.Id == unit, ct))
        {
            return Outcome<EnterpriseVisit>.Invalid("unitId", "执法单位不存在");
        }
        c.RequireRunning("记录走访");
        var visit = new EnterpriseVisit
        {
            RegionCode = c.RegionCode, CampaignId = c.Id, EnterpriseId = input.EnterpriseId, On = input.On,
            OverlappingInspections = input.OverlappingInspections, ArbitraryInspections = input.ArbitraryInspections, ProfitDriven = input.ProfitDriven,
            Selective = input.Selective, OneSizeFitsAll = input.OneSizeFitsAll, Account = string.IsNullOrWhiteSpace(input.Account) ? null : input.Account.Trim(),
            UnitId = input.UnitId, RecordedBy = db.Scope.ActorName,
        };
        db.Set<EnterpriseVisit>().Add(visit);
        await db.SaveChangesAsync(ct);
        return visit;
    }
}

internal sealed record EnterpriseVisitDto(long Id, long CampaignId, long EnterpriseId, DateOnly On, string? Account);

internal static class EnterpriseVisitEndpoint
{
    public static void MapEnterpriseVisit(this RouteGroupBuilder campaigns) =>
        campaigns.MapPost("/{id:long}/enterprise-visits", (long id, EnterpriseVisitInput? input, RecordEnterpriseVisit record, CancellationToken ct) =>
                record.RunAsync(input is null ? null : input with { Id = id }, ct).ToHttpAsync(v =>
                    TypedResults.Created($"/api/v1/campaigns/{v.CampaignId}", new EnterpriseVisitDto(v.Id, v.CampaignId, v.EnterpriseId, v.On, v.Account)), "专项治理"))
            .RequireAuthorization(CampaignPolicies.Inspect).WithSummary("走访企业：问卷（多头检查、随意检查、趋利性执法、选择性执法、一刀切）");
}
