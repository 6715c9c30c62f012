using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Registry;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Calendar;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Campaigns.Create;

internal sealed record ChecklistItemInput(string? Title, IReadOnlyList<string?>? Points);

/// <summary>
/// 制定专项治理: name, scope, period, the self-inspection deadline, participating units and the checklist — typed in,
/// or copied from an earlier campaign (<see cref="CopyChecklistFrom"/>).
/// </summary>
internal sealed record CreateCampaignInput(string? Name, string? Scope, DateOnly? ScopeSince, DateOnly StartsOn, DateOnly EndsOn, DateOnly SelfInspectionDueOn,
    string? Plan, IReadOnlyList<long>? UnitIds, IReadOnlyList<ChecklistItemInput>? Items = null, long? CopyChecklistFrom = null);

internal sealed class CreateCampaignInputValidator : AbstractValidator<CreateCampaignInput>
{
    public const int MaxItems = 50;
    public const int MaxPoints = 20;

    public CreateCampaignInputValidator(TimeProvider clock)
    {
        RuleFor(x => x.Name).RequiredText("专项治理名称", CampaignColumns.NameLength);
        RuleFor(x => x.Scope).RequiredText("治理范围", CampaignColumns.ScopeLength);
        RuleFor(x => x.Plan).OptionalText("实施方案", CampaignColumns.PlanLength);
        RuleFor(x => x.EndsOn).GreaterThanOrEqualTo(x => x.StartsOn).WithMessage("结束日期不能早于开始日期");
        RuleFor(x => x.SelfInspectionDueOn).Must(d => d > ChinaTime.Today(clock)).WithMessage("自查期限必须晚于今天");
        RuleFor(x => x.UnitIds).NotEmpty().WithMessage("请选择参与单位");
        RuleForEach(x => x.UnitIds).GreaterThan(0).WithMessage("参与单位无效");
        RuleFor(x => x).Must(x => x.CopyChecklistFrom is not null || x.Items is { Count: > 0 })
            .WithName("items").OverridePropertyName("items").WithMessage("请填写检查清单，或选择要复制清单的专项治理");
        RuleFor(x => x.Items).Must(i => i is null || i.Count <= MaxItems).WithMessage($"检查事项不能超过 {MaxItems} 项");
        RuleForEach(x => x.Items).ChildRules(item =>
        {
            item.RuleFor(i => i.Title).RequiredText("检查事项", CampaignColumns.ItemTitleLength);
            item.RuleFor(i => i.Points).NotEmpty().WithMessage("每个检查事项至少填写一项检查内容")
                .Must(p => p is null || p.Count <= MaxPoints).WithMessage($"每个检查事项的检查内容不能超过 {MaxPoints} 项");
            item.RuleForEach(i => i.Points).RequiredText("检查内容", CampaignColumns.PointTextLength);
        });
    }
}

internal sealed class CreateCampaign(SunlightDbContext db, CampaignScope scope, TimeProvider clock, IValidator<CreateCampaignInput> validator)
    : UseCase<CreateCampaignInput, Campaign>(validator)
{
    protected override async Task<Outcome<Campaign>> HandleAsync(CreateCampaignInput input, CancellationToken ct)
    {
        var unitIds = input.UnitIds!.Distinct().ToList();
        var units = await db.Units.Where(u => unitIds.Contains(u.Id) && u.Kind == UnitKind.Enforcement && u.IsActive).Select(u => u.Id).ToListAsync(ct);
        if (units.Count != unitIds.Count)
        {
            return Outcome<Campaign>.Invalid("unitIds", "参与单位不存在或已停用");
        }
        List<ChecklistItem> items;
        if (input.Items is { Count: > 0 })
        {
            items = input.Items.Select((i, n) => new ChecklistItem
            {
                Number = n + 1, Title = i.Title!.Trim(),
                Points = i.Points!.Select(p => new ChecklistPoint { Text = p!.Trim() }).ToList(),
            }).ToList();
        }
        else if (await scope.CampaignAsync(input.CopyChecklistFrom!.Value, ct) is { } source)
        {
            items = source.Items.OrderBy(i => i.Number).Select(i => new ChecklistItem
            {
                Number = i.Number, Title = i.Title, Points = i.Points.OrderBy(p => p.Number).Select(p => new ChecklistPoint { Text = p.Text }).ToList(),
            }).ToList();
        }
        else
        {
            return Outcome<Campaign>.Invalid("copyChecklistFrom", "要复制清单的专项治理不存在");
        }
        // Points are numbered through the whole checklist (检查内容 1–22), as the implementation plan numbers them.
        var point = 0;
        foreach (var p in items.SelectMany(i => i.Points))
        {
            p.Number = ++point;
        }
        var campaign = new Campaign
        {
            RegionCode = db.Scope.RegionCode ?? Platform.Demo.DemoCounty.RegionCode,
            Name = input.Name!.Trim(), Scope = input.Scope!.Trim(), ScopeSince = input.ScopeSince, StartsOn = input.StartsOn, EndsOn = input.EndsOn,
            SelfInspectionDueOn = input.SelfInspectionDueOn, Plan = string.IsNullOrWhiteSpace(input.Plan) ? null : input.Plan.Trim(),
            CreatedAt = clock.GetUtcNow(), Units = unitIds.Select(u => new CampaignUnit { UnitId = u }).ToList(), Items = items,
        };
        db.Set<Campaign>().Add(campaign);
        await db.SaveChangesAsync(ct);
        return campaign;
    }
}

internal static class CreateEndpoint
{
    public static void MapCreate(this RouteGroupBuilder campaigns) =>
        campaigns.MapPost("/", (CreateCampaignInput? input, CreateCampaign create, SunlightDbContext db, CancellationToken ct) =>
                create.RunAsync(input, ct).ToHttpAsync(async c => TypedResults.Created($"/api/v1/campaigns/{c.Id}", await CampaignQueries.DtoAsync(db, c, ct)), "专项治理"))
            .RequireAuthorization(CampaignPolicies.Manage).WithSummary("制定专项治理（检查清单可直接填写，或复制以往专项治理的清单）");
}
