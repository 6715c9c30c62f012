using Microsoft.EntityFrameworkCore;
using Sunlight.Web.Features.Enforcement.Rules;
using Sunlight.Web.Infrastructure.Api;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Enforcement.Queries;

/// <summary>The register's filters and keyset paging (<c>after</c> = the last id seen, newest first).</summary>
internal sealed record CaseQuery(long? UnitId, CaseKind? Kind, MilestoneKind? Stage, bool? Warned, string? Q, long? After, int? Limit);

/// <summary>The warning board's filters (Supervisor: the county; UnitStaff: their unit's task list).</summary>
internal sealed record WarningQuery(long? UnitId, WarningState? State, string? Rule, long? CaseId, long? After, int? Limit);

internal sealed record CaseRow(long Id, string Number, string Title, CaseKind Kind, string KindName, long UnitId, string UnitName,
    string PartyName, MilestoneKind? Stage, string StageName, DateOnly? FiledOn, int OpenWarnings);

internal sealed record MilestoneDto(long Id, MilestoneKind Kind, string Name, DateOnly On, string? Note, string RecordedBy);

internal sealed record CaseOfficerDto(long OfficerId, string Name, bool IsAuxiliary, string? CredentialNumber, DateOnly? CredentialValidTo);

internal sealed record ReviewDto(long Id, DateOnly ReviewedOn, string Reviewer, ReviewOutcome Outcome, string OutcomeName, string? Opinion, bool AllChecked);

internal sealed record WarningDto(long Id, long CaseId, string CaseNumber, long UnitId, string UnitName, string Rule, string RuleTitle, string Basis,
    RuleSeverity Severity, string SeverityName, string Message, bool IsApproaching, DateOnly? DueOn, WarningState State, string StateName,
    DateTimeOffset RaisedAt, string? DismissReason, string? ClosedBy, long? ProblemId, Guid Version);

internal sealed record CaseDetail(long Id, string Number, string Title, CaseKind Kind, string KindName, long UnitId, string UnitName,
    PartyKind PartyKind, string PartyName, string? PartyUscc, long? EnforcementItemId, string ItemName, string LegalBasis, string? Sector,
    decimal? FineAmount, decimal? ConfiscationAmount, bool IsOnTheSpot, bool IsHighRisk, bool IsSevereSanction, bool IsMajor, bool HarmsLifeOrProperty,
    DateOnly? ViolationOn, DateOnly? FiledOn, MilestoneKind? Stage, string StageName, DateOnly? PublishedOn, DateOnly? WithdrawnOn,
    string ActCode, bool NeedsLegalReview, bool ReviewApproved, Guid Version,
    IReadOnlyList<MilestoneDto> Milestones, IReadOnlyList<CaseOfficerDto> Officers, IReadOnlyList<ReviewDto> Reviews, IReadOnlyList<WarningDto> Warnings,
    IReadOnlyList<ExtensionDto> Extensions, IReadOnlyList<ProcessRecordDto> Records);

internal sealed record ExtensionDto(long Id, ExtensionKind Kind, string KindName, int Days, string Reason, DateOnly ApprovedOn);

/// <summary>A process record as the case page lists it: its milestone, kind, file and SHA-256 (the fingerprint to check a copy against).</summary>
internal sealed record ProcessRecordDto(long Id, MilestoneKind Milestone, string MilestoneName, string DocumentKind, bool IsAudioVideo, string FileName,
    long Size, string Sha256, DateTimeOffset StoredAt, string StoredBy);

/// <summary>The register's reads: the case list, a case with everything, the warning board.</summary>
internal sealed class CaseQueries(SunlightDbContext db, LegalityChecker checker)
{
    public static string StageName(MilestoneKind? stage) => stage is { } s ? EnforcementNames.Milestone(s) : "—";

    public async Task<Page<CaseRow>> PageAsync(CaseQuery q, CancellationToken ct)
    {
        var cases = db.EnforcementCases.AsNoTracking();
        if (q.UnitId is { } unit)
        {
            cases = cases.Where(c => c.UnitId == unit);
        }
        if (q.Kind is { } kind)
        {
            cases = cases.Where(c => c.Kind == kind);
        }
        if (q.Stage is { } stage)
        {
            cases = cases.Where(c => c.Stage == stage);
        }
        if (q.Warned is { } warned)
        {
            var open = db.Warnings.Where(w => w.State == WarningState.Open);
            cases = warned ? cases.Where(c => open.Any(w => w.CaseId == c.Id)) : cases.Where(c => !open.Any(w => w.CaseId == c.Id));
        }
        if (!string.IsNullOrWhiteSpace(q.Q))
        {
            var text = q.Q.Trim();
            cases = cases.Where(c => c.Number.Contains(text) || c.PartyName.Contains(text) || c.Title.Contains(text));
        }
        var page = await cases.KeysetAsync(c => c.Id, true, q.After, q.Limit,
            c => new
            {
                c.Id, c.Number, c.Title, c.Kind, c.UnitId, c.PartyName, c.Stage, c.FiledOn,
                Open = db.Warnings.Count(w => w.CaseId == c.Id && w.State == WarningState.Open),
            }, r => r.Id, ct);
        var units = await db.UnitNamesAsync(page.Items.Select(r => (long?)r.UnitId), ct);
        return page.Map(r => new CaseRow(r.Id, r.Number, r.Title, r.Kind, EnforcementNames.Kind(r.Kind), r.UnitId, units.GetValueOrDefault(r.UnitId, ""),
            r.PartyName, r.Stage, StageName(r.Stage), r.FiledOn, r.Open));
    }

    public async Task<CaseDetail?> DetailAsync(long id, CancellationToken ct)
    {
        var c = await CaseWork.Whole(db.EnforcementCases.AsNoTracking()).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null)
        {
            return null;
        }
        var units = await db.UnitNamesAsync([c.UnitId], ct);
        var thresholds = (await ThresholdBook.LoadAsync(db, ct)).For(c.UnitId, c.Sector);
        var warnings = await WarningRows(db.Warnings.AsNoTracking().Where(w => w.CaseId == id).OrderByDescending(w => w.Id), ct);
        return new CaseDetail(c.Id, c.Number, c.Title, c.Kind, EnforcementNames.Kind(c.Kind), c.UnitId, units.GetValueOrDefault(c.UnitId, ""),
            c.PartyKind, c.PartyName, c.PartyUscc, c.EnforcementItemId, c.ItemName, c.LegalBasis, c.Sector,
            c.FineAmount, c.ConfiscationAmount, c.IsOnTheSpot, c.IsHighRisk, c.IsSevereSanction, c.IsMajor, c.HarmsLifeOrProperty,
            c.ViolationOn, c.FiledOn, c.Stage, StageName(c.Stage), c.PublishedOn, c.WithdrawnOn, c.ActCode,
            CaseFacts.NeedsLegalReview(c, thresholds), CaseFacts.ReviewApproved(c), c.Version,
            c.Milestones.OrderBy(m => m.Kind).ThenBy(m => m.On).Select(m => new MilestoneDto(m.Id, m.Kind, EnforcementNames.Milestone(m.Kind), m.On, m.Note, m.RecordedBy)).ToList(),
            c.Officers.Where(o => o.Officer is not null).Select(o =>
            {
                var k = o.Officer!.Credentials.OrderByDescending(x => x.ValidTo).FirstOrDefault();
                return new CaseOfficerDto(o.OfficerId, o.Officer.Name, o.Officer.IsAuxiliary, k?.Number, k?.ValidTo);
            }).ToList(),
            c.Reviews.OrderBy(r => r.ReviewedOn).ThenBy(r => r.Id).Select(r => new ReviewDto(r.Id, r.ReviewedOn, r.Reviewer, r.Outcome, EnforcementNames.Outcome(r.Outcome), r.Opinion,
                r.SubjectChecked && r.QualificationChecked && r.ProcedureChecked && r.FactsChecked && r.BasisChecked && r.PowerChecked && r.DocumentsChecked && r.CrimeTransferChecked)).ToList(),
            warnings,
            c.Extensions.OrderBy(e => e.ApprovedOn).ThenBy(e => e.Id).Select(e => new ExtensionDto(e.Id, e.Kind, EnforcementNames.Extension(e.Kind), e.Days, e.Reason, e.ApprovedOn)).ToList(),
            c.Records.OrderBy(r => r.Milestone).ThenBy(r => r.Id).Select(r => new ProcessRecordDto(r.Id, r.Milestone, EnforcementNames.Milestone(r.Milestone), r.DocumentKind,
                r.IsAudioVideo, r.FileName, r.Size, r.Sha256, r.StoredAt, r.StoredBy)).ToList());
    }

    public async Task<WarningDto?> WarningAsync(long id, CancellationToken ct) =>
        (await WarningRows(db.Warnings.AsNoTracking().Where(w => w.Id == id), ct)).FirstOrDefault();

    public async Task<Page<WarningDto>> WarningPageAsync(WarningQuery q, CancellationToken ct)
    {
        var warnings = db.Warnings.AsNoTracking();
        if (q.UnitId is { } unit)
        {
            warnings = warnings.Where(w => w.UnitId == unit);
        }
        if (q.State is { } state)
        {
            warnings = warnings.Where(w => w.State == state);
        }
        if (!string.IsNullOrWhiteSpace(q.Rule))
        {
            warnings = warnings.Where(w => w.Rule == q.Rule);
        }
        if (q.CaseId is { } caseId)
        {
            warnings = warnings.Where(w => w.CaseId == caseId);
        }
        var page = await warnings.KeysetAsync(w => w.Id, true, q.After, q.Limit, w => w, w => w.Id, ct);
        var rows = await Describe(page.Items, ct);
        return new Page<WarningDto>(rows, page.NextCursor, page.Total, page.TotalCapped);
    }

    private async Task<List<WarningDto>> WarningRows(IQueryable<Warning> warnings, CancellationToken ct) => await Describe(await warnings.ToListAsync(ct), ct);

    private async Task<List<WarningDto>> Describe(IReadOnlyList<Warning> warnings, CancellationToken ct)
    {
        var caseIds = warnings.Select(w => w.CaseId).Distinct().ToList();
        var numbers = await db.EnforcementCases.AsNoTracking().Where(c => caseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Number, ct);
        var units = await db.UnitNamesAsync(warnings.Select(w => (long?)w.UnitId), ct);
        return warnings.Select(w =>
        {
            var rule = checker.Find(w.Rule);
            return new WarningDto(w.Id, w.CaseId, numbers.GetValueOrDefault(w.CaseId, ""), w.UnitId, units.GetValueOrDefault(w.UnitId, ""), w.Rule,
                rule?.Title ?? w.Rule, rule?.Basis ?? "", w.Severity, EnforcementNames.Severity(w.Severity), w.Message, w.IsApproaching, w.DueOn,
                w.State, EnforcementNames.State(w.State), w.RaisedAt, w.DismissReason, w.ClosedBy, w.ProblemId, w.Version);
        }).ToList();
    }
}
