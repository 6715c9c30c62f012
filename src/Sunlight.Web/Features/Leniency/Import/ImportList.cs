using Sunlight.Web.Infrastructure.Export;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Leniency.AddItem;
using Sunlight.Web.Features.Leniency.NewVersion;
using Sunlight.Web.Features.Shared;
using Sunlight.Web.Infrastructure.Database;
using Sunlight.Web.Infrastructure.Import;

namespace Sunlight.Web.Features.Leniency.Import;

/// <summary>
/// 导入清单 (.xlsx/.csv) through the shared import pipeline: each row is an item of the caller's unit; per list kind in
/// the file the unit's draft version is (re)filled with the file's rows — a new draft when none exists. Every row is
/// checked first ("第 N 行：…"); strict mode writes nothing when any row is bad; all lists are written in one save.
/// </summary>
internal sealed class ImportList(SunlightDbContext db, TimeProvider clock)
{
    public static readonly string[] Columns = ["清单类别", "事项名称", "适用条件", "法律依据", "方式", "备注"];
    internal static readonly string[] Required = ["清单类别", "事项名称", "法律依据"];

    internal static byte[] Template() => XlsxExport.Template(Columns,
        ["首违不罚", "未按规定公示食品经营许可证", "初次违法\n危害后果轻微\n及时改正", "《中华人民共和国食品安全法》第一百二十六条", "", "首次发现责令改正"]);

    /// <summary>Conditions are one per line in the cell (also separated by ；).</summary>
    internal static List<string> SplitConditions(string? cell) =>
        AddListItem.Lines((cell ?? "").Split(['\n', '\r', '；', ';'], StringSplitOptions.RemoveEmptyEntries));

    internal async Task<ImportResult> RunAsync(ImportRows rows, ImportMode mode, CancellationToken ct)
    {
        var unit = await db.OwnUnitAsync(ct);
        if (unit is null)
        {
            return ImportResult.FileError("只有执法单位可以导入本单位的清单");
        }
        var errors = new RowErrors();
        var valid = new List<(ListKind Kind, string Name, List<string> Conditions, string Basis, string? Form, string? Note)>();
        var count = 0;
        foreach (var row in rows)
        {
            count++;
            var n = row.Number;
            string Text(string column) => row.Text(column)?.Trim() ?? "";
            var kindText = Text("清单类别");
            var kind = LeniencyNames.ParseKind(kindText);
            if (kind is null)
            {
                errors.Add(n, kindText.Length == 0 ? "清单类别不能为空" : $"清单类别“{kindText}”无法识别（可填：{string.Join("、", Enum.GetValues<ListKind>().Select(LeniencyNames.Of))}）");
            }
            var name = Text("事项名称");
            Check(errors, n, "事项名称", name, LeniencyColumns.NameLength, required: true);
            var basis = Text("法律依据");
            Check(errors, n, "法律依据", basis, LeniencyColumns.LegalBasisLength, required: true);
            var form = Text("方式");
            Check(errors, n, "方式", form, LeniencyColumns.FormLength, required: false);
            var note = Text("备注");
            Check(errors, n, "备注", note, LeniencyColumns.NoteLength, required: false);
            var conditions = SplitConditions(row.Text("适用条件"));
            if (conditions.Count > AddItemInputValidator.MaxConditions)
            {
                errors.Add(n, $"适用条件最多 {AddItemInputValidator.MaxConditions} 条");
            }
            foreach (var c in conditions.Where(c => c.Length > LeniencyColumns.ConditionLength))
            {
                errors.Add(n, $"适用条件“{c[..10]}…”不能超过 {LeniencyColumns.ConditionLength} 个字");
            }
            if (kind is { } k && LeniencyNames.IsExemption(k) && conditions.Count == 0)
            {
                errors.Add(n, $"{LeniencyNames.Of(k)}事项须填写适用条件（每条一行）");
            }
            if (!errors.Has(n))
            {
                valid.Add((kind!.Value, name, conditions, basis, form.Length == 0 ? null : form, note.Length == 0 ? null : note));
            }
        }
        if (errors.Any && (mode == ImportMode.Strict || valid.Count == 0))
        {
            return new ImportResult(count, valid.Count, 0, errors.Lines());
        }
        foreach (var group in valid.GroupBy(v => v.Kind))
        {
            var list = await CreateListVersion.DraftAsync(db, unit, group.Key, clock, ct);
            db.Set<ListItem>().RemoveRange(list.Items);
            list.Items.Clear();
            foreach (var v in group)
            {
                list.Items.Add(AddListItem.NewItem(list, v.Name, v.Conditions, v.Basis, v.Form, v.Note));
            }
        }
        await db.SaveChangesAsync(ct);
        return new ImportResult(count, valid.Count, valid.Count, errors.Lines());
    }

    private static void Check(RowErrors errors, int n, string label, string value, int max, bool required)
    {
        if (required && value.Length == 0)
        {
            errors.Add(n, $"{label}不能为空");
        }
        else if (value.Length > max)
        {
            errors.Add(n, $"{label}不能超过 {max} 个字");
        }
    }
}

/// <summary>导入清单 page: the shared import page over <see cref="ImportList"/>.</summary>
[Authorize(Policy = LeniencyPolicies.Manage)]
internal sealed class ImportModel : ImportPage
{
    private readonly ImportList _import;

    public ImportModel(ImportList import, PendingImports pending) : base(pending) => _import = import;

    public override string What => "柔性执法清单";
    public override string ListPath => "/Leniency";
    public override IReadOnlyList<string> Columns => ImportList.Columns;
    private protected override IReadOnlyList<string> RequiredColumns => ImportList.Required;
    private protected override RunImport Run => _import.RunAsync;
    private protected override byte[] Template() => ImportList.Template();
}

internal static class ImportEndpoint
{
    public static void MapImport(this RouteGroupBuilder g) =>
        g.MapPost("/lists/import", (IFormFile? file, string? mode, ImportList import, CancellationToken ct) =>
                ImportPipeline.HandleAsync(file, mode, ImportList.Required, import.RunAsync, ct))
            .DisableAntiforgery().RequireAuthorization(LeniencyPolicies.Manage)
            .WithSummary("从 Excel/CSV 导入本单位清单（每个类别写入草稿版本；multipart 字段 file；mode=strict 有错误则整表不导入，validOnly 仅导入有效行）");
}
