namespace Qingfeng.Features.Talks;

/// <summary>
/// What the clue feature answers about talks and letters of inquiry linked to a clue (<see cref="Inquiry.ClueId"/>,
/// <see cref="Talk.ClueId"/>). Clues implement it, since they own the need-to-know rule and its one door to clue rows;
/// Talks never read clue tables. A clue-linked record carries the clue's matters, so the ledgers, the official's page and the
/// overdue sweep show it only to whoever may open the clue (SECURITY.md, "Clue-linked letters and talks").
/// </summary>
public interface IClueCircle
{
    /// <summary>The ids of the clues the current user may open, as a query the ledgers compose into their reads.</summary>
    Task<IQueryable<Guid>> VisibleClueIdsAsync(QingfengDb db, CancellationToken cancellationToken = default);

    /// <summary>Of <paramref name="userIds"/>, who may open each of <paramref name="clueIds"/> (for jobs that run as the system).</summary>
    Task<ILookup<Guid, Guid>> ReadersAsync(QingfengDb db, IReadOnlyCollection<Guid> userIds, IReadOnlyCollection<Guid> clueIds, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records the reply to a clue's letter through the clue's workflow (<c>RecordInquiryReply</c>): the one path that writes both
    /// the inquiry and the clue's history, so the ledger's reply action on a clue-linked letter delegates here.
    /// </summary>
    Task RecordReplyAsync(Guid clueId, RecordReplyRequest request, CancellationToken cancellationToken = default);
}

/// <summary>The need-to-know filter of clue-linked records, for every read of the ledgers.</summary>
public static class ClueLinkedRecords
{
    /// <summary>Letters of daily supervision, and clue letters whose clue the reader may open.</summary>
    public static IQueryable<Inquiry> InCircle(this IQueryable<Inquiry> inquiries, IQueryable<Guid> visibleClueIds) =>
        inquiries.Where(i => i.ClueId == null || visibleClueIds.Contains(i.ClueId.Value));

    /// <summary>Talks of daily supervision, and clue talks whose clue the reader may open.</summary>
    public static IQueryable<Talk> InCircle(this IQueryable<Talk> talks, IQueryable<Guid> visibleClueIds) =>
        talks.Where(t => t.ClueId == null || visibleClueIds.Contains(t.ClueId.Value));
}
