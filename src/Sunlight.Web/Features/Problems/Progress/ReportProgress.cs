using System.Text.Json.Serialization;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;
using Sunlight.Web.Infrastructure.Files;

namespace Sunlight.Web.Features.Problems.Progress;

/// <summary>整改进展: the note and the evidence files (multipart <c>note</c>, <c>version</c>, <c>files</c>).</summary>
internal sealed record ProgressInput(string? Note, Guid? Version, IReadOnlyList<Upload> Files)
{
    [JsonIgnore] public long Id { get; init; }

    internal static List<Upload> Uploads(IEnumerable<IFormFile>? files) =>
        files?.Select(f => new Upload(f.FileName, f.Length, f.OpenReadStream)).ToList() ?? [];
}

internal sealed class ProgressInputValidator : AbstractValidator<ProgressInput>
{
    public const int MaxFiles = 10;

    public ProgressInputValidator()
    {
        RuleFor(x => x.Note).RequiredText("整改进展说明", ProblemConfiguration.ProgressLength);
        RuleFor(x => x.Files).Must(f => f.Count <= MaxFiles).WithMessage($"一次最多上传 {MaxFiles} 个文件")
            .Custom((files, context) =>
            {
                // Every file is checked before any is stored, so a refused upload saves nothing.
                foreach (var error in files.Select(AttachmentStore.Check).OfType<string>())
                {
                    context.AddFailure(error);
                }
            });
    }
}

/// <summary>报送整改进展 with evidence; the problem keeps the latest note.</summary>
internal sealed class ReportProgress(SunlightDbContext db, AttachmentStore files, TimeProvider clock, IValidator<ProgressInput> validator)
    : UseCase<ProgressInput, Problem>(validator)
{
    protected override async Task<Outcome<Problem>> HandleAsync(ProgressInput input, CancellationToken ct)
    {
        var problem = await db.FindForEditAsync(input.Id, input.Version, ct);
        if (problem is null)
        {
            return Outcome<Problem>.Missing();
        }
        var progress = problem.AddProgress(input.Note!, db.Scope.ActorName, clock.GetUtcNow());
        foreach (var upload in input.Files)
        {
            // Content-addressed: a file written here but never committed is harmless and is reused by the next upload.
            var stored = await files.StoreAsync(upload, db.Scope.ActorName, ct);
            progress.Evidence.Add(new ProblemEvidence { File = stored });
        }
        db.Set<ProblemProgress>().Add(progress);
        await db.SaveChangesAsync(ct);
        return problem;
    }
}

internal static class ProgressEndpoint
{
    public static void MapProgress(this RouteGroupBuilder problems) =>
        problems.MapPost("/{id:long}/progress", async Task<Results<Ok<Ledger.ProblemDto>, ValidationProblem, ProblemHttpResult>> (long id, HttpRequest request, ReportProgress step,
                SunlightDbContext db, TimeProvider clock, CancellationToken ct) =>
            {
                var input = await ReadAsync(request, ct);
                return input is null
                    ? ApiErrors.Invalid("body", "请以 multipart/form-data 提交 note、version 和 files。")
                    : await step.RunAsync(input with { Id = id }, ct).ToProblemHttpAsync(db, clock, ct);
            })
            .RequireAuthorization(ProblemPolicies.Rectify)
            .WithSummary("报送整改进展并上传证明材料（multipart：note、version、files；JPG/PNG/PDF/docx/xlsx，单个不超过 10 MB）");

    /// <summary>The multipart form as the input; a body that is not a readable form (or a bad version) → null (400).</summary>
    private static async Task<ProgressInput?> ReadAsync(HttpRequest request, CancellationToken ct)
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
        return new ProgressInput(form["note"], version, ProgressInput.Uploads(form.Files.GetFiles("files")));
    }
}
