using Sunlight.Web.Infrastructure.Audit;
using System.ComponentModel;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Features.Platform.Escalations;

[EnumText(typeof(Escalation), nameof(Escalation.KindName))]
internal enum EscalationKind
{
    /// <summary>到期提醒 (before the deadline)</summary>
    Reminder,
    /// <summary>催办 (on the deadline)</summary>
    Urge,
    /// <summary>督办 (overdue: a Supervisor-visible escalation)</summary>
    Supervise,
    /// <summary>约谈 (admonition of the unit's head)</summary>
    Admonition,
    /// <summary>移送 (referral to 纪委监委; visible to Observers)</summary>
    Referral,
}

/// <summary>
/// One reminder, 催办, 督办, 约谈 or 移送 against a unit, optionally about one subject (a problem, a complaint ...).
/// Automatic ones carry a <see cref="Key"/> (unique), which is what makes a job fire exactly once across instances.
/// </summary>
[DisplayName("督办记录")]
internal sealed class Escalation : IUnitOwned, IAuditable
{
    public long Id { get; set; }
    [DisplayName("行政区划代码")]
    public string RegionCode { get; set; } = "";
    [DisplayName("被督办单位")]
    public long UnitId { get; set; }
    [DisplayName("方式")]
    public EscalationKind Kind { get; set; }
    /// <summary>"Problem", "Complaint", ... or null for an escalation against the unit itself.</summary>
    [DisplayName("事项类型")]
    public string? SubjectType { get; set; }
    [DisplayName("事项")]
    public long? SubjectId { get; set; }
    [DisplayName("事由")]
    public string Reason { get; set; } = "";
    [DisplayName("期限")]
    public DateOnly? DueDate { get; set; }
    [DisplayName("去重键")]
    public string? Key { get; set; }
    [DisplayName("记录时间")]
    public DateTimeOffset CreatedAt { get; set; }
    [DisplayName("记录人")]
    public string CreatedBy { get; set; } = "";

    public static string KindName(EscalationKind kind) => kind switch
    {
        EscalationKind.Reminder => "到期提醒",
        EscalationKind.Urge => "催办",
        EscalationKind.Supervise => "督办",
        EscalationKind.Admonition => "约谈",
        EscalationKind.Referral => "移送纪委监委",
        _ => kind.ToString(),
    };
}

internal sealed class EscalationConfiguration : IEntityTypeConfiguration<Escalation>
{
    public const int ReasonLength = 2000;

    public void Configure(EntityTypeBuilder<Escalation> b)
    {
        b.ToTable("Escalations");
        b.HasIndex(x => x.Key).IsUnique();
        b.HasIndex(x => new { x.SubjectType, x.SubjectId });
        b.HasIndex(x => new { x.UnitId, x.Kind, x.CreatedAt });
        b.Property(x => x.RegionCode).HasMaxLength(6);
        b.Property(x => x.SubjectType).HasMaxLength(40);
        b.Property(x => x.Reason).HasMaxLength(ReasonLength);
        b.Property(x => x.Key).HasMaxLength(200);
        b.Property(x => x.CreatedBy).HasMaxLength(100);
    }
}
