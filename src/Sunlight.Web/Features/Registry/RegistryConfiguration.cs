using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Sunlight.Web.Features.Registry;

/// <summary>Column lengths shared by the registry's tables.</summary>
internal static class RegistryColumns
{
    public const int PhoneLength = 30;
    public const int AddressLength = 200;
    public const int PersonLength = 50;
}

internal sealed class EnforcementUnitConfiguration : IEntityTypeConfiguration<EnforcementUnit>
{
    public const int CodeLength = 20;
    public const int NameLength = 100;

    public void Configure(EntityTypeBuilder<EnforcementUnit> b)
    {
        b.ToTable("Units");
        b.HasIndex(x => new { x.RegionCode, x.Code }).IsUnique();
        b.Property(x => x.RegionCode).HasMaxLength(6);
        b.Property(x => x.Code).HasMaxLength(CodeLength);
        b.Property(x => x.Name).HasMaxLength(NameLength);
        b.Property(x => x.Uscc).HasMaxLength(18);
        b.Property(x => x.Address).HasMaxLength(RegistryColumns.AddressLength);
        b.Property(x => x.Phone).HasMaxLength(RegistryColumns.PhoneLength);
        b.Property(x => x.Head).HasMaxLength(RegistryColumns.PersonLength);
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
        b.Property(x => x.Name).HasMaxLength(RegistryColumns.PersonLength);
        b.Property(x => x.Position).HasMaxLength(RegistryColumns.PersonLength);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Credentials).WithOne().HasForeignKey(c => c.OfficerId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CredentialConfiguration : IEntityTypeConfiguration<Credential>
{
    public const int NumberLength = 30;
    public const int CategoryLength = 50;

    public void Configure(EntityTypeBuilder<Credential> b)
    {
        b.ToTable("Credentials");
        b.HasIndex(x => x.Number).IsUnique();
        b.Property(x => x.Number).HasMaxLength(NumberLength);
        b.Property(x => x.Category).HasMaxLength(CategoryLength);
    }
}

/// <summary>The columns 执法事项 and 检查事项 share.</summary>
internal static class UnitItemColumns
{
    public const int CodeLength = 40;
    public const int NameLength = 200;
    public const int LegalBasisLength = 1000;
}

internal sealed class EnforcementItemConfiguration : IEntityTypeConfiguration<EnforcementItem>
{
    public void Configure(EntityTypeBuilder<EnforcementItem> b)
    {
        b.ToTable("EnforcementItems");
        b.HasIndex(x => new { x.UnitId, x.Code }).IsUnique();
        b.Property(x => x.RegionCode).HasMaxLength(6);
        b.Property(x => x.Code).HasMaxLength(UnitItemColumns.CodeLength);
        b.Property(x => x.Name).HasMaxLength(UnitItemColumns.NameLength);
        b.Property(x => x.LegalBasis).HasMaxLength(UnitItemColumns.LegalBasisLength);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class InspectionItemConfiguration : IEntityTypeConfiguration<InspectionItem>
{
    public const int MethodLength = 100;

    public void Configure(EntityTypeBuilder<InspectionItem> b)
    {
        b.ToTable("InspectionItems");
        b.HasIndex(x => new { x.UnitId, x.Code }).IsUnique();
        b.Property(x => x.RegionCode).HasMaxLength(6);
        b.Property(x => x.Code).HasMaxLength(UnitItemColumns.CodeLength);
        b.Property(x => x.Name).HasMaxLength(UnitItemColumns.NameLength);
        b.Property(x => x.LegalBasis).HasMaxLength(UnitItemColumns.LegalBasisLength);
        b.Property(x => x.Method).HasMaxLength(MethodLength);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class EnterpriseConfiguration : IEntityTypeConfiguration<Enterprise>
{
    public const int NameLength = 200;
    public const int IndustryLength = 50;

    public void Configure(EntityTypeBuilder<Enterprise> b)
    {
        b.ToTable("Enterprises");
        b.HasIndex(x => x.Uscc).IsUnique();
        b.HasIndex(x => new { x.RegionCode, x.Industry, x.Id });
        b.HasIndex(x => new { x.RegionCode, x.Name });
        b.Property(x => x.RegionCode).HasMaxLength(6);
        b.Property(x => x.Uscc).HasMaxLength(18);
        b.Property(x => x.Name).HasMaxLength(NameLength);
        b.Property(x => x.Address).HasMaxLength(RegistryColumns.AddressLength);
        b.Property(x => x.Industry).HasMaxLength(IndustryLength);
        b.Property(x => x.LegalRepresentative).HasMaxLength(RegistryColumns.PersonLength);
        b.Property(x => x.Phone).HasMaxLength(RegistryColumns.PhoneLength);
        b.Property(x => x.Version).IsConcurrencyToken();
    }
}
