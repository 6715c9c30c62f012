using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Registry.Enterprises;

public sealed record EnterpriseInput(string Uscc, string Name, string? Address, string? Industry, string? LegalRepresentative, string? Phone, Guid? Version = null);

public sealed record EnterpriseDto(long Id, string Uscc, string Name, string? Address, string? Industry, string? LegalRepresentative, string? Phone, string RegionCode, Guid Version)
{
    internal static EnterpriseDto From(Enterprise e) => new(e.Id, e.Uscc, e.Name, e.Address, e.Industry, e.LegalRepresentative, e.Phone, e.RegionCode, e.Version);
}

internal sealed class EnterpriseInputValidator : AbstractValidator<EnterpriseInput>
{
    public EnterpriseInputValidator()
    {
        RuleFor(x => x.Uscc).Custom((code, ctx) =>
        {
            if (Uscc.Validate(Uscc.Normalize(code)) is { } error)
            {
                ctx.AddFailure("uscc", error);
            }
        });
        RuleFor(x => x.Name).NotEmpty().WithMessage("企业名称不能为空").MaximumLength(200).WithMessage("企业名称不能超过 200 个字");
        RuleFor(x => x.Address).MaximumLength(200).WithMessage("地址不能超过 200 个字");
        RuleFor(x => x.Industry).MaximumLength(50).WithMessage("行业不能超过 50 个字");
        RuleFor(x => x.LegalRepresentative).MaximumLength(50).WithMessage("法定代表人不能超过 50 个字");
        RuleFor(x => x.Phone).MaximumLength(30).WithMessage("电话不能超过 30 个字符");
    }
}

/// <summary>登记/修改企业: shared by the registry pages, the API and the importer.</summary>
public sealed class SaveEnterprise(SunlightDbContext db, IValidator<EnterpriseInput> validator, IConfiguration config)
{
    public const string UsccTaken = "该统一社会信用代码已登记";

    /// <summary>The county new enterprises belong to: the caller's, or the configured one for county-wide accounts.</summary>
    internal string Region => db.Scope.RegionCode ?? DefaultRegion(config);

    public async Task<Outcome<Enterprise>> CreateAsync(EnterpriseInput input, CancellationToken ct)
    {
        var errors = await ValidateAsync(input, null, ct);
        if (errors is not null)
        {
            return new Outcome<Enterprise>(null, errors);
        }
        var e = new Enterprise { RegionCode = Region };
        Apply(e, input);
        db.Enterprises.Add(e);
        await db.SaveChangesAsync(ct);
        return new Outcome<Enterprise>(e);
    }

    public async Task<Outcome<Enterprise>> UpdateAsync(long id, EnterpriseInput input, CancellationToken ct)
    {
        var e = await db.Enterprises.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (e is null)
        {
            return Outcome<Enterprise>.Missing();
        }
        var errors = await ValidateAsync(input, id, ct);
        if (errors is not null)
        {
            return new Outcome<Enterprise>(null, errors);
        }
        if (input.Version is { } version)
        {
            // The version the editor saw; a mismatch surfaces as a 409 on save.
            db.Entry(e).Property(x => x.Version).OriginalValue = version;
        }
        Apply(e, input);
        await db.SaveChangesAsync(ct);
        return new Outcome<Enterprise>(e);
    }

    private async Task<IDictionary<string, string[]>?> ValidateAsync(EnterpriseInput input, long? id, CancellationToken ct)
    {
        var result = await validator.ValidateAsync(input, ct);
        if (!result.IsValid)
        {
            return result.ToDictionary();
        }
        var uscc = Uscc.Normalize(input.Uscc);
        // Uniqueness is county-independent: a USCC identifies one enterprise nationally.
        var taken = await db.IsTakenAsync<Enterprise>(x => x.Uscc == uscc && x.Id != id, ct);
        return taken ? new Dictionary<string, string[]> { ["uscc"] = [UsccTaken] } : null;
    }

    internal static void Apply(Enterprise e, EnterpriseInput input)
    {
        e.Uscc = Uscc.Normalize(input.Uscc);
        e.Name = input.Name.Trim();
        e.Address = Blank(input.Address);
        e.Industry = Blank(input.Industry);
        e.LegalRepresentative = Blank(input.LegalRepresentative);
        e.Phone = Blank(input.Phone);
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    internal static string DefaultRegion(IConfiguration config) => config["Sunlight:RegionCode"] ?? "359901";
}
