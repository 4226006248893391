using Qingfeng.Features.Notifications;
using Qingfeng.Features.Supervision;

namespace Qingfeng.Features.Recommendations;

/// <summary>Tells the issuing organ's supervision office and leaders about recommendations whose reply is overdue (谁建议谁跟踪), once per deadline and person.</summary>
public sealed class RecommendationReplySweep(IDbContextFactory<QingfengDb> dbFactory, NotificationService notifications, TimeProvider time) : IPeriodicSweep
{
    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        var today = ChinaTime.DateOf(time.GetUtcNow());
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var overdue = await db.Recommendations.AsNoTracking()
            .Where(r => r.State == RecommendationState.Issued && r.ReplyDueOn < today)
            .Select(r => new { r.Id, r.OrganId, r.Number, r.Subject.UnitName, r.ReplyDueOn })
            .ToListAsync(cancellationToken);
        if (overdue.Count == 0)
        {
            return 0;
        }

        var staff = await SupervisionStaff.OfOrgansAsync(db, [.. overdue.Select(o => o.OrganId).Distinct()], cancellationToken);
        var messages = new List<OutgoingMessage>();
        foreach (var r in overdue)
        {
            var due = r.ReplyDueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            messages.AddRange(staff[r.OrganId].Select(user => new OutgoingMessage(
                user,
                "Recommendations.NotifyOverdue",
                [r.UnitName, r.Number, due],
                $"/supervision/recommendations/{r.Id}",
                string.Create(CultureInfo.InvariantCulture, $"recommendation:{r.Id}:{due}:overdue:{user}"))));
        }

        return await notifications.SendAsync(messages, cancellationToken);
    }
}
