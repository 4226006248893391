using Qingfeng.Features.Supervision;

namespace Qingfeng.Features.Talks;

/// <summary>Counts the awaited letters' reply deadlines again when a year's holiday schedule is uploaded (<see cref="Inquiry.RecountReplyDue"/>).</summary>
public sealed class InquiryDeadlineRecount(QingfengDatabase database, SupervisionCalendar calendar) : IDeadlineRecount
{
    public async Task<int> RecountAsync(int year, CancellationToken cancellationToken)
    {
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        await using var db = database.Create(DbActor.System);
        var awaited = await db.Inquiries.Where(i => i.State == InquiryState.Sent && i.SentOn <= last && i.ReplyDueOn >= first).ToListAsync(cancellationToken);
        var moved = awaited.Count(i => i.RecountReplyDue(calendar));
        await db.SaveChangesAsync(cancellationToken);
        return moved;
    }
}
