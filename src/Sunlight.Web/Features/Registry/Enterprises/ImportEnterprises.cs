using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Infrastructure.Import;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Registry.Enterprises;

/// <summary>企业批量导入: every row checked with the form's validator and uniqueness rule; written in one transaction.</summary>
public sealed class ImportEnterprises(SunlightDbContext db, IValidator<EnterpriseInput> validator, SaveEnterprise save)
{
    public static readonly string[] Columns = ["统一社会信用代码", "企业名称", "地址", "行业", "法定代表人", "联系电话"];
    public static readonly string[] Required = ["统一社会信用代码", "企业名称"];

    private static readonly string ExampleUscc = "91359901MA0000000" + Uscc.CheckCharacter("91359901MA0000000");

    public static byte[] Template() => ImportSheet.Template(Columns,
        [ExampleUscc, "青禾县示例食品有限公司", "青禾县城关镇示例路 1 号", "餐饮", "张三", "0599-1234567"]);

    internal async Task<ImportResult> RunAsync(IReadOnlyList<ImportRow> rows, ImportMode mode, CancellationToken ct)
    {
        var errors = new RowErrors();
        var inputs = new List<(ImportRow Row, EnterpriseInput Input)>();
        var firstRowOf = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var input = new EnterpriseInput(row.Text("统一社会信用代码") ?? "", row.Text("企业名称") ?? "", row.Text("地址"),
                row.Text("行业"), row.Text("法定代表人"), row.Text("联系电话"));
            foreach (var failure in (await validator.ValidateAsync(input, ct)).Errors)
            {
                errors.Add(row.Number, failure.ErrorMessage);
            }
            if (errors.Has(row.Number))
            {
                continue;
            }
            var uscc = Uscc.Normalize(input.Uscc);
            if (firstRowOf.TryGetValue(uscc, out var first))
            {
                errors.Add(row.Number, $"统一社会信用代码与第 {first} 行重复");
                continue;
            }
            firstRowOf[uscc] = row.Number;
            inputs.Add((row, input));
        }

        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in firstRowOf.Keys.Chunk(500))
        {
            // Uniqueness is national: also against enterprises of other counties the caller cannot see.
            taken.UnionWith(await db.TakenKeysAsync<Enterprise, string>(e => chunk.Contains(e.Uscc), e => e.Uscc, ct));
        }
        foreach (var (row, input) in inputs.Where(i => taken.Contains(Uscc.Normalize(i.Input.Uscc))))
        {
            errors.Add(row.Number, SaveEnterprise.UsccTaken);
        }

        var valid = inputs.Where(i => !errors.Has(i.Row.Number)).ToList();
        if (mode == ImportMode.Strict && errors.Any)
        {
            return new ImportResult(rows.Count, valid.Count, 0, errors.Lines());
        }
        foreach (var (_, input) in valid)
        {
            var e = new Enterprise { RegionCode = save.Region };
            SaveEnterprise.Apply(e, input);
            db.Enterprises.Add(e);
        }
        if (valid.Count > 0)
        {
            await db.SaveChangesAsync(ct);
        }
        return new ImportResult(rows.Count, valid.Count, valid.Count, errors.Lines());
    }
}
