using Qingfeng.Features.Accounts;
using Qingfeng.Features.Notifications;
using Qingfeng.Features.Organs;
using Qingfeng.Features.Supervision;
using Qingfeng.Platform.Ui;

namespace Qingfeng.Features.Reminders;

/// <summary>
/// Pre-holiday integrity reminders (节前廉洁提醒): from <see cref="SupervisionOptions.HolidayReminderWorkingDays"/> working
/// days before each public holiday of the holiday calendar until the holiday starts, every current 一把手 gets one text
/// through the <see cref="ISmsGateway"/> from the most local commission whose jurisdiction covers them — once per holiday
/// and official (the <see cref="Reminder"/> table is the record) — and the commission's supervision office is told in the app.
/// </summary>
public sealed class HolidayReminderSweep(
    IDbContextFactory<QingfengDb> dbFactory,
    SupervisionCalendar calendar,
    ISmsGateway sms,
    NotificationService notifications,
    TimeProvider time) : IPeriodicSweep
{
    /// <summary>Sends what is due today; returns the number of reminders sent.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        var today = ChinaTime.DateOf(time.GetUtcNow());
        var due = DueHolidays(today);
        var sent = 0;
        foreach (var holiday in due)
        {
            sent += await SendAsync(holiday.Name, holiday.From, today, cancellationToken);
        }

        return sent;
    }

    /// <summary>The holidays whose reminder window (N working days before, until the first day) contains <paramref name="today"/>.</summary>
    public IReadOnlyList<Platform.Calendar.HolidayPeriod> DueHolidays(DateOnly today) =>
        [.. calendar.Calendar.HolidaysBetween(today, today.AddDays(60))
            .Where(h => h.From > today && calendar.AddWorkingDays(h.From, -calendar.Options.HolidayReminderWorkingDays) <= today)];

    private async Task<int> SendAsync(string holidayName, DateOnly holidayFrom, DateOnly today, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var commissions = await (from o in db.Organs.AsNoTracking()
                                 join g in db.JurisdictionGrants.AsNoTracking() on o.Id equals g.OrganId
                                 where o.Kind == OrganKind.Commission && g.RegionKey != null
                                 select new { OrganId = o.Id, OrganName = o.Name, Key = g.RegionKey! })
            .ToListAsync(cancellationToken);
        if (commissions.Count == 0)
        {
            return 0;
        }

        var principals = await db.Officials.AsNoTracking().Where(o => o.IsPrincipal && o.UnitId != null)
            .Select(o => new { o.Id, o.Name, o.Position, o.LeaderCategory, UnitId = o.UnitId!.Value, UnitName = o.Unit!.Name, o.Unit.RegionKey })
            .ToListAsync(cancellationToken);
        var prefix = string.Create(CultureInfo.InvariantCulture, $"holiday:{holidayFrom:yyyy-MM-dd}:");
        var known = (await db.Set<Reminder>().AsNoTracking().Where(r => r.DedupKey != null && r.DedupKey.StartsWith(prefix)).Select(r => r.DedupKey!).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);

        var zh = CultureInfo.GetCultureInfo("zh-CN");
        var fresh = new List<(Reminder Reminder, Guid OrganId)>();
        foreach (var official in principals)
        {
            if (known.Contains(Reminder.HolidayKey(holidayFrom, official.Id)))
            {
                continue;
            }

            // The most local commission covering the official sends (the county before the city and the province).
            var organ = commissions.Where(c => official.RegionKey.StartsWith(c.Key, StringComparison.Ordinal)).OrderByDescending(c => c.Key.Length).FirstOrDefault();
            if (organ is null)
            {
                continue;
            }

            var subject = new SupervisedSubject(official.UnitId, official.UnitName, official.RegionKey, official.Id, official.Name, official.Position, true, official.LeaderCategory);
            var text = TextCatalog.Instance.Get("Reminders.HolidayText", zh, official.Name, holidayName, organ.OrganName);
            var reminder = Reminder.Holiday(organ.OrganId, subject, today, holidayName, holidayFrom, text);
            db.Add(reminder);
            fresh.Add((reminder, organ.OrganId));
        }

        if (fresh.Count == 0)
        {
            return 0;
        }

        await db.SaveChangesAsync(cancellationToken);
        foreach (var (reminder, _) in fresh)
        {
            await sms.SendAsync(new OfficialMessage(reminder.Subject.OfficialId!.Value, reminder.Subject.OfficialName!, reminder.Text), cancellationToken);
        }

        await SummariseAsync(db, fresh, holidayName, holidayFrom, cancellationToken);
        return fresh.Count;
    }

    private async Task SummariseAsync(QingfengDb db, List<(Reminder Reminder, Guid OrganId)> fresh, string holidayName, DateOnly holidayFrom, CancellationToken cancellationToken)
    {
        var counts = fresh.GroupBy(f => f.OrganId).ToDictionary(g => g.Key, g => g.Count());
        var organs = counts.Keys.ToList();
        var staff = await StaffDirectory.Members(db, organs, [Roles.SupervisionOffice]).ToListAsync(cancellationToken);
        var messages = staff.DistinctBy(s => s.UserId).Select(s => new OutgoingMessage(
                s.UserId,
                "Reminders.NotifyHolidaySent",
                [counts[s.OrganId].ToString(CultureInfo.InvariantCulture), holidayName],
                "/supervision/reminders",
                string.Create(CultureInfo.InvariantCulture, $"holiday-summary:{holidayFrom:yyyy-MM-dd}:{s.UserId}")))
            .ToList();
        await notifications.SendAsync(messages, cancellationToken);
    }
}
