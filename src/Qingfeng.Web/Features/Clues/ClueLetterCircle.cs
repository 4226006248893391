using Qingfeng.Features.Talks;

namespace Qingfeng.Features.Clues;

/// <summary>
/// The clue side of <see cref="IClueCircle"/>: the ledgers of talks and letters ask here who may read a record linked to a clue,
/// answered through the one door to clue rows (<see cref="ClueViewer.VisibleClues"/>), and send the reply to a clue's letter
/// into the clue's workflow.
/// </summary>
public sealed class ClueLetterCircle(ClueAccess access, ClueService clues) : IClueCircle
{
    public async Task<IQueryable<Guid>> VisibleClueIdsAsync(QingfengDb db, CancellationToken cancellationToken = default)
    {
        var viewer = await access.ViewerAsync(cancellationToken);
        return viewer.VisibleClues(db).Select(c => c.Id);
    }

    public async Task<ILookup<Guid, Guid>> ReadersAsync(QingfengDb db, IReadOnlyCollection<Guid> userIds, IReadOnlyCollection<Guid> clueIds, CancellationToken cancellationToken = default)
    {
        var viewers = await ClueAccess.ViewersOfAsync(db, userIds, cancellationToken);
        var pairs = new List<(Guid Clue, Guid User)>();
        foreach (var (user, viewer) in viewers)
        {
            var seen = await viewer.VisibleClues(db).AsNoTracking().Where(c => clueIds.Contains(c.Id)).Select(c => c.Id).ToListAsync(cancellationToken);
            pairs.AddRange(seen.Select(clue => (clue, user)));
        }

        return pairs.ToLookup(p => p.Clue, p => p.User);
    }

    public Task RecordReplyAsync(Guid clueId, RecordReplyRequest request, CancellationToken cancellationToken = default) =>
        clues.ActAsync(
            clueId,
            new ClueActionRequest
            {
                Action = ClueAction.RecordInquiryReply,
                Date = request.ReceivedOn,
                Comment = request.Text,
                CountersignedBy = request.CountersignedBy,
                CountersignNote = request.CountersignNote,
            },
            cancellationToken);
}
