using Sunlight.Web.Infrastructure.Audit;
using System.ComponentModel;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Infrastructure.Files;

/// <summary>Metadata of a stored file; the bytes live outside the web root under <c>&lt;data&gt;/files/&lt;sha256[..2]&gt;/&lt;sha256&gt;</c>.</summary>
[DisplayName("附件")]
[RecordLabel(nameof(FileName))]
internal sealed class StoredFile : IAuditable
{
    public long Id { get; set; }
    [DisplayName("文件名")]
    public string FileName { get; set; } = "";
    [DisplayName("文件类型")]
    public string ContentType { get; set; } = "";
    [DisplayName("大小（字节）")]
    public long Size { get; set; }
    [DisplayName("SHA-256")]
    public string Sha256 { get; set; } = "";
    [DisplayName("上传人")]
    public string UploadedBy { get; set; } = "";
    [DisplayName("上传时间")]
    public DateTimeOffset UploadedAt { get; set; }
}

internal sealed class StoredFileConfiguration : IEntityTypeConfiguration<StoredFile>
{
    public void Configure(EntityTypeBuilder<StoredFile> b)
    {
        b.ToTable("StoredFiles");
        b.HasIndex(x => x.Sha256);
        b.Property(x => x.FileName).HasMaxLength(255);
        b.Property(x => x.ContentType).HasMaxLength(100);
        b.Property(x => x.Sha256).HasMaxLength(64);
        b.Property(x => x.UploadedBy).HasMaxLength(100);
    }
}

/// <summary>An upload as the store sees it: a name and a way to read it.</summary>
internal sealed record Upload(string FileName, long Length, Func<Stream> Open);

/// <summary>
/// Content-addressed attachment store shared by features (rectification evidence, complaint photos ...).
/// Files are checked by their content (magic bytes), not by the name or the browser's content type. Callers check
/// every file with <see cref="Check"/> before storing any, so a refused upload leaves nothing behind in the database.
/// Downloads go through the owning feature, which checks the caller's scope first.
/// </summary>
internal sealed class AttachmentStore(IConfiguration config, TimeProvider clock)
{
    public const long MaxBytes = 10 * 1024 * 1024;
    public const string AllowedText = "JPG、PNG、PDF、Word（.docx）、Excel（.xlsx）";

    /// <summary>The Chinese reason a file is refused, or null when it may be stored.</summary>
    public static string? Check(Upload upload)
    {
        var name = Path.GetFileName(upload.FileName);
        if (upload.Length == 0)
        {
            return $"文件“{name}”是空文件。";
        }
        if (upload.Length > MaxBytes)
        {
            return $"文件“{name}”超过 10 MB 的大小上限。";
        }
        using var stream = upload.Open();
        return Sniff(stream, name) is null ? $"文件“{name}”的类型不允许，仅支持 {AllowedText}。" : null;
    }

    /// <summary>The content type by magic bytes; zip containers only as .docx/.xlsx.</summary>
    public static string? Sniff(Stream stream, string fileName)
    {
        Span<byte> head = stackalloc byte[8];
        var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        head = head[..read];
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return "image/jpeg";
        }
        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return "image/png";
        }
        if (head.StartsWith("%PDF-"u8))
        {
            return "application/pdf";
        }
        if (head.StartsWith((ReadOnlySpan<byte>)[0x50, 0x4B, 0x03, 0x04]))
        {
            return Path.GetExtension(fileName).ToLowerInvariant() switch
            {
                ".docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                ".xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                _ => null,
            };
        }
        return null;
    }

    /// <summary>Writes the bytes (once per content) and returns the metadata row, not yet added to any context.</summary>
    public async Task<StoredFile> StoreAsync(Upload upload, string uploadedBy, CancellationToken ct)
    {
        var name = Path.GetFileName(upload.FileName);
        string contentType;
        await using (var sniff = upload.Open())
        {
            contentType = Sniff(sniff, name) ?? throw new InvalidOperationException("未经检查的文件：" + name);
        }
        var tempDir = Path.Combine(Root, "tmp");
        Directory.CreateDirectory(tempDir);
        var temp = Path.Combine(tempDir, Guid.NewGuid().ToString("N"));
        string hash;
        long size;
        await using (var source = upload.Open())
        await using (var target = File.Create(temp))
        {
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = new byte[81920];
            int n;
            while ((n = await source.ReadAsync(buffer, ct)) > 0)
            {
                sha.AppendData(buffer, 0, n);
                await target.WriteAsync(buffer.AsMemory(0, n), ct);
            }
            hash = Convert.ToHexStringLower(sha.GetHashAndReset());
            size = target.Length;
            // On disk before the row that points at it commits: a 201 promises the evidence too.
            target.Flush(flushToDisk: true);
        }
        var path = PathOf(hash);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        if (File.Exists(path))
        {
            File.Delete(temp);
        }
        else
        {
            File.Move(temp, path, overwrite: true);
        }
        return new StoredFile
        {
            FileName = name.Length > 255 ? name[^255..] : name, ContentType = contentType, Size = size, Sha256 = hash,
            UploadedBy = uploadedBy, UploadedAt = clock.GetUtcNow(),
        };
    }

    public Stream OpenRead(StoredFile file) => File.OpenRead(PathOf(file.Sha256));

    private string Root => Path.Combine(DatabaseSetup.DataDirectory(config), "files");

    private string PathOf(string sha256) => Path.Combine(Root, sha256[..2], sha256);
}
