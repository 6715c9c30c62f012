using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Complaints.Confidentiality;
using Sunlight.Web.Features.Registry;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Complaints.Queries;

internal sealed record ComplaintFilter(
    ComplaintState? State = null, long? UnitId = null, long? CategoryId = null, ComplaintChannel? Channel = null,
    bool? Overdue = null, string? Q = null, long? After = null, int? Limit = null,
    /// <summary>Received on or after this day (China Standard Time).</summary>
    DateOnly? Since = null,
    /// <summary>Rated satisfied (true) or not satisfied (false) by the reporter.</summary>
    bool? Satisfied = null,
    /// <summary>按时受理: accepted no later than the acceptance due day (true), or accepted after it (false).</summary>
    bool? AcceptedOnTime = null);

/// <summary>The board, the unit's list, the complaint page and the public status page: every read starts from <see cref="ComplaintAccess"/>.</summary>
internal sealed class ComplaintQueries(SunlightDbContext db, ComplaintAccess access, History.ComplaintHistory history, TimeProvider clock,
    Microsoft.Extensions.Options.IOptions<ComplaintOptions> options, Infrastructure.Calendar.WorkingCalendar calendar)
{
    public async Task<Page<ComplaintListItem>> ListAsync(ComplaintFilter f, CancellationToken ct)
    {
        var today = ChinaTime.Today(clock);
        var q = await FilteredAsync(f, today, ct);
        // Newest first, keyset "after" the last id seen, with the filtered total (共 N 条).
        var page = await q.KeysetAsync(c => c.Id, newestFirst: true, f.After, f.Limit,
            c => new
            {
                c.Id, c.TrackingCode, c.State, c.Channel, Category = c.Category!.Name, c.ComplainedUnitId, c.AssignedUnitId,
                c.EnterpriseName, Summary = c.Description.Substring(0, Math.Min(c.Description.Length, 80)), c.ReceivedAt,
                c.AcceptDueDate, c.ResolveDueDate, c.PausedOn,
            }, r => r.Id, ct);
        var units = await db.UnitNamesAsync(page.Items.SelectMany(r => new[] { r.ComplainedUnitId, r.AssignedUnitId }), ct);
        var items = page.Items.Select(r =>
        {
            var due = DueDate(r.State, r.AcceptDueDate, r.ResolveDueDate);
            var running = r.PausedOn is null;
            return new ComplaintListItem(r.Id, r.TrackingCode, r.State, ComplaintText.State(r.State), r.Channel, r.Category,
                Name(units, r.ComplainedUnitId), Name(units, r.AssignedUnitId), r.EnterpriseName, r.Summary, r.ReceivedAt, due, running && due is { } d && today > d,
                due is not { } date ? null : running ? WorkHome.WorkHomeQuery.DueText(calendar, date, today) : "暂停计时");
        }).ToList();
        return new Page<ComplaintListItem>(items, page.NextCursor, page.Total, page.TotalCapped);
    }

    /// <summary>The deadline a list shows: acceptance while open, resolution while being handled, none after.</summary>
    public static DateOnly? DueDate(ComplaintState state, DateOnly acceptDue, DateOnly? resolveDue) =>
        state is ComplaintState.Received or ComplaintState.Accepted ? acceptDue
        : state is ComplaintState.Assigned or ComplaintState.ReplyDrafted ? resolveDue : null;

    /// <summary>The list's rows for these filters in the caller's scope (the list, its export and the home's figures).</summary>
    public async Task<IQueryable<Complaint>> FilteredAsync(ComplaintFilter f, DateOnly today, CancellationToken ct)
    {
        var q = access.Visible().AsNoTracking();
        if (f.State is { } state)
        {
            q = q.Where(c => c.State == state);
        }
        if (f.UnitId is { } unit)
        {
            q = q.Where(c => c.AssignedUnitId == unit || c.ComplainedUnitId == unit);
        }
        if (f.CategoryId is { } cat)
        {
            q = q.Where(c => c.CategoryId == cat);
        }
        if (f.Channel is { } channel)
        {
            q = q.Where(c => c.Channel == channel);
        }
        if (f.Overdue == true)
        {
            q = q.Where(c => c.PausedOn == null && (((c.State == ComplaintState.Received || c.State == ComplaintState.Accepted) && c.AcceptDueDate < today)
                || ((c.State == ComplaintState.Assigned || c.State == ComplaintState.ReplyDrafted) && c.ResolveDueDate < today)));
        }
        if (f.Since is { } since)
        {
            var from = new DateTimeOffset(since.ToDateTime(TimeOnly.MinValue), ChinaTime.Offset).ToUniversalTime();
            q = q.Where(c => c.ReceivedAt >= from);
        }
        if (f.Satisfied is { } satisfied)
        {
            q = q.Where(c => c.Satisfied == satisfied);
        }
        if (!string.IsNullOrWhiteSpace(f.Q))
        {
            var term = f.Q.Trim();
            var code = term.ToUpperInvariant();
            q = q.Where(c => c.TrackingCode == code || c.Description.Contains(term) || (c.EnterpriseName != null && c.EnterpriseName.Contains(term)));
        }
        if (f.AcceptedOnTime is { } onTime)
        {
            q = await AcceptedOnTimeAsync(q, onTime, ct);
        }
        return q;
    }

    /// <summary>
    /// 按时受理 (or, for false, 受理超期): the complaints of <paramref name="q"/> accepted on or before their acceptance due
    /// day, China time. The providers cannot compare an instant with a date column alike, so the accepted complaints' two
    /// dates are read once and the late ones told apart by id within the same query.
    /// </summary>
    public static async Task<IQueryable<Complaint>> AcceptedOnTimeAsync(IQueryable<Complaint> q, bool onTime, CancellationToken ct)
    {
        var accepted = q.Where(c => c.AcceptedAt != null);
        var late = (await accepted.Select(c => new { c.Id, c.AcceptedAt, c.AcceptDueDate }).ToListAsync(ct))
            .Where(d => DateOnly.FromDateTime(ChinaTime.ToChina(d.AcceptedAt!.Value).DateTime) > d.AcceptDueDate).Select(d => d.Id).ToList();
        return onTime ? accepted.Where(c => !late.Contains(c.Id)) : accepted.Where(c => late.Contains(c.Id));
    }

    public async Task<ComplaintDetail?> DetailAsync(long id, CancellationToken ct)
    {
        var c = await access.Visible().AsNoTracking().Include(x => x.Category).Include(x => x.Attachments).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null)
        {
            return null;
        }
        var units = await db.UnitNamesAsync([c.ComplainedUnitId, c.AssignedUnitId], ct);
        var timeline = await history.ForAsync(id, ct);
        var supervising = access.CanHandleCounty && c.State is ComplaintState.Received or ComplaintState.Accepted;
        return new ComplaintDetail(
            ToDto(c, units),
            timeline,
            c.Attachments.Select(a => new AttachmentDto(a.Id, a.FileName, a.ContentType, a.Size)).ToList(),
            supervising ? await DuplicatesAsync(c, ct) : [],
            supervising ? await SuggestUnitsAsync(c, ct) : []);
    }

    public ComplaintDto ToDto(Complaint c, IReadOnlyDictionary<long, string> units)
    {
        var today = ChinaTime.Today(clock);
        var unitView = access.IsUnitStaff;
        return new ComplaintDto(
            c.Id, c.TrackingCode, c.State, ComplaintText.State(c.State), c.Channel, ComplaintText.Channel(c.Channel),
            unitView ? null : c.IntakePlace, // a poster's place can point at the reporter; the unit gets only the matter
            c.CategoryId, c.Category?.Name ?? "", c.ComplainedUnitId, Name(units, c.ComplainedUnitId), c.EnterpriseName, c.EnterpriseUscc,
            c.Description, c.OccurredOn, c.IsAnonymous ? ComplaintText.Anonymous : ComplaintText.Masked,
            c.ReceivedAt, c.AcceptDueDate, c.AssignedUnitId, Name(units, c.AssignedUnitId), c.ResolveDueDate,
            c.State is ComplaintState.Received or ComplaintState.Accepted ? c.AcceptDueUncertain : c.ResolveDueUncertain,
            c.IsOverdue(today), c.Extension, c.ExtensionReason, c.DraftReply, c.ReviewComment, c.Reply, c.RepliedAt,
            c.RejectionReason, c.MergedIntoId, c.Finding, c.Satisfied, c.RatingComment, c.Reopened, c.ReturnCount, c.LastReturnReason, c.Version,
            c.Latitude, c.Longitude, c.Address, c.AddressId, c.MediaUrl, c.LastChangedAt, c.PausedOn, c.PauseReason, c.PausedWorkingDays);
    }

    public async Task<ComplaintDto?> DtoAsync(Complaint c, CancellationToken ct)
    {
        await db.Entry(c).Reference(x => x.Category).LoadAsync(ct);
        return ToDto(c, await db.UnitNamesAsync([c.ComplainedUnitId, c.AssignedUnitId], ct));
    }

    /// <summary>The reporter's view by tracking code and PIN; Missing for a wrong code or PIN (indistinguishable), Refused while the code is locked.</summary>
    public async Task<Outcome<PublicComplaintView>> PublicViewAsync(string trackingCode, string? pin, CancellationToken ct)
    {
        var code = trackingCode.Trim().ToUpperInvariant();
        var found = await db.PublicLookup<Complaint>().AsNoTracking().Include(x => x.Category).FirstOrDefaultAsync(x => x.TrackingCode == code, ct);
        var check = await new Public.PinGuard(db, clock).CheckAsync(found, pin, ct);
        if (check.Value is not { } c)
        {
            return new Outcome<PublicComplaintView>(null, null, check.NotFound, check.Rule, check.Detail);
        }
        var shown = c;
        if (c.State == ComplaintState.Merged && c.MergedIntoId is { } target)
        {
            // A merged complaint shows the progress and reply of the complaint it was merged into.
            shown = await db.PublicLookup<Complaint>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == target, ct) ?? c;
        }
        var timeline = await db.PublicLookup<ComplaintEvent>().AsNoTracking().Where(e => e.ComplaintId == c.Id && e.IsPublic)
            .OrderBy(e => e.Id).Select(e => new PublicTimelineEntry(e.At, e.Kind, e.Text)).ToListAsync(ct);
        return new PublicComplaintView(c.TrackingCode,
            c.State == ComplaintState.Merged ? ComplaintText.PublicState(c.State) + "（" + ComplaintText.PublicState(shown.State) + "）" : ComplaintText.PublicState(c.State),
            c.Category?.Name ?? "", c.ReceivedAt, shown.Reply, shown.RepliedAt, c.RejectionReason, c.CanRate, c.Satisfied, timeline);
    }

    private async Task<IReadOnlyList<DuplicateSuggestion>> DuplicatesAsync(Complaint c, CancellationToken ct)
    {
        var since = c.ReceivedAt.AddDays(-options.Value.DuplicateWindowDays);
        var until = c.ReceivedAt.AddDays(options.Value.DuplicateWindowDays);
        var candidates = await access.Visible().AsNoTracking()
            .Where(x => x.Id != c.Id && x.CategoryId == c.CategoryId && x.ReceivedAt >= since && x.ReceivedAt <= until
                && x.State != ComplaintState.Merged && x.State != ComplaintState.Rejected)
            .OrderByDescending(x => x.Id).Take(200)
            .Select(x => new { x.Id, x.TrackingCode, x.State, x.ReceivedAt, x.ComplainedUnitId, x.EnterpriseUscc, x.EnterpriseName, x.Description })
            .ToListAsync(ct);
        var result = new List<DuplicateSuggestion>();
        foreach (var x in candidates)
        {
            var sameUnit = c.ComplainedUnitId is not null && x.ComplainedUnitId == c.ComplainedUnitId;
            var sameEnterprise = (c.EnterpriseUscc is not null && x.EnterpriseUscc == c.EnterpriseUscc)
                || (c.EnterpriseName is not null && x.EnterpriseName == c.EnterpriseName);
            var similarity = TextSimilarity.Dice(c.Description, x.Description);
            if ((sameUnit || sameEnterprise) && similarity >= 0.2 || similarity >= 0.6)
            {
                var why = string.Join("、", new[] { sameUnit ? "同一被投诉单位" : null, sameEnterprise ? "同一企业" : null, "同一类别", $"内容相似度 {similarity:P0}" }.Where(s => s is not null));
                result.Add(new DuplicateSuggestion(x.Id, x.TrackingCode, ComplaintText.State(x.State), x.ReceivedAt, Math.Round(similarity, 2), why));
            }
        }
        return result.OrderByDescending(r => r.Similarity).Take(5).ToList();
    }

    private async Task<IReadOnlyList<UnitSuggestion>> SuggestUnitsAsync(Complaint c, CancellationToken ct)
    {
        var list = new List<UnitSuggestion>();
        if (c.ComplainedUnitId is { } complained && await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == complained, ct) is { } unit)
        {
            list.Add(new UnitSuggestion(unit.Id, unit.Name, "被投诉单位"));
        }
        var usual = await db.Set<Complaint>().AsNoTracking()
            .Where(x => x.CategoryId == c.CategoryId && x.AssignedUnitId != null)
            .GroupBy(x => x.AssignedUnitId!.Value).Select(g => new { UnitId = g.Key, Count = g.Count() })
            .OrderByDescending(g => g.Count).Take(3).ToListAsync(ct);
        var names = await db.UnitNamesAsync(usual.Select(u => (long?)u.UnitId), ct);
        list.AddRange(usual.Where(u => list.All(l => l.UnitId != u.UnitId))
            .Select(u => new UnitSuggestion(u.UnitId, names.GetValueOrDefault(u.UnitId, ""), $"同类投诉曾交办 {u.Count} 件")));
        return list;
    }

    private static string? Name(IReadOnlyDictionary<long, string> units, long? id) => id is { } i ? units.GetValueOrDefault(i) : null;
}

/// <summary>Sørensen–Dice over character bigrams: crude, language-agnostic, good enough to flag a likely duplicate of Chinese text.</summary>
internal static class TextSimilarity
{
    public static double Dice(string a, string b)
    {
        static HashSet<string> Bigrams(string s)
        {
            var t = new string(s.Where(ch => !char.IsWhiteSpace(ch) && !char.IsPunctuation(ch)).ToArray());
            var set = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i + 1 < t.Length; i++)
            {
                set.Add(t.Substring(i, 2));
            }
            return set;
        }
        var x = Bigrams(a);
        var y = Bigrams(b);
        if (x.Count == 0 || y.Count == 0)
        {
            return 0;
        }
        var common = x.Count(y.Contains);
        return 2.0 * common / (x.Count + y.Count);
    }
}
