using Qingfeng.Features.Supervision;

namespace Qingfeng.Features.Reminders;

internal sealed class ReminderConfiguration : IEntityTypeConfiguration<Reminder>
{
    public void Configure(EntityTypeBuilder<Reminder> b)
    {
        SubjectMapping.MapRecord(b, "Reminders", SubjectColumns.AboutOfficial with { LeaderCategory = false });
        b.Property(r => r.Title).HasMaxLength(Reminder.TitleMaxLength);
        b.Property(r => r.Text).HasMaxLength(Reminder.TextMaxLength);
        b.Property(r => r.Suggestions).HasMaxLength(Reminder.TextMaxLength);
        b.Property(r => r.DocumentNumber).HasMaxLength(Reminder.DocumentNumberMaxLength);
        b.Property(r => r.HolidayName).HasMaxLength(32);
        b.Property(r => r.DedupKey).HasMaxLength(100);
        b.HasIndex(r => r.DedupKey).IsUnique();
        SubjectMapping.IndexForLists(b, thenBy: nameof(Reminder.SentOn));
    }
}
