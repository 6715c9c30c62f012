using System.ComponentModel;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sunlight.Web.Features.Problems;
using Sunlight.Web.Features.Registry;
using Sunlight.Web.Infrastructure.Audit;
using Sunlight.Web.Infrastructure.Database;
using Sunlight.Web.Infrastructure.Files;

namespace Sunlight.Web.Features.Campaigns;

/// <summary>The three supervision documents of the 行政执法监督条例 (in force 2026-02-01).</summary>
[EnumText(typeof(FollowUpNames), nameof(FollowUpNames.DocumentType))]
internal enum SupervisionDocumentType
{
    Notice,   // 行政执法监督通知书
    Opinion,  // 行政执法监督意见书
    Decision, // 行政执法监督决定书
}

/// <summary>What a 回头看 found.</summary>
[EnumText(typeof(FollowUpNames), nameof(FollowUpNames.Result))]
internal enum RecheckResult
{
    Held,     // 整改到位，未反弹
    Recurred, // 问题复发
}

internal static class FollowUpNames
{
    public static string DocumentType(SupervisionDocumentType t) => t switch
    {
        SupervisionDocumentType.Notice => "行政执法监督通知书",
        SupervisionDocumentType.Opinion => "行政执法监督意见书",
        _ => "行政执法监督决定书",
    };

    /// <summary>The character of the document number: 县司法监通〔2026〕3号.</summary>
    public static string NumberMark(SupervisionDocumentType t) => t switch
    {
        SupervisionDocumentType.Notice => "通",
        SupervisionDocumentType.Opinion => "意",
        _ => "决",
    };

    public static string Result(RecheckResult r) => r == RecheckResult.Held ? "整改到位" : "问题复发";
}

/// <summary>
/// A supervision document sent to a unit after a 督查 (行政执法监督条例): the facts, the basis, the correction required and
/// the response deadline in working days; the unit answers it in writing (late answers are flagged).
/// </summary>
[DisplayName("监督文书")]
[RecordLabel(nameof(Number))]
internal sealed class SupervisionDocument : IUnitOwned, IAuditable, IVersioned
{
    public long Id { get; set; }
    [DisplayName("行政区划代码")]
    public string RegionCode { get; set; } = "";
    [DisplayName("被监督单位")]
    public long UnitId { get; set; }
    [DisplayName("专项治理")]
    public long CampaignId { get; set; }
    [DisplayName("督查")]
    public long SupervisoryInspectionId { get; set; }
    [DisplayName("文书种类")]
    public SupervisionDocumentType Type { get; set; }
    [DisplayName("文号")]
    public string Number { get; set; } = "";
    [DisplayName("事实")]
    public string Facts { get; set; } = "";
    [DisplayName("依据")]
    public string Basis { get; set; } = "";
    [DisplayName("纠正要求")]
    public string CorrectionRequired { get; set; } = "";
    [DisplayName("回复期限（工作日）")]
    public int ResponseWorkingDays { get; set; }
    [DisplayName("回复期限")]
    public DateOnly ResponseDueOn { get; set; }
    [DisplayName("制发日期")]
    public DateOnly IssuedOn { get; set; }
    [DisplayName("制发人")]
    public string IssuedBy { get; set; } = "";
    [DisplayName("书面回复")]
    public string? Response { get; set; }
    [DisplayName("回复日期")]
    public DateOnly? RespondedOn { get; set; }
    [DisplayName("回复人")]
    public string? RespondedBy { get; set; }
    [DisplayName("逾期回复")]
    public bool RespondedLate { get; set; }
    public Guid Version { get; set; }
    public List<SupervisionResponseFile> ResponseFiles { get; set; } = [];
}

/// <summary>An attachment of a unit's written response.</summary>
internal sealed class SupervisionResponseFile
{
    public long Id { get; set; }
    public long SupervisionDocumentId { get; set; }
    public long StoredFileId { get; set; }
    public StoredFile? File { get; set; }
}

/// <summary>回头看: a written-off problem of a campaign checked again some months later; "recurred" reopens it.</summary>
[DisplayName("回头看")]
internal sealed class ProblemRecheck : IUnitOwned, IAuditable, IVersioned
{
    public long Id { get; set; }
    [DisplayName("行政区划代码")]
    public string RegionCode { get; set; } = "";
    [DisplayName("责任单位")]
    public long UnitId { get; set; }
    [DisplayName("专项治理")]
    public long CampaignId { get; set; }
    [DisplayName("问题")]
    public long ProblemId { get; set; }
    [DisplayName("问题编号")]
    public string ProblemNumber { get; set; } = "";
    [DisplayName("销账后月数")]
    public int AfterMonths { get; set; }
    [DisplayName("回头看日期")]
    public DateOnly DueOn { get; set; }
    [DisplayName("安排人")]
    public string ScheduledBy { get; set; } = "";
    [DisplayName("回头看结论")]
    public RecheckResult? Result { get; set; }
    [DisplayName("回头看情况")]
    public string? Notes { get; set; }
    [DisplayName("检查日期")]
    public DateOnly? CheckedOn { get; set; }
    [DisplayName("检查人")]
    public string? CheckedBy { get; set; }
    public Guid Version { get; set; }
}

/// <summary>Column lengths of the follow-up records, shared by the EF configuration and the validators.</summary>
internal static class FollowUpColumns
{
    public const int NumberLength = 50;
    public const int FactsLength = CampaignColumns.NotesLength;
    public const int BasisLength = CampaignColumns.ReasonLength;
    public const int CorrectionLength = CampaignColumns.NotesLength;
    public const int ResponseLength = CampaignColumns.NotesLength;
    public const int RecheckNotesLength = CampaignColumns.NotesLength;
}

internal sealed class SupervisionDocumentConfiguration : IEntityTypeConfiguration<SupervisionDocument>
{
    public void Configure(EntityTypeBuilder<SupervisionDocument> b)
    {
        b.ToTable("SupervisionDocuments");
        b.HasIndex(x => new { x.RegionCode, x.Number }).IsUnique();
        b.HasIndex(x => new { x.UnitId, x.RespondedOn });
        b.Property(x => x.RegionCode).HasMaxLength(6);
        b.Property(x => x.Number).HasMaxLength(FollowUpColumns.NumberLength);
        b.Property(x => x.Facts).HasMaxLength(FollowUpColumns.FactsLength);
        b.Property(x => x.Basis).HasMaxLength(FollowUpColumns.BasisLength);
        b.Property(x => x.CorrectionRequired).HasMaxLength(FollowUpColumns.CorrectionLength);
        b.Property(x => x.Response).HasMaxLength(FollowUpColumns.ResponseLength);
        b.Property(x => x.IssuedBy).HasMaxLength(CampaignColumns.PersonLength);
        b.Property(x => x.RespondedBy).HasMaxLength(CampaignColumns.PersonLength);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Campaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<SupervisoryInspection>().WithMany().HasForeignKey(x => x.SupervisoryInspectionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<EnforcementUnit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.ResponseFiles).WithOne().HasForeignKey(f => f.SupervisionDocumentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SupervisionResponseFileConfiguration : IEntityTypeConfiguration<SupervisionResponseFile>
{
    public void Configure(EntityTypeBuilder<SupervisionResponseFile> b)
    {
        b.ToTable("SupervisionResponseFiles");
        b.HasOne(x => x.File).WithMany().HasForeignKey(x => x.StoredFileId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ProblemRecheckConfiguration : IEntityTypeConfiguration<ProblemRecheck>
{
    public void Configure(EntityTypeBuilder<ProblemRecheck> b)
    {
        b.ToTable("ProblemRechecks");
        b.HasIndex(x => new { x.ProblemId, x.Result });
        b.HasIndex(x => new { x.RegionCode, x.DueOn });
        b.Property(x => x.RegionCode).HasMaxLength(6);
        b.Property(x => x.ProblemNumber).HasMaxLength(20);
        b.Property(x => x.ScheduledBy).HasMaxLength(CampaignColumns.PersonLength);
        b.Property(x => x.CheckedBy).HasMaxLength(CampaignColumns.PersonLength);
        b.Property(x => x.Notes).HasMaxLength(FollowUpColumns.RecheckNotesLength);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Campaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Problem>().WithMany().HasForeignKey(x => x.ProblemId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<EnforcementUnit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
