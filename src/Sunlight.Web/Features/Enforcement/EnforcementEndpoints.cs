using Microsoft.AspNetCore.Http.HttpResults;
using Sunlight.Web.Features.Enforcement.ActCode;
using Sunlight.Web.Features.Enforcement.Disclosure;
using Sunlight.Web.Features.Enforcement.Extend;
using Sunlight.Web.Features.Enforcement.Import;
using Sunlight.Web.Features.Enforcement.Queries;
using Sunlight.Web.Features.Enforcement.RecordMilestone;
using Sunlight.Web.Features.Enforcement.Records;
using Sunlight.Web.Features.Enforcement.Register;
using Sunlight.Web.Features.Enforcement.Review;
using Sunlight.Web.Features.Enforcement.Rules;
using Sunlight.Web.Features.Enforcement.Warnings;
using Sunlight.Web.Infrastructure.Api;

namespace Sunlight.Web.Features.Enforcement;

internal sealed record RuleDto(string Code, string Title, string Basis, RuleSeverity Severity, string SeverityName);

internal static class EnforcementEndpoints
{
    public static void MapCases(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/cases").WithTags("行政执法案件与合法性预警").RequireAuthorization(EnforcementPolicies.Read);

        g.MapRegister();
        g.MapRecordMilestone();
        g.MapReview();
        g.MapDisclosure();
        g.MapDismissWarning();
        g.MapTurnIntoProblem();
        Export.ExportCases.MapExports(g);
        g.MapPartyPin();
        g.MapExtension();
        g.MapProcessRecord();
        g.MapImportCases();
        g.MapImportMapping();
        api.MapActCodes();
        Figures.FiguresEndpoint.MapFigures(g);

        g.MapGet("/", ([AsParameters] CaseQuery q, CaseQueries cases, CancellationToken ct) => cases.PageAsync(q, ct))
            .WithSummary("案件台账（按单位、类别、环节、是否有待处理预警筛选；最新在前，after 为上一页最后一条的 id）");
        g.MapGet("/{id:long}", async Task<Results<Ok<CaseDetail>, ProblemHttpResult>> (long id, CaseQueries cases, CancellationToken ct) =>
                await cases.DetailAsync(id, ct) is { } d ? TypedResults.Ok(d) : ApiErrors.NotFound("案件"))
            .WithSummary("案件详情：办案环节、执法人员、法制审核和预警");
        g.MapGet("/warnings", ([AsParameters] WarningQuery q, CaseQueries cases, CancellationToken ct) => cases.WarningPageAsync(q, ct))
            .WithSummary("预警（县司法局：全县预警看板；执法单位：本单位待办）");
        g.MapGet("/rules", (LegalityChecker checker) =>
                checker.Rules.Select(r => new RuleDto(r.Code, r.Title, r.Basis, r.Severity, EnforcementNames.Severity(r.Severity))).ToList())
            .WithSummary("合法性规则（编码、名称、法律依据、严重程度）");
    }
}
