using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sunlight.Web.Features.Enforcement;
using Sunlight.Web.Features.Registry;
using Sunlight.Web.Infrastructure.Files;

namespace Sunlight.Web.Features.Leniency;

/// <summary>Column lengths: one constant for the column and the validators.</summary>
internal static class LeniencyColumns
{
    public const int NameLength = CaseColumns.ItemNameLength;
    public const int LegalBasisLength = CaseColumns.LegalBasisLength;
    public const int FormLength = 50;
    public const int NoteLength = 500;
    public const int ConditionLength = 300;
    public const int NumberLength = 40;
    public const int EnterpriseNameLength = CaseColumns.PartyNameLength;
    public const int FactsLength = 2000;
    public const int EducationLength = 1000;
    public const int EvidenceLength = 1000;
    public const int PersonLength = 100;
    public const int MatterLength = 500;
    public const int ResultLength = 1000;
    public const int ContactLength = 100;
    public const int AnswerLength = 2000;
}

internal sealed class LeniencyListConfiguration : IEntityTypeConfiguration<LeniencyList>
{
    public void Configure(EntityTypeBuilder<LeniencyList> b)
    {
        b.ToTable("LeniencyLists");
        b.HasIndex(x => new { x.UnitId, x.Kind, x.Number }).IsUnique();
        b.HasIndex(x => new { x.RegionCode, x.Id });
        b.Property(x => x.RegionCode).HasMaxLength(6);
        b.Property(x => x.CreatedBy).HasMaxLength(LeniencyColumns.PersonLength);
        b.Property(x => x.ApprovedBy).HasMaxLength(LeniencyColumns.PersonLength);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<EnforcementUnit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Items).WithOne(i => i.List).HasForeignKey(i => i.ListId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ListItemConfiguration : IEntityTypeConfiguration<ListItem>
{
    public void Configure(EntityTypeBuilder<ListItem> b)
    {
        b.ToTable("LeniencyListItems");
        b.HasIndex(x => new { x.ListId, x.Order });
        b.HasIndex(x => new { x.UnitId, x.Id });
        b.Property(x => x.RegionCode).HasMaxLength(6);
        b.Property(x => x.Name).HasMaxLength(LeniencyColumns.NameLength);
        b.Property(x => x.LegalBasis).HasMaxLength(LeniencyColumns.LegalBasisLength);
        b.Property(x => x.Form).HasMaxLength(LeniencyColumns.FormLength);
        b.Property(x => x.Note).HasMaxLength(LeniencyColumns.NoteLength);
        b.HasMany(x => x.Conditions).WithOne().HasForeignKey(c => c.ItemId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ListConditionConfiguration : IEntityTypeConfiguration<ListCondition>
{
    public void Configure(EntityTypeBuilder<ListCondition> b)
    {
        b.ToTable("LeniencyListConditions");
        b.Property(x => x.Text).HasMaxLength(LeniencyColumns.ConditionLength);
    }
}

internal sealed class ExemptionCaseConfiguration : IEntityTypeConfiguration<ExemptionCase>
{
    public void Configure(EntityTypeBuilder<ExemptionCase> b)
    {
        b.ToTable("ExemptionCases");
        b.HasIndex(x => new { x.UnitId, x.Number }).IsUnique();
        b.HasIndex(x => new { x.RegionCode, x.Id });
        b.HasIndex(x => new { x.UnitId, x.Id });
        // The first-violation check (bench first-violation): one enterprise's exemptions of an item in a unit, by date.
        b.HasIndex(x => new { x.Uscc, x.UnitId, x.ItemName, x.ViolationOn });
        b.HasIndex(x => new { x.State, x.CorrectionDeadline });
        b.Property(x => x.RegionCode).HasMaxLength(6);
        b.Property(x => x.Number).HasMaxLength(LeniencyColumns.NumberLength);
        b.Property(x => x.ItemName).HasMaxLength(LeniencyColumns.NameLength);
        b.Property(x => x.LegalBasis).HasMaxLength(LeniencyColumns.LegalBasisLength);
        b.Property(x => x.Uscc).HasMaxLength(18);
        b.Property(x => x.EnterpriseName).HasMaxLength(LeniencyColumns.EnterpriseNameLength);
        b.Property(x => x.Facts).HasMaxLength(LeniencyColumns.FactsLength);
        b.Property(x => x.Education).HasMaxLength(LeniencyColumns.EducationLength);
        b.Property(x => x.PledgeEvidence).HasMaxLength(LeniencyColumns.EvidenceLength);
        b.Property(x => x.Officer).HasMaxLength(LeniencyColumns.PersonLength);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<EnforcementUnit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ListItem>().WithMany().HasForeignKey(x => x.ListItemId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<StoredFile>().WithMany().HasForeignKey(x => x.SignedLetterFileId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<EnforcementCase>().WithMany().HasForeignKey(x => x.PenaltyCaseId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Conditions).WithOne().HasForeignKey(c => c.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ExemptionConditionConfiguration : IEntityTypeConfiguration<ExemptionCondition>
{
    public void Configure(EntityTypeBuilder<ExemptionCondition> b)
    {
        b.ToTable("ExemptionConditions");
        b.Property(x => x.Text).HasMaxLength(LeniencyColumns.ConditionLength);
    }
}

internal sealed class GuidanceRecordConfiguration : IEntityTypeConfiguration<GuidanceRecord>
{
    public void Configure(EntityTypeBuilder<GuidanceRecord> b)
    {
        b.ToTable("GuidanceRecords");
        b.HasIndex(x => new { x.RegionCode, x.Id });
        b.HasIndex(x => new { x.UnitId, x.Id });
        b.Property(x => x.RegionCode).HasMaxLength(6);
        b.Property(x => x.TargetName).HasMaxLength(LeniencyColumns.EnterpriseNameLength);
        b.Property(x => x.TargetUscc).HasMaxLength(18);
        b.Property(x => x.Matter).HasMaxLength(LeniencyColumns.MatterLength);
        b.Property(x => x.Basis).HasMaxLength(LeniencyColumns.LegalBasisLength);
        b.Property(x => x.Officer).HasMaxLength(LeniencyColumns.PersonLength);
        b.Property(x => x.Result).HasMaxLength(LeniencyColumns.ResultLength);
        b.HasOne<EnforcementUnit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<GuidanceRequest>().WithMany().HasForeignKey(x => x.RequestId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class GuidanceRequestConfiguration : IEntityTypeConfiguration<GuidanceRequest>
{
    public void Configure(EntityTypeBuilder<GuidanceRequest> b)
    {
        b.ToTable("GuidanceRequests");
        b.HasIndex(x => new { x.RegionCode, x.Id });
        b.HasIndex(x => new { x.UnitId, x.Id });
        b.HasIndex(x => x.Uscc);
        b.HasIndex(x => new { x.State, x.DueOn });
        b.Property(x => x.RegionCode).HasMaxLength(6);
        b.Property(x => x.Uscc).HasMaxLength(18);
        b.Property(x => x.EnterpriseName).HasMaxLength(LeniencyColumns.EnterpriseNameLength);
        b.Property(x => x.Contact).HasMaxLength(LeniencyColumns.ContactLength);
        b.Property(x => x.Matter).HasMaxLength(LeniencyColumns.MatterLength);
        b.Property(x => x.Answer).HasMaxLength(LeniencyColumns.AnswerLength);
        b.Property(x => x.AnsweredBy).HasMaxLength(LeniencyColumns.PersonLength);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<EnforcementUnit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class LeniencySettingConfiguration : IEntityTypeConfiguration<LeniencySetting>
{
    public void Configure(EntityTypeBuilder<LeniencySetting> b)
    {
        b.ToTable("LeniencySettings");
        b.HasIndex(x => x.RegionCode).IsUnique();
        b.Property(x => x.RegionCode).HasMaxLength(6);
        b.Property(x => x.PledgeReminderDays).HasDefaultValue(LeniencySetting.DefaultPledgeReminderDays);
        b.Property(x => x.GuidanceAnswerDays).HasDefaultValue(LeniencySetting.DefaultGuidanceAnswerDays);
    }
}
