using System.Text.Json.Serialization;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Sunlight.Web.Infrastructure.Database;
using Sunlight.Web.Infrastructure.Identity;

namespace Sunlight.Web.Features.Platform.Users;

internal sealed record LockUserInput(bool Locked)
{
    [JsonIgnore] public string Id { get; init; } = "";
}

internal sealed class LockUserInputValidator : AbstractValidator<LockUserInput>
{
    public LockUserInputValidator() => RuleFor(x => x.Id).NotEmpty().WithMessage("请指定账号");
}

/// <summary>
/// 锁定/解锁账号 (Admin): one transaction with its audit entry ("Lock"/"Unlock"); renews the security stamp so the
/// account's sign-ins stop at once. An Admin cannot lock their own account (A-SELF-LOCK).
/// </summary>
internal sealed class LockUser(SunlightDbContext db, UserManager<AppUser> users, IValidator<LockUserInput> validator)
    : UseCase<LockUserInput, AppUser>(validator)
{
    public const string SelfLockRule = "A-SELF-LOCK";

    protected override async Task<Outcome<AppUser>> HandleAsync(LockUserInput input, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(input.Id);
        if (user is null)
        {
            return Outcome<AppUser>.Missing();
        }
        if (input.Locked && user.Id == db.Scope.UserId)
        {
            return Outcome<AppUser>.Refused(SelfLockRule, "不能锁定自己的账号");
        }
        var before = new Dictionary<string, object?> { ["LockoutEnd"] = user.LockoutEnd, ["AccessFailedCount"] = user.AccessFailedCount };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        user.LockoutEnabled = true;
        UserAccounts.Require(await users.SetLockoutEndDateAsync(user, input.Locked ? UserAccounts.LockedByAdmin : null));
        if (!input.Locked)
        {
            UserAccounts.Require(await users.ResetAccessFailedCountAsync(user));
        }
        UserAccounts.Require(await users.UpdateSecurityStampAsync(user));
        db.RecordAudit(UserAudit.EntityType, user.Id, input.Locked ? "Lock" : "Unlock", before,
            new Dictionary<string, object?> { ["LockoutEnd"] = user.LockoutEnd, ["AccessFailedCount"] = user.AccessFailedCount });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return user;
    }
}
