namespace Sunlight.Web.Infrastructure.Import;

/// <summary>Collects the problems of an import, row by row, and prints them as the user reads them: 第 17 行：….</summary>
internal sealed class RowErrors
{
    private readonly SortedDictionary<int, List<string>> _byRow = [];

    public void Add(int row, string message)
    {
        if (!_byRow.TryGetValue(row, out var list))
        {
            _byRow[row] = list = [];
        }
        if (!list.Contains(message))
        {
            list.Add(message);
        }
    }

    public bool Has(int row) => _byRow.ContainsKey(row);

    public IReadOnlyList<string> Lines() => _byRow.SelectMany(r => r.Value.Select(m => $"第 {r.Key} 行：{m}")).ToList();

    public bool Any => _byRow.Count > 0;
}
