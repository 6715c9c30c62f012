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

    /// <summary>Audio-video process records (全过程记录: 执法记录仪、现场录音) are larger: up to this size, by their own endpoint.</summary>
    public const long MaxMediaBytes = 100 * 1024 * 1024;
    public const string AllowedMediaText = "MP4、MOV、M4A、MP3、WAV";

    /// <summary>The Chinese reason a file is refused, or null when it may be stored; <paramref name="media"/> also admits audio-video.</summary>
    public static string? Check(Upload upload) => Check(upload, media: false);

    public static string? Check(Upload upload, bool media)
    {
        var name = Path.GetFileName(upload.FileName);
        if (upload.Length == 0)
        {
            return $"文件“{name}”是空文件。";
        }
        if (upload.Length > (media ? MaxMediaBytes : MaxBytes))
        {
            return $"文件“{name}”超过 {(media ? MaxMediaBytes : MaxBytes) / 1048576} MB 的大小上限。";
        }
        using var stream = upload.Open();
        if (Sniff(stream, name) is not null)
        {
            return null;
        }
        if (media)
        {
            using var again = upload.Open();
            return SniffMedia(again) is null ? $"文件“{name}”的类型不允许，仅支持 {AllowedText}、{AllowedMediaText}。" : null;
        }
        return $"文件“{name}”的类型不允许，仅支持 {AllowedText}。";
    }

    /// <summary>Audio-video by magic bytes: ISO media (MP4/MOV/M4A: "ftyp" at offset 4), MP3 (ID3 tag or an MPEG frame sync), WAV (RIFF…WAVE).</summary>
    public static string? SniffMedia(Stream stream)
    {
        Span<byte> head = stackalloc byte[12];
        var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        head = head[..read];
        if (head.Length >= 12 && head[4..8].SequenceEqual("ftyp"u8))
        {
            var brand = head[8..12];
            return brand.SequenceEqual("M4A "u8) ? "audio/mp4" : brand.SequenceEqual("qt  "u8) ? "video/quicktime" : "video/mp4";
        }
        if (head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WAVE"u8))
        {
            return "audio/wav";
        }
        if (head.StartsWith("ID3"u8) || (head.Length >= 2 && head[0] == 0xFF && (head[1] & 0xE0) == 0xE0 && (head[1] & 0x06) != 0))
        {
            return "audio/mpeg";
        }
        return null;
    }

    public static bool IsMedia(string contentType) => contentType.StartsWith("audio/", StringComparison.Ordinal) || contentType.StartsWith("video/", StringComparison.Ordinal);

    private const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The extension a stored file gets: the sniffed type decides, never the name it came with.</summary>
    public static string ExtensionOf(string contentType) => contentType switch
    {
        "image/jpeg" => ".jpg",
        "image/png" => ".png",
        "application/pdf" => ".pdf",
        Docx => ".docx",
        Xlsx => ".xlsx",
        "video/mp4" => ".mp4",
        "video/quicktime" => ".mov",
        "audio/mp4" => ".m4a",
        "audio/mpeg" => ".mp3",
        "audio/wav" => ".wav",
        _ => throw new ArgumentOutOfRangeException(nameof(contentType), contentType, "不是允许的类型"),
    };

    /// <summary>The name stored and offered on download: the uploaded name with the extension of its real type.</summary>
    public static string StoredName(string fileName, string contentType)
    {
        var name = Path.GetFileName(fileName);
        var ext = Path.GetExtension(name).ToLowerInvariant();
        var keep = ext == ExtensionOf(contentType) || (contentType == "image/jpeg" && ext == ".jpeg");
        return keep ? name : Path.GetFileNameWithoutExtension(name) + ExtensionOf(contentType);
    }

    /// <summary>
    /// The content type by magic bytes. A ZIP is accepted only as a real OOXML package: named .docx/.xlsx, with
    /// [Content_Types].xml and the main part (word/document.xml, xl/workbook.xml), and nothing executable or web
    /// content inside (a ZIP of payload.exe and index.html named .docx is refused).
    /// </summary>
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
            var (type, mainPart) = Path.GetExtension(fileName).ToLowerInvariant() switch
            {
                ".docx" => (Docx, "word/document.xml"),
                ".xlsx" => (Xlsx, "xl/workbook.xml"),
                _ => (null, ""),
            };
            return type is not null && IsOoxml(stream, head.ToArray(), mainPart) ? type : null;
        }
        return null;
    }

    private static readonly string[] ForbiddenInside = [".exe", ".dll", ".com", ".bat", ".cmd", ".ps1", ".vbs", ".js", ".jar", ".msi", ".scr", ".html", ".htm", ".svg", ".hta"];

    private static bool IsOoxml(Stream stream, byte[] head, string mainPart)
    {
        try
        {
            using var copy = new MemoryStream();
            if (stream.CanSeek)
            {
                stream.Position = 0;
            }
            else
            {
                copy.Write(head);
            }
            stream.CopyTo(copy);
            copy.Position = 0;
            using var zip = new System.IO.Compression.ZipArchive(copy, System.IO.Compression.ZipArchiveMode.Read);
            var names = zip.Entries.Select(e => e.FullName.Replace('\\', '/')).ToList();
            return names.Contains("[Content_Types].xml") && names.Contains(mainPart)
                && !names.Any(n => ForbiddenInside.Contains(Path.GetExtension(n).ToLowerInvariant()));
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    /// <summary>Writes the bytes (once per content) and returns the metadata row, not yet added to any context.</summary>
    public async Task<StoredFile> StoreAsync(Upload upload, string uploadedBy, CancellationToken ct)
    {
        var name = Path.GetFileName(upload.FileName);
        string contentType;
        await using (var sniff = upload.Open())
        {
            contentType = Sniff(sniff, name) ?? "";
        }
        if (contentType.Length == 0)
        {
            await using var sniff = upload.Open();
            contentType = SniffMedia(sniff) ?? throw new InvalidOperationException("未经检查的文件：" + name);
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
        name = StoredName(name, contentType);
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
