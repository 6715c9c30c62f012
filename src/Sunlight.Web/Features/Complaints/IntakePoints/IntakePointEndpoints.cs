using System.Text.Json.Serialization;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using QRCoder;
using Sunlight.Web.Features.Complaints.Confidentiality;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Complaints.IntakePoints;

internal sealed record IntakePointDto(long Id, string Code, IntakePointKind Kind, string KindText, string Name, string Place, bool IsActive, string Url, Guid Version);

/// <summary>A new intake point (Id 0) or the changes to one (Id from the route).</summary>
internal sealed record IntakePointInput(IntakePointKind Kind, string? Name, string? Place, bool IsActive = true, Guid? Version = null)
{
    [JsonIgnore] public long Id { get; init; }
}

internal sealed class IntakePointInputValidator : AbstractValidator<IntakePointInput>
{
    public IntakePointInputValidator()
    {
        RuleFor(x => x.Kind).IsInEnum().WithMessage("征集点类型无效");
        RuleFor(x => x.Name).RequiredText("征集点名称", IntakePointConfiguration.NameLength);
        RuleFor(x => x.Place).RequiredText("张贴地点", IntakePointConfiguration.PlaceLength);
    }
}

/// <summary>新建或修改征集点: one use case for the API and the page.</summary>
internal sealed class SaveIntakePoint(SunlightDbContext db, IConfiguration config, TimeProvider clock, IValidator<IntakePointInput> validator)
    : UseCase<IntakePointInput, IntakePoint>(validator)
{
    protected override async Task<Outcome<IntakePoint>> HandleAsync(IntakePointInput input, CancellationToken ct)
    {
        IntakePoint? p;
        if (input.Id == 0)
        {
            p = new IntakePoint
            {
                RegionCode = db.Scope.RegionCode ?? config["Sunlight:RegionCode"] ?? "359901",
                Code = ComplaintCodes.NewTrackingCode()[2..8],
                CreatedAt = clock.GetUtcNow(),
            };
            db.Set<IntakePoint>().Add(p);
        }
        else if ((p = await db.Set<IntakePoint>().FirstOrDefaultAsync(x => x.Id == input.Id, ct)) is null)
        {
            return Outcome<IntakePoint>.Missing();
        }
        else if (input.Version is { } v)
        {
            db.Entry(p).Property(x => x.Version).OriginalValue = v;
        }
        (p.Kind, p.Name, p.Place, p.IsActive) = (input.Kind, input.Name!.Trim(), input.Place!.Trim(), input.IsActive);
        await db.SaveChangesAsync(ct);
        return p;
    }
}

/// <summary>Intake points (执法问题征集二维码): where each QR poster hangs, and the URL its code opens.</summary>
internal sealed class IntakePointService(SunlightDbContext db, IConfiguration config, IHttpContextAccessor http)
{
    public IQueryable<IntakePoint> All() => db.Set<IntakePoint>();

    /// <summary>The address the QR code opens: configured public base URL, else the address this request came in on.</summary>
    public string UrlOf(IntakePoint p)
    {
        var baseUrl = config["Sunlight:PublicBaseUrl"] is { Length: > 0 } configured
            ? configured.TrimEnd('/')
            : http.HttpContext is { } ctx ? $"{ctx.Request.Scheme}://{ctx.Request.Host}" : "http://localhost:5080";
        return $"{baseUrl}/Public/Complaints/New?point={p.Code}";
    }

    public IntakePointDto ToDto(IntakePoint p) => new(p.Id, p.Code, p.Kind, ComplaintText.Kind(p.Kind), p.Name, p.Place, p.IsActive, UrlOf(p), p.Version);

    public byte[] QrPng(IntakePoint p, int pixelsPerModule = 12)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(UrlOf(p), QRCodeGenerator.ECCLevel.M);
        return new PngByteQRCode(data).GetGraphic(pixelsPerModule);
    }
}

internal static class IntakePointEndpoints
{
    public static void MapIntakePoints(this RouteGroupBuilder complaints)
    {
        var g = complaints.MapGroup("/intake-points").RequireAuthorization(ComplaintPolicies.Supervise);

        g.MapGet("/", async (IntakePointService points, CancellationToken ct) =>
            TypedResults.Ok((await points.All().AsNoTracking().OrderBy(p => p.Id).ToListAsync(ct)).Select(points.ToDto).ToList()))
            .WithSummary("征集点列表");

        g.MapPost("/", (IntakePointInput? input, SaveIntakePoint save, IntakePointService points, CancellationToken ct) =>
                save.RunAsync(input is null ? null : input with { Id = 0 }, ct)
                    .ToHttpAsync(p => TypedResults.Created($"/api/v1/complaints/intake-points/{p.Id}", points.ToDto(p)), "征集点"))
            .WithSummary("新建征集点（企业、村社公开栏、司法所、服务大厅、网站）");

        g.MapPut("/{id:long}", (long id, IntakePointInput? input, SaveIntakePoint save, IntakePointService points, CancellationToken ct) =>
                save.RunAsync(input is null ? null : input with { Id = id }, ct).ToHttpAsync(p => TypedResults.Ok(points.ToDto(p)), "征集点"))
            .WithSummary("修改或停用征集点");

        g.MapGet("/{id:long}/qr.png", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (long id, IntakePointService points, CancellationToken ct) =>
            await points.All().AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) is { } p
                ? TypedResults.File(points.QrPng(p), "image/png", $"征集点-{p.Code}.png")
                : ApiErrors.NotFound("征集点"))
            .WithSummary("征集点二维码（PNG）；张贴海报见页面 /Complaints/IntakePoints/Poster/{id}");
    }
}
