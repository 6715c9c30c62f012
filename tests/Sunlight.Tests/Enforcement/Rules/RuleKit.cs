using Microsoft.Extensions.Time.Testing;
using Sunlight.Web.Features.Enforcement;
using Sunlight.Web.Features.Enforcement.Rules;
using Sunlight.Web.Features.Registry;
using Sunlight.Web.Infrastructure.Calendar;
using ChinaTime = Sunlight.Web.ChinaTime;

namespace Sunlight.Tests.Enforcement.Rules;

/// <summary>Cases built in memory and a rule context on the shipped 2025/2026 holiday calendar, "today" from a FakeTimeProvider.</summary>
internal static class RuleKit
{
    public static readonly WorkingCalendar Calendar = new(CalendarSeed.Days());

    public static RuleContext Context(DateOnly today, LegalityThresholds? thresholds = null)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(today.ToDateTime(new TimeOnly(10, 0)), ChinaTime.Offset));
        return new RuleContext(ChinaTime.Today(clock), Calendar, thresholds ?? new LegalityThresholds());
    }

    public static EnforcementCase Case(CaseKind kind = CaseKind.Penalty, DateOnly? filed = null, decimal? fine = null, PartyKind party = PartyKind.Enterprise)
    {
        var c = new EnforcementCase { Kind = kind, Number = "测试", PartyKind = party, FineAmount = fine };
        c.Record(MilestoneKind.Filed, filed ?? new DateOnly(2026, 1, 5), null, "测试", DateTimeOffset.UnixEpoch);
        return c;
    }

    public static EnforcementCase With(this EnforcementCase c, MilestoneKind kind, DateOnly on)
    {
        c.Record(kind, on, null, "测试", DateTimeOffset.UnixEpoch);
        return c;
    }

    public static EnforcementCase WithOfficer(this EnforcementCase c, DateOnly validFrom, DateOnly validTo, bool auxiliary = false)
    {
        var officer = new Officer { Id = c.Officers.Count + 1, Name = $"人员{c.Officers.Count + 1}", IsAuxiliary = auxiliary };
        if (!auxiliary)
        {
            officer.Credentials.Add(new Credential { Number = $"Z{c.Officers.Count}", ValidFrom = validFrom, ValidTo = validTo });
        }
        c.Officers.Add(new CaseOfficer { OfficerId = officer.Id, Officer = officer });
        return c;
    }
}
