using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Sunlight.Web.Features.Registry.Enterprises;
using Sunlight.Web.Infrastructure.Database;
using Sunlight.Web.Infrastructure.Identity;

namespace Sunlight.Web.Features.Platform.Users;

internal sealed record CreateUserInput : IRoleBindingInput
{
    public string UserName { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string Role { get; set; } = "";
    public long? UnitId { get; set; }
    public string? Uscc { get; set; }
    public string Password { get; set; } = "";
}

internal sealed class CreateUserInputValidator : AbstractValidator<CreateUserInput>
{
    public CreateUserInputValidator()
    {
        RuleFor(x => x.UserName).RequiredText("用户名", AppUser.UserNameLength);
        RuleFor(x => x.DisplayName).RequiredText("姓名/显示名称", AppUser.DisplayNameLength);
        RuleFor(x => x.Password).NotEmpty().WithMessage("请填写初始密码");
        this.AddRoleBindingRules();
    }
}

/// <summary>新建用户 (Admin): account, role and its binding, initial password, and one audit entry — all or nothing.</summary>
internal sealed class CreateUser(SunlightDbContext db, UserManager<AppUser> users, IConfiguration config, IValidator<CreateUserInput> validator)
    : UseCase<CreateUserInput, AppUser>(validator)
{
    protected override async Task<Outcome<AppUser>> HandleAsync(CreateUserInput input, CancellationToken ct)
    {
        var bound = await UserBinding.ResolveAsync(db, input, ct);
        if (bound.Value is not { } binding)
        {
            return new Outcome<AppUser>(null, bound.Errors);
        }
        var user = new AppUser
        {
            UserName = input.UserName.Trim(),
            DisplayName = input.DisplayName.Trim(),
            RegionCode = db.Scope.RegionCode ?? SaveEnterprise.DefaultRegion(config),
            UnitId = binding.UnitId,
            Uscc = binding.Uscc,
            LockoutEnabled = true,
        };
        // UserManager saves after each step; one transaction keeps the account, its role and the audit entry together.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var created = await users.CreateAsync(user, input.Password);
        if (!created.Succeeded)
        {
            return Outcome<AppUser>.Invalid(UserAudit.Errors(created, "password"));
        }
        var role = await users.AddToRoleAsync(user, binding.Role);
        if (!role.Succeeded)
        {
            return Outcome<AppUser>.Invalid(UserAudit.Errors(role, "password"));
        }
        db.RecordAudit(UserAudit.EntityType, user.Id, "Create", null, UserAudit.Image(user, binding.Role));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return user;
    }
}
