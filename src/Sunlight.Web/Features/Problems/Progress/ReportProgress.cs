using Sunlight.Web.Features.Registry;
using Sunlight.Web.Infrastructure.Database;
using Sunlight.Web.Infrastructure.Files;

namespace Sunlight.Web.Features.Problems.Progress;

public sealed record ProgressInput(string Note, Guid Version, IReadOnlyList<Upload> Files);

/// <summary>整改进展 with evidence: every file is checked before any is stored, so a refused upload saves nothing.</summary>
public sealed class ReportProgress(SunlightDbContext db, AttachmentStore files, TimeProvider clock)
{
    public const int MaxFiles = 10;

    internal async Task<Outcome<Problem>> HandleAsync(long id, ProgressInput input, CancellationToken ct)
    {
        var problem = await db.FindForEditAsync(id, input.Version, ct);
        if (problem is null)
        {
            return Outcome<Problem>.Missing();
        }
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(input.Note))
        {
            errors.Add("整改进展说明不能为空");
        }
        else if (input.Note.Length > 2000)
        {
            errors.Add("整改进展说明不能超过 2000 个字");
        }
        if (input.Files.Count > MaxFiles)
        {
            errors.Add($"一次最多上传 {MaxFiles} 个文件");
        }
        var fileErrors = input.Files.Select(AttachmentStore.Check).OfType<string>().ToArray();
        var result = new Dictionary<string, string[]>();
        if (errors.Count > 0)
        {
            result["note"] = [.. errors];
        }
        if (fileErrors.Length > 0)
        {
            result["files"] = fileErrors;
        }
        if (result.Count > 0)
        {
            return new Outcome<Problem>(null, result);
        }

        var progress = problem.AddProgress(input.Note, db.Scope.ActorName, clock.GetUtcNow());
        foreach (var upload in input.Files)
        {
            // Content-addressed: a file written here but never committed is harmless and is reused by the next upload.
            var stored = await files.StoreAsync(upload, db.Scope.ActorName, ct);
            progress.Evidence.Add(new ProblemEvidence { File = stored });
        }
        db.Set<ProblemProgress>().Add(progress);
        await db.SaveChangesAsync(ct);
        return new Outcome<Problem>(problem);
    }
}
