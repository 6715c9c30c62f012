using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Infrastructure.Import;

/// <summary>
/// An uploaded import file, checked for size and type. It is not read into memory: <see cref="Open"/> gives a new
/// seekable stream over it each time (ASP.NET buffers a large form file on disk; a kept file is opened from the data folder).
/// </summary>
internal sealed record ImportUpload(Func<Stream> Open, string Extension)
{
    public static ImportUpload Of(byte[] content, string extension) => new(() => new MemoryStream(content, writable: false), extension);

    public static Task<(ImportUpload? Upload, string? Error)> ReadAsync(IFormFile? file, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        if (file is null)
        {
            return Task.FromResult<(ImportUpload?, string?)>((null, "请选择要导入的文件（表单字段 file）"));
        }
        if (ImportSheet.CheckFile(file.FileName, file.Length) is { } error)
        {
            return Task.FromResult<(ImportUpload?, string?)>((null, error));
        }
        return Task.FromResult<(ImportUpload?, string?)>((new ImportUpload(file.OpenReadStream, ImportSheet.Extension(file.FileName)!), null));
    }

    public static bool TryParseMode(string? mode, out ImportMode result)
    {
        result = ImportMode.Strict;
        return string.IsNullOrWhiteSpace(mode) || Enum.TryParse(mode, ignoreCase: true, out result) && Enum.IsDefined(result);
    }
}

/// <summary>
/// Keeps an upload under the data folder by a random token, so the page can offer "仅导入有效行" without asking for the
/// file again. Files older than a day are swept whenever a new one is kept.
/// </summary>
internal sealed partial class PendingImports(IConfiguration config, TimeProvider clock)
{
    private string Folder => Path.Combine(DatabaseSetup.DataDirectory(config), "imports");

    internal async Task<string> KeepAsync(ImportUpload upload, CancellationToken ct)
    {
        Directory.CreateDirectory(Folder);
        foreach (var old in new DirectoryInfo(Folder).EnumerateFiles().Where(f => f.LastWriteTimeUtc < clock.GetUtcNow().UtcDateTime.AddDays(-1)))
        {
            old.Delete();
        }
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        await using (var source = upload.Open())
        await using (var target = File.Create(Path.Combine(Folder, token + upload.Extension)))
        {
            await source.CopyToAsync(target, ct);
        }
        return token;
    }

    internal Task<ImportUpload?> LoadAsync(string? token, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        return Task.FromResult(Load(token));
    }

    private ImportUpload? Load(string? token)
    {
        if (token is null || !TokenPattern().IsMatch(token))
        {
            return null;
        }
        foreach (var ext in new[] { ".xlsx", ".csv" })
        {
            var path = Path.Combine(Folder, token + ext);
            if (File.Exists(path))
            {
                return new ImportUpload(() => File.OpenRead(path), ext);
            }
        }
        return null;
    }

    public void Forget(string token)
    {
        if (TokenPattern().IsMatch(token))
        {
            foreach (var ext in new[] { ".xlsx", ".csv" })
            {
                File.Delete(Path.Combine(Folder, token + ext));
            }
        }
    }

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex TokenPattern();
}
