using System.Text.Json;
using System.Text.Json.Serialization;

namespace Qingfeng.Platform.Backup;

/// <summary>The last audit entry at the time of the backup: restore must find the chain intact up to it.</summary>
public sealed record AuditHead(long Sequence, string Hash);

/// <summary>
/// What a backup file promises: the provider and payload, the row count of every table, the audit chain
/// head and the last schema migration, all taken from the same snapshot as the payload. Encryption keys
/// are never part of a backup.
/// </summary>
public sealed record BackupManifest(
    int Format,
    DatabaseProvider Provider,
    DateTimeOffset CreatedAt,
    string? Migration,
    IReadOnlyDictionary<string, long> Tables,
    AuditHead? AuditHead,
    string Payload,
    string PayloadSha256,
    bool EncryptionKeysIncluded)
{
    public const string FileName = "manifest.json";

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };
}

/// <summary>What a database holds, as a manifest records it.</summary>
internal sealed record DatabaseFacts(string? Migration, SortedDictionary<string, long> Tables, AuditHead? AuditHead);
