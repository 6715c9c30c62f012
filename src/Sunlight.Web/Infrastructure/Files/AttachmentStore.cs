using System.Security.Cryptography;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Infrastructure.Files;

/// <summary>A stored file: its content address, the type its bytes say it is, and its size.</summary>
public sealed record StoredFile(string Sha256, string ContentType, long Size, string FileName);

/// <summary>Why an upload was refused, in Chinese for the person who sent it.</summary>
public sealed class AttachmentRejectedException(string message) : Exception(message);

/// <summary>
/// Files outside the web root under <c>&lt;data&gt;/files/&lt;sha256&gt;</c>, addressed by content. The type is decided by
/// the first bytes (JPEG, PNG, GIF, WebP, PDF), never by the name. A file is flushed to disk before it is reported stored.
/// </summary>
public sealed class AttachmentStore(IConfiguration config)
{
    private readonly string _root = Path.Combine(DatabaseSetup.DataDirectory(config), "files");

    public static string? SniffContentType(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((byte[])[0xFF, 0xD8, 0xFF]))
        {
            return "image/jpeg";
        }
        if (head.StartsWith((byte[])[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return "image/png";
        }
        if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8))
        {
            return "image/gif";
        }
        if (head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8))
        {
            return "image/webp";
        }
        if (head.StartsWith("%PDF-"u8))
        {
            return "application/pdf";
        }
        return null;
    }

    /// <summary>Checks and stores one upload; throws <see cref="AttachmentRejectedException"/> when it is refused.</summary>
    public async Task<StoredFile> SaveAsync(Stream content, string fileName, long maxBytes, CancellationToken ct)
    {
        Directory.CreateDirectory(_root);
        var temp = Path.Combine(_root, "tmp-" + Guid.NewGuid().ToString("N"));
        try
        {
            long size = 0;
            string? type = null;
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await content.ReadAsync(buffer, ct)) > 0)
                {
                    if (type is null)
                    {
                        type = SniffContentType(buffer.AsSpan(0, read))
                            ?? throw new AttachmentRejectedException($"附件“{fileName}”不是允许的文件类型（仅限 JPG、PNG、GIF、WebP 图片或 PDF）。");
                    }
                    size += read;
                    if (size > maxBytes)
                    {
                        throw new AttachmentRejectedException($"附件“{fileName}”超过 {maxBytes / 1024 / 1024} MB。");
                    }
                    sha.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), ct);
                }
                if (type is null)
                {
                    throw new AttachmentRejectedException($"附件“{fileName}”是空文件。");
                }
                file.Flush(flushToDisk: true);
            }
            var hash = Convert.ToHexStringLower(sha.GetHashAndReset());
            var target = PathOf(hash);
            if (File.Exists(target))
            {
                File.Delete(temp);
            }
            else
            {
                File.Move(temp, target);
            }
            return new StoredFile(hash, type, size, SafeName(fileName));
        }
        catch
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
            throw;
        }
    }

    public Stream? Open(string sha256) =>
        sha256.Length == 64 && sha256.All(char.IsAsciiHexDigitLower) && File.Exists(PathOf(sha256)) ? File.OpenRead(PathOf(sha256)) : null;

    private string PathOf(string sha256) => Path.Combine(_root, sha256);

    private static string SafeName(string name)
    {
        var n = Path.GetFileName(name.Replace('\\', '/'));
        return string.IsNullOrWhiteSpace(n) ? "附件" : n.Length > 200 ? n[^200..] : n;
    }
}
