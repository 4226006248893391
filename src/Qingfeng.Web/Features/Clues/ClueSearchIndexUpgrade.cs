namespace Qingfeng.Features.Clues;

/// <summary>
/// Brings the clue search index up to date at start-up: a clue not indexed, indexed before scope tokens existed, or
/// indexed in an older format (without the current <see cref="ClueProtection.FormatToken"/>, for example the word
/// index before phrase search) is indexed again from its decrypted content (see <see cref="ClueProtection.IndexAsync"/>).
/// At most one query per organ when nothing is missing.
/// It also re-makes the repeat fingerprints of an older format (<see cref="Text.DuplicateDetector.IsCurrent"/>) from the
/// decrypted content, so every clue is compared by the current detector; the demo data follows the same way.
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

    /// <summary>Re-makes the repeat fingerprints of an older format, in batches; returns how many.</summary>
    public async Task<int> RefingerprintAsync(CancellationToken cancellationToken)
    {
        var done = 0;
        while (true)
        {
            await using var db = database.Create(DbActor.System);
            var stale = await db.Clues
                .Where(c => c.ContentCipher != null && c.Fingerprint != null && !c.Fingerprint.StartsWith(Text.DuplicateDetector.Prefix))
                .OrderBy(c => c.Id).Take(200).ToListAsync(cancellationToken);
            if (stale.Count == 0)
            {
                return done;
            }

            foreach (var clue in stale)
            {
                clue.Refingerprint(Text.DuplicateDetector.Fingerprint(protection.UnprotectContent(clue)!));
            }

            await db.SaveChangesAsync(cancellationToken);
            done += stale.Count;
        }
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

            var refingerprinted = await RefingerprintAsync(stoppingToken);
            if (refingerprinted > 0)
            {
                logger.LogInformation("Repeat detection: {Count} clues re-fingerprinted in the current format.", refingerprinted);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
