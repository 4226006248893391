using System.Text;
using Org.BouncyCastle.Crypto.Digests;

namespace Qingfeng.Features.Audit;

/// <summary>
/// Computes and checks the hash chain over <see cref="AuditEntry"/> rows. New entries are keyed
/// (<see cref="KeyedAlgorithm"/>: HMAC-SM3 under the <see cref="AuditKey"/>); entries written before the key existed
/// carry plain SM3 (<see cref="Algorithm"/>) and still verify, but only before the first keyed entry.
/// </summary>
public static class AuditChain
{
    /// <summary>The legacy algorithm: plain SM3 (GB/T 32905) of the canonical record; anyone can recompute it.</summary>
    public const string Algorithm = "SM3";

    /// <summary>The algorithm of new entries: HMAC-SM3 of the canonical record under the audit key.</summary>
    public const string KeyedAlgorithm = "HMAC-SM3";

    /// <summary>The previous hash of the first entry.</summary>
    public static readonly string Genesis = new('0', 64);

    /// <summary>Serialises appends so that two writers never extend the chain from the same tail.</summary>
    internal static readonly SemaphoreSlim AppendLock = new(1, 1);

    /// <summary>Plain SM3 of the canonical record (the legacy algorithm).</summary>
    public static string Compute(AuditEntry entry, string previousHash)
    {
        var bytes = Canonical(entry, previousHash);
        var digest = new SM3Digest();
        digest.BlockUpdate(bytes, 0, bytes.Length);
        var output = new byte[digest.GetDigestSize()];
        digest.DoFinal(output, 0);
        return Convert.ToHexStringLower(output);
    }

    /// <summary>HMAC-SM3 of the canonical record under <paramref name="key"/> (the keyed algorithm).</summary>
    public static string Compute(AuditEntry entry, string previousHash, AuditKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.Mac(Canonical(entry, previousHash));
    }

    /// <summary>Every field in order, joined by U+001F, UTF-8; the time in UTC with microseconds.</summary>
    public static byte[] Canonical(AuditEntry entry, string previousHash)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var canonical = string.Join(
            '\u001f',
            entry.Sequence.ToString(CultureInfo.InvariantCulture),
            FormatTime(entry.Timestamp),
            entry.UserId?.ToString("D") ?? "",
            entry.UserName,
            entry.OrganId?.ToString("D") ?? "",
            entry.OrganName ?? "",
            entry.Action,
            entry.EntityType,
            entry.EntityId ?? "",
            entry.Details ?? "",
            entry.IpAddress ?? "",
            ((int)entry.Outcome).ToString(CultureInfo.InvariantCulture),
            entry.Algorithm,
            previousHash);
        return Encoding.UTF8.GetBytes(canonical);
    }

    /// <summary>The time as the chain and the checkpoints write it: UTC, microseconds, <c>Z</c>.</summary>
    public static string FormatTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>
    /// Assigns sequence, algorithm, previous hash and hash to new entries, continuing from the tail: keyed under
    /// <paramref name="key"/>, or plain SM3 without one (tools that open a database without the audit key).
    /// </summary>
    public static void Extend(long lastSequence, string lastHash, IEnumerable<AuditEntry> entries, AuditKey? key = null)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var sequence = lastSequence;
        var previous = lastHash;
        foreach (var entry in entries)
        {
            entry.Sequence = ++sequence;
            entry.Algorithm = key is null ? Algorithm : KeyedAlgorithm;
            entry.PreviousHash = previous;
            entry.Hash = key is null ? Compute(entry, previous) : Compute(entry, previous, key);
            previous = entry.Hash;
        }
    }
}

/// <summary>
/// Walks the chain in sequence order, batch after batch, and stops at the first bad entry: a missing number (gap), a
/// link to another previous hash (insertion, deletion, reordering), a hash that does not match (an altered entry, or
/// one rehashed without the key), or a plain-SM3 entry after a keyed one (a chain rebuilt without the key).
/// </summary>
public sealed class AuditChainWalk(AuditKey? key, long nextSequence = 1, string? previousHash = null)
{
    /// <summary>The sequence the next entry must carry.</summary>
    public long NextSequence { get; private set; } = nextSequence;

    /// <summary>The hash the next entry must link to: the last verified entry's hash (genesis at the start).</summary>
    public string PreviousHash { get; private set; } = previousHash ?? AuditChain.Genesis;

    /// <summary>Entries verified under the legacy algorithm (plain SM3).</summary>
    public long LegacyEntries { get; private set; }

    /// <summary>Entries verified under the keyed algorithm (HMAC-SM3).</summary>
    public long KeyedEntries { get; private set; }

    public long EntriesVerified => LegacyEntries + KeyedEntries;

    /// <summary>Checks the next entries; returns the first bad one and why, or null when all of them verify.</summary>
    public AuditBreak? Check(IEnumerable<AuditEntry> orderedEntries)
    {
        ArgumentNullException.ThrowIfNull(orderedEntries);
        foreach (var entry in orderedEntries)
        {
            if (entry.Sequence != NextSequence)
            {
                return new AuditBreak(NextSequence, "Audit.Verify.Gap");
            }

            if (!string.Equals(entry.PreviousHash, PreviousHash, StringComparison.Ordinal))
            {
                return new AuditBreak(entry.Sequence, "Audit.Verify.Link");
            }

            if (CheckHash(entry) is { } reason)
            {
                return new AuditBreak(entry.Sequence, reason);
            }

            PreviousHash = entry.Hash;
            NextSequence++;
        }

        return null;
    }

    private string? CheckHash(AuditEntry entry)
    {
        if (string.Equals(entry.Algorithm, AuditChain.KeyedAlgorithm, StringComparison.Ordinal))
        {
            if (key is null)
            {
                return "Audit.Verify.NoKey";
            }

            if (!string.Equals(AuditChain.Compute(entry, PreviousHash, key), entry.Hash, StringComparison.Ordinal))
            {
                return "Audit.Verify.Hash";
            }

            KeyedEntries++;
            return null;
        }

        if (string.Equals(entry.Algorithm, AuditChain.Algorithm, StringComparison.Ordinal))
        {
            // Once the chain is keyed it stays keyed: a plain entry after a keyed one was written without the key.
            if (KeyedEntries > 0)
            {
                return "Audit.Verify.Downgrade";
            }

            if (!string.Equals(AuditChain.Compute(entry, PreviousHash), entry.Hash, StringComparison.Ordinal))
            {
                return "Audit.Verify.Hash";
            }

            LegacyEntries++;
            return null;
        }

        return "Audit.Verify.Hash";
    }
}

/// <summary>The first entry at which the chain no longer verifies, and why.</summary>
public sealed record AuditBreak(long Sequence, string Reason);
