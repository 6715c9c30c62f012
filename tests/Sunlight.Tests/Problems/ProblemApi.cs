using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sunlight.Tests.Infrastructure;
using Sunlight.Web.Features.Problems;
using Sunlight.Web.Features.Problems.Ledger;
using Sunlight.Web.Features.Problems.ProposeMeasures;
using Sunlight.Web.Features.Problems.Raise;
using Sunlight.Web.Features.Problems.Submit;
using Sunlight.Web.Features.Problems.Verify;
using Sunlight.Web.Infrastructure.Audit;

namespace Sunlight.Tests.Problems;

/// <summary>Steps the tests share: raise a problem for a unit and walk it along the workflow over HTTP.</summary>
internal static class ProblemApi
{
    public static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4];

    public static Task<long> UnitId(this SunlightFactory app, string code) =>
        app.Db(db => db.Units.Where(u => u.Code == code).Select(u => u.Id).SingleAsync());

    public static async Task<ProblemDto> RaiseAsync(this SunlightFactory app, string unitCode, string description = "公示栏信息未及时更新", string category = "三项制度落实")
    {
        using var supervisor = await app.ClientFor("supervisor");
        var input = new RaiseInput(ProblemSource.SupervisoryInspection, await app.UnitId(unitCode), category, ProblemSeverity.Moderate, description,
            new DateOnly(2026, 11, 20), "督查组");
        return await HttpAssert.Ok<ProblemDto>(await supervisor.PostJson("/api/v1/problems", input), HttpStatusCode.Created);
    }

    /// <summary>Raised for the unit and its measures proposed (整改中).</summary>
    public static async Task<ProblemDto> RectifyingAsync(this SunlightFactory app, string unitCode)
    {
        var p = await app.RaiseAsync(unitCode);
        using var unit = await app.ClientFor(UserOf(unitCode));
        return await Post(unit, $"/api/v1/problems/{p.Id}/measures", new ProposeMeasuresInput("修订公示制度", new DateOnly(2026, 12, 10), p.Version));
    }

    /// <summary>整改中 and submitted (待核账).</summary>
    public static async Task<ProblemDto> AwaitingVerificationAsync(this SunlightFactory app, string unitCode)
    {
        var p = await app.RectifyingAsync(unitCode);
        using var unit = await app.ClientFor(UserOf(unitCode));
        return await Post(unit, $"/api/v1/problems/{p.Id}/submit", new SubmitInput("已完成", p.Version));
    }

    /// <summary>Verified and written off (已销账).</summary>
    public static async Task<ProblemDto> WrittenOffAsync(this SunlightFactory app, string unitCode)
    {
        var p = await app.AwaitingVerificationAsync(unitCode);
        using var supervisor = await app.ClientFor("supervisor");
        return await Post(supervisor, $"/api/v1/problems/{p.Id}/verify", new VerifyInput(true, null, p.Version));
    }

    /// <summary>"U03" → "unit03".</summary>
    public static string UserOf(string unitCode) => "unit" + unitCode[1..];

    public static async Task<ProblemDto> Post(HttpClient client, string url, object body, HttpStatusCode status = HttpStatusCode.OK) =>
        await HttpAssert.Ok<ProblemDto>(await client.PostJson(url, body), status);

    public static Task<Problem> Stored(this SunlightFactory app, long id) => app.Db(db => db.Set<Problem>().AsNoTracking().SingleAsync(p => p.Id == id));

    /// <summary>The problem's latest audit entry of that action, with its before and after images.</summary>
    public static async Task<(AuditEntry Entry, JsonElement Before, JsonElement After)> LastAuditAsync(this SunlightFactory app, long id, string action)
    {
        var key = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var entry = await app.Db(db => db.Set<AuditEntry>().AsNoTracking()
            .Where(e => e.EntityType == nameof(Problem) && e.EntityId == key && e.Action == action).OrderByDescending(e => e.Sequence).FirstAsync());
        return (entry, Parse(entry.Before), Parse(entry.After));
    }

    /// <summary>The error message of <paramref name="field"/> in a 400 answer.</summary>
    public static string Error(this JsonElement problem, string field) => problem.GetProperty("errors").GetProperty(field)[0].GetString()!;

    public static MultipartFormDataContent Form(string note, Guid version, params (string Name, byte[] Bytes)[] files)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(note), "note" },
            { new StringContent(version.ToString()), "version" },
        };
        foreach (var (name, bytes) in files)
        {
            var content = new ByteArrayContent(bytes);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(content, "files", name);
        }
        return form;
    }

    private static JsonElement Parse(string? json) => json is null ? default : JsonDocument.Parse(json).RootElement.Clone();
}
