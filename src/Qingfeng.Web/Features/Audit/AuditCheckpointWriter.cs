namespace Qingfeng.Features.Audit;

/// <summary>
/// Writes a checkpoint of the chain's current head: a row in the database, a line in the checkpoint file, and a log
/// line (for the operator's log shipping). Run by <see cref="AuditCheckpointSweep"/> every half interval and on demand
/// by <c>audit checkpoint</c>.
/// </summary>
public sealed partial class AuditCheckpointWriter(QingfengDatabase database, AuditOptions options, TimeProvider time, ILogger<AuditCheckpointWriter>? logger = null)
{
    public async Task<AuditCheckpoint> WriteAsync(CancellationToken cancellationToken = default)
    {
        var key = database.AuditKey ?? throw new InvalidOperationException("Audit checkpoints need the audit key (Audit:Key).");
        for (var attempt = 1; ; attempt++)
        {
            await using var db = database.Create(new DbActor(time, () => UserContext.System));
            try
            {
                // The committed head: entries of a transaction still open are not in it, and are covered by the next checkpoint.
                var head = await db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Sequence)
                    .Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(cancellationToken);
                var sequence = head?.Sequence ?? 0;
                var count = await db.AuditEntries.AsNoTracking().LongCountAsync(e => e.Sequence <= sequence, cancellationToken);
                var number = (await db.AuditCheckpoints.AsNoTracking().MaxAsync(c => (long?)c.Number, cancellationToken) ?? 0) + 1;
                var checkpoint = AuditCheckpoint.Create(number, QingfengDb.Truncate(time.GetUtcNow()), sequence, head?.Hash ?? AuditChain.Genesis, count, key);
                db.AuditCheckpoints.Add(checkpoint);
                await db.SaveChangesAsync(cancellationToken);
                options.File().Append(checkpoint);
                if (logger is not null)
                {
                    LogCheckpoint(logger, checkpoint.Number, checkpoint.HeadSequence, checkpoint.HeadHash, checkpoint.EntryCount, AuditChain.FormatTime(checkpoint.CreatedAt), checkpoint.Mac);
                }

                return checkpoint;
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // Another process (the server, or an `audit checkpoint` beside it) took the same number: take the next.
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Audit checkpoint #{Number}: head #{HeadSequence} {HeadHash}, {EntryCount} entries, at {CreatedAt}, HMAC-SM3 {Mac}.")]
    private static partial void LogCheckpoint(ILogger logger, long number, long headSequence, string headHash, long entryCount, string createdAt, string mac);
}

/// <summary>The periodic checkpoint (every half <see cref="AuditOptions.CheckpointInterval"/>, so the newest is never older than the interval while the app runs).</summary>
public sealed class AuditCheckpointSweep(AuditCheckpointWriter writer) : IPeriodicSweep
{
    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        await writer.WriteAsync(cancellationToken);
        return 1;
    }
}
