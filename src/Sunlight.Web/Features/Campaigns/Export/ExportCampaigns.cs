using Sunlight.Web.Infrastructure.Export;

namespace Sunlight.Web.Features.Campaigns.Export;

/// <summary>The campaign list as .xlsx, in the caller's scope, newest first.</summary>
internal static class ExportCampaigns
{
    private static readonly IReadOnlyList<XlsxColumn<CampaignRow>> Columns =
    [
        new("专项治理", 40, r => r.Name),
        new("状态", 10, r => CampaignNames.State(r.State)),
        new("开始日期", 12, r => r.StartsOn),
        new("结束日期", 12, r => r.EndsOn),
    ];

    public static void MapExport(this RouteGroupBuilder g) =>
        g.MapGet("/export", (CampaignScope scope) => XlsxExport.File("专项治理.xlsx", "专项治理", Columns,
                XlsxExport.AllPages((after, ct) => scope.Campaigns().KeysetAsync(c => c.Id, true, after, Paging.MaxLimit,
                    c => new CampaignRow(c.Id, c.Name, c.State, "", c.StartsOn, c.EndsOn), r => r.Id, ct))))
            .Produces(StatusCodes.Status200OK, contentType: XlsxExport.ContentType)
            .WithSummary("导出专项治理列表（.xlsx）");
}
