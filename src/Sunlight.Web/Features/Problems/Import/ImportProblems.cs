using Sunlight.Web.Infrastructure.Export;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Problems.Raise;
using Sunlight.Web.Features.Registry;
using Sunlight.Web.Infrastructure.Database;
using Sunlight.Web.Infrastructure.Import;

namespace Sunlight.Web.Features.Problems.Import;

/// <summary>
/// A campaign's problem list from .xlsx or .csv, through the foundation's import pipeline: every row is checked, the
/// report names each bad row in Chinese ("第 N 行：…"), strict mode imports nothing when any row is bad, and
/// "仅导入有效行" imports the rest. Each problem is raised through <see cref="ProblemLedger"/> and its unit notified.
/// </summary>
internal sealed class ImportProblems(SunlightDbContext db, ProblemLedger ledger, TimeProvider clock)
{
    public static readonly string[] Columns = ["责任单位", "问题类别", "问题描述", "问题来源", "严重程度", "发现日期", "发现人"];
    internal static readonly string[] Required = ["责任单位", "问题类别", "问题描述"];

    internal static byte[] Template() => XlsxExport.Template(Columns, ["应急管理局", "三项制度落实", "行政执法公示信息未及时更新", "督查", "一般", "2026-03-01", "督查组"]);

    internal async Task<ImportResult> RunAsync(ImportRows rows, ImportMode mode, CancellationToken ct)
    {
        var units = await db.Units.AsNoTracking().Where(u => u.Kind == UnitKind.Enforcement).Select(u => new { u.Id, u.Code, u.Name }).ToListAsync(ct);
        var categories = (await db.Set<ProblemCategory>().AsNoTracking().Where(c => c.IsActive).Select(c => c.Name).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var today = ChinaTime.Today(clock);
        var errors = new RowErrors();
        var requests = new List<RaiseProblemRequest>();
        var count = 0;
        foreach (var row in rows)
        {
            count++;
            var n = row.Number;
            string Text(string column) => row.Text(column) ?? "";
            var unitText = Text("责任单位");
            var unit = units.FirstOrDefault(u => u.Name == unitText || u.Code == unitText || u.Name.EndsWith(unitText, StringComparison.Ordinal) && unitText.Length >= 2);
            if (unitText.Length == 0)
            {
                errors.Add(n, "责任单位不能为空");
            }
            else if (unit is null)
            {
                errors.Add(n, $"责任单位“{unitText}”不存在");
            }
            var category = Text("问题类别");
            if (!categories.Contains(category))
            {
                errors.Add(n, category.Length == 0 ? "问题类别不能为空" : $"问题类别“{category}”不在类别字典中");
            }
            var description = Text("问题描述");
            if (description.Length == 0)
            {
                errors.Add(n, "问题描述不能为空");
            }
            else if (description.Length > ProblemConfiguration.DescriptionLength)
            {
                errors.Add(n, "问题描述不能超过 2000 个字");
            }
            var sourceText = Text("问题来源");
            var source = sourceText.Length == 0 ? ProblemSource.Import : ProblemNames.ParseSource(sourceText);
            if (source is null)
            {
                errors.Add(n, $"问题来源“{sourceText}”无法识别（可填：自查、督查、投诉举报、案卷评查、预警、走访企业）");
            }
            var severityText = Text("严重程度");
            var severity = severityText.Length == 0 ? ProblemSeverity.Moderate : ProblemNames.ParseSeverity(severityText);
            if (severity is null)
            {
                errors.Add(n, $"严重程度“{severityText}”无法识别（可填：轻微、一般、严重）");
            }
            var foundOn = ParseDate(row.Cells.TryGetValue("发现日期", out var raw) ? raw : null, today);
            if (foundOn is null)
            {
                errors.Add(n, $"发现日期“{Text("发现日期")}”不是有效日期（如 2026-03-01）");
            }
            else if (foundOn > today)
            {
                errors.Add(n, $"发现日期“{foundOn:yyyy-MM-dd}”不能晚于今天");
            }
            var foundBy = Text("发现人");
            if (foundBy.Length > ProblemConfiguration.FoundByLength)
            {
                errors.Add(n, "发现人不能超过 100 个字");
            }
            if (!errors.Has(n))
            {
                requests.Add(new RaiseProblemRequest(source!.Value, null, null, unit!.Id, category, severity!.Value, description, foundOn!.Value,
                    foundBy.Length == 0 ? db.Scope.ActorName : foundBy));
            }
        }
        if (errors.Any && (mode == ImportMode.Strict || requests.Count == 0))
        {
            return new ImportResult(count, requests.Count, 0, errors.Lines());
        }
        foreach (var request in requests)
        {
            await ledger.RaiseAsync(request, ct);
        }
        await db.SaveChangesAsync(ct);
        return new ImportResult(count, requests.Count, requests.Count, errors.Lines());
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
}

internal static class ImportEndpoint
{
    public static void MapImport(this RouteGroupBuilder problems) =>
        problems.MapPost("/import", (IFormFile? file, string? mode, ImportProblems import, CancellationToken ct) =>
                ImportPipeline.HandleAsync(file, mode, ImportProblems.Required, import.RunAsync, ct))
            .RequireAuthorization(ProblemPolicies.Verify)
            .WithSummary("从 Excel/CSV 导入问题清单（multipart 字段 file；mode=strict 有错误则整表不导入，validOnly 仅导入有效行；逐行说明错误）");
}
