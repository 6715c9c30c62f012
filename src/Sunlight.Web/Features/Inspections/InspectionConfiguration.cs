using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sunlight.Web.Features.Registry;

namespace Sunlight.Web.Features.Inspections;

/// <summary>Column lengths of the inspection tables, shared with the validators.</summary>
internal static class InspectionColumns
{
    public const int TitleLength = 100;
    public const int TextLength = 500;
    public const int CodeLength = 24;
    public const int NonceLength = 100;
}

internal sealed class InspectionPlanConfiguration : IEntityTypeConfiguration<InspectionPlan>
{
    public void Configure(EntityTypeBuilder<InspectionPlan> b)
    {
        b.ToTable("InspectionPlans");
        b.HasIndex(x => new { x.UnitId, x.Year });
        b.Property(x => x.RegionCode).HasMaxLength(6);
        b.Property(x => x.Title).HasMaxLength(InspectionColumns.TitleLength);
        b.Property(x => x.FiledBy).HasMaxLength(RegistryColumns.PersonLength * 2);
        b.HasOne<EnforcementUnit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class InspectionConfiguration : IEntityTypeConfiguration<Inspection>
{
    public void Configure(EntityTypeBuilder<Inspection> b)
    {
        b.ToTable("Inspections");
        // The enterprise's visits in date order, covering every column overlap detection, the caps and the door check read:
        // the self-join's inner side is one index range that never touches the table (bench overlaps).
        b.HasIndex(x => new { x.RegionCode, x.EnterpriseId, x.VisitDate, x.Type, x.UnitId, x.JointInspectionId, x.Id }).HasDatabaseName("IX_Inspections_EnterpriseVisits");
        b.HasIndex(x => new { x.UnitId, x.VisitDate });
        b.HasIndex(x => x.Code).IsUnique();
        b.Property(x => x.RegionCode).HasMaxLength(6);
        b.Property(x => x.Trigger).HasMaxLength(InspectionColumns.TextLength);
        b.Property(x => x.Purpose).HasMaxLength(InspectionColumns.TextLength);
        b.Property(x => x.BackfillReason).HasMaxLength(InspectionColumns.TextLength);
        b.Property(x => x.ResultNote).HasMaxLength(InspectionColumns.TextLength);
        b.Property(x => x.RegisteredBy).HasMaxLength(RegistryColumns.PersonLength * 2);
        b.Property(x => x.ApprovedBy).HasMaxLength(RegistryColumns.PersonLength);
        b.Property(x => x.Code).HasMaxLength(InspectionColumns.CodeLength);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<EnforcementUnit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Enterprise>().WithMany().HasForeignKey(x => x.EnterpriseId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<InspectionPlan>().WithMany().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<JointInspection>().WithMany().HasForeignKey(x => x.JointInspectionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class JointInspectionConfiguration : IEntityTypeConfiguration<JointInspection>
{
    public void Configure(EntityTypeBuilder<JointInspection> b)
    {
        b.ToTable("JointInspections");
        b.HasIndex(x => x.Code).IsUnique();
        b.HasIndex(x => new { x.RegionCode, x.EnterpriseId });
        b.Property(x => x.RegionCode).HasMaxLength(6);
        b.Property(x => x.Code).HasMaxLength(InspectionColumns.CodeLength);
        b.Property(x => x.CreatedBy).HasMaxLength(RegistryColumns.PersonLength * 2);
        b.HasOne<Enterprise>().WithMany().HasForeignKey(x => x.EnterpriseId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class RandomDrawConfiguration : IEntityTypeConfiguration<RandomDraw>
{
    public void Configure(EntityTypeBuilder<RandomDraw> b)
    {
        b.ToTable("RandomDraws");
        b.HasIndex(x => new { x.UnitId, x.DrawDate });
        b.Property(x => x.RegionCode).HasMaxLength(6);
        b.Property(x => x.Title).HasMaxLength(InspectionColumns.TitleLength);
        b.Property(x => x.Industry).HasMaxLength(EnterpriseConfiguration.IndustryLength);
        b.Property(x => x.PublicNonce).HasMaxLength(InspectionColumns.NonceLength);
        b.Property(x => x.Seed).HasMaxLength(64);
        b.Property(x => x.ResultSummary).HasMaxLength(InspectionColumns.TextLength);
        b.HasOne<EnforcementUnit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class QuietListEntryConfiguration : IEntityTypeConfiguration<QuietListEntry>
{
    public void Configure(EntityTypeBuilder<QuietListEntry> b)
    {
        b.ToTable("QuietListEntries");
        b.HasIndex(x => new { x.EnterpriseId, x.From });
        b.Property(x => x.RegionCode).HasMaxLength(6);
        b.Property(x => x.Reason).HasMaxLength(InspectionColumns.TextLength);
        b.HasOne<Enterprise>().WithMany().HasForeignKey(x => x.EnterpriseId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class InspectionRatingConfiguration : IEntityTypeConfiguration<InspectionRating>
{
    public void Configure(EntityTypeBuilder<InspectionRating> b)
    {
        b.ToTable("InspectionRatings");
        b.HasIndex(x => x.Code).IsUnique();
        b.HasIndex(x => x.EnterpriseId);
        b.Property(x => x.RegionCode).HasMaxLength(6);
        b.Property(x => x.Code).HasMaxLength(InspectionColumns.CodeLength);
        b.Property(x => x.Comment).HasMaxLength(InspectionColumns.TextLength);
    }
}

internal sealed class EnterpriseDoorCodeConfiguration : IEntityTypeConfiguration<EnterpriseDoorCode>
{
    public void Configure(EntityTypeBuilder<EnterpriseDoorCode> b)
    {
        b.ToTable("EnterpriseDoorCodes");
        b.HasIndex(x => x.Code).IsUnique();
        b.HasIndex(x => x.EnterpriseId);
        b.Property(x => x.RegionCode).HasMaxLength(6);
        b.Property(x => x.Code).HasMaxLength(InspectionColumns.CodeLength);
        b.HasOne<Enterprise>().WithMany().HasForeignKey(x => x.EnterpriseId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class InspectionCapConfiguration : IEntityTypeConfiguration<InspectionCap>
{
    public void Configure(EntityTypeBuilder<InspectionCap> b)
    {
        b.ToTable("InspectionCaps");
        b.HasIndex(x => new { x.RegionCode, x.UnitId, x.Industry });
        b.Property(x => x.RegionCode).HasMaxLength(6);
        b.Property(x => x.Industry).HasMaxLength(EnterpriseConfiguration.IndustryLength);
    }
}
