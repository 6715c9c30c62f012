using Microsoft.AspNetCore.Http.HttpResults;
using Sunlight.Web.Features.Campaigns.Checklist;
using Sunlight.Web.Features.Campaigns.Create;
using Sunlight.Web.Features.Campaigns.Figures;
using Sunlight.Web.Features.Campaigns.Review;
using Sunlight.Web.Features.Campaigns.SelfInspections;
using Sunlight.Web.Features.Campaigns.Supervision;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Campaigns;

internal sealed record NamedId(long Id, string Name);
internal sealed record PointDto(long Id, int Number, string Text);
internal sealed record ItemDto(long Id, int Number, string Title, IReadOnlyList<PointDto> Points);
internal sealed record SelfInspectionRow(long Id, long UnitId, string UnitName, DateOnly DueOn, SelfInspectionState State, string StateText, int Answered, Guid Version);
internal sealed record CampaignDto(long Id, string Name, string Scope, DateOnly? ScopeSince, DateOnly StartsOn, DateOnly EndsOn, DateOnly SelfInspectionDueOn,
    string? Plan, CampaignState State, string StateText, IReadOnlyList<NamedId> Units, IReadOnlyList<ItemDto> Items, IReadOnlyList<SelfInspectionRow> SelfInspections, Guid Version);
internal sealed record CampaignRow(long Id, string Name, CampaignState State, string StateText, DateOnly StartsOn, DateOnly EndsOn);

internal static class CampaignEndpoints
{
    public static void MapCampaigns(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/campaigns").WithTags("专项治理与案卷评查").RequireAuthorization(CampaignPolicies.Read);

        g.MapCreate();
        g.MapStart();
        g.MapClose();
        g.MapAnswer();
        g.MapSubmit();
        g.MapReturn();
        g.MapRaiseProblem();
        g.MapTeam();
        g.MapAssign();
        g.MapVisit();
        g.MapAssess();
        g.MapComparison();
        g.MapEnterpriseVisit();
        g.MapReviewPlan();
        g.MapScore();
        g.MapFigures();
        g.MapImportChecklist();
        g.MapExport();
        g.MapSupervisionDocument();
        g.MapAddCaseFile();
        g.MapRubric();
        Export.ExportCampaigns.MapExport(g);
        g.MapFollowUp();

        g.MapGet("/", async (long? after, int? limit, CampaignScope scope, CancellationToken ct) =>
            TypedResults.Ok((await scope.Campaigns().KeysetAsync(c => c.Id, true, after, limit,
                c => new CampaignRow(c.Id, c.Name, c.State, "", c.StartsOn, c.EndsOn), r => r.Id, ct)).Map(r => r with { StateText = CampaignNames.State(r.State) })))
            .WithSummary("专项治理列表（最新在前）");

        g.MapGet("/{id:long}", async Task<Results<Ok<CampaignDto>, ProblemHttpResult>> (long id, CampaignScope scope, SunlightDbContext db, CancellationToken ct) =>
            await scope.CampaignAsync(id, ct) is { } c ? TypedResults.Ok(await CampaignQueries.DtoAsync(db, c, ct)) : ApiErrors.NotFound("专项治理"))
            .WithSummary("专项治理详情：参与单位、检查清单、各单位自查进度");
    }
}
