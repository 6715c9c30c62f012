using System.Text.Json.Serialization;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Sunlight.Web.Infrastructure.Database;
using Sunlight.Web.Infrastructure.Identity;

namespace Sunlight.Web.Features.Platform.Users;

internal sealed record ResetPasswordInput(string? NewPassword)
{
    [JsonIgnore] public string Id { get; init; } = "";
}

internal sealed class ResetPasswordInputValidator : AbstractValidator<ResetPasswordInput>
{
    public ResetPasswordInputValidator() => RuleFor(x => x.NewPassword).NotEmpty().WithMessage("请填写新密码");
}

/// <summary>重置密码 (Admin): Identity's password rules, one transaction with an audit entry that names what happened — never the password or its hash.</summary>
internal sealed class ResetPassword(SunlightDbContext db, UserManager<AppUser> users, IValidator<ResetPasswordInput> validator)
    : UseCase<ResetPasswordInput, AppUser>(validator)
{
    protected override async Task<Outcome<AppUser>> HandleAsync(ResetPasswordInput input, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(input.Id);
        if (user is null)
        {
            return Outcome<AppUser>.Missing();
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var result = await users.ResetPasswordAsync(user, token, input.NewPassword!);
        if (!result.Succeeded)
        {
            return Outcome<AppUser>.Invalid(UserAudit.Errors(result, "newPassword"));
        }
        db.RecordAudit(UserAudit.EntityType, user.Id, "PasswordReset", null, new Dictionary<string, object?> { ["UserName"] = user.UserName });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return user;
    }
}
