using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Inspections.Approve;
using Sunlight.Web.Features.Inspections.Documents;
using Sunlight.Web.Features.Inspections.Door;
using Sunlight.Web.Features.Inspections.DrawResults;
using Sunlight.Web.Features.Inspections.Draws;
using Sunlight.Web.Features.Inspections.Joint;
using Sunlight.Web.Features.Inspections.Overlaps;
using Sunlight.Web.Features.Inspections.Plans;
using Sunlight.Web.Features.Inspections.Public;
using Sunlight.Web.Features.Inspections.Register;
using Sunlight.Web.Features.Inspections.Result;
using Sunlight.Web.Features.Inspections.Settings;
using Sunlight.Web.Features.Inspections.WorkItems;
using Sunlight.Web.Features.Platform.Demo;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;
using Sunlight.Web.Infrastructure.Identity;

namespace Sunlight.Web.Features.Inspections;

/// <summary>Who does what with enterprise inspections; data scope (own unit for UnitStaff) comes from the query filters.</summary>
internal static class InspectionPolicies
{
    /// <summary>Read inspections: county staff, each unit its own.</summary>
    public const string Read = "Inspections.Read";
    /// <summary>The unit's steps: plan, register, approve, result, random draw, door check.</summary>
    public const string Conduct = "Inspections.Conduct";
    /// <summary>The bureau's steps: overlaps, burden, caps, quiet list, joint inspections, ratings.</summary>
    public const string Supervise = "Inspections.Supervise";
    /// <summary>The enterprise account: its own inspections, codes and ratings; its door code.</summary>
    public const string Enterprise = "Inspections.Enterprise";
    /// <summary>Issue a door code: the Supervisor for any enterprise, the enterprise for itself.</summary>
    public const string DoorCode = "Inspections.DoorCode";
}

internal static class InspectionsModule
{
    public static IServiceCollection AddInspections(this IServiceCollection services)
    {
        services.AddSingleton<InspectionSettings>();
        services.AddScoped<InspectionChecks>();
        services.AddScoped<InspectionQueries>();
        services.AddScoped<OverlapDetection>();
        services.AddScoped<InspectionCodeLookup>();
        services.AddScoped<DoorQueries>();
        services.AddScoped<DrawQueries>();
        services.AddScoped<DrawResultsQueries>();
        services.AddScoped<PublishDrawResults>();
        services.AddScoped<Features.WorkHome.IWorkItemSource, InspectionWorkItems>();
        services.AddScoped<RatingQueries>();
        services.AddScoped<FilePlan>();
        services.AddScoped<RegisterInspection>();
        services.AddScoped<ApproveInspection>();
        services.AddScoped<RecordResult>();
        services.AddScoped<CreateJointInspection>();
        services.AddScoped<DrawInspection>();
        services.AddScoped<AddQuietEntry>();
        services.AddScoped<SetCap>();
        services.AddScoped<RateInspection>();
        services.AddScoped<IssueDoorCode>();
        services.AddScoped<IDemoSeedStep, DemoInspections>();
        services.AddAuthorizationBuilder()
            .AddPolicy(InspectionPolicies.Read, p => p.RequireRole(Roles.Admin, Roles.Supervisor, Roles.UnitStaff, Roles.Inspector, Roles.Observer))
            .AddPolicy(InspectionPolicies.Conduct, p => p.RequireRole(Roles.UnitStaff))
            .AddPolicy(InspectionPolicies.Supervise, p => p.RequireRole(Roles.Supervisor))
            .AddPolicy(InspectionPolicies.Enterprise, p => p.RequireRole(Roles.Enterprise))
            .AddPolicy(InspectionPolicies.DoorCode, p => p.RequireRole(Roles.Supervisor, Roles.Enterprise));
        return services;
    }

    public static void MapInspections(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/inspections").WithTags("涉企行政检查");
        var staff = g.MapGroup("").RequireAuthorization(InspectionPolicies.Read);
        staff.MapGet("/", (long? enterpriseId, InspectionState? state, long? after, int? limit, InspectionQueries q, CancellationToken ct) =>
            q.ListAsync(q.Filter(enterpriseId, state), after, limit, ct)).WithSummary("检查列表（执法单位仅本单位）");
        staff.MapGet("/visits", (long? enterpriseId, long? after, int? limit, InspectionQueries q, CancellationToken ct) =>
            q.ListAsync(q.Visits(enterpriseId), after, limit, ct)).WithSummary("非执法走访（调研、宣传、座谈）列表，计入企业受检负担");
        staff.MapGet("/{id:long}", async Task<Microsoft.AspNetCore.Http.HttpResults.Results<Microsoft.AspNetCore.Http.HttpResults.Ok<InspectionDto>, Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult>> (long id, InspectionQueries q, CancellationToken ct) =>
            await q.DetailAsync(id, ct) is { } dto ? TypedResults.Ok(dto) : ApiErrors.NotFound("检查")).WithSummary("检查详情");
        staff.MapGet("/{id:long}/qr.png", async Task<IResult> (long id, SunlightDbContext db, IConfiguration config, HttpContext http, CancellationToken ct) =>
            await db.Set<Inspection>().AsNoTracking().Where(i => i.Id == id).Select(i => new { i.Code }).FirstOrDefaultAsync(ct) is { Code: { } code }
                ? TypedResults.File(InspectionCodes.QrPng($"{InspectionCodes.BaseUrl(config, http)}/Public/Inspections/{code}"), "image/png")
                : ApiErrors.NotFound("检查码")).WithSummary("检查码二维码（审批后才有）");
        Export.ExportInspections.MapExport(staff);
        g.MapFilePlan();
        g.MapRegister();
        g.MapApprove();
        g.MapResult();
        g.MapOverlaps();
        g.MapJoint();
        g.MapDraws();
        g.MapDrawResults();
        g.MapQuietAndCaps();
        g.MapPublicCode();
        g.MapDoor();
        g.MapMine();
        staff.MapDocuments();
        Figures.FiguresEndpoint.MapFigures(g);
    }
}
