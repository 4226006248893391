namespace Qingfeng.Features.Clues;

/// <summary>
/// Brings the clue search index up to date at start-up: a clue not indexed, indexed before scope tokens existed, or
/// indexed in an older format (without the current <see cref="ClueProtection.FormatToken"/>, for example the word
/// index before phrase search) is indexed again from its decrypted content (see <see cref="ClueProtection.IndexAsync"/>).
/// At most one query per organ when nothing is missing.
/// </summary>
public sealed class ClueSearchIndexUpgrade(QingfengDatabase database, ClueProtection protection, ILogger<ClueSearchIndexUpgrade> logger) : BackgroundService
{
    /// <summary>Re-indexes the clues that lack their organ's scope token or the current format token; returns how many.</summary>
    public async Task<int> UpgradeAsync(CancellationToken cancellationToken)
    {
        List<Guid> organs;
        await using (var db = database.Create(DbActor.System))
        {
            organs = await db.Clues.AsNoTracking().Select(c => c.OrganId).Distinct().ToListAsync(cancellationToken);
        }

        var upgraded = 0;
        foreach (var organ in organs)
        {
            await using var db = database.Create(DbActor.System);
            var stale = await db.Clues.Where(c => c.OrganId == organ && c.ContentCipher != null && !protection.IndexedFor(db, organ).Contains(c.Id))
                .ToListAsync(cancellationToken);
            if (stale.Count == 0)
            {
                continue;
            }

            await db.InTransactionAsync(
                async ct =>
                {
                    foreach (var clue in stale)
                    {
                        await protection.IndexAsync(db, clue, protection.UnprotectContent(clue)!, ct);
                    }

                    return true;
                },
                cancellationToken);
            upgraded += stale.Count;
        }

        return upgraded;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var upgraded = await UpgradeAsync(stoppingToken);
            if (upgraded > 0)
            {
                logger.LogInformation("Search index: {Count} clues re-indexed in the current format with their scope tokens.", upgraded);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
