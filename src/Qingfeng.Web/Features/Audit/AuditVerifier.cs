using Qingfeng.Platform.Ui;

namespace Qingfeng.Features.Audit;

public enum AuditFindingSeverity
{
    /// <summary>Evidence of tampering (or of a wrong key): the trail cannot be trusted as it is.</summary>
    Broken = 1,

    /// <summary>Nothing is proven altered, but part of the trail is not anchored (no fresh checkpoint, no file).</summary>
    Warning = 2,
}

/// <summary>
/// One thing verification found. <see cref="Code"/> is a catalog key naming the kind of finding
/// (<c>Audit.Verify.Truncated</c>…); <c>{Code}.Detail</c> formats <see cref="Arguments"/> into the precise statement.
/// </summary>
public sealed record AuditFinding(string Code, AuditFindingSeverity Severity, IReadOnlyList<string> Arguments)
{
    /// <summary>The language of the command line.</summary>
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    public string Describe(CultureInfo culture) => TextCatalog.Instance.Get(Code + ".Detail", culture, [.. Arguments]);
}

/// <summary>A checkpoint as verification used it.</summary>
public sealed record AuditCheckpointSummary(long Number, DateTimeOffset CreatedAt, long HeadSequence, string HeadHash, long EntryCount);

/// <summary>
/// The outcome of <c>audit verify</c>: how far the chain verifies, the first bad entry, and every finding, including
/// those against the checkpoints (truncation, a rebuilt chain, deleted or forged checkpoints, a stale checkpoint).
/// </summary>
public sealed record AuditVerification(long EntriesChecked, AuditBreak? Break)
{
    public IReadOnlyList<AuditFinding> Findings { get; init; } = [];

    /// <summary>The highest sequence in the database.</summary>
    public long HeadSequence { get; init; }

    public long LegacyEntries { get; init; }

    public long KeyedEntries { get; init; }

    /// <summary>The newest authentic checkpoint (database or file).</summary>
    public AuditCheckpointSummary? LatestCheckpoint { get; init; }

    /// <summary>Authentic checkpoints checked against the chain.</summary>
    public int CheckpointsChecked { get; init; }

    /// <summary>No evidence of tampering.</summary>
    public bool Intact => Findings.All(f => f.Severity != AuditFindingSeverity.Broken);

    /// <summary>Intact, and anchored by a checkpoint younger than the interval.</summary>
    public bool Current => Findings.Count == 0;

    /// <summary>The command line's report, in English: a summary line, then one line per finding.</summary>
    public IEnumerable<string> Report(TimeSpan interval)
    {
        var english = AuditFinding.English;
        var entries = string.Create(CultureInfo.InvariantCulture, $"{EntriesChecked} entries verified ({KeyedEntries} {AuditChain.KeyedAlgorithm}, {LegacyEntries} {AuditChain.Algorithm} from before the audit key)");
        if (Break is { } broken)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"Audit chain BROKEN at entry #{broken.Sequence}: {TextCatalog.Instance.Get(broken.Reason, english)} ({EntriesChecked} entries verified before it).");
        }
        else
        {
            yield return Intact ? $"Audit chain intact: {entries}." : $"Audit trail BROKEN: the chain itself verifies, {entries}, but not against its checkpoints.";
        }

        if (LatestCheckpoint is { } latest)
        {
            var after = HeadSequence >= latest.HeadSequence
                ? string.Create(CultureInfo.InvariantCulture, $"{HeadSequence - latest.HeadSequence} entries after it")
                : string.Create(CultureInfo.InvariantCulture, $"the chain now ends before it, at #{HeadSequence}");
            yield return string.Create(CultureInfo.InvariantCulture,
                $"Latest checkpoint #{latest.Number} of {AuditVerifier.Time(latest.CreatedAt)}: head #{latest.HeadSequence}, {after}; checkpoints checked: {CheckpointsChecked}; interval {AuditVerifier.Span(interval)}.");
        }

        foreach (var finding in Findings)
        {
            var label = finding.Severity == AuditFindingSeverity.Broken ? "BROKEN" : "WARNING";
            yield return $"  {label} {TextCatalog.Instance.Get(finding.Code, english)}: {finding.Describe(english)}";
        }
    }
}

/// <summary>
/// Verifies the audit trail: the chain entry by entry (<see cref="AuditChainWalk"/>), then the chain against every
/// authentic checkpoint in the database and in the checkpoint file — the entry at each checkpoint's head must still
/// carry the recorded hash, the chain must reach the newest recorded head, and the newest checkpoint must be younger
/// than the configured interval.
/// </summary>
public static class AuditVerifier
{
    private const int BatchSize = 5000;

    /// <summary>
    /// Verifies with the audit key of <paramref name="db"/> (and disposes it). <paramref name="file"/> null: the
    /// database's checkpoints only (a backup); <paramref name="interval"/> null: no staleness check.
    /// </summary>
    public static async Task<AuditVerification> VerifyAsync(QingfengDb db, AuditCheckpointFile? file, TimeSpan? interval, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        await using var _ = db;
        var findings = new List<AuditFinding>();
        var checkpoints = await AuthenticCheckpointsAsync(db, file, findings, cancellationToken);
        var atHead = checkpoints.Where(c => c.HeadSequence > 0).ToLookup(c => c.HeadSequence);
        var mismatched = new List<(AuditCheckpoint Checkpoint, string Actual, long Count)>();
        var headsFound = new HashSet<long>();
        var walk = new AuditChainWalk(db.AuditKey);
        AuditBreak? broken = null;
        long scanned = 0;
        long head = 0;
        var from = 0L;
        while (true)
        {
            var after = from;
            var batch = await db.AuditEntries.AsNoTracking().Where(e => e.Sequence > after)
                .OrderBy(e => e.Sequence).Take(BatchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            broken ??= walk.Check(batch);
            foreach (var entry in batch)
            {
                scanned++;
                foreach (var checkpoint in atHead[entry.Sequence])
                {
                    headsFound.Add(entry.Sequence);
                    if (!string.Equals(checkpoint.HeadHash, entry.Hash, StringComparison.Ordinal) || checkpoint.EntryCount != scanned)
                    {
                        mismatched.Add((checkpoint, entry.Hash, scanned));
                    }
                }
            }

            head = from = batch[^1].Sequence;
        }

        // A recorded head that is no longer in the chain although later entries are: deleted in the middle.
        var present = head;
        mismatched.AddRange(checkpoints.Where(c => c.HeadSequence > 0 && c.HeadSequence <= present && !headsFound.Contains(c.HeadSequence))
            .Select(c => (c, "—", -1L)));
        if (broken is not null)
        {
            findings.Insert(0, new AuditFinding(broken.Reason, AuditFindingSeverity.Broken, [Number(broken.Sequence)]));
        }

        ReportMismatches(mismatched, findings);
        ReportTruncation(checkpoints, head, findings);
        var latest = checkpoints.MaxBy(c => c.CreatedAt);
        if (interval is { } limit)
        {
            ReportStaleness(latest, head, limit, now, findings);
        }

        return new AuditVerification(walk.EntriesVerified, broken)
        {
            Findings = findings,
            HeadSequence = head,
            LegacyEntries = walk.LegacyEntries,
            KeyedEntries = walk.KeyedEntries,
            LatestCheckpoint = latest is null ? null : new AuditCheckpointSummary(latest.Number, latest.CreatedAt, latest.HeadSequence, latest.HeadHash, latest.EntryCount),
            CheckpointsChecked = checkpoints.Count,
        };
    }

    /// <summary>
    /// The checkpoints whose MAC verifies, from the database and the file; reports forged ones, ones in the file that
    /// the database lost, two different checkpoints under one number, unreadable lines and a missing file.
    /// </summary>
    private static async Task<List<AuditCheckpoint>> AuthenticCheckpointsAsync(QingfengDb db, AuditCheckpointFile? file, List<AuditFinding> findings, CancellationToken cancellationToken)
    {
        var stored = await db.AuditCheckpoints.AsNoTracking().OrderBy(c => c.Number).ToListAsync(cancellationToken);
        var filed = file?.Read();
        var key = db.AuditKey;
        if (key is null)
        {
            if (stored.Count > 0 || filed?.Checkpoints.Count > 0)
            {
                findings.Add(new AuditFinding("Audit.Verify.NoKeyForCheckpoints", AuditFindingSeverity.Broken, []));
            }

            return [];
        }

        var authentic = Authentic(stored, key, "AuditCheckpoints", findings);
        if (file is null || filed is null)
        {
            return authentic;
        }

        if (!filed.Exists)
        {
            if (stored.Count > 0)
            {
                findings.Add(new AuditFinding("Audit.Verify.CheckpointFileMissing", AuditFindingSeverity.Warning, [file.Path]));
            }

            return authentic;
        }

        if (filed.UnreadableLines.Count > 0)
        {
            findings.Add(new AuditFinding("Audit.Verify.CheckpointFileUnreadable", AuditFindingSeverity.Warning, [file.Path, List(filed.UnreadableLines.Select(l => (long)l))]));
        }

        var byNumber = authentic.ToDictionary(c => c.Number);
        var deleted = new List<AuditCheckpoint>();
        var conflicting = new List<AuditCheckpoint>();
        foreach (var checkpoint in Authentic(filed.Checkpoints, key, file.Path, findings))
        {
            if (!byNumber.TryGetValue(checkpoint.Number, out var inDatabase))
            {
                deleted.Add(checkpoint);
            }
            else if (!inDatabase.SameAs(checkpoint))
            {
                conflicting.Add(checkpoint);
            }
        }

        if (deleted.Count > 0)
        {
            findings.Add(new AuditFinding("Audit.Verify.CheckpointDeleted", AuditFindingSeverity.Broken, [Number(deleted.Count), List(deleted.Select(c => c.Number)), file.Path]));
        }

        if (conflicting.Count > 0)
        {
            findings.Add(new AuditFinding("Audit.Verify.CheckpointConflict", AuditFindingSeverity.Broken, [List(conflicting.Select(c => c.Number)), file.Path]));
        }

        return [.. authentic, .. deleted, .. conflicting];
    }

    private static List<AuditCheckpoint> Authentic(IEnumerable<AuditCheckpoint> checkpoints, AuditKey key, string source, List<AuditFinding> findings)
    {
        var authentic = new List<AuditCheckpoint>();
        var forged = new List<long>();
        foreach (var checkpoint in checkpoints)
        {
            if (checkpoint.IsAuthentic(key))
            {
                authentic.Add(checkpoint);
            }
            else
            {
                forged.Add(checkpoint.Number);
            }
        }

        if (forged.Count > 0)
        {
            findings.Add(new AuditFinding("Audit.Verify.CheckpointForged", AuditFindingSeverity.Broken, [Number(forged.Count), List(forged), source]));
        }

        return authentic;
    }

    private static void ReportMismatches(List<(AuditCheckpoint Checkpoint, string Actual, long Count)> mismatched, List<AuditFinding> findings)
    {
        if (mismatched.Count == 0)
        {
            return;
        }

        var (first, actual, count) = mismatched.MinBy(m => m.Checkpoint.HeadSequence);
        findings.Add(new AuditFinding("Audit.Verify.CheckpointMismatch", AuditFindingSeverity.Broken,
        [
            Number(first.Number), Time(first.CreatedAt), Number(first.HeadSequence), first.HeadHash, actual,
            Number(first.EntryCount), count < 0 ? "—" : Number(count), Number(mismatched.Select(m => m.Checkpoint.Number).Distinct().Count() - 1),
        ]));
    }

    private static void ReportTruncation(List<AuditCheckpoint> checkpoints, long head, List<AuditFinding> findings)
    {
        var furthest = checkpoints.OrderByDescending(c => c.HeadSequence).ThenByDescending(c => c.Number).FirstOrDefault();
        if (furthest is not null && furthest.HeadSequence > head)
        {
            findings.Add(new AuditFinding("Audit.Verify.Truncated", AuditFindingSeverity.Broken,
                [Number(head), Number(furthest.Number), Time(furthest.CreatedAt), Number(furthest.HeadSequence), Number(furthest.HeadSequence - head)]));
        }
    }

    private static void ReportStaleness(AuditCheckpoint? latest, long head, TimeSpan interval, DateTimeOffset now, List<AuditFinding> findings)
    {
        if (latest is null)
        {
            findings.Add(new AuditFinding("Audit.Verify.NoCheckpoint", AuditFindingSeverity.Warning, [Number(head)]));
            return;
        }

        var age = now - latest.CreatedAt;
        if (age > interval)
        {
            findings.Add(new AuditFinding("Audit.Verify.Stale", AuditFindingSeverity.Warning,
                [Number(latest.Number), Time(latest.CreatedAt), Span(age), Span(interval), Number(Math.Max(0, head - latest.HeadSequence))]));
        }
    }

    internal static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    internal static string Time(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    internal static string Span(TimeSpan value) => value.ToString(value.TotalDays >= 1 ? @"d\.hh\:mm\:ss" : @"hh\:mm\:ss", CultureInfo.InvariantCulture);

    private static string List(IEnumerable<long> numbers)
    {
        var all = numbers.ToList();
        var shown = string.Join(", ", all.Take(10).Select(n => "#" + Number(n)));
        return all.Count > 10 ? $"{shown} …" : shown;
    }
}
