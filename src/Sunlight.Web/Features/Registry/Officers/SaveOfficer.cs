using System.Text.Json.Serialization;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Registry.Officers;

internal sealed record CredentialInput(string Number, string Category, DateOnly ValidFrom, DateOnly ValidTo);

internal sealed record OfficerInput(long UnitId, string Name, string? Position, bool IsAuxiliary, List<CredentialInput>? Credentials, bool IsActive = true, Guid? Version = null)
{
    /// <summary>The officer to change (from the route); 0 registers a new one.</summary>
    [JsonIgnore] public long Id { get; init; }
}

internal sealed class OfficerInputValidator : AbstractValidator<OfficerInput>
{
    public OfficerInputValidator()
    {
        RuleFor(x => x.UnitId).GreaterThan(0).WithMessage("请选择所属执法单位");
        RuleFor(x => x.Name).RequiredText("姓名", RegistryColumns.PersonLength);
        RuleFor(x => x.Position).OptionalText("职务", RegistryColumns.PersonLength);
        RuleFor(x => x.Credentials).Must((o, c) => !o.IsAuxiliary || c is null || c.Count == 0)
            .WithMessage("辅助人员不得持有执法证");
        RuleFor(x => x.Credentials).Must(c => c is null || c.Select(n => n.Number.Trim()).Distinct(StringComparer.Ordinal).Count() == c.Count)
            .WithMessage("执法证号重复");
        RuleForEach(x => x.Credentials).ChildRules(c =>
        {
            c.RuleFor(x => x.Number).RequiredText("执法证号", CredentialConfiguration.NumberLength);
            c.RuleFor(x => x.Category).RequiredText("执法类别", CredentialConfiguration.CategoryLength);
            c.RuleFor(x => x.ValidTo).GreaterThanOrEqualTo(x => x.ValidFrom).WithMessage("执法证有效期止不能早于有效期起");
        });
    }
}

/// <summary>
/// 新增/修改执法人员, for the page and the API alike. The unit must be in the caller's scope (a UnitStaff places officers
/// only in its own unit, else 404); a credential number belongs to one officer (G-CREDENTIAL).
/// </summary>
internal sealed class SaveOfficer(SunlightDbContext db, IValidator<OfficerInput> validator) : UseCase<OfficerInput, Officer>(validator)
{
    public const string CredentialRule = "G-CREDENTIAL";
    public const string CredentialTaken = "执法证号已登记在其他人员名下";

    protected override async Task<Outcome<Officer>> HandleAsync(OfficerInput input, CancellationToken ct)
    {
        var officer = input.Id == 0 ? new Officer() : await db.Officers.Include(o => o.Credentials).Include(o => o.Unit).FirstOrDefaultAsync(o => o.Id == input.Id, ct);
        if (officer is null)
        {
            return Outcome<Officer>.Missing();
        }
        if (officer.Id == 0 || officer.UnitId != input.UnitId)
        {
            var unit = await db.Units.FirstOrDefaultAsync(u => u.Id == input.UnitId, ct);
            if (unit is null)
            {
                return Outcome<Officer>.Missing();
            }
            if (officer.Id == 0)
            {
                officer.RegionCode = unit.RegionCode;
            }
            officer.Unit = unit;
        }
        var numbers = (input.Credentials ?? []).Select(c => c.Number.Trim()).ToList();
        if (numbers.Count > 0 && await db.Credentials.AnyAsync(c => numbers.Contains(c.Number) && c.OfficerId != officer.Id, ct))
        {
            return Outcome<Officer>.Refused(CredentialRule, CredentialTaken);
        }
        if (officer.Id == 0)
        {
            db.Officers.Add(officer);
        }
        else if (input.Version is { } v)
        {
            db.Entry(officer).Property(x => x.Version).OriginalValue = v;
        }
        Apply(officer, input);
        await db.SaveChangesAsync(ct);
        return officer;
    }

    /// <summary>Copies the input onto the officer; the importer uses it too, after its own bulk checks.</summary>
    internal static void Apply(Officer officer, OfficerInput input)
    {
        officer.Name = input.Name.Trim();
        officer.Position = string.IsNullOrWhiteSpace(input.Position) ? null : input.Position.Trim();
        officer.IsAuxiliary = input.IsAuxiliary;
        officer.IsActive = input.IsActive;
        var incoming = (input.Credentials ?? []).ToDictionary(c => c.Number.Trim(), StringComparer.Ordinal);
        officer.Credentials.RemoveAll(c => !incoming.ContainsKey(c.Number));
        foreach (var (number, c) in incoming)
        {
            var existing = officer.Credentials.FirstOrDefault(x => x.Number == number);
            if (existing is null)
            {
                existing = new Credential { Number = number };
                officer.Credentials.Add(existing);
            }
            existing.Category = c.Category.Trim();
            existing.ValidFrom = c.ValidFrom;
            existing.ValidTo = c.ValidTo;
        }
    }
}

internal static class SaveOfficerEndpoint
{
    public static void MapSaveOfficer(this RouteGroupBuilder officers)
    {
        officers.MapPost("/", (OfficerInput? input, SaveOfficer save, TimeProvider clock, CancellationToken ct) =>
                save.RunAsync(input, ct).ToHttpAsync(o => TypedResults.Created($"/api/v1/officers/{o.Id}", OfficerEndpoints.ToDto(o, ChinaTime.Today(clock))), "执法单位"))
            .RequireAuthorization(RegistryPolicies.Edit).WithSummary("新增执法人员（执法证号唯一：G-CREDENTIAL）");
        officers.MapPut("/{id:long}", (long id, OfficerInput? input, SaveOfficer save, TimeProvider clock, CancellationToken ct) =>
                save.RunAsync(input is null ? null : input with { Id = id }, ct).ToHttpAsync(o => TypedResults.Ok(OfficerEndpoints.ToDto(o, ChinaTime.Today(clock))), "执法人员"))
            .RequireAuthorization(RegistryPolicies.Edit).WithSummary("修改执法人员（需提交 version，冲突时返回 409）");
    }
}
