namespace Sunlight.Web.Features.Enforcement.Import;

/// <summary>A field of the case register that a column of a unit's ledger can fill, with the header names it is guessed from.</summary>
internal sealed record CaseImportField(string Key, string Label, bool Required, MilestoneKind? Milestone, string[] Guesses)
{
    public bool Guessed(string header)
    {
        var h = string.Concat(header.Where(ch => !char.IsWhiteSpace(ch)));
        return h == Label || Guesses.Contains(h, StringComparer.Ordinal);
    }
}

/// <summary>
/// The fields of the case-ledger import (案件台账导入) and a mapping's resolution: the user's choice, else the unit's saved
/// mapping, else the header that looks like the field's name.
/// </summary>
internal static class CaseImportFields
{
    /// <summary>A header name in a mapping: ledgers' headers are short; the saved mapping's JSON stays under its column.</summary>
    public const int HeaderLength = 50;

    public static readonly CaseImportField[] All =
    [
        new("number", "案号", true, null, ["案件编号", "案件号", "立案号", "文书编号"]),
        new("kind", "执法行为类别", true, null, ["案件类别", "案件类型", "行为类别", "执法类别", "执法行为类型", "类别"]),
        new("title", "案件名称", true, null, ["案由", "案件标题"]),
        new("partyName", "当事人", true, null, ["当事人名称", "当事人姓名", "被处罚人", "行政相对人", "相对人"]),
        new("partyUscc", "统一社会信用代码", false, null, ["当事人统一社会信用代码", "社会信用代码", "信用代码"]),
        new("itemName", "执法事项", true, null, ["执法事项名称", "事项名称", "违法行为"]),
        new("legalBasis", "法律依据", true, null, ["处罚依据", "执法依据", "依据"]),
        new("sector", "行业领域", false, null, ["行业", "领域"]),
        new("officers", "执法证号", false, null, ["执法人员执法证号", "执法证件号", "执法证编号", "办案人员执法证号"]),
        new("fine", "罚款金额", false, null, ["罚款金额（元）", "罚款(元)", "罚款（元）", "罚款"]),
        new("confiscation", "没收金额", false, null, ["没收金额（元）", "没收违法所得", "没收"]),
        new("violationOn", "违法行为发生日期", false, null, ["违法行为日期", "违法日期", "发生日期"]),
        new("onTheSpot", "简易程序", false, null, ["是否简易程序", "当场处罚"]),
        new("highRisk", "高风险执法行为", false, null, ["是否高风险", "高风险"]),
        new("filedOn", "立案日期", true, MilestoneKind.Filed, ["立案时间", "立案"]),
        new("investigatedOn", "调查取证日期", false, MilestoneKind.Investigated, ["调查取证时间", "调查取证"]),
        new("notifiedOn", "告知日期", false, MilestoneKind.Notified, ["告知时间", "告知书送达日期", "告知"]),
        new("hearingRequestedOn", "陈述申辩/听证申请日期", false, MilestoneKind.HearingRequested, ["听证申请日期", "陈述申辩日期"]),
        new("hearingOn", "听证日期", false, MilestoneKind.Hearing, ["听证时间", "举行听证日期"]),
        new("decidedOn", "决定日期", false, MilestoneKind.Decided, ["决定时间", "处罚决定日期", "作出决定日期", "决定"]),
        new("servedOn", "送达日期", false, MilestoneKind.Served, ["送达时间", "决定书送达日期", "送达"]),
        new("executedOn", "执行日期", false, MilestoneKind.Executed, ["执行时间", "执行完毕日期", "执行"]),
        new("closedOn", "结案日期", false, MilestoneKind.Closed, ["结案时间", "结案"]),
        new("archivedOn", "归档日期", false, MilestoneKind.Archived, ["归档时间", "归档"]),
    ];

    public static CaseImportField? Find(string key) => All.FirstOrDefault(f => f.Key == key);

    /// <summary>
    /// The mapping for a file's headers: each field's header from <paramref name="preferred"/> (the unit's saved mapping)
    /// when the file has it, else the first header that looks like the field. Fields without a column are left out.
    /// </summary>
    public static Dictionary<string, string> Suggest(IReadOnlyList<string> headers, IReadOnlyDictionary<string, string>? preferred)
    {
        var mapping = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var f in All)
        {
            if (preferred is not null && preferred.TryGetValue(f.Key, out var saved) && headers.Contains(saved))
            {
                mapping[f.Key] = saved;
            }
        }
        foreach (var f in All.Where(f => !mapping.ContainsKey(f.Key)))
        {
            if (headers.FirstOrDefault(h => f.Guessed(h) && !mapping.ContainsValue(h)) is { } guess)
            {
                mapping[f.Key] = guess;
            }
        }
        return mapping;
    }

    /// <summary>The Chinese problems of a mapping: unknown fields, blank or over-long headers, a header chosen twice.</summary>
    public static IEnumerable<string> Problems(IReadOnlyDictionary<string, string?> mapping)
    {
        foreach (var (key, header) in mapping)
        {
            var field = Find(key);
            if (field is null)
            {
                yield return $"没有名为“{key}”的案件字段";
            }
            else if (string.IsNullOrWhiteSpace(header))
            {
                yield return $"请为“{field.Label}”选择对应的列";
            }
            else if (header.Length > HeaderLength)
            {
                yield return $"“{field.Label}”对应的列名不能超过 {HeaderLength} 个字";
            }
        }
        foreach (var twice in mapping.Where(m => !string.IsNullOrWhiteSpace(m.Value)).GroupBy(m => m.Value!.Trim()).Where(g => g.Count() > 1))
        {
            yield return $"列“{twice.Key}”不能同时对应{string.Join("和", twice.Select(m => "“" + (Find(m.Key)?.Label ?? m.Key) + "”"))}";
        }
    }
}
