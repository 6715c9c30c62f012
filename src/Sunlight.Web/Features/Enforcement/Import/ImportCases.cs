using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Enforcement.Register;
using Sunlight.Web.Features.Registry;
using Sunlight.Web.Infrastructure.Database;
using Sunlight.Web.Infrastructure.Export;
using Sunlight.Web.Infrastructure.Import;

namespace Sunlight.Web.Features.Enforcement.Import;

/// <summary>
/// 案件台账导入: a unit's own case ledger (.xlsx or .csv) through the foundation's import pipeline, its columns mapped to
/// the register's fields (<see cref="CaseImportFields"/>). Every row is checked; the report names the row, the ledger's
/// column, the bad value and the reason in Chinese; any bad row → nothing is stored (all or nothing per file). The
/// imported cases get their milestones in legal order (E-ORDER), their officers by 执法证号 (E-OFFICER, E-CREDENTIAL)
/// and run every legality rule in the same save, like a case entered by hand.
/// </summary>
internal sealed class ImportCases(CaseWork work)
{
    private static readonly char[] Separators = ['、', ',', '，', ';', '；', ' ', '　', '\n', '/'];

    public static byte[] Template() => XlsxExport.Template(
        [.. CaseImportFields.All.Select(f => f.Label)],
        ["青禾市监罚〔2026〕1号", "行政处罚", "某公司未按规定公示年度报告案", "青禾县演示有限公司", "91350100M000100Y43", "未按规定公示年度报告",
            "《企业信息公示暂行条例》第十八条", "市场监管", "35010012345、35010012346", 5000, null, "2026-01-05", "否", "否",
            "2026-01-10", "2026-01-15", "2026-02-01", null, null, "2026-02-20", "2026-02-22", "2026-03-01", "2026-03-05", "2026-03-10"]);

    /// <summary>The header names of the file's first row (blank headers left out), or the Chinese reason the file cannot be read.</summary>
    public static (IReadOnlyList<string>? Headers, string? Error) Headers(ImportUpload upload)
    {
        var (rows, error) = ImportSheet.Open(upload, []);
        if (rows is null)
        {
            return (null, error);
        }
        try
        {
            return ([.. rows.First().Cells.Keys.Where(h => h.Length > 0)], null);
        }
        catch (ImportFileException ex)
        {
            return (null, ex.Message);
        }
    }

    /// <summary>The unit's saved mapping, as the page and the API start from it.</summary>
    public async Task<IReadOnlyDictionary<string, string>> SavedAsync(CancellationToken ct) =>
        (await SaveImportMapping.ReadAsync(work.Db, ct)).Columns;

    /// <summary>
    /// The importer for one file: <paramref name="mapping"/> as given (the user's choice), or — when null — the unit's
    /// saved mapping completed by the headers' names.
    /// </summary>
    public RunImport With(IReadOnlyDictionary<string, string?>? mapping) => (rows, _, ct) => RunAsync(rows, mapping, ct);

    private async Task<ImportResult> RunAsync(ImportRows rows, IReadOnlyDictionary<string, string?>? given, CancellationToken ct)
    {
        var headers = rows.First().Cells.Keys.Where(h => h.Length > 0).ToList();
        var mapping = given is null
            ? CaseImportFields.Suggest(headers, await SavedAsync(ct))
            : given.Where(m => !string.IsNullOrWhiteSpace(m.Value)).ToDictionary(m => m.Key, m => m.Value!.Trim(), StringComparer.Ordinal);
        var problems = CaseImportFields.Problems(given ?? mapping.ToDictionary(m => m.Key, m => (string?)m.Value)).Where(p => !p.StartsWith("请为", StringComparison.Ordinal)).ToList();
        problems.AddRange(mapping.Values.Where(h => !headers.Contains(h)).Select(h => $"文件的表头中没有“{h}”列"));
        problems.AddRange(CaseImportFields.All.Where(f => f.Required && !mapping.ContainsKey(f.Key)).Select(f => $"请为“{f.Label}”选择台账中对应的列"));
        if (problems.Count > 0)
        {
            return new ImportResult(0, 0, 0, problems);
        }

        var db = work.Db;
        var unitId = db.Scope.UnitId ?? throw new InvalidOperationException("案件台账只能由执法单位人员导入。");
        var unit = await db.Units.AsNoTracking().FirstAsync(u => u.Id == unitId, ct);
        var taken = (await db.EnforcementCases.AsNoTracking().Where(c => c.UnitId == unitId).Select(c => c.Number).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var officers = await db.Officers.Include(o => o.Credentials).Where(o => o.UnitId == unitId).ToListAsync(ct);
        var byCredential = officers.SelectMany(o => o.Credentials.Select(k => (k.Number, Officer: o, Credential: k)))
            .GroupBy(x => x.Number, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        var errors = new RowErrors();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var cases = new List<EnforcementCase>();
        var count = 0;
        foreach (var row in rows)
        {
            count++;
            var reader = new CaseRow(row, mapping, errors, work.Today);
            var number = reader.Text("number", CaseColumns.NumberLength);
            if (number is not null)
            {
                if (seen.TryGetValue(number, out var first))
                {
                    reader.Bad("number", $"与第 {first} 行的案号重复");
                }
                else if (taken.Contains(number))
                {
                    reader.Bad("number", "已登记在本单位的案件中");
                }
                seen.TryAdd(number, row.Number);
            }
            var kind = reader.Kind();
            var title = reader.Text("title", CaseColumns.TitleLength);
            var partyName = reader.Text("partyName", CaseColumns.PartyNameLength);
            var uscc = reader.Optional("partyUscc") is { } u ? Uscc.Normalize(u) : null;
            if (uscc is not null && Uscc.Validate(uscc) is { } usccError)
            {
                reader.Bad("partyUscc", usccError);
            }
            var itemName = reader.Text("itemName", CaseColumns.ItemNameLength);
            var legalBasis = reader.Text("legalBasis", CaseColumns.LegalBasisLength);
            var sector = reader.Text("sector", CaseColumns.SectorLength, required: false);
            var fine = reader.Amount("fine");
            var confiscation = reader.Amount("confiscation");
            var onTheSpot = reader.Flag("onTheSpot");
            var highRisk = reader.Flag("highRisk");
            var violationOn = reader.Date("violationOn");
            var dates = CaseImportFields.All.Where(f => f.Milestone is not null).Select(f => (Field: f, On: reader.Date(f.Key))).ToList();
            var filedOn = dates.First(d => d.Field.Milestone == MilestoneKind.Filed).On;
            if (violationOn is not null && filedOn is not null && violationOn > filedOn)
            {
                reader.Bad("violationOn", $"晚于立案日期 {filedOn:yyyy-MM-dd}");
            }
            var named = new List<Officer>();
            foreach (var credential in (reader.Optional("officers") ?? "").Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct())
            {
                if (!byCredential.TryGetValue(credential, out var held))
                {
                    reader.Bad("officers", "不是本单位执法人员的执法证号", credential);
                }
                else if (filedOn is { } on && !held.Credential.IsValidOn(on))
                {
                    reader.Bad("officers", $"（{held.Officer.Name}）在立案日期 {on:yyyy-MM-dd} 不在有效期内（{held.Credential.ValidFrom:yyyy-MM-dd} 至 {held.Credential.ValidTo:yyyy-MM-dd}）", credential);
                }
                else if (named.All(o => o.Id != held.Officer.Id))
                {
                    named.Add(held.Officer);
                }
            }
            if (errors.Has(row.Number))
            {
                continue;
            }
            var c = new EnforcementCase
            {
                RegionCode = unit.RegionCode, UnitId = unitId, Kind = kind!.Value, Number = number!, Title = title!, Sector = sector,
                PartyKind = uscc is null ? PartyKind.Person : PartyKind.Enterprise, PartyName = partyName!, PartyUscc = uscc,
                ItemName = itemName!, LegalBasis = legalBasis!, FineAmount = fine, ConfiscationAmount = confiscation,
                IsOnTheSpot = onTheSpot, IsHighRisk = highRisk, ViolationOn = violationOn, ActCode = EnforcementCase.NewActCode(), CreatedAt = work.Now,
            };
            foreach (var (field, on) in dates.Where(d => d.On is not null))
            {
                try
                {
                    c.Record(field.Milestone!.Value, on!.Value, "台账导入", work.Actor, work.Now);
                }
                catch (RuleViolationException ex)
                {
                    reader.Bad(field.Key, ex.Message.TrimEnd('。'));
                }
            }
            CaseWork.AddOfficers(c, named);
            if (!errors.Has(row.Number))
            {
                cases.Add(c);
            }
        }
        if (errors.Any)
        {
            return new ImportResult(count, cases.Count, 0, errors.Lines());
        }
        await work.CheckAndSaveAllAsync(cases, ct);
        return new ImportResult(count, cases.Count, cases.Count, []);
    }

    /// <summary>One ledger row read through the mapping; each problem is reported with the ledger's column and the bad value.</summary>
    private sealed class CaseRow(ImportRow row, IReadOnlyDictionary<string, string> mapping, RowErrors errors, DateOnly today)
    {
        private object? Raw(string key) => mapping.TryGetValue(key, out var h) && row.Cells.TryGetValue(h, out var v) ? v : null;

        public string? Optional(string key) => ImportSheet.AsText(Raw(key));

        private string Column(string key) => mapping.TryGetValue(key, out var h) ? h : CaseImportFields.Find(key)!.Label;

        public void Bad(string key, string reason, string? value = null)
        {
            value ??= Optional(key);
            errors.Add(row.Number, value is null ? $"“{Column(key)}”列{reason}" : $"“{Column(key)}”列的值“{Shorten(value)}”{reason}");
        }

        private static string Shorten(string value) => value.Length > 40 ? value[..40] + "…" : value;

        public string? Text(string key, int max, bool required = true)
        {
            var text = Optional(key);
            if (text is null)
            {
                if (required)
                {
                    Bad(key, $"（{CaseImportFields.Find(key)!.Label}）不能为空");
                }
                return null;
            }
            if (text.Length > max)
            {
                Bad(key, $"超过 {max} 个字");
                return null;
            }
            return text;
        }

        public CaseKind? Kind()
        {
            var text = Optional("kind");
            if (text is null)
            {
                Bad("kind", "（执法行为类别）不能为空");
                return null;
            }
            foreach (var k in Enum.GetValues<CaseKind>())
            {
                var name = EnforcementNames.Kind(k);
                if (text == name || "行政" + text == name)
                {
                    return k;
                }
            }
            Bad("kind", "无法识别（可填：行政处罚、行政强制、行政检查、行政许可、行政征收、行政确认、其他）");
            return null;
        }

        public decimal? Amount(string key)
        {
            var raw = Raw(key);
            decimal? amount = raw switch
            {
                double d => (decimal)d,
                _ when ImportSheet.AsText(raw) is not { } s => null,
                _ when decimal.TryParse(ImportSheet.AsText(raw)!.Replace(",", "", StringComparison.Ordinal).Replace("元", "", StringComparison.Ordinal),
                    NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed) => parsed,
                _ => decimal.MinValue,
            };
            if (amount is { } a && (a < 0 || a > CaseAmounts.Max || decimal.Round(a, 2) != a))
            {
                Bad(key, amount == decimal.MinValue ? "不是数字（金额以元为单位，如 5000 或 5000.50）" : "应为不小于 0 的金额（元，最多两位小数）");
                return null;
            }
            return amount;
        }

        public bool Flag(string key)
        {
            switch (Optional(key))
            {
                case null or "否" or "N" or "n" or "0" or "false" or "FALSE":
                    return false;
                case "是" or "Y" or "y" or "1" or "true" or "TRUE":
                    return true;
                default:
                    Bad(key, "应填写“是”或“否”");
                    return false;
            }
        }

        public DateOnly? Date(string key)
        {
            var raw = Raw(key);
            if (ImportSheet.AsText(raw) is null)
            {
                if (CaseImportFields.Find(key)!.Required)
                {
                    Bad(key, $"（{CaseImportFields.Find(key)!.Label}）不能为空");
                }
                return null;
            }
            if (!ImportSheet.TryDate(raw, out var date))
            {
                Bad(key, "不是有效日期（应为 2026-01-31 这样的日期）");
                return null;
            }
            if (date > today)
            {
                Bad(key, "晚于今天");
                return null;
            }
            return date;
        }
    }
}

internal static class ImportCasesEndpoint
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static void MapImportCases(this RouteGroupBuilder cases) =>
        cases.MapPost("/import", async Task<Results<Ok<ImportResult>, ProblemHttpResult>> (IFormFile? file, [FromForm] string? mapping, ImportCases import, CancellationToken ct) =>
            {
                Dictionary<string, string?>? columns = null;
                if (!string.IsNullOrWhiteSpace(mapping))
                {
                    try
                    {
                        columns = JsonSerializer.Deserialize<Dictionary<string, string?>>(mapping, Json);
                    }
                    catch (JsonException)
                    {
                        columns = null;
                    }
                    if (columns is null)
                    {
                        return TypedResults.Problem(title: "导入失败，未写入任何数据", detail: "列对应 mapping 应为 JSON 对象，如 {\"number\":\"案号\",\"filedOn\":\"立案日期\"}",
                            statusCode: StatusCodes.Status400BadRequest, extensions: new Dictionary<string, object?> { ["errors"] = new[] { "列对应 mapping 应为 JSON 对象" } });
                    }
                }
                return await ImportPipeline.HandleAsync(file, "strict", [], import.With(columns), ct);
            })
            .RequireAuthorization(EnforcementPolicies.Record)
            .WithSummary("从 Excel/CSV 导入本单位的案件台账（multipart：file；mapping 可选，JSON 对象 案件字段 → 台账列名，不填则用本单位保存的列对应和表头名称；有任何错误则整表不导入，逐行说明列、值和原因；导入的案件按合法性规则检查）");
}
