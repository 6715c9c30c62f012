using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sunlight.Web.Infrastructure.Database;

namespace Sunlight.Web.Infrastructure.Calendar;

internal enum CalendarDayKind
{
    /// <summary>法定节假日：不上班。</summary>
    Holiday,
    /// <summary>调休上班：周末但上班。</summary>
    MakeUpWorkday,
}

/// <summary>A day that departs from the Monday–Friday rule. A year is "loaded" once any of its days is listed.</summary>
internal sealed class CalendarDay : IAuditable
{
    public DateOnly Date { get; set; }
    public CalendarDayKind Kind { get; set; }
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
