using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Qingfeng.Features.Reminders;

internal sealed class ReminderConfiguration : IEntityTypeConfiguration<Reminder>
{
    public void Configure(EntityTypeBuilder<Reminder> b)
    {
        b.ToTable("Reminders");
        b.Property(r => r.UnitName).HasMaxLength(128);
        b.Property(r => r.RegionKey).HasMaxLength(12);
        b.Property(r => r.OfficialName).HasMaxLength(64);
        b.Property(r => r.OfficialPosition).HasMaxLength(128);
        b.Property(r => r.Title).HasMaxLength(Reminder.TitleMaxLength);
        b.Property(r => r.Text).HasMaxLength(Reminder.TextMaxLength);
        b.Property(r => r.Suggestions).HasMaxLength(Reminder.TextMaxLength);
        b.Property(r => r.DocumentNumber).HasMaxLength(Reminder.DocumentNumberMaxLength);
        b.Property(r => r.HolidayName).HasMaxLength(32);
        b.Property(r => r.DedupKey).HasMaxLength(100);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.HasIndex(r => r.DedupKey).IsUnique();
        b.HasIndex(r => new { r.RegionKey, r.SentOn });
        b.HasIndex(r => r.UnitId);
        b.HasIndex(r => r.OfficialId);
    }
}
