using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Sunlight.Web.Features.WorkHome;
using Sunlight.Web.Infrastructure.Calendar;

namespace Sunlight.Web.Features.Reports.Statistics;

/// <summary>The Supervisor's January task: compile and publish last year's 行政执法统计年报 by 31 January.</summary>
internal sealed class StatisticsWorkItems(IAuthorizationService authorization, TimeProvider clock) : IWorkItemSource
{
    public async Task<IReadOnlyList<WorkItem>> ItemsAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var today = ChinaTime.Today(clock);
        return today.Month == 1 && (await authorization.AuthorizeAsync(user, ReportsPolicies.Compile)).Succeeded
            ? [new WorkItem("统计年报", $"{today.Year - 1} 年度行政执法统计年报", "汇总各单位执法数据，核对后报送并公开", "/Reports", new DateOnly(today.Year, 1, 31))]
            : [];
    }
}
