using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Sunlight.Tests.Infrastructure;
using Sunlight.Web.Features.Complaints;
using Sunlight.Web.Features.Complaints.Public;
using Sunlight.Web.Features.Complaints.Queries;
using Sunlight.Web.Infrastructure.Audit;
using static Sunlight.Tests.Complaints.ComplaintTestKit;

namespace Sunlight.Tests.Complaints;

public sealed class PublicIntakeApiTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    [Fact]
    [ScopeCovered("POST /api/v1/public/complaints")]
    public async Task Submit_Anonymously_Returns201WithCodeAndPin_AndStoresPinHashedAndNoIdentity()
    {
        var receipt = await FileAsync(app, Submission(anonymous: true));
        Assert.Matches("^TS[0-9A-Z]{10}$", receipt.TrackingCode);
        Assert.Matches("^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$", receipt.Pin);

        var stored = await app.Db(db => db.Set<Complaint>().Include(c => c.Events).SingleAsync(c => c.TrackingCode == receipt.TrackingCode));
        Assert.Equal(ComplaintState.Received, stored.State);
        Assert.Equal(ComplaintChannel.WebForm, stored.Channel);
        Assert.True(stored.IsAnonymous);
        Assert.Null(stored.ReporterProtected);
        Assert.DoesNotContain(receipt.Pin, stored.PinHash, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2026, 12, 2), stored.AcceptDueDate); // 5 WD after Wed 2026-11-25
        Assert.Single(stored.Events, e => e.IsPublic && e.Kind == "收到投诉");
        var audit = await app.Db(db => db.AuditEntries.SingleAsync(a => a.EntityType == nameof(Complaint) && a.EntityId == stored.Id.ToString() && a.Action == "Create"));
        Assert.Equal("公众（投诉人）", audit.Actor);
    }

    [Fact]
    public async Task Submit_WithIdentityAndFiles_EncryptsIdentity_AndStoresFilesByContent()
    {
        using var client = app.CreateClient();
        using var form = new MultipartFormDataContent
        {
            { new StringContent("selective"), "category" },
            { new StringContent("同一条街只查我们一家，别家不查。"), "description" },
            { new StringContent("false"), "anonymous" },
            { new StringContent(SecretName), "reporterName" },
            { new StringContent(SecretPhone), "reporterPhone" },
        };
        form.Add(new ByteArrayContent(Png), "attachments", "现场.png");
        form.Add(new ByteArrayContent(Pdf), "attachments", "罚款单.pdf");
        var receipt = await HttpAssert.Ok<IntakeResponse>(await client.PostAsync("/api/v1/public/complaints", form), HttpStatusCode.Created);

        var stored = await app.Db(db => db.Set<Complaint>().Include(c => c.Attachments).SingleAsync(c => c.TrackingCode == receipt.TrackingCode));
        Assert.False(stored.IsAnonymous);
        Assert.NotNull(stored.ReporterProtected);
        Assert.DoesNotContain(SecretName, stored.ReporterProtected, StringComparison.Ordinal);
        Assert.DoesNotContain(SecretPhone, stored.ReporterProtected, StringComparison.Ordinal);
        Assert.Equal(["application/pdf", "image/png"], stored.Attachments.Select(a => a.ContentType).Order());
        foreach (var a in stored.Attachments)
        {
            Assert.True(File.Exists(Path.Combine(app.DataDirectory, "files", a.Sha256[..2], a.Sha256)));
        }
        // The audit chain holds only ciphertext, never the identity.
        var audit = await app.Db(db => db.AuditEntries.Where(x => x.EntityType == nameof(Complaint) && x.EntityId == stored.Id.ToString()).Select(x => x.After).ToListAsync());
        Assert.All(audit, a => Assert.DoesNotContain(SecretName, a ?? "", StringComparison.Ordinal));
    }

    public static TheoryData<string> BadSubmissions => ["oversized", "no-category", "forbidden-type", "too-many-files", "unknown-category", "oversized-file"];

    [Theory]
    [MemberData(nameof(BadSubmissions))]
    public async Task Submit_BadInput_Returns400InChinese_AndSavesNothing(string kind)
    {
        var before = await app.Db(db => db.Set<Complaint>().CountAsync());
        int CountFiles() => Directory.Exists(Path.Combine(app.DataDirectory, "files")) ? Directory.GetFiles(Path.Combine(app.DataDirectory, "files"), "*", SearchOption.AllDirectories).Length : 0;
        var filesBefore = CountFiles();
        using var client = app.CreateClient();
        using var form = new MultipartFormDataContent
        {
            { new StringContent(kind == "no-category" ? "" : kind == "unknown-category" ? "no-such" : "rough"), "category" },
            { new StringContent(kind == "oversized" ? new string('查', 5001) : "检查人员态度粗暴。"), "description" },
        };
        var files = kind switch
        {
            "forbidden-type" => new[] { ("照片.jpg", "MZ\u0090\0这是一个可执行文件"u8.ToArray()) },
            "too-many-files" => Enumerable.Range(1, 6).Select(i => ($"图{i}.png", Png)).ToArray(),
            "oversized-file" => [("大.pdf", Pdf.Concat(new byte[10 * 1024 * 1024]).ToArray())],
            _ => [],
        };
        foreach (var (name, bytes) in files)
        {
            form.Add(new ByteArrayContent(bytes), "attachments", name);
        }
        var body = await HttpAssert.Problem(await client.PostAsync("/api/v1/public/complaints", form), HttpStatusCode.BadRequest);
        var errors = body.GetProperty("errors");
        var (field, text) = kind switch
        {
            "oversized" => ("description", "情况描述不能超过 5000 字"),
            "no-category" => ("category", "请选择投诉类别"),
            "unknown-category" => ("category", "投诉类别不存在或已停用"),
            "forbidden-type" => ("attachments", "附件“照片.jpg”不是允许的文件类型（仅限 JPG、PNG 图片或 PDF）。"),
            "too-many-files" => ("attachments", "附件最多 5 个"),
            _ => ("attachments", "附件“大.pdf”超过 10 MB"),
        };
        Assert.Equal(text, errors.GetProperty(field)[0].GetString());
        Assert.Equal(before, await app.Db(db => db.Set<Complaint>().CountAsync()));
        Assert.Equal(filesBefore, CountFiles());
    }

    [Fact]
    public async Task Submit_JsonNotJson_Returns400()
    {
        using var client = app.CreateClient();
        using var content = new StringContent("{not json", new MediaTypeHeaderValue("application/json"));
        await HttpAssert.Problem(await client.PostAsync("/api/v1/public/complaints", content), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Submit_HostileText_IsStoredAsWritten()
    {
        const string hostile = "<script>alert('x')</script><img src=x onerror=alert(1)> 执法人员乱罚款";
        var receipt = await FileAsync(app, Submission(description: hostile, category: "illegal-fines"));
        Assert.Equal(hostile, await app.Db(db => db.Set<Complaint>().Where(c => c.TrackingCode == receipt.TrackingCode).Select(c => c.Description).SingleAsync()));
    }

    [Fact]
    [ScopeCovered("POST /api/v1/public/complaints/{trackingCode}/status")]
    public async Task Status_ByCodeAndPin_ShowsProgressWithoutIdentity_WrongPinIs404()
    {
        var receipt = await FileAsync(app);
        using var client = app.CreateClient();
        var response = await client.PostJson($"/api/v1/public/complaints/{receipt.TrackingCode}/status", new { pin = receipt.Pin });
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var text = await response.Content.ReadAsStringAsync();
        var view = System.Text.Json.JsonSerializer.Deserialize<PublicComplaintView>(text, HttpAssert.Json)!;
        Assert.Equal("已收到，待受理", view.State);
        Assert.Equal("趋利性执法", view.Category);
        Assert.DoesNotContain(SecretName, text, StringComparison.Ordinal);
        Assert.DoesNotContain(SecretPhone, text, StringComparison.Ordinal);

        var body = await HttpAssert.Problem(await client.PostJson($"/api/v1/public/complaints/{receipt.TrackingCode}/status", new { pin = "00000000" }), HttpStatusCode.NotFound);
        Assert.Equal("查询码或密码不正确。", body.GetProperty("detail").GetString());
        await HttpAssert.Problem(await client.PostJson($"/api/v1/public/complaints/TSNOSUCHCODE/status", new { pin = receipt.Pin }), HttpStatusCode.NotFound);
        // A PIN in a URL is never looked at: there is no GET lookup (it would sit in logs, history and proxies).
        Assert.NotEqual(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/public/complaints/{receipt.TrackingCode}?pin={Uri.EscapeDataString(receipt.Pin)}")).StatusCode);
    }

    [Fact]
    public async Task ManySubmissionsAtOnce_AllCommitted()
    {
        using var client = app.CreateClient();
        var responses = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => client.PostAsJsonAsync("/api/v1/public/complaints", Submission(description: $"并发投诉 {i}", anonymous: true))));
        var codes = new List<string>();
        foreach (var r in responses)
        {
            codes.Add((await HttpAssert.Ok<IntakeResponse>(r, HttpStatusCode.Created)).TrackingCode);
        }
        Assert.Equal(40, await app.Db(db => db.Set<Complaint>().CountAsync(c => codes.Contains(c.TrackingCode))));
        Assert.Null(await app.Db(db => AuditChain.VerifyAsync(db, CancellationToken.None)));
    }
}
