using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using Qingfeng.Features.Audit;

namespace Qingfeng.Platform.Backup;

/// <summary>The outcome of a restore or a verification: what was checked and, when broken, why.</summary>
public sealed record BackupCheck(bool Intact, long AuditEntriesVerified, IReadOnlyList<string> Problems);

/// <summary>
/// Full backups as one zip file: <c>manifest.json</c> and the provider's native payload (an SQLite
/// database copied with the online backup API, or a <c>pg_dump -Fc</c> archive taken in the same
/// snapshot as the manifest's counts). Restore refuses a non-empty target unless forced and then
/// verifies counts and the audit chain against the manifest. See docs/decisions/0006-backup.md.
/// </summary>
public static class DatabaseBackup
{
    public const string KeysNotice = "Encryption keys are NOT in the backup: back up Encryption:* (or, on SQLite demo installs, data/keys/encryption.json beside the database) separately; without them encrypted clue content cannot be read. Neither is the audit key (Audit:Key, or data/keys/audit.json) nor the audit checkpoint file: without the key the audit chain cannot be verified.";

    public static async Task<BackupManifest> CreateAsync(QingfengDatabase database, string outFile, TimeProvider time, CancellationToken cancellationToken = default)
    {
        var work = Directory.CreateTempSubdirectory("qf_backup_");
        try
        {
            var payload = Path.Combine(work.FullName, PayloadName(database.Provider));
            var facts = database.Provider == DatabaseProvider.Sqlite
                ? await SqliteBackup.CopyAsync(database, payload, cancellationToken)
                : await PostgresBackup.DumpAsync(database, payload, cancellationToken);
            var manifest = new BackupManifest(
                1, database.Provider, time.GetUtcNow(), facts.Migration, facts.Tables, facts.AuditHead,
                Path.GetFileName(payload), await Sha256Async(payload, cancellationToken), EncryptionKeysIncluded: false);

            var full = Path.GetFullPath(outFile);
            if (Path.GetDirectoryName(full) is { } directory)
            {
                Directory.CreateDirectory(directory);
            }

            var partial = full + ".partial";
            File.Delete(partial);
            using (var zip = ZipFile.Open(partial, ZipArchiveMode.Create))
            {
                await using (var entry = await zip.CreateEntry(BackupManifest.FileName).OpenAsync(cancellationToken))
                {
                    await JsonSerializer.SerializeAsync(entry, manifest, BackupManifest.Json, cancellationToken);
                }

                zip.CreateEntryFromFile(payload, manifest.Payload, CompressionLevel.Optimal);
            }

            // Only a complete file carries the final name.
            File.Move(partial, full, overwrite: true);
            return manifest;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>Restores into the configured database (which must be empty unless <paramref name="force"/>) and verifies it.</summary>
    public static async Task<BackupCheck> RestoreAsync(QingfengDatabase target, string backupFile, bool force, CancellationToken cancellationToken = default)
    {
        using var opened = await OpenedBackup.OpenAsync(backupFile, cancellationToken);
        if (opened.Problem is { } problem)
        {
            return new BackupCheck(false, 0, [problem]);
        }

        var manifest = opened.Manifest!;
        if (manifest.Provider != target.Provider)
        {
            return new BackupCheck(false, 0, [$"The backup is of a {manifest.Provider} database; the configured database is {target.Provider}."]);
        }

        var empty = target.Provider == DatabaseProvider.Sqlite
            ? await SqliteBackup.IsEmptyAsync(target, cancellationToken)
            : await PostgresBackup.IsEmptyAsync(target, cancellationToken);
        if (!empty && !force)
        {
            return new BackupCheck(false, 0, ["The target database is not empty; restore refuses to overwrite it without --force."]);
        }

        if (target.Provider == DatabaseProvider.Sqlite)
        {
            await SqliteBackup.RestoreAsync(opened.PayloadPath!, target, cancellationToken);
        }
        else
        {
            await PostgresBackup.RestoreAsync(opened.PayloadPath!, target, clean: !empty, cancellationToken);
        }

        return await VerifyAgainstAsync(target, manifest, cancellationToken);
    }

    /// <summary>
    /// Restores into a scratch database (a temporary file, or a new PostgreSQL database on the configured server), verifies
    /// (the audit chain with <paramref name="auditKey"/>), and removes it.
    /// </summary>
    public static async Task<BackupCheck> VerifyAsync(DatabaseOptions configured, string backupFile, AuditKey? auditKey, CancellationToken cancellationToken = default)
    {
        using var opened = await OpenedBackup.OpenAsync(backupFile, cancellationToken);
        if (opened.Problem is { } problem)
        {
            return new BackupCheck(false, 0, [problem]);
        }

        var manifest = opened.Manifest!;
        if (manifest.Provider == DatabaseProvider.Sqlite)
        {
            var scratch = Path.Combine(Path.GetTempPath(), $"qf_verify_{Guid.NewGuid():N}.db");
            try
            {
                var database = new QingfengDatabase(new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={scratch}" }, Path.GetTempPath(), auditKey);
                await SqliteBackup.RestoreAsync(opened.PayloadPath!, database, cancellationToken);
                return await VerifyAgainstAsync(database, manifest, cancellationToken);
            }
            finally
            {
                SqliteBackup.Release($"Data Source={scratch}");
                foreach (var suffix in new[] { "", "-wal", "-shm" })
                {
                    File.Delete(scratch + suffix);
                }
            }
        }

        if (configured.Provider != DatabaseProvider.Postgres || configured.ConnectionString is null)
        {
            return new BackupCheck(false, 0, ["Verifying a PostgreSQL backup needs Database:Provider=Postgres and a connection string to a server where this role may create a scratch database."]);
        }

        await using var scratchDb = await PostgresBackup.ScratchDatabase.CreateAsync(configured.ConnectionString, auditKey, cancellationToken);
        await PostgresBackup.RestoreAsync(opened.PayloadPath!, scratchDb.Database, clean: false, cancellationToken);
        return await VerifyAgainstAsync(scratchDb.Database, manifest, cancellationToken);
    }

    /// <summary>Counts equal to the manifest, and the audit chain intact from genesis up to the recorded head.</summary>
    internal static async Task<BackupCheck> VerifyAgainstAsync(QingfengDatabase database, BackupManifest manifest, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        DatabaseFacts facts;
        await using (var db = database.Create(DbActor.System))
        {
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync(cancellationToken);
            facts = await DatabaseFactsReader.ReadAsync(database, connection, null, cancellationToken);
        }

        foreach (var (table, expected) in manifest.Tables)
        {
            var actual = facts.Tables.GetValueOrDefault(table, -1);
            if (actual != expected)
            {
                problems.Add($"Table {table}: {actual} rows, the manifest records {expected}.");
            }
        }

        if (!string.Equals(facts.Migration, manifest.Migration, StringComparison.Ordinal))
        {
            problems.Add($"Schema migration {facts.Migration}, the manifest records {manifest.Migration}.");
        }

        var chain = await AuditLog.VerifyChainAsync(database.Create(DbActor.System), cancellationToken);
        if (chain.Break is { } broken)
        {
            problems.Add($"Audit chain BROKEN at entry #{broken.Sequence}: {broken.Reason}.");
        }

        problems.AddRange(chain.Findings.Where(f => f.Severity == AuditFindingSeverity.Broken && f.Code != chain.Break?.Reason)
            .Select(f => "Audit trail: " + f.Describe(AuditFinding.English)));
        if (chain.Intact && facts.AuditHead != manifest.AuditHead)
        {
            problems.Add($"Audit head #{facts.AuditHead?.Sequence} {facts.AuditHead?.Hash}, the manifest records #{manifest.AuditHead?.Sequence} {manifest.AuditHead?.Hash}.");
        }

        return new BackupCheck(problems.Count == 0, chain.EntriesChecked, problems);
    }

    internal static string PayloadName(DatabaseProvider provider) => provider == DatabaseProvider.Sqlite ? "database.sqlite" : "database.pgdump";

    internal static async Task<string> Sha256Async(string file, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(file);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
    }

    /// <summary>A backup file unpacked to a temporary folder, its payload checked against the manifest's checksum.</summary>
    private sealed class OpenedBackup : IDisposable
    {
        private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("qf_restore_");

        public BackupManifest? Manifest { get; private set; }

        public string? PayloadPath { get; private set; }

        public string? Problem { get; private set; }

        public static async Task<OpenedBackup> OpenAsync(string file, CancellationToken cancellationToken)
        {
            var opened = new OpenedBackup();
            try
            {
                using var zip = ZipFile.OpenRead(file);
                var manifestEntry = zip.GetEntry(BackupManifest.FileName);
                if (manifestEntry is null)
                {
                    opened.Problem = "Not a Qingfeng backup: manifest.json is missing.";
                    return opened;
                }

                await using (var stream = await manifestEntry.OpenAsync(cancellationToken))
                {
                    opened.Manifest = await JsonSerializer.DeserializeAsync<BackupManifest>(stream, BackupManifest.Json, cancellationToken);
                }

                var manifest = opened.Manifest!;
                if (manifest.Payload != DatabaseBackup.PayloadName(manifest.Provider) || zip.GetEntry(manifest.Payload) is not { } payloadEntry)
                {
                    opened.Problem = "The backup's payload is missing.";
                    return opened;
                }

                opened.PayloadPath = Path.Combine(opened._work.FullName, manifest.Payload);
                payloadEntry.ExtractToFile(opened.PayloadPath);
                var sha = await Sha256Async(opened.PayloadPath, cancellationToken);
                if (!string.Equals(sha, manifest.PayloadSha256, StringComparison.Ordinal))
                {
                    opened.Problem = $"The backup's payload was altered: SHA-256 {sha}, the manifest records {manifest.PayloadSha256}.";
                }
            }
            catch (Exception e) when (e is InvalidDataException or JsonException or IOException)
            {
                opened.Problem = $"Not a readable Qingfeng backup: {e.Message}";
            }

            return opened;
        }

        public void Dispose()
        {
            SqliteBackup.Release($"Data Source={Path.Combine(_work.FullName, "database.sqlite")}");
            _work.Delete(recursive: true);
        }
    }
}
