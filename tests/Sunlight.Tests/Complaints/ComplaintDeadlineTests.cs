using Microsoft.Extensions.Options;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sunlight.Tests.Infrastructure;
using Sunlight.Web.Features.Complaints;
using Sunlight.Web.Features.Complaints.Deadlines;
using Sunlight.Web.Features.Complaints.Queries;
using Sunlight.Web.Features.Platform.Escalations;
using Sunlight.Web.Features.Platform.Notifications;
using Sunlight.Web.Features.Registry;
using Sunlight.Web.Infrastructure.Jobs;
using static Sunlight.Tests.Complaints.ComplaintTestKit;

namespace Sunlight.Tests.Complaints;

/// <summary>This class moves the clock forward; it has its own database and never moves it back.</summary>
public sealed class ComplaintDeadlineTests(SunlightApp app) : IClassFixture<SunlightApp>
{
    private async Task RunJobAsync()
    {
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetServices<IScheduledJob>().OfType<ComplaintDeadlineJob>().Single().RunAsync(CancellationToken.None);
    }

    private void MoveTo(int month, int day) =>
        app.Clock.SetUtcNow(new DateTimeOffset(2026, month, day, 1, 0, 0, TimeSpan.Zero) > app.Clock.GetUtcNow()
            ? new DateTimeOffset(2026, month, day, 1, 0, 0, TimeSpan.Zero) : app.Clock.GetUtcNow());

    private Task<Page<ComplaintListItem>> ListAs(string user, ComplaintFilter filter) =>
        app.DbAs(user, db => new ComplaintQueries(db, new ComplaintAccess(db), new Sunlight.Web.Features.Complaints.History.ComplaintHistory(db), app.Clock, Options.Create(new ComplaintOptions()),
            app.Services.GetRequiredService<Sunlight.Web.Infrastructure.Calendar.WorkingCalendar>()).ListAsync(filter, CancellationToken.None));

    [Fact]
    public async Task AcceptDeadline_RemindThenUrgeThenSupervise_EachOnce_AndTheBoardShowsItOverdue()
    {
        var receipt = await FileAsync(app); // 2026-11-25, 受理 due 2026-12-02
        var id = await IdOf(app, receipt.TrackingCode);
        var (assignedId, _) = await FiledAndAssignedAsync(app, "unit03"); // 办理 due 2026-12-25
        var bureau = await app.Db(db => db.Units.Where(u => u.Kind == UnitKind.Supervisor).Select(u => u.Id).SingleAsync());
        var unit03 = await UnitId(app, "unit03");
        Task<List<Escalation>> Escalations(long complaintId) =>
            app.Db(db => db.Set<Escalation>().Where(e => e.SubjectType == "Complaint" && e.SubjectId == complaintId).OrderBy(e => e.Id).ToListAsync());

        await RunJobAsync();
        Assert.Empty(await Escalations(id));

        MoveTo(11, 30); // two working days before the deadline
        await RunJobAsync();
        await RunJobAsync();
        var remind = Assert.Single(await Escalations(id));
        Assert.Equal(EscalationKind.Reminder, remind.Kind);
        Assert.Equal(bureau, remind.UnitId);
        Assert.Equal($"complaint:{id}:accept-remind:20261202", remind.Key);

        MoveTo(12, 2);
        await RunJobAsync();
        MoveTo(12, 3);
        await RunJobAsync();
        await RunJobAsync();
        var all = await Escalations(id);
        Assert.Equal([EscalationKind.Reminder, EscalationKind.Urge, EscalationKind.Supervise], all.Select(e => e.Kind));
        Assert.True(await app.Db(db => db.Set<Notification>().AnyAsync(n => n.Title == $"督办：投诉 {receipt.TrackingCode} 待受理")));
        Assert.Empty(await Escalations(assignedId));

        // JWTs are validated against the real clock, so past this point the test reads through the handlers as each user.
        var overdue = await ListAs("supervisor", new ComplaintFilter(Overdue: true, Limit: 200));
        Assert.True(Assert.Single(overdue.Items, i => i.Id == id).Overdue);
        Assert.DoesNotContain(overdue.Items, i => i.Id == assignedId);

        MoveTo(12, 28); // past the unit's deadline (2026-12-25)
        await RunJobAsync();
        var unitSide = await Escalations(assignedId);
        var supervise = Assert.Single(unitSide, e => e.Kind == EscalationKind.Supervise);
        Assert.Equal(unit03, supervise.UnitId);
        Assert.Equal($"complaint:{assignedId}:resolve-supervise:20261225", supervise.Key);
        var list = await ListAs("unit03", new ComplaintFilter(Overdue: true));
        Assert.Contains(list.Items, i => i.Id == assignedId);
        var unit03Name = await app.Db(db => db.Units.Where(u => u.Id == unit03).Select(u => u.Name).SingleAsync());
        Assert.All(list.Items, i => Assert.Equal(unit03Name, i.AssignedUnit));
        Assert.DoesNotContain((await ListAs("unit04", new ComplaintFilter(Overdue: true))).Items, i => i.Id == assignedId);
    }
}
