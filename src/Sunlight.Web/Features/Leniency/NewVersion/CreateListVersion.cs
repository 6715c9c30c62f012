using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Leniency.Lists;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Leniency.NewVersion;

/// <summary>新建清单版本: the unit's next version of a list kind, a draft holding a copy of the items in force.</summary>
internal sealed record NewVersionInput(ListKind? Kind);

internal sealed class NewVersionInputValidator : AbstractValidator<NewVersionInput>
{
    public NewVersionInputValidator() => RuleFor(x => x.Kind).NotNull().WithMessage("请选择清单类别").IsInEnum().WithMessage("清单类别无效");
}

internal sealed class CreateListVersion(SunlightDbContext db, TimeProvider clock, IValidator<NewVersionInput> validator)
    : UseCase<NewVersionInput, LeniencyList>(validator)
{
    public const string DraftRule = "L-DRAFT";

    protected override async Task<Outcome<LeniencyList>> HandleAsync(NewVersionInput input, CancellationToken ct)
    {
        var unit = await db.OwnUnitAsync(ct);
        if (unit is null)
        {
            return Outcome<LeniencyList>.Missing();
        }
        var list = await DraftAsync(db, unit, input.Kind!.Value, clock, ct);
        if (list.Id != 0)
        {
            return Outcome<LeniencyList>.Refused(DraftRule, $"{LeniencyNames.Of(list.Kind)}清单已有草稿（第 {list.Number} 版），请在草稿上编辑并报批。");
        }
        var current = await db.Set<ListItem>().AsNoTracking().Include(i => i.Conditions)
            .Where(i => i.ListId == db.Set<LeniencyList>().Where(l => l.UnitId == unit.Id && l.Kind == list.Kind && l.State == ListState.Approved).Select(l => l.Id).FirstOrDefault())
            .OrderBy(i => i.Order).ToListAsync(ct);
        foreach (var item in current)
        {
            list.Items.Add(new ListItem
            {
                RegionCode = unit.RegionCode, UnitId = unit.Id, Order = item.Order, Name = item.Name, LegalBasis = item.LegalBasis, Form = item.Form, Note = item.Note,
                Conditions = item.Conditions.Select(c => new ListCondition { Order = c.Order, Text = c.Text }).ToList(),
            });
        }
        await db.SaveChangesAsync(ct);
        return list;
    }

    /// <summary>The unit's draft of this kind (tracked), or a new unsaved one (Id 0) added to the context as the next version.</summary>
    internal static async Task<LeniencyList> DraftAsync(SunlightDbContext db, Registry.EnforcementUnit unit, ListKind kind, TimeProvider clock, CancellationToken ct)
    {
        var draft = await db.Set<LeniencyList>().Include(l => l.Items).FirstOrDefaultAsync(l => l.UnitId == unit.Id && l.Kind == kind && l.State == ListState.Draft, ct);
        if (draft is not null)
        {
            return draft;
        }
        var last = await db.Set<LeniencyList>().Where(l => l.UnitId == unit.Id && l.Kind == kind).MaxAsync(l => (int?)l.Number, ct) ?? 0;
        var list = new LeniencyList
        {
            RegionCode = unit.RegionCode, UnitId = unit.Id, Kind = kind, Number = last + 1, State = ListState.Draft,
            CreatedAt = clock.GetUtcNow(), CreatedBy = db.Scope.ActorName,
        };
        db.Set<LeniencyList>().Add(list);
        return list;
    }
}

internal static class NewVersionEndpoint
{
    public static void MapNewVersion(this RouteGroupBuilder g) =>
        g.MapPost("/lists", (NewVersionInput? input, CreateListVersion step, SunlightDbContext db, CancellationToken ct) =>
                step.RunAsync(input, ct).ToHttpAsync(async l => TypedResults.Ok((await ListQueries.DetailAsync(db, l.Id, ct))!), "清单"))
            .RequireAuthorization(LeniencyPolicies.Manage).WithSummary("新建清单版本（草稿，复制现行版本的事项；已有草稿时 409 L-DRAFT）");
}
