using Qingfeng.Features.Notifications;
using Qingfeng.Features.Supervision;

namespace Qingfeng.Features.Talks;

/// <summary>
/// Tells the owning commission's supervision office (and its leaders) about letters of inquiry whose reply is overdue:
/// once per inquiry, deadline and person. Letters sent from a clue are inquiries too; of those, only staff who may open the clue
/// are told (<see cref="IClueCircle.ReadersAsync"/>).
/// </summary>
public sealed class InquiryReplySweep(IDbContextFactory<QingfengDb> dbFactory, NotificationService notifications, IClueCircle circle, TimeProvider time) : IPeriodicSweep
{
    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        var today = ChinaTime.DateOf(time.GetUtcNow());
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var overdue = await db.Set<Inquiry>().AsNoTracking()
            .Where(i => i.State == InquiryState.Sent && i.ReplyDueOn < today)
            .Select(i => new { i.Id, i.OrganId, i.ClueId, i.Subject.OfficialName, i.Subject.UnitName, i.ReplyDueOn })
            .ToListAsync(cancellationToken);
        if (overdue.Count == 0)
        {
            return 0;
        }

        var staff = await SupervisionStaff.OfOrgansAsync(db, [.. overdue.Select(o => o.OrganId).Distinct()], cancellationToken);
        var clueIds = overdue.Where(o => o.ClueId is not null).Select(o => o.ClueId!.Value).Distinct().ToList();
        var readers = clueIds.Count == 0
            ? Enumerable.Empty<Guid>().ToLookup(g => g)
            : await circle.ReadersAsync(db, [.. overdue.Where(o => o.ClueId is not null).SelectMany(o => staff[o.OrganId]).Distinct()], clueIds, cancellationToken);
        var messages = new List<OutgoingMessage>();
        foreach (var inquiry in overdue)
        {
            var due = inquiry.ReplyDueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            foreach (var user in staff[inquiry.OrganId].Where(u => inquiry.ClueId is not { } clue || readers[clue].Contains(u)))
            {
                messages.Add(new OutgoingMessage(
                    user,
                    "Inquiries.NotifyOverdue",
                    [inquiry.OfficialName!, inquiry.UnitName, due],
                    $"/supervision/inquiries/{inquiry.Id}",
                    string.Create(CultureInfo.InvariantCulture, $"inquiry:{inquiry.Id}:{due}:overdue:{user}")));
            }
        }

        return await notifications.SendAsync(messages, cancellationToken);
    }
}
