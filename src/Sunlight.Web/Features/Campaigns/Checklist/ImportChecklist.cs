using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Campaigns.Create;
using Sunlight.Web.Features.Shared;
using Sunlight.Web.Infrastructure.Database;
using Sunlight.Web.Infrastructure.Import;

namespace Sunlight.Web.Features.Campaigns.Checklist;

/// <summary>
/// 导入检查清单: a draft campaign's checklist from .xlsx or .csv through the shared import pipeline, one 检查内容 per
/// row under its 检查事项 (a blank 检查事项 continues the one above). The imported checklist replaces the draft's.
/// </summary>
internal sealed class ImportChecklist(SunlightDbContext db, CampaignScope scope)
{
    public static readonly string[] Columns = ["检查事项", "检查内容"];
    internal static readonly string[] Required = ["检查内容"];

    internal static byte[] Template() => Infrastructure.Export.XlsxExport.Template(Columns, ["行政执法公示制度", "事前公示是否完整准确、动态更新"]);

    internal async Task<ImportResult> RunAsync(long campaignId, ImportRows rows, ImportMode mode, CancellationToken ct)
    {
        var campaign = await scope.Campaigns().Include(c => c.Items).ThenInclude(i => i.Points).FirstOrDefaultAsync(c => c.Id == campaignId, ct);
        if (campaign is null)
        {
            return ImportResult.FileError("专项治理不存在");
        }
        if (campaign.State != CampaignState.Draft)
        {
            return ImportResult.FileError("只有草稿状态的专项治理可以导入检查清单");
        }
        var errors = new RowErrors();
        var items = new List<ChecklistItem>();
        var count = 0;
        var title = "";
        foreach (var row in rows)
        {
            count++;
            var n = row.Number;
            title = row.Text("检查事项") is { Length: > 0 } t ? t : title;
            var point = row.Text("检查内容") ?? "";
            if (title.Length == 0)
            {
                errors.Add(n, "检查事项不能为空");
            }
            else if (title.Length > CampaignColumns.ItemTitleLength)
            {
                errors.Add(n, $"检查事项不能超过 {CampaignColumns.ItemTitleLength} 个字");
            }
            if (point.Length == 0)
            {
                errors.Add(n, "检查内容不能为空");
            }
            else if (point.Length > CampaignColumns.PointTextLength)
            {
                errors.Add(n, $"检查内容不能超过 {CampaignColumns.PointTextLength} 个字");
            }
            if (errors.Has(n))
            {
                continue;
            }
            var item = items.LastOrDefault(i => i.Title == title);
            if (item is null)
            {
                if (items.Count == CreateCampaignInputValidator.MaxItems)
                {
                    errors.Add(n, $"检查事项不能超过 {CreateCampaignInputValidator.MaxItems} 项");
                    continue;
                }
                item = new ChecklistItem { Number = items.Count + 1, Title = title };
                items.Add(item);
            }
            if (item.Points.Count == CreateCampaignInputValidator.MaxPoints)
            {
                errors.Add(n, $"每个检查事项的检查内容不能超过 {CreateCampaignInputValidator.MaxPoints} 项");
                continue;
            }
            item.Points.Add(new ChecklistPoint { Text = point });
        }
        var valid = items.Sum(i => i.Points.Count);
        if (valid == 0 || errors.Any && mode == ImportMode.Strict)
        {
            return new ImportResult(count, valid, 0, errors.Lines());
        }
        var number = 0;
        foreach (var p in items.SelectMany(i => i.Points))
        {
            p.Number = ++number;
        }
        campaign.ReplaceChecklist(items);
        db.Entry(campaign).State = EntityState.Modified;
        db.RecordAudit(nameof(Campaign), campaign.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "ImportChecklist", null,
            new Dictionary<string, object?> { ["Items"] = items.Select(i => new { i.Title, Points = i.Points.Select(p => p.Text).ToList() }).ToList() });
        await db.SaveChangesAsync(ct);
        return new ImportResult(count, valid, valid, errors.Lines());
    }
}

/// <summary>导入检查清单 in the browser: the shared import page over <see cref="ImportChecklist"/>, for one draft campaign.</summary>
[Authorize(Policy = CampaignPolicies.Manage)]
internal sealed class ImportChecklistModel : ImportPage
{
    private readonly ImportChecklist _import;

    public ImportChecklistModel(ImportChecklist import, PendingImports pending) : base(pending) => _import = import;

    private long Id => long.TryParse(RouteData.Values["id"]?.ToString(), out var id) ? id : 0;
    public override string What => "检查清单";
    public override string Help => "每行一项检查内容；检查事项不填时沿用上一行的检查事项。导入的清单替换草稿中原有的清单。";
    public override string ListPath => $"/Campaigns/Details/{Id}";
    public override IReadOnlyList<string> Columns => ImportChecklist.Columns;
    private protected override IReadOnlyList<string> RequiredColumns => ImportChecklist.Required;
    private protected override RunImport Run => (rows, mode, ct) => _import.RunAsync(Id, rows, mode, ct);
    private protected override byte[] Template() => ImportChecklist.Template();
}

internal static class ImportChecklistEndpoint
{
    public static void MapImportChecklist(this RouteGroupBuilder campaigns) =>
        campaigns.MapPost("/{id:long}/checklist/import", (long id, IFormFile? file, string? mode, ImportChecklist import, CancellationToken ct) =>
                ImportPipeline.HandleAsync(file, mode, ImportChecklist.Required, (rows, m, c) => import.RunAsync(id, rows, m, c), ct))
            .RequireAuthorization(CampaignPolicies.Manage)
            .WithSummary("从 Excel/CSV 导入草稿专项治理的检查清单（列：检查事项、检查内容；multipart 字段 file；mode=strict / validOnly）");
}
