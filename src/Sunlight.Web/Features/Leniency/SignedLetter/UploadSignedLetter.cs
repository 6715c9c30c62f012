using System.Text.Json.Serialization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Http.HttpResults;
using Sunlight.Web.Features.Leniency.Exemptions;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;
using Sunlight.Web.Infrastructure.Files;

namespace Sunlight.Web.Features.Leniency.SignedLetter;

/// <summary>上传签字的告知承诺书 (multipart <c>file</c>, optional <c>version</c>).</summary>
internal sealed record SignedLetterInput(Upload? File, Guid? Version = null)
{
    [JsonIgnore] public long Id { get; init; }
}

internal sealed class SignedLetterInputValidator : AbstractValidator<SignedLetterInput>
{
    public SignedLetterInputValidator() =>
        RuleFor(x => x.File).NotNull().WithMessage("请选择签字的告知承诺书文件").Custom((file, context) =>
        {
            if (file is not null && AttachmentStore.Check(file) is { } error)
            {
                context.AddFailure(error);
            }
        });
}

/// <summary>Stores the signed copy in the shared file store and links it to the case (a new upload replaces the link).</summary>
internal sealed class UploadSignedLetter(SunlightDbContext db, AttachmentStore files, IValidator<SignedLetterInput> validator)
    : UseCase<SignedLetterInput, ExemptionCase>(validator)
{
    protected override async Task<Outcome<ExemptionCase>> HandleAsync(SignedLetterInput input, CancellationToken ct)
    {
        var e = await db.Set<ExemptionCase>().FindForEditAsync(input.Id, input.Version, db, ct);
        if (e is null)
        {
            return Outcome<ExemptionCase>.Missing();
        }
        var stored = await files.StoreAsync(input.File!, db.Scope.ActorName, ct);
        // The file row and the link commit together.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Set<StoredFile>().Add(stored);
        await db.SaveChangesAsync(ct);
        e.SignedLetterFileId = stored.Id;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return e;
    }

    /// <summary>The multipart form as the input; a body that is not a readable form (or a bad version) → null (400).</summary>
    internal static async Task<SignedLetterInput?> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        if (!request.HasFormContentType)
        {
            return null;
        }
        var form = await request.ReadFormAsync(ct);
        Guid? version = null;
        if (!string.IsNullOrEmpty(form["version"]))
        {
            if (!Guid.TryParse(form["version"], out var v))
            {
                return null;
            }
            version = v;
        }
        var file = form.Files.GetFile("file");
        return new SignedLetterInput(file is null ? null : new Upload(file.FileName, file.Length, file.OpenReadStream), version);
    }
}

internal static class SignedLetterEndpoint
{
    public static void MapSignedLetter(this RouteGroupBuilder g) =>
        g.MapPost("/exemptions/{id:long}/signed-letter", async Task<Results<Ok<ExemptionDetailDto>, ValidationProblem, ProblemHttpResult>> (long id, HttpRequest request,
                UploadSignedLetter step, ExemptionQueries q, CancellationToken ct) =>
            {
                var input = await UploadSignedLetter.ReadAsync(request, ct);
                return input is null
                    ? ApiErrors.Invalid("body", "请以 multipart/form-data 提交 file（及 version）。")
                    : await step.RunAsync(input with { Id = id }, ct).ToHttpAsync(async e => TypedResults.Ok((await q.DetailAsync(e.Id, ct))!), "免罚案件");
            })
            .DisableAntiforgery().RequireAuthorization(LeniencyPolicies.Manage)
            .WithSummary("上传签字的告知承诺书（multipart：file、version；PDF/JPG/PNG/docx，不超过 10 MB）");
}
