namespace Qingfeng.Features.Clues;

/// <summary>
/// Counts the clues' running deadlines again when a year's holiday schedule is uploaded (<see cref="Clue.RecountDue"/>): those
/// counted from a day up to the end of that year and ending in it or later. A system job: no viewer, every organ's clues.
/// </summary>
public sealed class ClueDeadlineRecount(QingfengDatabase database, ClueDeadlines deadlines) : IDeadlineRecount
{
    private const int BatchSize = 500;

    public async Task<int> RecountAsync(int year, CancellationToken cancellationToken)
    {
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        var moved = 0;
        var after = Guid.Empty;
        while (true)
        {
            await using var db = database.Create(DbActor.System);
            var batch = await db.Clues
                .Where(c => c.Id.CompareTo(after) > 0 && c.DueKind != null && c.DueFrom <= last && c.DueOn >= first)
                .OrderBy(c => c.Id).Take(BatchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return moved;
            }

            moved += batch.Count(c => c.RecountDue(deadlines));
            await db.SaveChangesAsync(cancellationToken);
            after = batch[^1].Id;
        }
    }
}
