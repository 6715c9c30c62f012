using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Enforcement.Import;

/// <summary>The unit's column mapping: case field (<see cref="CaseImportField.Key"/>) → the header in the unit's own ledger.</summary>
internal sealed record ImportMappingInput(Dictionary<string, string?>? Columns);

internal sealed class ImportMappingInputValidator : AbstractValidator<ImportMappingInput>
{
    public ImportMappingInputValidator()
    {
        RuleFor(x => x.Columns).NotNull().WithMessage("请提交列对应 columns（案件字段 → 台账列名）")
            .Must(c => c is null || c.Count <= CaseImportFields.All.Length).WithMessage("列对应中的字段过多")
            .Custom((columns, context) =>
            {
                foreach (var problem in columns is null ? [] : CaseImportFields.Problems(columns))
                {
                    context.AddFailure(problem);
                }
            });
    }
}

internal sealed record ImportFieldDto(string Key, string Label, bool Required);

internal sealed record ImportMappingDto(IReadOnlyDictionary<string, string> Columns, DateTimeOffset? SavedAt, IReadOnlyList<ImportFieldDto> Fields);

/// <summary>Saves the unit's mapping (one row per unit, audited); the next import of the unit starts from it.</summary>
internal sealed class SaveImportMapping(SunlightDbContext db, TimeProvider clock, IValidator<ImportMappingInput> validator)
    : UseCase<ImportMappingInput, CaseImportMapping>(validator)
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    protected override async Task<Outcome<CaseImportMapping>> HandleAsync(ImportMappingInput input, CancellationToken ct)
    {
        var unitId = db.Scope.UnitId ?? throw new InvalidOperationException("列对应只能由执法单位人员保存。");
        var columns = input.Columns!.ToDictionary(c => c.Key, c => c.Value!.Trim(), StringComparer.Ordinal);
        var mapping = await db.Set<CaseImportMapping>().FirstOrDefaultAsync(m => m.UnitId == unitId, ct);
        if (mapping is null)
        {
            var region = await db.Units.AsNoTracking().Where(u => u.Id == unitId).Select(u => u.RegionCode).FirstAsync(ct);
            mapping = new CaseImportMapping { UnitId = unitId, RegionCode = region };
            db.Set<CaseImportMapping>().Add(mapping);
        }
        mapping.Columns = JsonSerializer.Serialize(columns, Json);
        mapping.SavedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return mapping;
    }

    /// <summary>The caller's unit's saved mapping (empty when it has none yet).</summary>
    public static async Task<ImportMappingDto> ReadAsync(SunlightDbContext db, CancellationToken ct)
    {
        var saved = await db.Set<CaseImportMapping>().AsNoTracking().FirstOrDefaultAsync(m => m.UnitId == db.Scope.UnitId, ct);
        return ToDto(saved);
    }

    public static ImportMappingDto ToDto(CaseImportMapping? saved) =>
        new(saved is null ? new Dictionary<string, string>() : JsonSerializer.Deserialize<Dictionary<string, string>>(saved.Columns) ?? [],
            saved?.SavedAt, [.. CaseImportFields.All.Select(f => new ImportFieldDto(f.Key, f.Label, f.Required))]);
}

internal static class ImportMappingEndpoints
{
    public static void MapImportMapping(this RouteGroupBuilder cases)
    {
        cases.MapGet("/import-mapping", (SunlightDbContext db, CancellationToken ct) => SaveImportMapping.ReadAsync(db, ct))
            .RequireAuthorization(EnforcementPolicies.Record).WithSummary("本单位保存的案件台账导入列对应（案件字段 → 台账列名）及可对应的字段");
        cases.MapPut("/import-mapping", (ImportMappingInput? input, SaveImportMapping save, CancellationToken ct) =>
                save.RunAsync(input, ct).ToHttpAsync(m => TypedResults.Ok(SaveImportMapping.ToDto(m)), "列对应"))
            .RequireAuthorization(EnforcementPolicies.Record).WithSummary("保存本单位的案件台账导入列对应（留痕）；下次导入时自动预填");
    }
}
