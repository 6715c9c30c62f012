using Sunlight.Web.Infrastructure.Api;

namespace Sunlight.Tests.Infrastructure;

/// <summary>The one paging convention: a page of <c>limit</c> rows, the next cursor, and a total counted up to a cap.</summary>
public sealed class PagingTests
{
    [Fact]
    public void ToPage_MoreRowsThanLimit_GivesTheLastShownIdAsCursor()
    {
        var page = Paging.ToPage([30L, 20L, 10L], 2, x => x, total: 3);
        Assert.Equal([30L, 20L], page.Items);
        Assert.Equal(20L, page.NextCursor);
        Assert.Equal("共 3 条", page.TotalText);
    }

    [Fact]
    public void ToPage_LastPage_HasNoCursor()
    {
        var page = Paging.ToPage([10L], 2, x => x, total: 1);
        Assert.Null(page.NextCursor);
    }

    [Theory]
    [InlineData(Paging.CountCap, false, "共 10000 条")]
    [InlineData(Paging.CountCap + 1, true, "超过 10000 条")]
    public void ToPage_TotalAboveTheCap_IsShownAsMoreThan(int counted, bool capped, string text)
    {
        var page = Paging.ToPage([1L], 50, x => x, counted);
        Assert.Equal((capped, Paging.CountCap, text), (page.TotalCapped, page.Total!.Value, page.TotalText));
    }
}
