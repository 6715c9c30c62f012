using System.Net;
using Microsoft.EntityFrameworkCore;
using Sunlight.Tests.Infrastructure;
using Sunlight.Web.Features.Problems;
using Sunlight.Web.Features.Problems.Ledger;
using Sunlight.Web.Features.Problems.Raise;

namespace Sunlight.Tests.Problems;

/// <summary>Steps the tests share: raise a problem for a unit and walk it along the workflow over HTTP.</summary>
internal static class ProblemApi
{
    public static Task<long> UnitId(this SunlightFactory app, string code) =>
        app.Db(db => db.Units.Where(u => u.Code == code).Select(u => u.Id).SingleAsync());

    public static async Task<ProblemDto> RaiseAsync(this SunlightFactory app, string unitCode, string description = "公示栏信息未及时更新", string category = "三项制度落实")
    {
        using var supervisor = await app.ClientFor("supervisor");
        var input = new RaiseInput(ProblemSource.SupervisoryInspection, await app.UnitId(unitCode), category, ProblemSeverity.Moderate, description,
            new DateOnly(2026, 11, 20), "督查组");
        return await HttpAssert.Ok<ProblemDto>(await supervisor.PostJson("/api/v1/problems", input), HttpStatusCode.Created);
    }

    public static async Task<ProblemDto> Post(HttpClient client, string url, object body, HttpStatusCode status = HttpStatusCode.OK) =>
        await HttpAssert.Ok<ProblemDto>(await client.PostJson(url, body), status);

    public static Task<Problem> Stored(this SunlightFactory app, long id) => app.Db(db => db.Set<Problem>().AsNoTracking().SingleAsync(p => p.Id == id));
}
