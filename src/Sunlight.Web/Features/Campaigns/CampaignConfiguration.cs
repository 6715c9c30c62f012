using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sunlight.Web.Features.Enforcement;
using Sunlight.Web.Features.Registry;

namespace Sunlight.Web.Features.Campaigns;

/// <summary>Column lengths, shared by the EF configuration and the validators.</summary>
internal static class CampaignColumns
{
    public const int NameLength = 200;
    public const int ScopeLength = 500;
    public const int PlanLength = 2000;
    public const int ItemTitleLength = 200;
    public const int PointTextLength = 500;
    public const int ExplanationLength = 1000;
    public const int EvidenceLength = 500;
    public const int ReasonLength = 500;
    public const int PersonLength = 100;
    public const int NotesLength = 2000;
    public const int CodeLength = 20;
    public const int UnitCodesLength = 1000;
    public const int KindsLength = 200;
    public const int GradeLength = 10;
}

internal sealed class CampaignConfiguration : IEntityTypeConfiguration<Campaign>
{
    public void Configure(EntityTypeBuilder<Campaign> b)
    {
        b.ToTable("Campaigns");
        b.HasIndex(x => new { x.RegionCode, x.Id });
        b.Property(x => x.RegionCode).HasMaxLength(6);
        b.Property(x => x.Name).HasMaxLength(CampaignColumns.NameLength);
        b.Property(x => x.Scope).HasMaxLength(CampaignColumns.ScopeLength);
        b.Property(x => x.Plan).HasMaxLength(CampaignColumns.PlanLength);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasMany(x => x.Units).WithOne().HasForeignKey(u => u.CampaignId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Items).WithOne().HasForeignKey(i => i.CampaignId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CampaignUnitConfiguration : IEntityTypeConfiguration<CampaignUnit>
{
    public void Configure(EntityTypeBuilder<CampaignUnit> b)
    {
        b.ToTable("CampaignUnits");
        b.HasIndex(x => new { x.CampaignId, x.UnitId }).IsUnique();
        b.HasOne<EnforcementUnit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ChecklistItemConfiguration : IEntityTypeConfiguration<ChecklistItem>
{
    public void Configure(EntityTypeBuilder<ChecklistItem> b)
    {
        b.ToTable("ChecklistItems");
        b.Property(x => x.Title).HasMaxLength(CampaignColumns.ItemTitleLength);
        b.HasMany(x => x.Points).WithOne().HasForeignKey(p => p.ItemId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ChecklistPointConfiguration : IEntityTypeConfiguration<ChecklistPoint>
{
    public void Configure(EntityTypeBuilder<ChecklistPoint> b)
    {
        b.ToTable("ChecklistPoints");
        b.Property(x => x.Text).HasMaxLength(CampaignColumns.PointTextLength);
    }
}

internal sealed class SelfInspectionConfiguration : IEntityTypeConfiguration<SelfInspection>
{
    public void Configure(EntityTypeBuilder<SelfInspection> b)
    {
        b.ToTable("SelfInspections");
        b.HasIndex(x => new { x.CampaignId, x.UnitId }).IsUnique();
        b.HasIndex(x => new { x.UnitId, x.Id });
        b.Property(x => x.RegionCode).HasMaxLength(6);
        b.Property(x => x.ReturnReason).HasMaxLength(CampaignColumns.ReasonLength);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Campaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<EnforcementUnit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Answers).WithOne().HasForeignKey(a => a.SelfInspectionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SelfInspectionAnswerConfiguration : IEntityTypeConfiguration<SelfInspectionAnswer>
{
    public void Configure(EntityTypeBuilder<SelfInspectionAnswer> b)
    {
        b.ToTable("SelfInspectionAnswers");
        b.HasIndex(x => new { x.SelfInspectionId, x.PointId }).IsUnique();
        b.Property(x => x.Explanation).HasMaxLength(CampaignColumns.ExplanationLength);
        b.Property(x => x.Evidence).HasMaxLength(CampaignColumns.EvidenceLength);
        b.HasOne<ChecklistPoint>().WithMany().HasForeignKey(x => x.PointId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TeamMemberConfiguration : IEntityTypeConfiguration<TeamMember>
{
    public void Configure(EntityTypeBuilder<TeamMember> b)
    {
        b.ToTable("CampaignTeamMembers");
        b.HasIndex(x => new { x.CampaignId, x.UserName });
        b.Property(x => x.RegionCode).HasMaxLength(6);
        b.Property(x => x.Name).HasMaxLength(CampaignColumns.PersonLength);
        b.Property(x => x.UserName).HasMaxLength(256);
        b.HasOne<Campaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SupervisoryInspectionConfiguration : IEntityTypeConfiguration<SupervisoryInspection>
{
    public void Configure(EntityTypeBuilder<SupervisoryInspection> b)
    {
        b.ToTable("SupervisoryInspections");
        b.HasIndex(x => new { x.CampaignId, x.UnitId }).IsUnique();
        b.Property(x => x.RegionCode).HasMaxLength(6);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Campaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<EnforcementUnit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Members).WithOne().HasForeignKey(m => m.SupervisoryInspectionId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Visits).WithOne().HasForeignKey(m => m.SupervisoryInspectionId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Assessments).WithOne().HasForeignKey(m => m.SupervisoryInspectionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class InspectionAssignmentConfiguration : IEntityTypeConfiguration<InspectionAssignment>
{
    public void Configure(EntityTypeBuilder<InspectionAssignment> b)
    {
        b.ToTable("InspectionAssignments");
        b.HasIndex(x => new { x.SupervisoryInspectionId, x.TeamMemberId }).IsUnique();
        b.HasOne<TeamMember>().WithMany().HasForeignKey(x => x.TeamMemberId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SupervisionVisitConfiguration : IEntityTypeConfiguration<SupervisionVisit>
{
    public void Configure(EntityTypeBuilder<SupervisionVisit> b)
    {
        b.ToTable("SupervisionVisits");
        b.Property(x => x.Notes).HasMaxLength(CampaignColumns.NotesLength);
        b.Property(x => x.RecordedBy).HasMaxLength(CampaignColumns.PersonLength);
    }
}

internal sealed class PointAssessmentConfiguration : IEntityTypeConfiguration<PointAssessment>
{
    public void Configure(EntityTypeBuilder<PointAssessment> b)
    {
        b.ToTable("PointAssessments");
        b.HasIndex(x => new { x.SupervisoryInspectionId, x.PointId }).IsUnique();
        b.Property(x => x.Note).HasMaxLength(CampaignColumns.ExplanationLength);
        b.HasOne<ChecklistPoint>().WithMany().HasForeignKey(x => x.PointId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class EnterpriseVisitConfiguration : IEntityTypeConfiguration<EnterpriseVisit>
{
    public void Configure(EntityTypeBuilder<EnterpriseVisit> b)
    {
        b.ToTable("EnterpriseVisits");
        b.HasIndex(x => new { x.CampaignId, x.EnterpriseId });
        b.Property(x => x.RegionCode).HasMaxLength(6);
        b.Property(x => x.Account).HasMaxLength(CampaignColumns.NotesLength);
        b.Property(x => x.RecordedBy).HasMaxLength(CampaignColumns.PersonLength);
        b.HasOne<Campaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Enterprise>().WithMany().HasForeignKey(x => x.EnterpriseId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<EnforcementUnit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class RubricConfiguration : IEntityTypeConfiguration<Rubric>
{
    public void Configure(EntityTypeBuilder<Rubric> b)
    {
        b.ToTable("Rubrics");
        b.HasIndex(x => new { x.RegionCode, x.VersionNumber }).IsUnique();
        b.Property(x => x.RegionCode).HasMaxLength(6);
        b.Property(x => x.Name).HasMaxLength(CampaignColumns.NameLength);
        b.HasMany(x => x.Items).WithOne().HasForeignKey(i => i.RubricId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RubricItemConfiguration : IEntityTypeConfiguration<RubricItem>
{
    public void Configure(EntityTypeBuilder<RubricItem> b)
    {
        b.ToTable("RubricItems");
        b.Property(x => x.Code).HasMaxLength(CampaignColumns.CodeLength);
        b.Property(x => x.Text).HasMaxLength(CampaignColumns.ItemTitleLength);
    }
}

internal sealed class ReviewPlanConfiguration : IEntityTypeConfiguration<ReviewPlan>
{
    public void Configure(EntityTypeBuilder<ReviewPlan> b)
    {
        b.ToTable("ReviewPlans");
        b.Property(x => x.RegionCode).HasMaxLength(6);
        b.Property(x => x.UnitCodes).HasMaxLength(CampaignColumns.UnitCodesLength);
        b.Property(x => x.Kinds).HasMaxLength(CampaignColumns.KindsLength);
        b.HasOne<Campaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(x => x.Rubric).WithMany().HasForeignKey(x => x.RubricId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CaseFileReviewConfiguration : IEntityTypeConfiguration<CaseFileReview>
{
    public void Configure(EntityTypeBuilder<CaseFileReview> b)
    {
        b.ToTable("CaseFileReviews");
        b.HasIndex(x => new { x.PlanId, x.CaseId }).IsUnique();
        b.HasIndex(x => new { x.UnitId, x.Id });
        b.Property(x => x.RegionCode).HasMaxLength(6);
        b.Property(x => x.FinalScore).HasPrecision(5, 1);
        b.Property(x => x.Grade).HasMaxLength(CampaignColumns.GradeLength);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne(x => x.Plan).WithMany().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(x => x.Case).WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<EnforcementUnit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Scores).WithOne().HasForeignKey(s => s.ReviewId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Defects).WithOne().HasForeignKey(s => s.ReviewId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReviewScoreConfiguration : IEntityTypeConfiguration<ReviewScore>
{
    public void Configure(EntityTypeBuilder<ReviewScore> b)
    {
        b.ToTable("ReviewScores");
        b.Property(x => x.Reviewer).HasMaxLength(CampaignColumns.PersonLength);
        b.HasMany(x => x.Marks).WithOne().HasForeignKey(m => m.ScoreId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ScoreMarkConfiguration : IEntityTypeConfiguration<ScoreMark>
{
    public void Configure(EntityTypeBuilder<ScoreMark> b)
    {
        b.ToTable("ScoreMarks");
        b.Property(x => x.Reason).HasMaxLength(CampaignColumns.ReasonLength);
        b.HasOne<RubricItem>().WithMany().HasForeignKey(x => x.RubricItemId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CaseFileDefectConfiguration : IEntityTypeConfiguration<CaseFileDefect>
{
    public void Configure(EntityTypeBuilder<CaseFileDefect> b)
    {
        b.ToTable("CaseFileDefects");
        b.Property(x => x.Description).HasMaxLength(CampaignColumns.ReasonLength);
        b.HasOne<RubricItem>().WithMany().HasForeignKey(x => x.RubricItemId).OnDelete(DeleteBehavior.Restrict);
    }
}
