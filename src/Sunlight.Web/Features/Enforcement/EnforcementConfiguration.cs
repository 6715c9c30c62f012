using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sunlight.Web.Features.Registry;

namespace Sunlight.Web.Features.Enforcement;

/// <summary>Column lengths of the register: one constant for the column and the validators.</summary>
internal static class CaseColumns
{
    public const int NumberLength = 60;
    public const int TitleLength = 200;
    public const int SectorLength = 50;
    public const int PartyNameLength = 200;
    public const int ItemNameLength = UnitItemColumns.NameLength;
    public const int LegalBasisLength = UnitItemColumns.LegalBasisLength;
    public const int NoteLength = 1000;
    public const int ReasonLength = 500;
    public const int ActCodeLength = 32;
    public const int RuleLength = 20;
    public const int MessageLength = 500;
    public const int PersonLength = RegistryColumns.PersonLength;
    public const int DocumentKindLength = 50;
    public const int FileNameLength = 200;
}

internal sealed class EnforcementCaseConfiguration : IEntityTypeConfiguration<EnforcementCase>
{
    public void Configure(EntityTypeBuilder<EnforcementCase> b)
    {
        b.ToTable("EnforcementCases");
        b.HasIndex(x => new { x.UnitId, x.Number }).IsUnique();
        b.HasIndex(x => x.ActCode).IsUnique();
        // Keyset lists newest first, county-wide and per unit.
        b.HasIndex(x => new { x.RegionCode, x.Id });
        b.HasIndex(x => new { x.UnitId, x.Id });
        // A party's cases: the enterprise's own list and act codes use the prefix; the first-violation check (P-FIRST)
        // seeks one unit's penalty cases of one item, and its pre-check the other units' penalty cases in the window,
        // both answered from the index without reading the wide rows they reject (bench first-violation: an enterprise
        // with 2,000 cases).
        b.HasIndex(x => new { x.PartyUscc, x.Kind, x.UnitId, x.ItemName, x.ViolationOn, x.FiledOn });
        b.Property(x => x.RegionCode).HasMaxLength(6);
        b.Property(x => x.Number).HasMaxLength(CaseColumns.NumberLength);
        b.Property(x => x.Title).HasMaxLength(CaseColumns.TitleLength);
        b.Property(x => x.Sector).HasMaxLength(CaseColumns.SectorLength);
        b.Property(x => x.PartyName).HasMaxLength(CaseColumns.PartyNameLength);
        b.Property(x => x.PartyUscc).HasMaxLength(18);
        b.Property(x => x.ItemName).HasMaxLength(CaseColumns.ItemNameLength);
        b.Property(x => x.LegalBasis).HasMaxLength(CaseColumns.LegalBasisLength);
        b.Property(x => x.FineAmount).HasPrecision(18, 2);
        b.Property(x => x.ConfiscationAmount).HasPrecision(18, 2);
        b.Property(x => x.WithdrawalReason).HasMaxLength(CaseColumns.ReasonLength);
        b.Property(x => x.ActCode).HasMaxLength(CaseColumns.ActCodeLength);
        b.Property(x => x.PartyPinHash).HasMaxLength(100);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<EnforcementItem>().WithMany().HasForeignKey(x => x.EnforcementItemId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Milestones).WithOne().HasForeignKey(m => m.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Officers).WithOne().HasForeignKey(m => m.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Extensions).WithOne().HasForeignKey(m => m.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Reviews).WithOne().HasForeignKey(m => m.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Records).WithOne().HasForeignKey(m => m.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.Ignore(x => x.LatestReview);
    }
}

internal sealed class CaseMilestoneConfiguration : IEntityTypeConfiguration<CaseMilestone>
{
    public void Configure(EntityTypeBuilder<CaseMilestone> b)
    {
        b.ToTable("CaseMilestones");
        b.HasIndex(x => new { x.CaseId, x.Kind });
        b.Property(x => x.Note).HasMaxLength(CaseColumns.NoteLength);
        b.Property(x => x.RecordedBy).HasMaxLength(100);
    }
}

internal sealed class CaseOfficerConfiguration : IEntityTypeConfiguration<CaseOfficer>
{
    public void Configure(EntityTypeBuilder<CaseOfficer> b)
    {
        b.ToTable("CaseOfficers");
        b.HasIndex(x => new { x.CaseId, x.OfficerId }).IsUnique();
        b.HasOne(x => x.Officer).WithMany().HasForeignKey(x => x.OfficerId).OnDelete(DeleteBehavior.Restrict);
        // The officer row is scoped (its unit, its county): the case's officer links follow the same filter through the
        // navigation, so a link is never read without the officer it points at (EF's required-navigation warning).
        b.HasQueryFilter(x => x.Officer != null);
    }
}

internal sealed class CaseExtensionConfiguration : IEntityTypeConfiguration<CaseExtension>
{
    public void Configure(EntityTypeBuilder<CaseExtension> b)
    {
        b.ToTable("CaseExtensions");
        b.HasIndex(x => x.CaseId);
        b.Property(x => x.Reason).HasMaxLength(CaseColumns.ReasonLength);
    }
}

internal sealed class LegalReviewConfiguration : IEntityTypeConfiguration<LegalReview>
{
    public void Configure(EntityTypeBuilder<LegalReview> b)
    {
        b.ToTable("LegalReviews");
        b.HasIndex(x => x.CaseId);
        b.Property(x => x.Reviewer).HasMaxLength(100);
        b.Property(x => x.Opinion).HasMaxLength(CaseColumns.NoteLength);
    }
}

internal sealed class ProcessRecordConfiguration : IEntityTypeConfiguration<ProcessRecord>
{
    public void Configure(EntityTypeBuilder<ProcessRecord> b)
    {
        b.ToTable("ProcessRecords");
        b.HasIndex(x => new { x.CaseId, x.Milestone });
        b.Property(x => x.DocumentKind).HasMaxLength(CaseColumns.DocumentKindLength);
        b.Property(x => x.FileName).HasMaxLength(CaseColumns.FileNameLength);
        b.Property(x => x.ContentType).HasMaxLength(100);
        b.Property(x => x.Sha256).HasMaxLength(64);
        b.Property(x => x.StoredBy).HasMaxLength(100);
    }
}

internal sealed class WarningConfiguration : IEntityTypeConfiguration<Warning>
{
    public void Configure(EntityTypeBuilder<Warning> b)
    {
        b.ToTable("Warnings");
        b.HasIndex(x => new { x.CaseId, x.Rule });
        // The board (county, by state, newest first) and a unit's task list.
        b.HasIndex(x => new { x.RegionCode, x.State, x.Id });
        b.HasIndex(x => new { x.UnitId, x.State, x.Id });
        b.Property(x => x.RegionCode).HasMaxLength(6);
        b.Property(x => x.Rule).HasMaxLength(CaseColumns.RuleLength);
        b.Property(x => x.Message).HasMaxLength(CaseColumns.MessageLength);
        b.Property(x => x.DismissReason).HasMaxLength(CaseColumns.ReasonLength);
        b.Property(x => x.ClosedBy).HasMaxLength(100);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne(x => x.Case).WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<EnforcementUnit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(x => x.IsOpen);
    }
}

internal sealed class LegalityThresholdsConfiguration : IEntityTypeConfiguration<LegalityThresholds>
{
    public void Configure(EntityTypeBuilder<LegalityThresholds> b)
    {
        b.ToTable("LegalityThresholds");
        b.HasIndex(x => new { x.RegionCode, x.UnitId, x.Sector });
        b.Property(x => x.RegionCode).HasMaxLength(6);
        b.Property(x => x.Sector).HasMaxLength(CaseColumns.SectorLength);
        foreach (var amount in new[]
                 {
                     nameof(LegalityThresholds.HearingFinePerson), nameof(LegalityThresholds.HearingFineOrganisation),
                     nameof(LegalityThresholds.HearingConfiscationPerson), nameof(LegalityThresholds.HearingConfiscationOrganisation),
                     nameof(LegalityThresholds.ReviewFinePerson), nameof(LegalityThresholds.ReviewFineOrganisation),
                     nameof(LegalityThresholds.OnTheSpotPerson), nameof(LegalityThresholds.OnTheSpotOrganisation),
                 })
        {
            b.Property(amount).HasPrecision(18, 2);
        }
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<EnforcementUnit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CaseImportMappingConfiguration : IEntityTypeConfiguration<CaseImportMapping>
{
    public const int ColumnsLength = 4000;

    public void Configure(EntityTypeBuilder<CaseImportMapping> b)
    {
        b.ToTable("CaseImportMappings");
        b.HasIndex(x => x.UnitId).IsUnique();
        b.Property(x => x.RegionCode).HasMaxLength(6);
        b.Property(x => x.Columns).HasMaxLength(ColumnsLength);
        b.HasOne<EnforcementUnit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
