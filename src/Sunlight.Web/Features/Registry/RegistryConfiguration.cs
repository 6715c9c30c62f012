using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Sunlight.Web.Features.Registry;

internal sealed class EnforcementUnitConfiguration : IEntityTypeConfiguration<EnforcementUnit>
{
    public void Configure(EntityTypeBuilder<EnforcementUnit> b)
    {
        b.ToTable("Units");
        b.HasIndex(x => new { x.RegionCode, x.Code }).IsUnique();
        b.Property(x => x.RegionCode).HasMaxLength(6);
        b.Property(x => x.Code).HasMaxLength(20);
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.Uscc).HasMaxLength(18);
        b.Property(x => x.Address).HasMaxLength(200);
        b.Property(x => x.Phone).HasMaxLength(30);
        b.Property(x => x.Head).HasMaxLength(50);
        b.Property(x => x.Version).IsConcurrencyToken();
    }
}

internal sealed class OfficerConfiguration : IEntityTypeConfiguration<Officer>
{
    public void Configure(EntityTypeBuilder<Officer> b)
    {
        b.ToTable("Officers");
        b.HasIndex(x => new { x.UnitId, x.Name });
        b.Property(x => x.RegionCode).HasMaxLength(6);
        b.Property(x => x.Name).HasMaxLength(50);
        b.Property(x => x.Position).HasMaxLength(50);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Credentials).WithOne().HasForeignKey(c => c.OfficerId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CredentialConfiguration : IEntityTypeConfiguration<Credential>
{
    public void Configure(EntityTypeBuilder<Credential> b)
    {
        b.ToTable("Credentials");
        b.HasIndex(x => x.Number).IsUnique();
        b.Property(x => x.Number).HasMaxLength(30);
        b.Property(x => x.Category).HasMaxLength(50);
    }
}

internal sealed class EnforcementItemConfiguration : IEntityTypeConfiguration<EnforcementItem>
{
    public void Configure(EntityTypeBuilder<EnforcementItem> b)
    {
        b.ToTable("EnforcementItems");
        b.HasIndex(x => new { x.UnitId, x.Code }).IsUnique();
        b.Property(x => x.RegionCode).HasMaxLength(6);
        b.Property(x => x.Code).HasMaxLength(40);
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.LegalBasis).HasMaxLength(1000);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class InspectionItemConfiguration : IEntityTypeConfiguration<InspectionItem>
{
    public void Configure(EntityTypeBuilder<InspectionItem> b)
    {
        b.ToTable("InspectionItems");
        b.HasIndex(x => new { x.UnitId, x.Code }).IsUnique();
        b.Property(x => x.RegionCode).HasMaxLength(6);
        b.Property(x => x.Code).HasMaxLength(40);
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.LegalBasis).HasMaxLength(1000);
        b.Property(x => x.Method).HasMaxLength(100);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class EnterpriseConfiguration : IEntityTypeConfiguration<Enterprise>
{
    public void Configure(EntityTypeBuilder<Enterprise> b)
    {
        b.ToTable("Enterprises");
        b.HasIndex(x => x.Uscc).IsUnique();
        b.HasIndex(x => new { x.RegionCode, x.Industry, x.Id });
        b.HasIndex(x => new { x.RegionCode, x.Name });
        b.Property(x => x.RegionCode).HasMaxLength(6);
        b.Property(x => x.Uscc).HasMaxLength(18);
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Address).HasMaxLength(200);
        b.Property(x => x.Industry).HasMaxLength(50);
        b.Property(x => x.LegalRepresentative).HasMaxLength(50);
        b.Property(x => x.Phone).HasMaxLength(30);
        b.Property(x => x.Version).IsConcurrencyToken();
    }
}
