using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Sunlight.Web.Features.Enforcement;
using Sunlight.Web.Features.Enforcement.Rules;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Calendar;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Disclosure.Decisions;

/// <summary>
/// A published decision as the public reads it. A person party is shown masked (王某): the name is personal data the
/// publication does not need. A withdrawn decision shows only that it was withdrawn, when and why (行政处罚法 Art. 48):
/// its party and amounts are no longer published.
/// </summary>
internal sealed record PublicDecision(long Id, string Number, long UnitId, string UnitName, string KindName, bool Withdrawn, string? Party, string? PartyUscc,
    string ItemName, string LegalBasis, decimal? FineAmount, decimal? ConfiscationAmount, DateOnly? DecidedOn, DateOnly PublishedOn,
    int? PeriodDays, DateOnly? DueOn, DateOnly? RevokedOn, DateOnly? WithdrawnOn, string? WithdrawalReason)
{
    /// <summary>S-PUBLISH as the public sees it: published within the 7 / 20 working days, or late.</summary>
    public bool? OnTime => DueOn is { } due ? PublishedOn <= due : null;
}

/// <summary><c>/Disclosure/Decisions</c>: 执法决定公示 — published decisions, newest first, with the 7/20 WD tracking and withdrawals.</summary>
[AllowAnonymous]
internal sealed class DecisionsModel(SunlightDbContext db, IConfiguration config, WorkingCalendar calendar) : DisclosurePage(db, config)
{
    public const int QueryLength = 50;

    [BindProperty(SupportsGet = true)] public CaseKind? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }

    public Page<PublicDecision> List { get; private set; } = new([], null, 0);

    /// <summary>How a person party is published: the surname and 某.</summary>
    public static string MaskPerson(string name) => name.Trim() is { Length: > 0 } n ? n[..1] + "某" : "个人";

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadUnitsAsync(ct);
        var cases = OfUnit(Db.PublishedDecisions(Region));
        if (Kind is { } kind)
        {
            cases = cases.Where(c => c.Kind == kind);
        }
        if (Text(Q, QueryLength) is { } q)
        {
            // A person's name is never a search key: a search would confirm who was sanctioned behind the mask.
            cases = cases.Where(c => c.Number.Contains(q) || (c.PartyKind == PartyKind.Enterprise && (c.PartyName.Contains(q) || c.PartyUscc!.Contains(q))));
        }
        var page = await cases.KeysetAsync(c => c.Id, true, After, null, c => new
        {
            c.Id, c.Number, c.UnitId, c.Kind, c.Sector, c.PartyKind, c.PartyName, c.PartyUscc, c.ItemName, c.LegalBasis, c.FineAmount, c.ConfiscationAmount,
            c.IsOnTheSpot, Decided = c.Milestones.Where(m => m.Kind == MilestoneKind.Decided).Min(m => (DateOnly?)m.On), PublishedOn = c.PublishedOn!.Value,
            c.DecisionRevokedOn, c.WithdrawnOn, c.WithdrawalReason,
        }, c => c.Id, ct);
        var names = await UnitNamesAsync(page.Items.Select(c => c.UnitId), ct);
        var thresholds = await ThresholdBook.LoadAsync(Db, ct);
        List = page.Map(c =>
        {
            var person = c.PartyKind == PartyKind.Person;
            var withdrawn = c.WithdrawnOn is not null;
            // 当场 decisions and inspections carry no publication period (S-PUBLISH).
            int? days = c.IsOnTheSpot || c.Kind == CaseKind.Inspection || c.Decided is null ? null
                : c.Kind is CaseKind.Penalty or CaseKind.Licensing ? thresholds.For(c.UnitId, c.Sector).DisclosureWorkingDays
                : thresholds.For(c.UnitId, c.Sector).OtherDisclosureWorkingDays;
            var party = person ? MaskPerson(c.PartyName) : c.PartyName;
            return new PublicDecision(c.Id, c.Number, c.UnitId, names.GetValueOrDefault(c.UnitId, ""), EnforcementNames.Kind(c.Kind), withdrawn,
                withdrawn ? null : party, withdrawn || person ? null : c.PartyUscc, c.ItemName, c.LegalBasis,
                withdrawn ? null : c.FineAmount, withdrawn ? null : c.ConfiscationAmount, c.Decided, c.PublishedOn,
                days, days is { } d ? calendar.AddWorkingDays(c.Decided!.Value, d).Date : null, c.DecisionRevokedOn, c.WithdrawnOn,
                person && c.PartyName.Length > 0 ? c.WithdrawalReason?.Replace(c.PartyName.Trim(), party, StringComparison.Ordinal) : c.WithdrawalReason);
        });
    }
}
