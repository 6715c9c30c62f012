using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sunlight.Web.Features.Registry;

namespace Sunlight.Web.Features.Complaints;

internal sealed class ComplaintConfiguration : IEntityTypeConfiguration<Complaint>
{
    /// <summary>Column lengths that inputs are validated against (one constant for the column and its validator).</summary>
    public const int ReasonLength = 1000, TextLength = 5000, PlaceLength = 200, AddressLength = 500, AddressIdLength = 100, MediaUrlLength = 1000;

    public void Configure(EntityTypeBuilder<Complaint> b)
    {
        b.ToTable("Complaints");
        b.HasIndex(x => x.TrackingCode).IsUnique();
        b.HasIndex(x => x.Open311Token).IsUnique();
        b.HasIndex(x => new { x.RegionCode, x.State, x.ReceivedAt });
        // The board's keyset order within a county (newest first); without it SQLite sorts the county's rows (bench lists).
        b.HasIndex(x => new { x.RegionCode, x.Id });
        b.HasIndex(x => new { x.AssignedUnitId, x.State });
        b.HasIndex(x => new { x.CategoryId, x.ReceivedAt });
        b.Property(x => x.RegionCode).HasMaxLength(6);
        b.Property(x => x.TrackingCode).HasMaxLength(20);
        b.Property(x => x.PinHash).HasMaxLength(100);
        b.Property(x => x.Open311Token).HasMaxLength(40);
        b.Property(x => x.IntakePlace).HasMaxLength(PlaceLength);
        b.Property(x => x.EnterpriseName).HasMaxLength(200);
        b.Property(x => x.EnterpriseUscc).HasMaxLength(18);
        b.Property(x => x.Description).HasMaxLength(TextLength);
        b.Property(x => x.Address).HasMaxLength(AddressLength);
        b.Property(x => x.AddressId).HasMaxLength(AddressIdLength);
        b.Property(x => x.MediaUrl).HasMaxLength(MediaUrlLength);
        // Open311 pollers ask for requests changed since their last run.
        b.HasIndex(x => new { x.RegionCode, x.LastChangedAt });
        b.Property(x => x.ReporterProtected).HasMaxLength(4000);
        b.Property(x => x.RejectionReason).HasMaxLength(ReasonLength);
        b.Property(x => x.AssignmentNote).HasMaxLength(ReasonLength);
        b.Property(x => x.LastReturnReason).HasMaxLength(ReasonLength);
        b.Property(x => x.ExtensionReason).HasMaxLength(ReasonLength);
        b.Property(x => x.PauseReason).HasMaxLength(ReasonLength);
        b.Property(x => x.DraftReply).HasMaxLength(TextLength);
        b.Property(x => x.ReviewComment).HasMaxLength(ReasonLength);
        b.Property(x => x.Reply).HasMaxLength(TextLength);
        b.Property(x => x.RatingComment).HasMaxLength(ReasonLength);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne(x => x.Category).WithMany().HasForeignKey(x => x.CategoryId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<EnforcementUnit>().WithMany().HasForeignKey(x => x.AssignedUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<EnforcementUnit>().WithMany().HasForeignKey(x => x.ComplainedUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<IntakePoint>().WithMany().HasForeignKey(x => x.IntakePointId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Events).WithOne().HasForeignKey(e => e.ComplaintId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Attachments).WithOne().HasForeignKey(e => e.ComplaintId).OnDelete(DeleteBehavior.Cascade);
        b.Ignore(x => x.IsOpen);
        b.Ignore(x => x.IsPaused);
        b.Ignore(x => x.CanRate);
    }
}

internal sealed class ComplaintEventConfiguration : IEntityTypeConfiguration<ComplaintEvent>
{
    public void Configure(EntityTypeBuilder<ComplaintEvent> b)
    {
        b.ToTable("ComplaintEvents");
        b.HasIndex(x => new { x.ComplaintId, x.Id });
        b.Property(x => x.Actor).HasMaxLength(100);
        b.Property(x => x.Kind).HasMaxLength(40);
        b.Property(x => x.Text).HasMaxLength(5000);
    }
}

internal sealed class ComplaintAttachmentConfiguration : IEntityTypeConfiguration<ComplaintAttachment>
{
    public void Configure(EntityTypeBuilder<ComplaintAttachment> b)
    {
        b.ToTable("ComplaintAttachments");
        b.HasIndex(x => x.ComplaintId);
        b.Property(x => x.Sha256).HasMaxLength(64);
        b.Property(x => x.FileName).HasMaxLength(200);
        b.Property(x => x.ContentType).HasMaxLength(100);
    }
}

internal sealed class IntakePointConfiguration : IEntityTypeConfiguration<IntakePoint>
{
    public const int NameLength = 100, PlaceLength = 200;

    public void Configure(EntityTypeBuilder<IntakePoint> b)
    {
        b.ToTable("IntakePoints");
        b.HasIndex(x => x.Code).IsUnique();
        b.Property(x => x.RegionCode).HasMaxLength(6);
        b.Property(x => x.Code).HasMaxLength(20);
        b.Property(x => x.Name).HasMaxLength(NameLength);
        b.Property(x => x.Place).HasMaxLength(PlaceLength);
        b.Property(x => x.Version).IsConcurrencyToken();
    }
}

internal sealed class ComplaintCategoryConfiguration : IEntityTypeConfiguration<ComplaintCategory>
{
    public const int CodeLength = 40, NameLength = 50, DescriptionLength = 500;

    /// <summary>The taxonomy of domain-rules.md; shipped as data so a county can rename, add or retire entries.</summary>
    internal static readonly (string Code, string Name)[] Defaults =
    [
        ("profit-driven", "趋利性执法"), ("selective", "选择性执法"), ("multiple-inspections", "多头检查"),
        ("arbitrary-inspection", "随意检查"), ("repeated-inspection", "重复检查"), ("illegal-fees", "乱收费"),
        ("illegal-fines", "乱罚款"), ("illegal-seizure", "乱查封"), ("out-of-area", "违规异地执法"),
        ("inaction", "不作为"), ("misconduct", "乱作为"), ("rough", "简单粗暴"), ("excessive", "过度执法"),
        ("one-size-fits-all", "“一刀切”"), ("bribery", "吃拿卡要"), ("other", "其他"),
    ];

    public void Configure(EntityTypeBuilder<ComplaintCategory> b)
    {
        b.ToTable("ComplaintCategories");
        // Ids are assigned by the app (max + 1): seeded rows with fixed ids would collide with a PostgreSQL identity sequence.
        b.Property(x => x.Id).ValueGeneratedNever();
        b.HasIndex(x => x.Code).IsUnique();
        b.Property(x => x.Code).HasMaxLength(CodeLength);
        b.Property(x => x.Name).HasMaxLength(NameLength);
        b.Property(x => x.Description).HasMaxLength(DescriptionLength);
        b.HasData(Defaults.Select((d, i) => new ComplaintCategory { Id = i + 1, Code = d.Code, Name = d.Name, SortOrder = (i + 1) * 10, IsActive = true }));
    }
}
