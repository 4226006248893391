using System.Globalization;
using System.Text;
using Org.BouncyCastle.Crypto.Digests;

namespace Qingfeng.Features.Audit;

/// <summary>Computes and checks the SM3 hash chain over <see cref="AuditEntry"/> rows.</summary>
public static class AuditChain
{
    public const string Algorithm = "SM3";

    /// <summary>The previous hash of the first entry.</summary>
    public static readonly string Genesis = new('0', 64);

    /// <summary>Serialises appends so that two writers never extend the chain from the same tail.</summary>
    internal static readonly SemaphoreSlim AppendLock = new(1, 1);

    public static string Compute(AuditEntry entry, string previousHash)
    {
        var canonical = string.Join(
            '\u001f',
            entry.Sequence.ToString(CultureInfo.InvariantCulture),
            entry.Timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
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
        var bytes = Encoding.UTF8.GetBytes(canonical);
        var digest = new SM3Digest();
        digest.BlockUpdate(bytes, 0, bytes.Length);
        var output = new byte[digest.GetDigestSize()];
        digest.DoFinal(output, 0);
        return Convert.ToHexStringLower(output);
    }

    /// <summary>Assigns sequence, previous hash and hash to new entries, continuing from the tail.</summary>
    public static void Extend(long lastSequence, string lastHash, IEnumerable<AuditEntry> entries)
    {
        var sequence = lastSequence;
        var previous = lastHash;
        foreach (var entry in entries)
        {
            entry.Sequence = ++sequence;
            entry.Algorithm = Algorithm;
            entry.PreviousHash = previous;
            entry.Hash = Compute(entry, previous);
            previous = entry.Hash;
        }
    }

    /// <summary>
    /// Checks entries in sequence order; returns the first bad entry's sequence and the reason, or null when intact.
    /// </summary>
    public static AuditBreak? FindBreak(IEnumerable<AuditEntry> orderedEntries, ref long expectedSequence, ref string previousHash)
    {
        foreach (var entry in orderedEntries)
        {
            if (entry.Sequence != expectedSequence)
            {
                return new AuditBreak(expectedSequence, "Audit.Verify.Gap");
            }

            if (!string.Equals(entry.PreviousHash, previousHash, StringComparison.Ordinal))
            {
                return new AuditBreak(entry.Sequence, "Audit.Verify.Link");
            }

            if (!string.Equals(entry.Algorithm, Algorithm, StringComparison.Ordinal)
                || !string.Equals(Compute(entry, previousHash), entry.Hash, StringComparison.Ordinal))
            {
                return new AuditBreak(entry.Sequence, "Audit.Verify.Hash");
            }

            previousHash = entry.Hash;
            expectedSequence++;
        }

        return null;
    }
}

/// <summary>The first entry at which the chain no longer verifies, and why.</summary>
public sealed record AuditBreak(long Sequence, string Reason);
