using Microsoft.AspNetCore.Http.HttpResults;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Calendar;

namespace Sunlight.Web.Features.Platform.Calendar;

internal sealed record DeadlineResponse(DateOnly From, DateOnly Date, bool Uncertain, int? WorkingDays, int? Days, string Explanation);

internal static class DeadlineEndpoint
{
    public static void MapCalendar(this RouteGroupBuilder api)
    {
        api.MapGet("/calendar/deadline", Results<Ok<DeadlineResponse>, ValidationProblem> (string? from, int? workingDays, int? days, WorkingCalendar calendar) =>
        {
            if (!DateOnly.TryParseExact(from, "yyyy-MM-dd", out var start))
            {
                return ApiErrors.Invalid("from", "起算日期格式应为 YYYY-MM-DD");
            }
            if (workingDays is null == days is null)
            {
                return ApiErrors.Invalid("workingDays", "请只提供 workingDays（工作日）或 days（自然日）其中之一");
            }
            if (workingDays is < 0 or > 3650 || days is < 0 or > 3650)
            {
                return ApiErrors.Invalid(workingDays is null ? "days" : "workingDays", "期限天数应在 0 到 3650 之间");
            }
            var d = workingDays is { } wd ? calendar.AddWorkingDays(start, wd) : calendar.AddNaturalDays(start, days!.Value);
            var explanation = (workingDays is not null ? $"自 {start:yyyy-MM-dd} 起（不含当日）{workingDays} 个工作日" : $"自 {start:yyyy-MM-dd} 起 {days} 日，期满日为节假日的顺延至下一工作日")
                + (d.Uncertain ? "；注意：期间超出已加载的节假日安排，仅按周末计算，结果待确认" : "");
            return TypedResults.Ok(new DeadlineResponse(start, d.Date, d.Uncertain, workingDays, days, explanation));
        }).RequireAuthorization().WithTags("工作日历").WithSummary("按节假日安排计算期限（工作日或自然日顺延）");
    }
}
