using System.Text.Json.Serialization;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Registry.Enterprises;

internal sealed record EnterpriseInput(string Uscc, string Name, string? Address, string? Industry, string? LegalRepresentative, string? Phone, Guid? Version = null)
{
    /// <summary>The enterprise to change (from the route); 0 registers a new one.</summary>
    [JsonIgnore] public long Id { get; init; }
}

internal sealed record EnterpriseDto(long Id, string Uscc, string Name, string? Address, string? Industry, string? LegalRepresentative, string? Phone, string RegionCode, Guid Version)
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
                ctx.AddFailure(new FluentValidation.Results.ValidationFailure("uscc", error, code));
            }
        });
        RuleFor(x => x.Name).RequiredText("企业名称", EnterpriseConfiguration.NameLength);
        RuleFor(x => x.Address).OptionalText("地址", RegistryColumns.AddressLength);
        RuleFor(x => x.Industry).OptionalText("行业", EnterpriseConfiguration.IndustryLength);
        RuleFor(x => x.LegalRepresentative).OptionalText("法定代表人", RegistryColumns.PersonLength);
        RuleFor(x => x.Phone).OptionalText("电话", RegistryColumns.PhoneLength);
    }
}

/// <summary>
/// What 登记/修改企业 and the importer share: the county new enterprises belong to, the USCC-taken message and how an
/// input is copied. (Public and injectable because <see cref="ImportEnterprises"/> takes it.)
/// </summary>
internal sealed class SaveEnterprise(SunlightDbContext db, IConfiguration config)
{
    public const string UsccTaken = "该统一社会信用代码已登记";

    /// <summary>The county new enterprises belong to: the caller's, or the configured one for county-wide accounts.</summary>
    internal string Region => db.Scope.RegionCode ?? DefaultRegion(config);

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

/// <summary>
/// 登记 (Id 0) or 修改企业, for the page and the API alike. A USCC identifies one enterprise nationally (G-USCC), so
/// uniqueness is checked against enterprises the caller cannot see too.
/// </summary>
internal sealed class EditEnterprise(SunlightDbContext db, SaveEnterprise shared, IValidator<EnterpriseInput> validator) : UseCase<EnterpriseInput, Enterprise>(validator)
{
    public const string UsccRule = "G-USCC";

    protected override async Task<Outcome<Enterprise>> HandleAsync(EnterpriseInput input, CancellationToken ct)
    {
        var e = input.Id == 0 ? new Enterprise { RegionCode = shared.Region } : await db.Enterprises.FirstOrDefaultAsync(x => x.Id == input.Id, ct);
        if (e is null)
        {
            return Outcome<Enterprise>.Missing();
        }
        var uscc = Uscc.Normalize(input.Uscc);
        if (await db.IsTakenAsync<Enterprise>(x => x.Uscc == uscc && x.Id != e.Id, ct))
        {
            return Outcome<Enterprise>.Refused(UsccRule, SaveEnterprise.UsccTaken);
        }
        if (e.Id == 0)
        {
            db.Enterprises.Add(e);
        }
        else if (input.Version is { } version)
        {
            // The version the editor saw; a mismatch is refused as CONCURRENCY (409).
            db.Entry(e).Property(x => x.Version).OriginalValue = version;
        }
        SaveEnterprise.Apply(e, input);
        await db.SaveChangesAsync(ct);
        return e;
    }
}

internal static class EditEnterpriseEndpoint
{
    public static void MapEditEnterprise(this RouteGroupBuilder enterprises)
    {
        enterprises.MapPost("/", (EnterpriseInput? input, EditEnterprise edit, CancellationToken ct) =>
                edit.RunAsync(input, ct).ToHttpAsync(e => TypedResults.Created($"/api/v1/enterprises/{e.Id}", EnterpriseDto.From(e)), "企业"))
            .RequireAuthorization(RegistryPolicies.EditEnterprises).WithSummary("登记企业（统一社会信用代码唯一：G-USCC）");
        enterprises.MapPut("/{id:long}", (long id, EnterpriseInput? input, EditEnterprise edit, CancellationToken ct) =>
                edit.RunAsync(input is null ? null : input with { Id = id }, ct).ToHttpAsync(e => TypedResults.Ok(EnterpriseDto.From(e)), "企业"))
            .RequireAuthorization(RegistryPolicies.EditEnterprises).WithSummary("修改企业（需提交 version，冲突时返回 409）");
    }
}
