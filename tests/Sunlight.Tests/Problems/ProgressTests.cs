using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Sunlight.Tests.Infrastructure;
using Sunlight.Web.Features.Problems;
using Sunlight.Web.Features.Problems.Ledger;
using static Sunlight.Tests.Problems.ProblemApi;

namespace Sunlight.Tests.Problems;

/// <summary>报送整改进展 (Features/Problems/Progress): multipart with evidence; every file checked before any is stored.</summary>
public sealed class ProgressTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    [Fact]
    [ScopeCovered("POST /api/v1/problems/{id:long}/progress")]
    [ScopeCovered("GET /api/v1/problems/{id:long}/evidence/{fileId:long}")]
    public async Task Progress_WithPng_StoresNoteAndEvidence_OtherUnit404_Audited()
    {
        var p = await app.RectifyingAsync("U03");
        using var unit03 = await app.ClientFor("unit03");
        using var unit04 = await app.ClientFor("unit04");
        await HttpAssert.Problem(await unit04.PostAsync($"/api/v1/problems/{p.Id}/progress", Form("越权", p.Version, ("a.png", Png))), HttpStatusCode.NotFound);

        var note = new string('进', ProblemConfiguration.ProgressLength);
        p = await HttpAssert.Ok<ProblemDto>(await unit03.PostAsync($"/api/v1/problems/{p.Id}/progress", Form(note, p.Version, ("公示栏.png", Png))));
        Assert.Equal(note, (await app.Stored(p.Id)).LatestProgress);
        var detail = await HttpAssert.Ok<ProblemDetailDto>(await unit03.GetAsync($"/api/v1/problems/{p.Id}"));
        var evidence = Assert.Single(Assert.Single(detail.Progress).Evidence);
        Assert.Equal("image/png", evidence.ContentType);
        Assert.True(File.Exists(Path.Combine(app.DataDirectory, "files", evidence.Sha256[..2], evidence.Sha256)));
        Assert.Equal(Png, await (await unit03.GetAsync($"/api/v1/problems/{p.Id}/evidence/{evidence.Id}")).Content.ReadAsByteArrayAsync());
        await HttpAssert.Problem(await unit04.GetAsync($"/api/v1/problems/{p.Id}/evidence/{evidence.Id}"), HttpStatusCode.NotFound);
        var (_, before, after) = await app.LastAuditAsync(p.Id, "Update");
        Assert.Equal(JsonValueKindNull, before.GetProperty("LatestProgress").ValueKind);
        Assert.Equal(note, after.GetProperty("LatestProgress").GetString());
    }

    [Fact]
    public async Task Progress_ForbiddenType_TooBig_TooLongNote_Are400_AndNothingStored()
    {
        var p = await app.RectifyingAsync("U03");
        using var unit03 = await app.ClientFor("unit03");
        var exe = await HttpAssert.Problem(await unit03.PostAsync($"/api/v1/problems/{p.Id}/progress", Form("已整改", p.Version, ("tool.png", "MZ\u0090\u0000fake"u8.ToArray()))), HttpStatusCode.BadRequest);
        Assert.Contains("类型不允许", exe.Error("files"), StringComparison.Ordinal);
        var big = await HttpAssert.Problem(await unit03.PostAsync($"/api/v1/problems/{p.Id}/progress", Form("已整改", p.Version, ("big.pdf", [.. "%PDF-"u8.ToArray(), .. new byte[10 * 1024 * 1024]]))), HttpStatusCode.BadRequest);
        Assert.Contains("10 MB", big.Error("files"), StringComparison.Ordinal);
        var tooLong = await HttpAssert.Problem(await unit03.PostAsync($"/api/v1/problems/{p.Id}/progress",
            Form(new string('进', ProblemConfiguration.ProgressLength + 1), p.Version, ("a.png", Png))), HttpStatusCode.BadRequest);
        Assert.Equal($"整改进展说明不能超过 {ProblemConfiguration.ProgressLength} 个字", tooLong.Error("note"));
        Assert.Equal(0, await app.Db(db => db.Set<ProblemProgress>().CountAsync(x => x.ProblemId == p.Id)));
    }

    [Fact]
    public async Task Progress_MalformedMultipart_OrJson_Is400_NotA500()
    {
        var p = await app.RectifyingAsync("U03");
        using var unit03 = await app.ClientFor("unit03");
        using var broken = new StringContent("--xyz\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nunterminated", Encoding.UTF8);
        broken.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("multipart/form-data; boundary=xyz");
        await HttpAssert.Problem(await unit03.PostAsync($"/api/v1/problems/{p.Id}/progress", broken), HttpStatusCode.BadRequest);
        await HttpAssert.Problem(await unit03.PostJson($"/api/v1/problems/{p.Id}/progress", new { note = "json" }), HttpStatusCode.BadRequest);
        using var badVersion = new MultipartFormDataContent { { new StringContent("进展"), "note" }, { new StringContent("不是版本"), "version" } };
        await HttpAssert.Problem(await unit03.PostAsync($"/api/v1/problems/{p.Id}/progress", badVersion), HttpStatusCode.BadRequest);
        Assert.Equal(0, await app.Db(db => db.Set<ProblemProgress>().CountAsync(x => x.ProblemId == p.Id)));
    }

    [Fact]
    public async Task Progress_BeforeMeasures_IsRefusedWithRState()
    {
        var p = await app.RaiseAsync("U03");
        using var unit03 = await app.ClientFor("unit03");
        var early = await HttpAssert.Problem(await unit03.PostAsync($"/api/v1/problems/{p.Id}/progress", Form("尚未制定措施", p.Version)), HttpStatusCode.Conflict);
        Assert.Equal(Problem.StateRule, early.GetProperty("rule").GetString());
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;
}
