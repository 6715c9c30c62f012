using System.Text.Json.Serialization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Leniency.Lists;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Leniency.Approve;

internal sealed record ApproveInput(Guid? Version = null)
{
    [JsonIgnore] public long Id { get; init; }
}

internal sealed class ApproveInputValidator : AbstractValidator<ApproveInput>;

/// <summary>批准清单: the draft becomes the version in force and is published; the version approved before is superseded.</summary>
internal sealed class ApproveList(SunlightDbContext db, TimeProvider clock, IValidator<ApproveInput> validator) : UseCase<ApproveInput, LeniencyList>(validator)
{
    public const string EmptyRule = "L-EMPTY";

    protected override async Task<Outcome<LeniencyList>> HandleAsync(ApproveInput input, CancellationToken ct)
    {
        var list = await db.Set<LeniencyList>().FindForEditAsync(input.Id, input.Version, db, ct);
        if (list is null)
        {
            return Outcome<LeniencyList>.Missing();
        }
        if (list.State != ListState.Draft)
        {
            return Outcome<LeniencyList>.Refused(AddItem.AddListItem.StateRule, "只能批准草稿版本。");
        }
        if (!await db.Set<ListItem>().AnyAsync(i => i.ListId == list.Id, ct))
        {
            return Outcome<LeniencyList>.Refused(EmptyRule, "清单没有事项，不能批准。");
        }
        foreach (var old in await db.Set<LeniencyList>().Where(l => l.UnitId == list.UnitId && l.Kind == list.Kind && l.State == ListState.Approved).ToListAsync(ct))
        {
            old.State = ListState.Superseded;
            old.IsPublished = false;
        }
        list.State = ListState.Approved;
        list.IsPublished = true;
        list.ApprovedAt = clock.GetUtcNow();
        list.ApprovedBy = db.Scope.ActorName;
        await db.SaveChangesAsync(ct);
        return list;
    }
}

internal static class ApproveEndpoint
{
    public static void MapApprove(this RouteGroupBuilder g) =>
        g.MapPost("/lists/{id:long}/approve", (long id, ApproveInput? input, ApproveList step, SunlightDbContext db, CancellationToken ct) =>
                step.RunAsync(input is null ? null : input with { Id = id }, ct).ToHttpAsync(async l => TypedResults.Ok((await ListQueries.DetailAsync(db, l.Id, ct))!), "清单"))
            .RequireAuthorization(LeniencyPolicies.Approve).WithSummary("批准清单版本并公示（原现行版本被替代）");
}
