using System.Globalization;
using FluentValidation.Results;

namespace Sunlight.Web.Infrastructure.Import;

/// <summary>
/// Collects the problems of an import, row by row, and prints them as the user reads them: 第 17 行：…. Bounded for a
/// file of 100,000 rows: the messages of the first <see cref="MaxRowsListed"/> bad rows (by row number, whatever order
/// they were found in) are kept in full; beyond that only which rows are bad, and the report ends with a count.
/// </summary>
internal sealed class RowErrors
{
    public const int MaxRowsListed = 1000;

    private readonly SortedDictionary<int, List<string>> _listed = [];
    private readonly SortedSet<int> _listedRows = []; // Max in O(log n), which SortedDictionary does not offer
    private readonly HashSet<int> _bad = [];

    public void Add(int row, string message)
    {
        _bad.Add(row);
        if (!_listed.TryGetValue(row, out var list))
        {
            if (_listed.Count == MaxRowsListed && row > _listedRows.Max)
            {
                return;
            }
            _listed[row] = list = [];
            _listedRows.Add(row);
            if (_listed.Count > MaxRowsListed)
            {
                _listed.Remove(_listedRows.Max);
                _listedRows.Remove(_listedRows.Max);
            }
        }
        if (!list.Contains(message))
        {
            list.Add(message);
        }
    }

    /// <summary>
    /// A validator's failure on a row, repeating the value the row gave so the user finds it: 统一社会信用代码“91xx”应为 18 位
    /// (after the column the message names, else at the end: …（填写的是“…”）).
    /// </summary>
    public void Add(int row, ValidationFailure failure, IReadOnlyList<string> columns) =>
        Add(row, Quoting(failure.ErrorMessage, failure.AttemptedValue, columns));

    internal static string Quoting(string message, object? value, IReadOnlyList<string> columns)
    {
        var text = value switch
        {
            string s => s.Trim(),
            DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            int or long or decimal or double => Convert.ToString(value, CultureInfo.InvariantCulture),
            _ => null,
        };
        if (string.IsNullOrEmpty(text) || message.Contains(text, StringComparison.Ordinal))
        {
            return message;
        }
        var shown = text.Length > 30 ? text[..30] + "…" : text;
        return columns.Where(c => message.StartsWith(c, StringComparison.Ordinal)).MaxBy(c => c.Length) is { } column
            ? $"{column}“{shown}”{message[column.Length..]}"
            : $"{message}（填写的是“{shown}”）";
    }

    public bool Has(int row) => _bad.Contains(row);

    /// <summary>How many rows have at least one problem.</summary>
    public int Rows => _bad.Count;

    public IReadOnlyList<string> Lines()
    {
        var lines = _listed.SelectMany(r => r.Value.Select(m => $"第 {r.Key} 行：{m}")).ToList();
        if (_bad.Count > _listed.Count)
        {
            lines.Add($"……共 {_bad.Count} 行有错误，以上列出前 {_listed.Count} 行，其余 {_bad.Count - _listed.Count} 行未逐一列出。");
        }
        return lines;
    }

    public bool Any => _bad.Count > 0;
}
