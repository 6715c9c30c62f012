using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Platform.Notifications;

/// <summary>The message to mark (from the route).</summary>
internal sealed record MarkReadInput(long Id);

internal sealed class MarkReadInputValidator : AbstractValidator<MarkReadInput>
{
    public MarkReadInputValidator() => RuleFor(x => x.Id).GreaterThan(0).WithMessage("请指定消息");
}

/// <summary>标记消息为已读: only the caller's own messages exist for them (the inbox query filter); marking twice keeps the first time.</summary>
internal sealed class MarkRead(SunlightDbContext db, TimeProvider clock, IValidator<MarkReadInput> validator) : UseCase<MarkReadInput, Notification>(validator)
{
    protected override async Task<Outcome<Notification>> HandleAsync(MarkReadInput input, CancellationToken ct)
    {
        var n = await db.Set<Notification>().FirstOrDefaultAsync(x => x.Id == input.Id, ct);
        if (n is null)
        {
            return Outcome<Notification>.Missing();
        }
        n.ReadAt ??= clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return n;
    }
}

internal static class MarkReadEndpoint
{
    public static void MapMarkRead(this RouteGroupBuilder inbox) =>
        inbox.MapPost("/{id:long}/read", (long id, MarkRead mark, CancellationToken ct) =>
                mark.RunAsync(new MarkReadInput(id), ct).ToHttpAsync(_ => TypedResults.NoContent(), "消息"))
            .WithSummary("标记消息为已读");
}
