using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sunlight.Tests.Infrastructure;
using Sunlight.Web.Features.Enforcement;
using Sunlight.Web.Infrastructure.Audit;
using Sunlight.Web.Infrastructure.Files;
using static Sunlight.Tests.Enforcement.EnforcementTestKit;

namespace Sunlight.Tests.Enforcement;

/// <summary>全过程记录 upload (Features/Enforcement/Records): audio-video by content, stored by SHA-256, read by S-AUDIOVIDEO.</summary>
public sealed class ProcessRecordTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    private static readonly byte[] Mp4 = [0, 0, 0, 0x18, .. "ftypisom"u8.ToArray(), 0, 0, 2, 0, .. "isomiso2mp41"u8.ToArray(), .. new byte[64]];
    private static readonly byte[] Wav = [.. "RIFF"u8.ToArray(), 0x24, 0, 0, 0, .. "WAVEfmt "u8.ToArray(), .. new byte[64]];
    private static readonly byte[] Mp3 = [.. "ID3"u8.ToArray(), 3, 0, 0, .. new byte[64]];

    private async Task<long> SeizureAsync()
    {
        var filed = Today(app).AddDays(-10);
        var client = await app.ClientFor("unit02");
        var created = await RegisterAsync(client, new
        {
            kind = "Coercion", number = $"扣〔{filed.Year}〕{Guid.NewGuid():N}"[..30], title = "查封扣押", filedOn = filed, partyKind = "Enterprise", partyName = "青禾县演示有限公司",
            partyUscc = "91350100M000100Y43", itemName = "查封经营场所", legalBasis = "《行政强制法》第二十二条", isHighRisk = true,
            officerIds = (await QualifiedOfficers(app, "unit02", filed)).Take(2).ToArray(),
        });
        var id = created.GetProperty("id").GetInt64();
        await MilestoneAsync(client, id, "Investigated", Today(app).AddDays(-8));
        return id;
    }

    private static MultipartFormDataContent Form(byte[] bytes, string fileName, string? milestone = "Investigated", string? documentKind = "音像记录")
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        if (milestone is not null)
        {
            form.Add(new StringContent(milestone), "milestone");
        }
        if (documentKind is not null)
        {
            form.Add(new StringContent(documentKind), "documentKind");
        }
        return form;
    }

    [Fact]
    [ScopeCovered("POST /api/v1/cases/{id:long}/records")]
    public async Task VideoUpload_IsStoredBySha256_AuditedAndResolvesSAudioVideo()
    {
        var id = await SeizureAsync();
        var client = await app.ClientFor("unit02");
        Assert.Contains("S-AUDIOVIDEO", OpenRules(await HttpAssert.Ok<JsonElement>(await client.GetAsync($"/api/v1/cases/{id}"))));
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientFor("supervisor")).PostAsync($"/api/v1/cases/{id}/records", Form(Mp4, "现场.mp4"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ClientFor("unit05")).PostAsync($"/api/v1/cases/{id}/records", Form(Mp4, "现场.mp4"))).StatusCode);

        // The name says .dat: the content decides the type and the stored extension.
        var detail = await HttpAssert.Ok<JsonElement>(await client.PostAsync($"/api/v1/cases/{id}/records", Form(Mp4, "执法记录仪.dat")));
        Assert.DoesNotContain("S-AUDIOVIDEO", OpenRules(detail));
        var stored = await app.Db(db => db.Set<ProcessRecord>().AsNoTracking().SingleAsync(r => r.CaseId == id));
        Assert.True(stored.IsAudioVideo);
        Assert.Equal(("video/mp4", "执法记录仪.mp4", (long)Mp4.Length, MilestoneKind.Investigated), (stored.ContentType, stored.FileName, stored.Size, stored.Milestone));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Mp4)), stored.Sha256);
        var entry = await app.Db(db => db.Set<AuditEntry>().AsNoTracking().SingleAsync(e => e.EntityType == nameof(ProcessRecord) && e.EntityId == stored.Id.ToString()));
        Assert.Equal("Create", entry.Action);
        Assert.Contains("\"IsAudioVideo\":true", entry.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NotAudioVideoNorADocument_OrOverLongKind_IsAChinese400_NothingStored()
    {
        var id = await SeizureAsync();
        var client = await app.ClientFor("unit02");
        var text = await HttpAssert.Problem(await client.PostAsync($"/api/v1/cases/{id}/records", Form("这不是视频"u8.ToArray(), "现场.mp4")), HttpStatusCode.BadRequest);
        Assert.Contains("类型不允许", text.GetProperty("errors").GetProperty("file")[0].GetString(), StringComparison.Ordinal);
        var kind = await HttpAssert.Problem(await client.PostAsync($"/api/v1/cases/{id}/records", Form(Mp4, "现场.mp4", documentKind: new string('音', CaseColumns.DocumentKindLength + 1))), HttpStatusCode.BadRequest);
        Assert.True(kind.GetProperty("errors").TryGetProperty("documentKind", out _));
        var milestone = await HttpAssert.Problem(await client.PostAsync($"/api/v1/cases/{id}/records", Form(Mp4, "现场.mp4", milestone: null)), HttpStatusCode.BadRequest);
        Assert.True(milestone.GetProperty("errors").TryGetProperty("milestone", out _));
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/v1/cases/{id}/records", Form(Mp4, "现场.mp4", documentKind: new string('音', CaseColumns.DocumentKindLength)))).StatusCode);
        Assert.Equal(1, await app.Db(db => db.Set<ProcessRecord>().CountAsync(r => r.CaseId == id)));
    }

    [Fact]
    public void Sniffing_AudioByContent_AndOnlyWhereMediaIsAllowed()
    {
        Assert.Equal("audio/wav", AttachmentStore.SniffMedia(new MemoryStream(Wav)));
        Assert.Equal("audio/mpeg", AttachmentStore.SniffMedia(new MemoryStream(Mp3)));
        Assert.Equal("video/mp4", AttachmentStore.SniffMedia(new MemoryStream(Mp4)));
        Assert.Null(AttachmentStore.SniffMedia(new MemoryStream([0xFF, 0xD8, 0xFF, 0xE0, .. new byte[16]])));
        var wav = new Upload("录音.wav", Wav.Length, () => new MemoryStream(Wav));
        Assert.Null(AttachmentStore.Check(wav, media: true));
        Assert.NotNull(AttachmentStore.Check(wav));
        var tooBig = new Upload("录像.mp4", AttachmentStore.MaxMediaBytes + 1, () => new MemoryStream(Mp4));
        Assert.Contains("100 MB", AttachmentStore.Check(tooBig, media: true), StringComparison.Ordinal);
    }
}
