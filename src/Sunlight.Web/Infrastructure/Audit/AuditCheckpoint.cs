using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Sunlight.Web.Infrastructure.Audit;

/// <summary>
/// The result of the last chain verification (one row, <see cref="SingletonId"/>): how far the chain is known to be intact
/// (the last verified entry and its hash, where the next run continues), when it was checked, and the first broken entry
/// if that run found one. Pages and the API show it; only the background job and the <c>verify-audit</c> verb write it.
/// </summary>
internal sealed class AuditCheckpoint
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;
    public long VerifiedSequence { get; set; }
    public long? VerifiedEntryId { get; set; }
    public string VerifiedHash { get; set; } = AuditChain.Genesis;
    public DateTimeOffset VerifiedAt { get; set; }
    public bool Intact { get; set; }
    public long? BrokenSequence { get; set; }
    public long? BrokenEntryId { get; set; }
    public string? Reason { get; set; }
}

internal sealed class AuditCheckpointConfiguration : IEntityTypeConfiguration<AuditCheckpoint>
{
    public void Configure(EntityTypeBuilder<AuditCheckpoint> b)
    {
        b.ToTable("AuditCheckpoints");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.VerifiedHash).HasMaxLength(64);
        b.Property(x => x.Reason).HasMaxLength(200);
    }
}
