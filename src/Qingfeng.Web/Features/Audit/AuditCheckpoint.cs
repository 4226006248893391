using System.Text;

namespace Qingfeng.Features.Audit;

/// <summary>
/// A checkpoint (审计锚点) of the audit chain: at <see cref="CreatedAt"/> the chain ended at entry
/// <see cref="HeadSequence"/> with hash <see cref="HeadHash"/> and held <see cref="EntryCount"/> entries. Its
/// <see cref="Mac"/> (HMAC-SM3 under the audit key) makes it unforgeable without the key. Written to the database and,
/// line by line, to a file outside it (<see cref="AuditCheckpointFile"/>); append-only in both.
/// </summary>
public sealed class AuditCheckpoint
{
    /// <summary>The MAC algorithm of checkpoints.</summary>
    public const string MacAlgorithm = "HMAC-SM3";

    /// <summary>Separates the checkpoint MAC from the entry MACs made with the same key.</summary>
    public const string Domain = "qingfeng-audit-checkpoint/1";

    private AuditCheckpoint()
    {
    }

    /// <summary>1, 2, 3… in the order written.</summary>
    public long Number { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The last entry's sequence at that time (0 for an empty chain).</summary>
    public long HeadSequence { get; private set; }

    /// <summary>The last entry's hash (the genesis hash for an empty chain).</summary>
    public string HeadHash { get; private set; } = "";

    public long EntryCount { get; private set; }

    public string Algorithm { get; private set; } = "";

    public string Mac { get; private set; } = "";

    /// <summary>A new checkpoint, MACed under <paramref name="key"/>.</summary>
    public static AuditCheckpoint Create(long number, DateTimeOffset createdAt, long headSequence, string headHash, long entryCount, AuditKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var checkpoint = From(number, createdAt, headSequence, headHash, entryCount, MacAlgorithm, "");
        checkpoint.Mac = key.Mac(checkpoint.Canonical());
        return checkpoint;
    }

    /// <summary>A checkpoint as read back (from the file); <see cref="IsAuthentic"/> says whether it verifies.</summary>
    public static AuditCheckpoint From(long number, DateTimeOffset createdAt, long headSequence, string headHash, long entryCount, string algorithm, string mac) => new()
    {
        Number = number,
        CreatedAt = createdAt,
        HeadSequence = headSequence,
        HeadHash = headHash,
        EntryCount = entryCount,
        Algorithm = algorithm,
        Mac = mac,
    };

    /// <summary>Whether the MAC verifies under <paramref name="key"/> (constant time).</summary>
    public bool IsAuthentic(AuditKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return string.Equals(Algorithm, MacAlgorithm, StringComparison.Ordinal)
            && System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
                Encoding.ASCII.GetBytes(key.Mac(Canonical())), Encoding.ASCII.GetBytes(Mac));
    }

    /// <summary>Whether two checkpoints record the same thing (the same number read from the database and from the file).</summary>
    public bool SameAs(AuditCheckpoint other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Number == other.Number && CreatedAt == other.CreatedAt && HeadSequence == other.HeadSequence
            && string.Equals(HeadHash, other.HeadHash, StringComparison.Ordinal) && EntryCount == other.EntryCount
            && string.Equals(Algorithm, other.Algorithm, StringComparison.Ordinal) && string.Equals(Mac, other.Mac, StringComparison.Ordinal);
    }

    /// <summary>The domain, then every field but the MAC, joined by U+001F, UTF-8.</summary>
    public byte[] Canonical() => Encoding.UTF8.GetBytes(string.Join(
        '\u001f',
        Domain,
        Number.ToString(CultureInfo.InvariantCulture),
        AuditChain.FormatTime(CreatedAt),
        HeadSequence.ToString(CultureInfo.InvariantCulture),
        HeadHash,
        EntryCount.ToString(CultureInfo.InvariantCulture),
        Algorithm));
}
