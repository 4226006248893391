using Qingfeng.Features.Accounts;
using Qingfeng.Features.Notifications;

namespace Qingfeng.Features.Clues;

/// <summary>
/// Finds clues that are overdue or due soon and notifies whoever holds the next step: the handler, else the organ's
/// case managers; overdue items also go to the commission leaders (escalation). Each notification is sent once per
/// clue, deadline and status. Nobody is told about a clue they may not see (<see cref="ClueViewer.Visible"/>, recusals
/// included): a recused step holder is skipped and the step falls to case management, which must hand it on.
/// </summary>
public sealed class ClueDeadlineSweep(IDbContextFactory<QingfengDb> dbFactory, ClueDeadlines deadlines, NotificationService notifications, TimeProvider time) : IPeriodicSweep
{
    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        var today = ChinaTime.DateOf(time.GetUtcNow());
        var soon = deadlines.DueSoonLimit(today);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);

        // A job of the system: it reads every due clue, then tells each person only about those that person may see.
        var due = await db.Clues.AsNoTracking()
            .Where(c => c.DueOn != null && c.DueOn <= soon)
            .Include(c => c.Participants).Include(c => c.Recusals)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return 0;
        }

        var organs = due.Select(d => d.OrganId).Distinct().ToList();
        var staff = await StaffDirectory.Members(db, organs, [Roles.CaseManagement, Roles.CommissionLeader]).ToListAsync(cancellationToken);
        var holders = due.Select(Responsible).OfType<Guid>();
        var viewers = await ClueAccess.ViewersOfAsync(db, [.. staff.Select(s => s.UserId).Concat(holders).Distinct()], cancellationToken);
        var sees = viewers.ToDictionary(v => v.Key, v => v.Value.SeesLoaded());
        bool MaySee(Guid user, Clue clue) => sees.TryGetValue(user, out var rule) && rule(clue);

        var messages = new List<OutgoingMessage>();
        foreach (var clue in due)
        {
            var dueOn = clue.DueOn!.Value;
            var overdue = dueOn < today;
            var key = overdue ? "Notify.ClueOverdue" : "Notify.ClueDueSoon";
            var recipients = Responsible(clue) is { } person && MaySee(person, clue)
                ? [person]
                : staff.Where(s => s.OrganId == clue.OrganId && s.Role == Roles.CaseManagement).Select(s => s.UserId).ToList();
            if (overdue)
            {
                recipients.AddRange(staff.Where(s => s.OrganId == clue.OrganId && s.Role == Roles.CommissionLeader).Select(s => s.UserId));
            }

            var dueText = dueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            foreach (var recipient in recipients.Distinct().Where(r => MaySee(r, clue)))
            {
                messages.Add(new OutgoingMessage(
                    recipient,
                    key,
                    [clue.Number, "Enum.DeadlineKind." + clue.DueKind, dueText],
                    ClueLinks.Of(clue.Id),
                    string.Create(CultureInfo.InvariantCulture, $"clue:{clue.Id}:{clue.DueKind}:{dueText}:{(overdue ? "overdue" : "soon")}:{recipient}")));
            }
        }

        return await notifications.SendAsync(messages, cancellationToken);
    }

    /// <summary>Who holds the clue's next step: the investigator while investigating, the reviewer in review, else the handler.</summary>
    private static Guid? Responsible(Clue clue) => clue.State switch
    {
        ClueState.Investigating => clue.InvestigatorId,
        ClueState.InReview => clue.ReviewerId,
        _ => clue.HandlerId,
    };
}
