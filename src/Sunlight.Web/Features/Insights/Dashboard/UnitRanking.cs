namespace Sunlight.Web.Features.Insights.Dashboard;

/// <summary>The 效能评价 indicators the units are compared on; each has the records it is a rate of (its sample).</summary>
internal enum Indicator
{
    /// <summary>按期办结率: complaints closed on time / closed.</summary>
    OnTime,
    /// <summary>满意率: satisfied / rated.</summary>
    Satisfaction,
    /// <summary>每卷瑕疵: defects / case files reviewed (lower is better).</summary>
    Defects,
    /// <summary>整改逾期率: overdue rectifications / problems (lower is better).</summary>
    Overdue,
}

/// <summary>One unit's 效能评价: the counts behind each indicator, from the same figure queries as the summary.</summary>
internal sealed record UnitIndicators(long UnitId, string Name, int Closed, int OnTime, int Rated, int Satisfied, int Reviewed, int Defects, int Problems, int Overdue)
{
    public double? OnTimeRate => Closed > 0 ? (double)OnTime / Closed : null;
    public double? SatisfactionRate => Rated > 0 ? (double)Satisfied / Rated : null;
    public double? DefectsPerFile => Reviewed > 0 ? (double)Defects / Reviewed : null;
    public double? OverdueRate => Problems > 0 ? (double)Overdue / Problems : null;

    public int Sample(Indicator i) => i switch
    {
        Indicator.OnTime => Closed,
        Indicator.Satisfaction => Rated,
        Indicator.Defects => Reviewed,
        _ => Problems,
    };

    public double? Value(Indicator i) => i switch
    {
        Indicator.OnTime => OnTimeRate,
        Indicator.Satisfaction => SatisfactionRate,
        Indicator.Defects => DefectsPerFile,
        _ => OverdueRate,
    };
}

internal sealed record Ranked(int Rank, UnitIndicators Unit);

internal sealed record Ranking(Indicator Indicator, int MinCount, IReadOnlyList<Ranked> Ranked, IReadOnlyList<UnitIndicators> TooFew);

/// <summary>
/// League tables with a minimum count: a unit with fewer than <see cref="MinCount"/> records behind an indicator is listed
/// apart (样本不足) and never ranked, so one case handled well does not put a unit first. Ties share a rank.
/// </summary>
internal static class UnitRanking
{
    public const int MinCount = 5;

    public static string Name(Indicator i) => i switch
    {
        Indicator.OnTime => "投诉按期办结率",
        Indicator.Satisfaction => "投诉满意率",
        Indicator.Defects => "每卷瑕疵数",
        _ => "整改逾期率",
    };

    public static bool HigherIsBetter(Indicator i) => i is Indicator.OnTime or Indicator.Satisfaction;

    public static Ranking Rank(IEnumerable<UnitIndicators> units, Indicator indicator, int minCount = MinCount)
    {
        var all = units.ToList();
        var judged = all.Where(u => u.Sample(indicator) >= minCount).ToList();
        var ordered = (HigherIsBetter(indicator) ? judged.OrderByDescending(u => u.Value(indicator)) : judged.OrderBy(u => u.Value(indicator)))
            .ThenByDescending(u => u.Sample(indicator)).ThenBy(u => u.Name, StringComparer.Ordinal).ToList();
        var ranked = new List<Ranked>();
        for (var i = 0; i < ordered.Count; i++)
        {
            var rank = i > 0 && ordered[i].Value(indicator) == ordered[i - 1].Value(indicator) ? ranked[i - 1].Rank : i + 1;
            ranked.Add(new Ranked(rank, ordered[i]));
        }
        var tooFew = all.Where(u => u.Sample(indicator) < minCount).OrderByDescending(u => u.Sample(indicator)).ThenBy(u => u.Name, StringComparer.Ordinal).ToList();
        return new Ranking(indicator, minCount, ranked, tooFew);
    }
}
