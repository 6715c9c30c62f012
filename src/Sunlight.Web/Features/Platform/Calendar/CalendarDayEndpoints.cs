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

        g.MapGet("/", async Task<Results<Ok<CalendarYearDto>, ValidationProblem>> (int? year, CalendarYears edit, TimeProvider clock, CancellationToken ct) =>
        {
            var y = year ?? ChinaTime.Today(clock).Year;
            if (y is < 2000 or > 2100)
            {
                return ApiErrors.Invalid("year", "年度应在 2000 到 2100 之间");
            }
            return TypedResults.Ok(await edit.YearAsync(y, ct));
        }).WithSummary("某年度的节假日与调休上班日（year 缺省为今年），以及已加载的年度");

        g.MapPut("/{date}", async Task<Results<Ok<CalendarDayDto>, ValidationProblem, ProblemHttpResult>> (string date, CalendarDayInput? input, SetCalendarDay set, CancellationToken ct) =>
                !TryDate(date, out var d)
                    ? ApiErrors.Invalid("date", BadDate)
                    : await set.RunAsync(input is null ? null : input with { Date = d }, ct).ToHttpAsync(day => TypedResults.Ok(CalendarDayDto.From(day)), "该日期"))
            .RequireAuthorization(PlatformPolicies.Administer).WithSummary("设置某日为节假日或调休上班日（新增或修改）");

        g.MapDelete("/{date}", async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> (string date, RemoveCalendarDay remove, CancellationToken ct) =>
                !TryDate(date, out var d)
                    ? ApiErrors.Invalid("date", BadDate)
                    : await remove.RunAsync(new RemoveCalendarDayInput(d), ct).ToHttpAsync(_ => TypedResults.NoContent(), "该日期的节假日安排"))
            .RequireAuthorization(PlatformPolicies.Administer).WithSummary("删除某日的节假日/调休安排（恢复为按周末计算）");
    }

    private const string BadDate = "日期格式应为 yyyy-MM-dd，例如 2026-10-01。";

    private static bool TryDate(string s, out DateOnly date) =>
        DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
