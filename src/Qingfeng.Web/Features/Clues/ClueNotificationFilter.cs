using Qingfeng.Features.Notifications;

namespace Qingfeng.Features.Clues;

/// <summary>
/// Hides a notification about a clue while its reader may not see the clue (<see cref="ClueViewer.VisibleClues"/>): one sent
/// before the reader was recused, or lost access otherwise, leaves the reader's list and count at once.
/// </summary>
internal sealed class ClueNotificationFilter(ClueAccess clueAccess) : INotificationLinkFilter
{
    public string Prefix => ClueLinks.Prefix;

    public async Task<IReadOnlyCollection<string>> HiddenAsync(QingfengDb db, IReadOnlyList<string> links, CancellationToken cancellationToken)
    {
        var clues = links.Select(ClueLinks.ClueOf).OfType<Guid>().ToList();
        if (clues.Count == 0)
        {
            return [];
        }

        var viewer = await clueAccess.ViewerAsync(cancellationToken);
        var visible = (await viewer.VisibleClues(db).AsNoTracking().Where(c => clues.Contains(c.Id)).Select(c => c.Id).ToListAsync(cancellationToken)).ToHashSet();
        return [.. links.Where(l => ClueLinks.ClueOf(l) is { } id && !visible.Contains(id))];
    }
}
