using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Identity;

namespace Sunlight.Web.Features.Platform.Calendar;

internal static class CalendarDayEndpoints
{
    public static void MapCalendarDays(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/calendar/days").WithTags("工作日历").RequireAuthorization(PlatformPolicies.Staff);

        g.MapGet("/", async Task<Results<Ok<CalendarYearDto>, ValidationProblem>> (int? year, EditCalendar edit, TimeProvider clock, CancellationToken ct) =>
        {
            var y = year ?? ChinaTime.Today(clock).Year;
            if (y is < 2000 or > 2100)
            {
                return ApiErrors.Invalid("year", "年度应在 2000 到 2100 之间");
            }
            return TypedResults.Ok(await edit.YearAsync(y, ct));
        }).WithSummary("某年度的节假日与调休上班日（year 缺省为今年），以及已加载的年度");

        g.MapPut("/{date}", async Task<Results<Ok<CalendarDayDto>, ValidationProblem>> (string date, CalendarDayInput input, EditCalendar edit, CancellationToken ct) =>
        {
            if (!TryDate(date, out var d))
            {
                return ApiErrors.Invalid("date", "日期格式应为 YYYY-MM-DD");
            }
            var r = await edit.SaveAsync(d, input, ct);
            return r.Succeeded ? TypedResults.Ok(new CalendarDayDto(d, input.Kind, CalendarText.Kind(input.Kind), input.Name.Trim(), CalendarText.DayOfWeek(d))) : ApiErrors.Invalid(r.Errors!);
        }).RequireAuthorization(PlatformPolicies.Administer).WithSummary("设置某日为节假日或调休上班日（新增或修改）");

        g.MapDelete("/{date}", async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> (string date, EditCalendar edit, CancellationToken ct) =>
        {
            if (!TryDate(date, out var d))
            {
                return ApiErrors.Invalid("date", "日期格式应为 YYYY-MM-DD");
            }
            var r = await edit.DeleteAsync(d, ct);
            return r.NotFound ? ApiErrors.NotFound("该日期的节假日安排") : TypedResults.NoContent();
        }).RequireAuthorization(PlatformPolicies.Administer).WithSummary("删除某日的节假日/调休安排（恢复为按周末计算）");
    }

    private static bool TryDate(string s, out DateOnly date) =>
        DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
