using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Qingfeng.Platform.Security;

/// <summary>
/// The keys of <see cref="FieldEncryption"/>: SM4 data keys by id (the current one encrypts, older ones
/// still decrypt after a rotation) and a separate blind-index key. Configured as
/// <c>Encryption:CurrentKeyId</c>, <c>Encryption:Keys:{id}</c> (base64 of 16 bytes) and
/// <c>Encryption:IndexKey</c> (base64 of 32 bytes).
/// </summary>
public sealed class EncryptionKeyRing
{
    public const string CurrentKeyIdSetting = "Encryption:CurrentKeyId";
    public const string KeysSection = "Encryption:Keys";
    public const string IndexKeySetting = "Encryption:IndexKey";
    public const int DataKeyBytes = 16;
    public const int IndexKeyBytes = 32;
    public const string DemoKeyId = "demo-1";

    private static readonly JsonSerializerOptions FileJson = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private readonly Dictionary<string, byte[]> _keys;

    public EncryptionKeyRing(string currentKeyId, IReadOnlyDictionary<string, byte[]> keys, byte[] indexKey)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(indexKey);
        foreach (var (id, key) in keys)
        {
            if (!IsValidKeyId(id))
            {
                throw new ArgumentException($"Encryption key id '{id}' must be 1–32 characters of letters, digits, '-', '_' or '.'.", nameof(keys));
            }

            if (key.Length != DataKeyBytes)
            {
                throw new ArgumentException($"{KeysSection}:{id} must be {DataKeyBytes} bytes (base64), not {key.Length}.", nameof(keys));
            }
        }

        if (!keys.ContainsKey(currentKeyId))
        {
            throw new ArgumentException($"{CurrentKeyIdSetting} is '{currentKeyId}' but {KeysSection}:{currentKeyId} is not configured.", nameof(currentKeyId));
        }

        if (indexKey.Length != IndexKeyBytes)
        {
            throw new ArgumentException($"{IndexKeySetting} must be {IndexKeyBytes} bytes (base64), not {indexKey.Length}.", nameof(indexKey));
        }

        CurrentKeyId = currentKeyId;
        _keys = keys.ToDictionary(k => k.Key, k => k.Value.ToArray(), StringComparer.Ordinal);
        IndexKey = indexKey.ToArray();
    }

    public string CurrentKeyId { get; }

    public IReadOnlyCollection<string> KeyIds => _keys.Keys;

    internal byte[] IndexKey { get; }

    internal byte[] CurrentKey => _keys[CurrentKeyId];

    internal byte[]? TryKey(string keyId) => _keys.GetValueOrDefault(keyId);

    /// <summary>Fresh random keys (the demo key file; tests).</summary>
    public static EncryptionKeyRing Generate(string keyId = DemoKeyId) =>
        new(keyId, new Dictionary<string, byte[]> { [keyId] = RandomNumberGenerator.GetBytes(DataKeyBytes) }, RandomNumberGenerator.GetBytes(IndexKeyBytes));

    /// <summary>The keys from configuration, or null when none of the <c>Encryption</c> settings is present.</summary>
    public static EncryptionKeyRing? FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var currentId = configuration[CurrentKeyIdSetting];
        var keySettings = configuration.GetSection(KeysSection).GetChildren().ToList();
        var index = configuration[IndexKeySetting];
        if (string.IsNullOrEmpty(currentId) && keySettings.Count == 0 && string.IsNullOrEmpty(index))
        {
            return null;
        }

        if (string.IsNullOrEmpty(currentId) || keySettings.Count == 0 || string.IsNullOrEmpty(index))
        {
            throw new InvalidOperationException(
                $"Field encryption is partly configured: set all of {CurrentKeyIdSetting}, {KeysSection}:{{id}} (base64 of {DataKeyBytes} bytes) and {IndexKeySetting} (base64 of {IndexKeyBytes} bytes).");
        }

        try
        {
            var keys = keySettings.ToDictionary(k => k.Key, k => Base64(k.Value, $"{KeysSection}:{k.Key}"), StringComparer.Ordinal);
            return new EncryptionKeyRing(currentId, keys, Base64(index, IndexKeySetting));
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException("Field encryption is misconfigured: " + e.Message, e);
        }
    }

    /// <summary>
    /// Reads the key file at <paramref name="path"/>, creating it with random keys first if it does not
    /// exist. Creation opens the file itself with create-new (O_EXCL), so of concurrent processes exactly
    /// one creates it and the others read its keys (retrying while it is still being written).
    /// </summary>
    public static (EncryptionKeyRing Keys, bool Created) LoadOrCreateFile(string path) =>
        KeyFiles.LoadOrCreate(path, ReadFile, () => Generate(), WriteFile);

    /// <summary>
    /// Where the demo key file lives: beside the SQLite database (<c>{db directory}/keys/encryption.json</c>;
    /// by default <c>{content root}/data/keys/encryption.json</c>).
    /// </summary>
    public static string DemoKeyFilePath(IConfiguration configuration, string contentRootPath)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var directory = Path.Combine(contentRootPath, "data");
        if (configuration["Database:ConnectionString"] is { Length: > 0 } connection
            && new SqliteConnectionStringBuilder(connection) is { Mode: not SqliteOpenMode.Memory, DataSource: { Length: > 0 } file }
            && !file.Equals(":memory:", StringComparison.Ordinal)
            && Path.GetDirectoryName(Path.GetFullPath(file)) is { Length: > 0 } databaseDirectory)
        {
            // Relative data sources resolve like QingfengDatabase resolves them.
            directory = databaseDirectory;
        }

        return Path.Combine(directory, "keys", "encryption.json");
    }

    /// <summary>True when the configured database is SQLite (also when <c>Database:Provider</c> is absent).</summary>
    public static bool IsSqlite(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var provider = configuration["Database:Provider"];
        return string.IsNullOrEmpty(provider)
            || (Enum.TryParse<DatabaseProvider>(provider, ignoreCase: true, out var parsed) && parsed == DatabaseProvider.Sqlite);
    }

    private static bool IsValidKeyId(string id) =>
        id.Length is > 0 and <= 32 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    private static byte[] Base64(string? value, string setting)
    {
        try
        {
            return Convert.FromBase64String(value ?? "");
        }
        catch (FormatException e)
        {
            throw new InvalidOperationException($"{setting} is not valid base64.", e);
        }
    }

    private static EncryptionKeyRing ReadFile(string path)
    {
        KeyFile? file;
        try
        {
            file = JsonSerializer.Deserialize<KeyFile>(File.ReadAllText(path), FileJson);
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"The encryption key file {path} is corrupt; restore it from backup (data encrypted with it cannot be read without it).", e);
        }

        if (file is not { CurrentKeyId: { } current, Keys: { } keys, IndexKey: { } index })
        {
            throw new InvalidOperationException($"The encryption key file {path} is incomplete.");
        }

        return new EncryptionKeyRing(current, keys.ToDictionary(k => k.Key, k => Base64(k.Value, $"{path}: keys.{k.Key}"), StringComparer.Ordinal), Base64(index, $"{path}: indexKey"));
    }

    private static void WriteFile(Stream stream, EncryptionKeyRing keys)
    {
        var file = new KeyFile
        {
            Warning = "Demo keys generated by Qingfeng for a SQLite installation. Production: configure Encryption:CurrentKeyId, Encryption:Keys:{id} and Encryption:IndexKey from a secret store instead.",
            CurrentKeyId = keys.CurrentKeyId,
            Keys = keys._keys.ToDictionary(k => k.Key, k => Convert.ToBase64String(k.Value), StringComparer.Ordinal),
            IndexKey = Convert.ToBase64String(keys.IndexKey),
        };
        JsonSerializer.Serialize(stream, file, FileJson);
    }

    private sealed class KeyFile
    {
        public string? Warning { get; set; }

        public string? CurrentKeyId { get; set; }

        public Dictionary<string, string>? Keys { get; set; }

        public string? IndexKey { get; set; }
    }
}
