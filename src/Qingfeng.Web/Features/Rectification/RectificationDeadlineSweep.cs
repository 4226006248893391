using Qingfeng.Features.Accounts;
using Qingfeng.Features.Notifications;
using Qingfeng.Features.Supervision;

namespace Qingfeng.Features.Rectification;

/// <summary>
/// The ledger's deadline job. Items due soon are announced to whoever opened them; overdue items are marked and
/// escalated in two steps: at the deadline to the opener and the organ's leadership, and after
/// <see cref="SupervisionOptions.EscalateAfterWorkingDays"/> more working days to the leadership and the party-conduct
/// office (for 约谈 or 问责 of a 一把手 who rectifies poorly). Each message is sent once per item, deadline and step.
/// </summary>
public sealed class RectificationDeadlineSweep(IDbContextFactory<QingfengDb> dbFactory, SupervisionCalendar calendar, NotificationService notifications, TimeProvider time) : IPeriodicSweep
{
    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var today = ChinaTime.DateOf(now);
        var soon = calendar.DueSoonLimit(today);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var items = await db.RectificationItems
            .Where(i => i.State != RectificationState.Closed && i.State != RectificationState.LongTerm && i.DueOn <= soon)
            .Include(i => i.Events.Where(e => e.Action == RectificationAction.Opened))
            .ToListAsync(cancellationToken);
        if (items.Count == 0)
        {
            return 0;
        }

        var organs = items.Select(i => i.OrganId).Distinct().ToList();
        var staff = await StaffDirectory.Members(db, organs, [Roles.CommissionLeader, Roles.PartyConductOffice]).ToListAsync(cancellationToken);

        var messages = new List<OutgoingMessage>();
        foreach (var item in items)
        {
            item.Escalate(today, calendar.EscalationDay(item.DueOn), now);
            var level = item.IsOverdueOn(today) ? item.Escalation : EscalationLevel.None;
            var opener = item.Events.FirstOrDefault(e => e.Action == RectificationAction.Opened)?.ActorId;
            var recipients = new List<Guid>();
            if (opener is { } o && o != Guid.Empty)
            {
                recipients.Add(o);
            }

            if (level >= EscalationLevel.Overdue)
            {
                recipients.AddRange(staff.Where(s => s.OrganId == item.OrganId && s.Role == Roles.CommissionLeader).Select(s => s.UserId));
            }

            if (level == EscalationLevel.Leadership)
            {
                recipients.AddRange(staff.Where(s => s.OrganId == item.OrganId && s.Role == Roles.PartyConductOffice).Select(s => s.UserId));
            }

            var (key, step) = level switch
            {
                EscalationLevel.Leadership => ("Notify.RectificationEscalated", "escalated"),
                EscalationLevel.Overdue => ("Notify.RectificationOverdue", "overdue"),
                _ => ("Notify.RectificationDueSoon", "soon"),
            };
            var dueText = item.DueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var subject = item.Subject.OfficialName is { } name ? $"{item.Subject.UnitName} {name}" : item.Subject.UnitName;
            foreach (var recipient in recipients.Distinct())
            {
                messages.Add(new OutgoingMessage(
                    recipient,
                    key,
                    [subject, Shorten(item.Problem), dueText],
                    $"/supervision/rectification/{item.Id}",
                    string.Create(CultureInfo.InvariantCulture, $"rect:{item.Id}:{dueText}:{step}:{recipient}")));
            }

        }

        // The escalation marks (and their history rows) are saved before anyone is told about them.
        await db.SaveChangesAsync(cancellationToken);
        return await notifications.SendAsync(messages, cancellationToken);
    }

    private static string Shorten(string text) => text.Length <= 30 ? text : text[..30] + "…";
}
