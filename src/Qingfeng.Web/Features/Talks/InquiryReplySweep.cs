using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Qingfeng.Features.Notifications;
using Qingfeng.Features.Supervision;
using Qingfeng.Platform.Data;
using Qingfeng.Platform.Jobs;
using Qingfeng.Platform.Security;

namespace Qingfeng.Features.Talks;

/// <summary>
/// Tells the owning commission's supervision office (and its leaders) about letters of inquiry whose reply is overdue:
/// once per inquiry, deadline and person.
/// </summary>
public sealed class InquiryReplySweep(IDbContextFactory<QingfengDb> dbFactory, NotificationService notifications, TimeProvider time) : IPeriodicSweep
{
    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        var today = SupervisionCalendar.Today(time.GetUtcNow());
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var overdue = await db.Set<Inquiry>().AsNoTracking()
            .Where(i => i.State == InquiryState.Sent && i.ReplyDueOn < today)
            .Select(i => new { i.Id, i.OrganId, i.OfficialName, i.UnitName, i.ReplyDueOn })
            .ToListAsync(cancellationToken);
        if (overdue.Count == 0)
        {
            return 0;
        }

        var organs = overdue.Select(o => o.OrganId).Distinct().ToList();
        var staff = await (from u in db.Users.AsNoTracking()
                           join ur in db.UserRoles on u.Id equals ur.UserId
                           join r in db.Roles on ur.RoleId equals r.Id
                           where u.OrganId != null && organs.Contains(u.OrganId.Value) && (r.Name == Roles.SupervisionOffice || r.Name == Roles.CommissionLeader)
                           select new { u.Id, OrganId = u.OrganId!.Value })
            .ToListAsync(cancellationToken);
        var messages = new List<OutgoingMessage>();
        foreach (var inquiry in overdue)
        {
            var due = inquiry.ReplyDueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            foreach (var user in staff.Where(s => s.OrganId == inquiry.OrganId).Select(s => s.Id).Distinct())
            {
                messages.Add(new OutgoingMessage(
                    user,
                    "Inquiries.NotifyOverdue",
                    [inquiry.OfficialName, inquiry.UnitName, due],
                    $"/supervision/inquiries/{inquiry.Id}",
                    string.Create(CultureInfo.InvariantCulture, $"inquiry:{inquiry.Id}:{due}:overdue:{user}")));
            }
        }

        return await notifications.SendAsync(messages, cancellationToken);
    }
}
