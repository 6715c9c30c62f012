using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Sunlight.Web.Features.Problems;

internal sealed class ProblemConfiguration : IEntityTypeConfiguration<Problem>
{
    public const int CategoryLength = 50;
    public const int DescriptionLength = 2000;
    public const int FoundByLength = 100;
    public const int MeasuresLength = 2000;
    public const int ProgressLength = 2000;
    public const int CompletionLength = 2000;
    public const int OpinionLength = 1000;
    public const int DisputeLength = 1000;
    public const int PauseReasonLength = 1000;

    public void Configure(EntityTypeBuilder<Problem> b)
    {
        b.ToTable("Problems");
        b.HasIndex(x => x.Number).IsUnique();
        b.HasIndex(x => new { x.UnitId, x.State });
        // The ledger's keyset order within a county (newest first), as the supervisor's scope filter reads it (bench lists).
        b.HasIndex(x => new { x.RegionCode, x.Id });
        b.HasIndex(x => new { x.State, x.Deadline });
        b.HasIndex(x => new { x.SourceType, x.SourceId });
        b.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.RegionCode).HasMaxLength(6);
        b.Property(x => x.Number).HasMaxLength(20);
        b.Property(x => x.SourceType).HasMaxLength(40);
        b.Property(x => x.Category).HasMaxLength(CategoryLength);
        b.Property(x => x.Description).HasMaxLength(DescriptionLength);
        b.Property(x => x.FoundBy).HasMaxLength(FoundByLength);
        b.Property(x => x.Measures).HasMaxLength(MeasuresLength);
        b.Property(x => x.LatestProgress).HasMaxLength(ProgressLength);
        b.Property(x => x.Completion).HasMaxLength(CompletionLength);
        b.Property(x => x.VerificationOpinion).HasMaxLength(OpinionLength);
        b.Property(x => x.VerifiedBy).HasMaxLength(100);
        b.Property(x => x.DisputeReason).HasMaxLength(DisputeLength);
        b.Property(x => x.PauseReason).HasMaxLength(PauseReasonLength);
        b.Property(x => x.DisputeRuling).HasMaxLength(DisputeLength);
        b.Property(x => x.Version).IsConcurrencyToken();
    }
}

internal sealed class ProblemProgressConfiguration : IEntityTypeConfiguration<ProblemProgress>
{
    public void Configure(EntityTypeBuilder<ProblemProgress> b)
    {
        b.ToTable("ProblemProgress");
        b.HasOne(x => x.Problem).WithMany().HasForeignKey(x => x.ProblemId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Evidence).WithOne().HasForeignKey(x => x.ProblemProgressId).OnDelete(DeleteBehavior.Cascade);
        b.Property(x => x.RegionCode).HasMaxLength(6);
        b.Property(x => x.Note).HasMaxLength(ProblemConfiguration.ProgressLength);
        b.Property(x => x.CreatedBy).HasMaxLength(100);
    }
}

internal sealed class ProblemEvidenceConfiguration : IEntityTypeConfiguration<ProblemEvidence>
{
    public void Configure(EntityTypeBuilder<ProblemEvidence> b)
    {
        b.ToTable("ProblemEvidence");
        b.HasOne(x => x.File).WithMany().HasForeignKey(x => x.StoredFileId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ProblemCategoryConfiguration : IEntityTypeConfiguration<ProblemCategory>
{
    public void Configure(EntityTypeBuilder<ProblemCategory> b)
    {
        b.ToTable("ProblemCategories");
        b.HasIndex(x => x.Name).IsUnique();
        b.Property(x => x.Name).HasMaxLength(ProblemConfiguration.CategoryLength);
        b.Property(x => x.Version).IsConcurrencyToken();
        // PostgreSQL's identity sequence does not see the seeded ids below; new entries start above them.
        b.Property(x => x.Id).HasIdentityOptions(startValue: 1000);
        // The shipped dictionary exists on every install, demo or not; Admin and Supervisors edit it afterwards.
        b.HasData(ProblemNames.DefaultCategories.Select((name, i) => new ProblemCategory
        {
            Id = i + 1, Name = name, SortOrder = (i + 1) * 10, IsActive = true,
            Version = new Guid($"00000000-0000-0000-0000-{i + 1:000000000000}"),
        }));
    }
}
