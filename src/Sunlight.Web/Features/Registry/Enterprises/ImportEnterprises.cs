using Sunlight.Web.Infrastructure.Export;
using System.Globalization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Infrastructure.Audit;
using Sunlight.Web.Infrastructure.Import;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Registry.Enterprises;

/// <summary>
/// 企业批量导入: every row checked with the form's validator and uniqueness rule, then the valid rows written in one
/// transaction. Built for a county's whole market-entity registry (tens of thousands of rows): the file is streamed
/// twice and never held in memory.
/// </summary>
/// <remarks>
/// Why two passes rather than writing as we read and rolling back on the first error: strict mode must still report
/// every bad row, so a write-as-you-go import would insert the whole file only to roll it back, holding the audit-chain
/// lock (PostgreSQL) or the database's single writer (SQLite) — i.e. stalling every other save in the county — for the
/// whole parse. The first pass only reads (validation, duplicates within the file, USCCs already registered, looked up
/// 1,000 at a time); the second re-reads the file and writes the rows the first pass found valid, in one transaction
/// with their audit entries, so a failure half-way (a USCC registered meanwhile, a dropped connection) leaves nothing.
/// </remarks>
internal sealed class ImportEnterprises(SunlightDbContext db, IValidator<EnterpriseInput> validator, SaveEnterprise save, TimeProvider clock)
{
    public static readonly string[] Columns = ["统一社会信用代码", "企业名称", "地址", "行业", "法定代表人", "联系电话"];
    public static readonly string[] Required = ["统一社会信用代码", "企业名称"];

    private const int LookupChunk = 1000;
    private const int WriteBatch = 2000;

    private static readonly string ExampleUscc = "91359901MA0000000" + Uscc.CheckCharacter("91359901MA0000000");

    public static byte[] Template() => XlsxExport.Template(Columns,
        [ExampleUscc, "青禾县示例食品有限公司", "青禾县城关镇示例路 1 号", "餐饮", "张三", "0599-1234567"]);

    internal async Task<ImportResult> RunAsync(ImportRows rows, ImportMode mode, CancellationToken ct)
    {
        var errors = new RowErrors();
        var firstRowOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var toLookUp = new List<string>(LookupChunk);
        var count = 0;
        foreach (var row in rows)
        {
            count++;
            var input = Input(row);
            foreach (var failure in validator.Validate(input).Errors)
            {
                errors.Add(row.Number, failure, Columns);
            }
            if (errors.Has(row.Number))
            {
                continue;
            }
            var uscc = Uscc.Normalize(input.Uscc);
            if (firstRowOf.TryGetValue(uscc, out var first))
            {
                errors.Add(row.Number, $"统一社会信用代码“{uscc}”与第 {first} 行重复");
                continue;
            }
            firstRowOf[uscc] = row.Number;
            toLookUp.Add(uscc);
            if (toLookUp.Count == LookupChunk)
            {
                await MarkTakenAsync(toLookUp, firstRowOf, errors, ct);
            }
        }
        await MarkTakenAsync(toLookUp, firstRowOf, errors, ct);

        var valid = count - errors.Rows;
        if (valid == 0 || mode == ImportMode.Strict && errors.Any)
        {
            return new ImportResult(count, valid, 0, errors.Lines());
        }
        var written = await WriteAsync(rows, errors, ct);
        return new ImportResult(count, valid, written, errors.Lines());
    }

    /// <summary>Uniqueness is national: also against enterprises of other counties the caller cannot see.</summary>
    private async Task MarkTakenAsync(List<string> usccs, Dictionary<string, int> rowOf, RowErrors errors, CancellationToken ct)
    {
        if (usccs.Count == 0)
        {
            return;
        }
        foreach (var taken in await db.TakenKeysAsync<Enterprise, string>(e => usccs.Contains(e.Uscc), e => e.Uscc, ct))
        {
            errors.Add(rowOf[taken], $"统一社会信用代码“{taken}”已登记");
        }
        usccs.Clear();
    }

    /// <summary>
    /// The second pass: prepared inserts instead of change tracking (100,000 tracked entities would cost hundreds of MB),
    /// each batch followed by its audit entries, made exactly as the SaveChanges capture makes them for an EF insert
    /// (entity name, key, "Create", the full row image), chained in the same transaction.
    /// </summary>
    private async Task<int> WriteAsync(ImportRows rows, RowErrors errors, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var enterprises = new RowInserter<Enterprise>(db);
        var audits = new RowInserter<AuditEntry>(db);
        var now = clock.GetUtcNow();
        var region = save.Region;
        var batch = new List<Enterprise>(WriteBatch);
        var written = 0;
        async Task FlushAsync()
        {
            await enterprises.InsertAllAsync(batch, ct);
            var pending = batch.Select(e => PendingAudit.Manual(nameof(Enterprise), e.Id.ToString(CultureInfo.InvariantCulture), "Create", null, enterprises.Snapshot(e))).ToList();
            await audits.InsertAllAsync(await AuditChain.ChainAsync(db, pending, db.Scope.ActorName, now, ct), ct);
            written += batch.Count;
            batch.Clear();
        }
        foreach (var row in rows.Where(r => !errors.Has(r.Number)))
        {
            var e = new Enterprise { RegionCode = region, Version = Guid.NewGuid() };
            SaveEnterprise.Apply(e, Input(row));
            batch.Add(e);
            if (batch.Count == WriteBatch)
            {
                await FlushAsync();
            }
        }
        if (batch.Count > 0)
        {
            await FlushAsync();
        }
        await transaction.CommitAsync(ct);
        return written;
    }

    private static EnterpriseInput Input(ImportRow row) =>
        new(row.Text("统一社会信用代码") ?? "", row.Text("企业名称") ?? "", row.Text("地址"), row.Text("行业"), row.Text("法定代表人"), row.Text("联系电话"));
}
