using Sunlight.Web.Infrastructure.Export;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Infrastructure.Import;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Registry.Officers;

/// <summary>
/// 执法人员批量导入: one row per person with at most one credential. The unit is named by its code and must be in the
/// caller's scope (UnitStaff: their own unit). Rows are checked with the form's validator; written in one transaction.
/// </summary>
internal sealed class ImportOfficers(SunlightDbContext db, IValidator<OfficerInput> validator)
{
    public static readonly string[] Columns = ["单位编码", "姓名", "职务", "辅助人员", "执法证号", "执法类别", "有效期起", "有效期止"];
    public static readonly string[] Required = ["单位编码", "姓名"];

    public static byte[] Template() => XlsxExport.Template(Columns,
        ["U01", "王五", "执法队员", "否", "35990120260001", "市场监管执法", "2025-01-01", "2030-12-31"]);

    internal async Task<ImportResult> RunAsync(ImportRows rows, ImportMode mode, CancellationToken ct)
    {
        // The scope filter limits this to the units the caller may place officers in.
        var units = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Code, ct);
        var errors = new RowErrors();
        var inputs = new List<(ImportRow Row, EnforcementUnit Unit, OfficerInput Input)>();
        var credentialRow = new Dictionary<string, int>(StringComparer.Ordinal);
        var personRow = new Dictionary<(long, string), int>();
        var count = 0;
        foreach (var row in rows)
        {
            count++;
            var (unit, input) = Parse(row, units, errors);
            foreach (var failure in (await validator.ValidateAsync(input, ct)).Errors)
            {
                // A missing unit is already reported in words the user understands.
                if (unit is not null || failure.PropertyName != "unitId")
                {
                    errors.Add(row.Number, failure, Columns);
                }
            }
            if (unit is null || errors.Has(row.Number))
            {
                continue;
            }
            if (personRow.TryGetValue((unit.Id, input.Name.Trim()), out var samePerson))
            {
                errors.Add(row.Number, $"与第 {samePerson} 行是同一单位的同名人员");
            }
            else
            {
                personRow[(unit.Id, input.Name.Trim())] = row.Number;
            }
            foreach (var number in (input.Credentials ?? []).Select(c => c.Number.Trim()))
            {
                if (credentialRow.TryGetValue(number, out var first))
                {
                    errors.Add(row.Number, $"执法证号“{number}”与第 {first} 行重复");
                }
                else
                {
                    credentialRow[number] = row.Number;
                }
            }
            inputs.Add((row, unit, input));
        }

        var numbersTaken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in credentialRow.Keys.Chunk(500))
        {
            numbersTaken.UnionWith(await db.Credentials.Where(c => chunk.Contains(c.Number)).Select(c => c.Number).ToListAsync(ct));
        }
        var unitIds = inputs.Select(i => i.Unit.Id).Distinct().ToList();
        var existingPeople = (await db.Officers.Where(o => unitIds.Contains(o.UnitId)).Select(o => new { o.UnitId, o.Name }).ToListAsync(ct))
            .Select(o => (o.UnitId, o.Name)).ToHashSet();
        foreach (var (row, unit, input) in inputs)
        {
            foreach (var number in (input.Credentials ?? []).Select(c => c.Number.Trim()).Where(numbersTaken.Contains))
            {
                errors.Add(row.Number, $"执法证号“{number}”已登记在其他人员名下");
            }
            if (existingPeople.Contains((unit.Id, input.Name.Trim())))
            {
                errors.Add(row.Number, $"{unit.Name}已登记同名人员“{input.Name.Trim()}”");
            }
        }

        var valid = inputs.Where(i => !errors.Has(i.Row.Number)).ToList();
        if (mode == ImportMode.Strict && errors.Any)
        {
            return new ImportResult(count, valid.Count, 0, errors.Lines());
        }
        foreach (var (_, unit, input) in valid)
        {
            var officer = new Officer { RegionCode = unit.RegionCode, UnitId = unit.Id };
            SaveOfficer.Apply(officer, input);
            db.Officers.Add(officer);
        }
        if (valid.Count > 0)
        {
            await db.SaveChangesAsync(ct);
        }
        return new ImportResult(count, valid.Count, valid.Count, errors.Lines());
    }

    private static (EnforcementUnit? Unit, OfficerInput Input) Parse(ImportRow row, Dictionary<string, EnforcementUnit> units, RowErrors errors)
    {
        EnforcementUnit? unit = null;
        var code = row.Text("单位编码");
        if (code is null)
        {
            errors.Add(row.Number, "单位编码不能为空");
        }
        else if (!units.TryGetValue(code, out unit))
        {
            errors.Add(row.Number, $"单位编码“{code}”不存在或不在您的管辖范围内");
        }

        var auxiliary = false;
        switch (row.Text("辅助人员"))
        {
            case null or "否" or "N" or "n" or "0" or "false" or "False" or "FALSE":
                break;
            case "是" or "Y" or "y" or "1" or "true" or "True" or "TRUE":
                auxiliary = true;
                break;
            default:
                errors.Add(row.Number, "辅助人员应填写“是”或“否”");
                break;
        }

        var credentials = new List<CredentialInput>();
        var number = row.Text("执法证号");
        var category = row.Text("执法类别");
        row.Cells.TryGetValue("有效期起", out var fromCell);
        row.Cells.TryGetValue("有效期止", out var toCell);
        if (number is not null || category is not null || ImportSheet.AsText(fromCell) is not null || ImportSheet.AsText(toCell) is not null)
        {
            var from = Date(row, "有效期起", fromCell, errors);
            var to = Date(row, "有效期止", toCell, errors);
            credentials.Add(new CredentialInput(number ?? "", category ?? "", from ?? DateOnly.MinValue, to ?? DateOnly.MaxValue));
        }
        var input = new OfficerInput(unit?.Id ?? 0, row.Text("姓名") ?? "", row.Text("职务"), auxiliary, credentials);
        return (unit, input);
    }

    private static DateOnly? Date(ImportRow row, string column, object? cell, RowErrors errors)
    {
        if (ImportSheet.AsText(cell) is null)
        {
            errors.Add(row.Number, $"{column}不能为空");
            return null;
        }
        if (ImportSheet.TryDate(cell, out var date))
        {
            return date;
        }
        errors.Add(row.Number, $"{column}“{ImportSheet.AsText(cell)}”日期格式错误（应为 2025-01-31 这样的日期）");
        return null;
    }
}
