using System.Text.Json.Serialization;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Campaigns.IssueDocument;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Calendar;
using Sunlight.Web.Infrastructure.Database;
using Sunlight.Web.Infrastructure.Files;

namespace Sunlight.Web.Features.Campaigns.RespondDocument;

/// <summary>书面回复: the unit's text and attachments (multipart <c>response</c>, <c>version</c>, <c>files</c>).</summary>
internal sealed record RespondInput(string? Response, Guid? Version, IReadOnlyList<Upload> Files)
{
    [JsonIgnore] public long Id { get; init; }
}

internal sealed class RespondInputValidator : AbstractValidator<RespondInput>
{
    public const int MaxFiles = 10;

    public RespondInputValidator()
    {
        RuleFor(x => x.Response).RequiredText("书面回复", FollowUpColumns.ResponseLength);
        RuleFor(x => x.Files).Must(f => f.Count <= MaxFiles).WithMessage($"一次最多上传 {MaxFiles} 个文件")
            .Custom((files, context) =>
            {
                foreach (var error in files.Select(AttachmentStore.Check).OfType<string>())
                {
                    context.AddFailure(error);
                }
            });
    }
}

/// <summary>
/// The unit answers a supervision document in writing, once (rule <see cref="Rule"/>); an answer after the deadline is
/// accepted and flagged late.
/// </summary>
internal sealed class RespondToDocument(SunlightDbContext db, AttachmentStore files, TimeProvider clock, IValidator<RespondInput> validator)
    : UseCase<RespondInput, SupervisionDocument>(validator)
{
    public const string Rule = "Z-DOC-ANSWERED";

    protected override async Task<Outcome<SupervisionDocument>> HandleAsync(RespondInput input, CancellationToken ct)
    {
        // The query filter keeps a unit to its own documents.
        if (await db.Set<SupervisionDocument>().FirstOrDefaultAsync(d => d.Id == input.Id, ct) is not { } d)
        {
            return Outcome<SupervisionDocument>.Missing();
        }
        if (input.Version is { } v)
        {
            db.Entry(d).Property(x => x.Version).OriginalValue = v;
        }
        if (d.RespondedOn is not null)
        {
            return Outcome<SupervisionDocument>.Refused(Rule, $"该监督文书已于 {d.RespondedOn:yyyy-MM-dd} 回复，不能重复回复。");
        }
        var today = ChinaTime.Today(clock);
        d.Response = input.Response!.Trim();
        d.RespondedOn = today;
        d.RespondedBy = db.Scope.ActorName;
        d.RespondedLate = today > d.ResponseDueOn;
        foreach (var upload in input.Files)
        {
            d.ResponseFiles.Add(new SupervisionResponseFile { File = await files.StoreAsync(upload, db.Scope.ActorName, ct) });
        }
        await db.SaveChangesAsync(ct);
        return d;
    }
}

internal static class RespondEndpoint
{
    public static void MapRespond(this RouteGroupBuilder campaigns) =>
        campaigns.MapPost("/documents/{id:long}/response", async Task<Results<Ok<SupervisionDocumentDto>, ValidationProblem, ProblemHttpResult>> (long id,
                HttpRequest request, RespondToDocument respond, SupervisionDocumentQueries q, CancellationToken ct) =>
            {
                var input = await ReadAsync(request, ct);
                return input is null
                    ? ApiErrors.Invalid("body", "请以 multipart/form-data 提交 response、version 和 files。")
                    : await respond.RunAsync(input with { Id = id }, ct).ToHttpAsync(async d => TypedResults.Ok((await q.DetailAsync(d.Id, ct))!), "监督文书");
            })
            .RequireAuthorization(CampaignPolicies.SelfInspect)
            .WithSummary("被督查单位书面回复监督文书（multipart：response、version、files；逾期回复标记为逾期）");

    /// <summary>The multipart form as the input; a body that is not a readable form (or a bad version) → null (400).</summary>
    private static async Task<RespondInput?> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        if (!request.HasFormContentType)
        {
            return null;
        }
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(ct);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
        {
            return null;
        }
        Guid? version = null;
        if (!string.IsNullOrEmpty(form["version"]))
        {
            if (!Guid.TryParse(form["version"], out var v))
            {
                return null;
            }
            version = v;
        }
        return new RespondInput(form["response"], version,
            form.Files.GetFiles("files").Select(f => new Upload(f.FileName, f.Length, f.OpenReadStream)).ToList());
    }
}
