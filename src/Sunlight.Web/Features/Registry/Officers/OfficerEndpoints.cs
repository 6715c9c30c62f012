using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;
using Sunlight.Web.Infrastructure.Identity;

namespace Sunlight.Web.Features.Registry.Officers;

public sealed record CredentialInput(string Number, string Category, DateOnly ValidFrom, DateOnly ValidTo);

public sealed record OfficerInput(long UnitId, string Name, string? Position, bool IsAuxiliary, List<CredentialInput>? Credentials, bool IsActive = true, Guid? Version = null);

public sealed record CredentialDto(string Number, string Category, DateOnly ValidFrom, DateOnly ValidTo, bool ValidToday);

public sealed record OfficerDto(long Id, long UnitId, string UnitName, string Name, string? Position, bool IsAuxiliary, bool IsActive, bool QualifiedToday, IReadOnlyList<CredentialDto> Credentials, Guid Version);

internal sealed class OfficerInputValidator : AbstractValidator<OfficerInput>
{
    public OfficerInputValidator()
    {
        RuleFor(x => x.UnitId).GreaterThan(0).WithMessage("请选择所属执法单位");
        RuleFor(x => x.Name).NotEmpty().WithMessage("姓名不能为空").MaximumLength(50).WithMessage("姓名不能超过 50 个字");
        RuleFor(x => x.Position).MaximumLength(50).WithMessage("职务不能超过 50 个字");
        RuleFor(x => x.Credentials).Must((o, c) => !o.IsAuxiliary || c is null || c.Count == 0)
            .WithMessage("辅助人员不得持有执法证");
        RuleForEach(x => x.Credentials).ChildRules(c =>
        {
            c.RuleFor(x => x.Number).NotEmpty().WithMessage("执法证号不能为空").MaximumLength(30).WithMessage("执法证号不能超过 30 个字符");
            c.RuleFor(x => x.Category).NotEmpty().WithMessage("执法类别不能为空").MaximumLength(50).WithMessage("执法类别不能超过 50 个字");
            c.RuleFor(x => x.ValidTo).GreaterThanOrEqualTo(x => x.ValidFrom).WithMessage("执法证有效期止不能早于有效期起");
        });
    }
}

internal static class OfficerEndpoints
{
    public static void MapOfficers(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/officers").WithTags("执法人员").RequireAuthorization(RegistryPolicies.Read);

        g.MapGet("/", async ([AsParameters] OfficerQuery q, SunlightDbContext db, TimeProvider clock, CancellationToken ct) =>
        {
            var today = ChinaTime.Today(clock);
            var limit = Paging.Limit(q.Limit);
            var rows = await OfficerList.Filter(db.Officers.AsNoTracking(), q, today)
                .Where(o => q.After == null || o.Id > q.After)
                .OrderBy(o => o.Id).Take(limit + 1)
                .Include(o => o.Unit).Include(o => o.Credentials)
                .ToListAsync(ct);
            return TypedResults.Ok(Paging.ToPage(rows.Select(o => ToDto(o, today)).ToList(), limit, o => o.Id));
        }).WithSummary("执法人员列表（按单位、姓名、辅助人员、证件过期筛选）");

        g.MapGet("/{id:long}", async Task<Results<Ok<OfficerDto>, ProblemHttpResult>> (long id, SunlightDbContext db, TimeProvider clock, CancellationToken ct) =>
            await db.Officers.AsNoTracking().Include(o => o.Unit).Include(o => o.Credentials).FirstOrDefaultAsync(o => o.Id == id, ct) is { } o
                ? TypedResults.Ok(ToDto(o, ChinaTime.Today(clock)))
                : ApiErrors.NotFound("执法人员"))
            .WithSummary("执法人员详情");

        g.MapPost("/", async Task<Results<Created<OfficerDto>, ValidationProblem, ProblemHttpResult>> (OfficerInput input, SaveOfficer save, TimeProvider clock, CancellationToken ct) =>
        {
            var r = await save.CreateAsync(input, ct);
            return r switch
            {
                { NotFound: true } => ApiErrors.NotFound("执法单位"),
                { Value: { } o } => TypedResults.Created($"/api/v1/officers/{o.Id}", ToDto(o, ChinaTime.Today(clock))),
                _ => ApiErrors.Invalid(r.Errors!),
            };
        }).Validate<OfficerInput>().RequireAuthorization(RegistryPolicies.Edit).WithSummary("新增执法人员");

        g.MapPut("/{id:long}", async Task<Results<Ok<OfficerDto>, ValidationProblem, ProblemHttpResult>> (long id, OfficerInput input, SaveOfficer save, TimeProvider clock, CancellationToken ct) =>
        {
            var r = await save.UpdateAsync(id, input, ct);
            return r switch
            {
                { NotFound: true } => ApiErrors.NotFound("执法人员"),
                { Value: { } o } => TypedResults.Ok(ToDto(o, ChinaTime.Today(clock))),
                _ => ApiErrors.Invalid(r.Errors!),
            };
        }).Validate<OfficerInput>().RequireAuthorization(RegistryPolicies.Edit).WithSummary("修改执法人员");
    }

    internal static OfficerDto ToDto(Officer o, DateOnly today) => new(o.Id, o.UnitId, o.Unit?.Name ?? "", o.Name, o.Position, o.IsAuxiliary, o.IsActive,
        o.IsQualifiedOn(today),
        o.Credentials.OrderBy(c => c.ValidTo).Select(c => new CredentialDto(c.Number, c.Category, c.ValidFrom, c.ValidTo, c.IsValidOn(today))).ToList(),
        o.Version);
}

/// <summary>新增/修改执法人员, shared by pages and API. A UnitStaff can only place officers in its own unit.</summary>
public sealed class SaveOfficer(SunlightDbContext db, IValidator<OfficerInput> validator)
{
    public const string CredentialTaken = "执法证号已登记在其他人员名下";

    public async Task<Outcome<Officer>> CreateAsync(OfficerInput input, CancellationToken ct)
    {
        var result = await validator.ValidateAsync(input, ct);
        if (!result.IsValid)
        {
            return new Outcome<Officer>(null, result.ToDictionary());
        }
        var unit = await db.Units.FirstOrDefaultAsync(u => u.Id == input.UnitId, ct);
        if (unit is null)
        {
            return Outcome<Officer>.Missing();
        }
        var officer = new Officer { RegionCode = unit.RegionCode, Unit = unit };
        if (await ApplyAsync(officer, input, ct) is { } error)
        {
            return error;
        }
        db.Officers.Add(officer);
        await db.SaveChangesAsync(ct);
        return new Outcome<Officer>(officer);
    }

    public async Task<Outcome<Officer>> UpdateAsync(long id, OfficerInput input, CancellationToken ct)
    {
        var officer = await db.Officers.Include(o => o.Credentials).Include(o => o.Unit).FirstOrDefaultAsync(o => o.Id == id, ct);
        if (officer is null)
        {
            return Outcome<Officer>.Missing();
        }
        var result = await validator.ValidateAsync(input, ct);
        if (!result.IsValid)
        {
            return new Outcome<Officer>(null, result.ToDictionary());
        }
        if (officer.UnitId != input.UnitId)
        {
            var unit = await db.Units.FirstOrDefaultAsync(u => u.Id == input.UnitId, ct);
            if (unit is null)
            {
                return Outcome<Officer>.Invalid("unitId", "所选执法单位不存在或您无权调入");
            }
            officer.Unit = unit;
        }
        if (input.Version is { } v)
        {
            db.Entry(officer).Property(x => x.Version).OriginalValue = v;
        }
        if (await ApplyAsync(officer, input, ct) is { } error)
        {
            return error;
        }
        await db.SaveChangesAsync(ct);
        return new Outcome<Officer>(officer);
    }

    private async Task<Outcome<Officer>?> ApplyAsync(Officer officer, OfficerInput input, CancellationToken ct)
    {
        var numbers = (input.Credentials ?? []).Select(c => c.Number.Trim()).ToList();
        if (numbers.Count != numbers.Distinct(StringComparer.Ordinal).Count())
        {
            return Outcome<Officer>.Invalid("credentials", "执法证号重复");
        }
        if (numbers.Count > 0 && await db.Credentials.AnyAsync(c => numbers.Contains(c.Number) && c.OfficerId != officer.Id, ct))
        {
            return Outcome<Officer>.Invalid("credentials", CredentialTaken);
        }
        Apply(officer, input);
        return null;
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
