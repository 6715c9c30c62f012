using System.Globalization;
using MiniExcelLibs;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Problems.Raise;
using Sunlight.Web.Features.Registry;
using Sunlight.Web.Infrastructure.Database;
using Sunlight.Web.Infrastructure.Files;

namespace Sunlight.Web.Features.Problems.Import;

public sealed record ImportRowError(int Row, string Column, string Message);

public sealed record ImportResult(int Imported, IReadOnlyList<ImportRowError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>
/// A campaign's problem list from .xlsx. All rows are checked first; one bad row imports nothing, and the report
/// names every bad row (spreadsheet row number, column, reason) in Chinese.
/// </summary>
public sealed class ImportProblems(SunlightDbContext db, ProblemLedger ledger, TimeProvider clock)
{
    public const int MaxRows = 5000;
    public static readonly string[] Columns = ["责任单位", "问题类别", "问题描述", "问题来源", "严重程度", "发现日期", "发现人"];

    public async Task<ImportResult> HandleAsync(Upload upload, CancellationToken ct)
    {
        if (upload.Length > AttachmentStore.MaxBytes)
        {
            return Fail(0, "文件", "文件超过 10 MB 的大小上限。");
        }
        await using var stream = upload.Open();
        if (AttachmentStore.Sniff(stream, "x.xlsx") is null || !upload.FileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            return Fail(0, "文件", "请上传 Excel 文件（.xlsx）。");
        }
        stream.Position = 0;
        List<IDictionary<string, object?>> rows;
        try
        {
            rows = (await stream.QueryAsync(useHeaderRow: true, cancellationToken: ct)).Cast<IDictionary<string, object?>>().ToList();
        }
        catch (Exception ex) when (ex is InvalidDataException or InvalidOperationException or System.Xml.XmlException or IOException)
        {
            return Fail(0, "文件", "无法读取该 Excel 文件，请检查文件是否损坏。");
        }
        if (rows.Count == 0)
        {
            return Fail(0, "文件", "表格中没有数据行。");
        }
        var missing = new[] { "责任单位", "问题类别", "问题描述" }.Where(c => !rows[0].ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            return Fail(1, string.Join("、", missing), $"缺少必需的列：{string.Join("、", missing)}（第 1 行为表头）。");
        }
        if (rows.Count > MaxRows)
        {
            return Fail(0, "文件", $"一次最多导入 {MaxRows} 行。");
        }

        var units = await db.Units.AsNoTracking().Where(u => u.Kind == UnitKind.Enforcement).Select(u => new { u.Id, u.Code, u.Name }).ToListAsync(ct);
        var categories = (await db.Set<ProblemCategory>().AsNoTracking().Where(c => c.IsActive).Select(c => c.Name).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var today = ChinaTime.Today(clock);
        var errors = new List<ImportRowError>();
        var requests = new List<RaiseProblemRequest>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var n = i + 2;
            string Text(string column) => row.TryGetValue(column, out var v) ? Convert.ToString(v, CultureInfo.InvariantCulture)?.Trim() ?? "" : "";
            if (row.Values.All(v => string.IsNullOrWhiteSpace(Convert.ToString(v, CultureInfo.InvariantCulture))))
            {
                continue;
            }
            var before = errors.Count;
            var unitText = Text("责任单位");
            var unit = units.FirstOrDefault(u => u.Name == unitText || u.Code == unitText || u.Name.EndsWith(unitText, StringComparison.Ordinal) && unitText.Length >= 2);
            if (unitText.Length == 0)
            {
                errors.Add(new(n, "责任单位", "责任单位不能为空"));
            }
            else if (unit is null)
            {
                errors.Add(new(n, "责任单位", $"责任单位“{unitText}”不存在"));
            }
            var category = Text("问题类别");
            if (!categories.Contains(category))
            {
                errors.Add(new(n, "问题类别", category.Length == 0 ? "问题类别不能为空" : $"问题类别“{category}”不在类别字典中"));
            }
            var description = Text("问题描述");
            if (description.Length == 0)
            {
                errors.Add(new(n, "问题描述", "问题描述不能为空"));
            }
            else if (description.Length > 2000)
            {
                errors.Add(new(n, "问题描述", "问题描述不能超过 2000 个字"));
            }
            var sourceText = Text("问题来源");
            var source = sourceText.Length == 0 ? ProblemSource.Import : ProblemNames.ParseSource(sourceText);
            if (source is null)
            {
                errors.Add(new(n, "问题来源", $"问题来源“{sourceText}”无法识别（可填：自查、督查、投诉举报、案卷评查、预警、走访企业）"));
            }
            var severityText = Text("严重程度");
            var severity = severityText.Length == 0 ? ProblemSeverity.Moderate : ProblemNames.ParseSeverity(severityText);
            if (severity is null)
            {
                errors.Add(new(n, "严重程度", $"严重程度“{severityText}”无法识别（可填：轻微、一般、严重）"));
            }
            var foundOn = ParseDate(row.TryGetValue("发现日期", out var raw) ? raw : null, today);
            if (foundOn is null)
            {
                errors.Add(new(n, "发现日期", $"发现日期“{Text("发现日期")}”不是有效日期（如 2026-03-01）"));
            }
            else if (foundOn > today)
            {
                errors.Add(new(n, "发现日期", "发现日期不能晚于今天"));
            }
            var foundBy = Text("发现人");
            if (foundBy.Length > 100)
            {
                errors.Add(new(n, "发现人", "发现人不能超过 100 个字"));
            }
            if (errors.Count == before)
            {
                requests.Add(new RaiseProblemRequest(source!.Value, null, null, unit!.Id, category, severity!.Value, description, foundOn!.Value,
                    foundBy.Length == 0 ? db.Scope.ActorName : foundBy));
            }
        }
        if (errors.Count > 0)
        {
            return new ImportResult(0, errors);
        }
        foreach (var request in requests)
        {
            await ledger.RaiseAsync(request, ct);
        }
        await db.SaveChangesAsync(ct);
        return new ImportResult(requests.Count, []);
    }

    private static DateOnly? ParseDate(object? value, DateOnly today) => value switch
    {
        null => today,
        DateTime d => DateOnly.FromDateTime(d),
        double serial => DateOnly.FromDateTime(DateTime.FromOADate(serial)),
        string s when string.IsNullOrWhiteSpace(s) => today,
        string s when DateOnly.TryParse(s.Trim().Replace('/', '-').Replace('.', '-'), CultureInfo.InvariantCulture, out var d) => d,
        string s when DateOnly.TryParseExact(s.Trim(), ["yyyy年M月d日", "yyyyMMdd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) => d,
        _ => null,
    };

    private static ImportResult Fail(int row, string column, string message) => new(0, [new ImportRowError(row, column, message)]);
}
