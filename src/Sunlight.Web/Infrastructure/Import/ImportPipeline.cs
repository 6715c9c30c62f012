using Microsoft.AspNetCore.Http.HttpResults;

namespace Sunlight.Web.Infrastructure.Import;

/// <summary>
/// A registry importer: checks the rows and writes the valid ones (all or nothing in strict mode). The rows are read
/// from the file on each enumeration, so an importer may go through them twice (check, then write).
/// </summary>
internal delegate Task<ImportResult> RunImport(ImportRows rows, ImportMode mode, CancellationToken ct);

/// <summary>File → rows → importer, the same steps for the import pages and the import endpoints.</summary>
internal static class ImportPipeline
{
    /// <summary>Whether the result means "nothing was written because of errors".</summary>
    public static bool Refused(ImportResult result, ImportMode mode) => result.Errors.Count > 0 && (mode == ImportMode.Strict || result.Imported == 0);

    public static async Task<ImportResult> RunAsync(ImportUpload upload, IReadOnlyList<string> requiredColumns, RunImport run, ImportMode mode, CancellationToken ct)
    {
        var (rows, error) = ImportSheet.Open(upload, requiredColumns);
        if (rows is null)
        {
            return ImportResult.FileError(error!);
        }
        try
        {
            return await run(rows, mode, ct);
        }
        catch (ImportFileException ex)
        {
            // Raised while reading: the importer's transaction (if any) was not committed, nothing was written.
            return ImportResult.FileError(ex.Message);
        }
    }

    /// <summary>The endpoint: 200 with the result, or 400 ProblemDetails whose <c>errors</c> lists every row's problem.</summary>
    public static async Task<Results<Ok<ImportResult>, ProblemHttpResult>> HandleAsync(IFormFile? file, string? mode, IReadOnlyList<string> requiredColumns, RunImport run, CancellationToken ct)
    {
        if (!ImportUpload.TryParseMode(mode, out var importMode))
        {
            return Failed(ImportResult.FileError("导入模式 mode 只能为 strict（有错误则全部不导入）或 validOnly（仅导入有效行）"));
        }
        var (upload, error) = await ImportUpload.ReadAsync(file, ct);
        if (upload is null)
        {
            return Failed(ImportResult.FileError(error!));
        }
        var result = await RunAsync(upload, requiredColumns, run, importMode, ct);
        return Refused(result, importMode) ? Failed(result) : TypedResults.Ok(result);
    }

    private static ProblemHttpResult Failed(ImportResult result) =>
        TypedResults.Problem(
            title: "导入失败，未写入任何数据",
            detail: result.Errors.Count == 1 ? result.Errors[0] : $"文件中有 {result.Rows - result.Valid} 行有错误，请修正后重新导入，或选择仅导入有效行。",
            statusCode: StatusCodes.Status400BadRequest,
            extensions: new Dictionary<string, object?> { ["errors"] = result.Errors, ["rows"] = result.Rows, ["valid"] = result.Valid, ["imported"] = 0 });
}
