using System.ComponentModel;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sunlight.Web.Infrastructure.Audit;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Infrastructure.Calendar;

[EnumText(typeof(CalendarDay), nameof(CalendarDay.KindName))]
internal enum CalendarDayKind
{
    /// <summary>法定节假日：不上班。</summary>
    Holiday,
    /// <summary>调休上班：周末但上班。</summary>
    MakeUpWorkday,
}

/// <summary>A day that departs from the Monday–Friday rule. A year is "loaded" once any of its days is listed.</summary>
[DisplayName("工作日历")]
internal sealed class CalendarDay : IAuditable
{
    public static string KindName(CalendarDayKind kind) => kind == CalendarDayKind.Holiday ? "法定节假日" : "调休上班";

    [DisplayName("日期")]
    public DateOnly Date { get; set; }
    [DisplayName("类型")]
    public CalendarDayKind Kind { get; set; }
    [DisplayName("节日名称")]
    public string Name { get; set; } = "";
}

internal sealed class CalendarDayConfiguration : IEntityTypeConfiguration<CalendarDay>
{
    public const int NameLength = 40;

    public void Configure(EntityTypeBuilder<CalendarDay> b)
    {
        b.ToTable("CalendarDays");
        b.HasKey(x => x.Date);
        b.Property(x => x.Name).HasMaxLength(NameLength);
    }
}
