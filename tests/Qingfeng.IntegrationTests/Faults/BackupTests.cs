using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Qingfeng.Features.Audit;
using Qingfeng.IntegrationTests.Infrastructure;
using Qingfeng.Platform;
using Qingfeng.Platform.Backup;
using Qingfeng.Platform.Data;
using Xunit;

namespace Qingfeng.IntegrationTests.Faults;

/// <summary>
/// <c>backup create / restore / verify</c> through the command line entry point, against a running app
/// (an online backup), on both providers.
/// </summary>
public sealed class BackupTests(SharedApps apps) : IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("qf_backup_test_");

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task A_backup_restores_into_an_empty_database_with_every_row_and_an_intact_audit_chain(Provider provider)
    {
        var app = await apps.GetAsync(provider);
        var file = Path.Combine(_work.FullName, "qingfeng.backup");

        var created = await RunAsync(["backup", "create", "--out", file, .. app.CommandSettings]);
        Assert.True(created.Code == 0, created.Output);
        Assert.Contains("Encryption keys are NOT in the backup", created.Output, StringComparison.Ordinal);
        var manifest = ReadManifest(file);
        Assert.Equal(provider.ToString(), manifest["provider"]!.GetValue<string>());
        Assert.True(manifest["tables"]!["Officials"]!.GetValue<long>() > 800);
        Assert.False(manifest["encryptionKeysIncluded"]!.GetValue<bool>());

        await using var target = await EmptyDatabase.CreateAsync(provider);
        var restored = await RunAsync(["backup", "restore", "--from", file, .. target.Settings, .. KeyOf(app)]);
        Assert.True(restored.Code == 0, restored.Output);
        Assert.Contains("Restored and verified", restored.Output, StringComparison.Ordinal);

        // Check the restored database independently of the command's own verification.
        var database = new QingfengDatabase(new DatabaseOptions { Provider = Enum.Parse<DatabaseProvider>(provider.ToString()), ConnectionString = target.ConnectionString }, _work.FullName, new AuditKey(Convert.FromBase64String(app.AuditSettings["Audit:Key"])));
        await using (var db = database.Create(DbActor.System))
        {
            Assert.Equal(manifest["tables"]!["Officials"]!.GetValue<long>(), await db.Officials.LongCountAsync());
            Assert.Equal(manifest["tables"]!["Clues"]!.GetValue<long>(), await db.Clues.LongCountAsync());
            Assert.Equal(manifest["tables"]!["ClueHistory"]!.GetValue<long>(), await db.Set<Qingfeng.Features.Clues.ClueHistoryEntry>().LongCountAsync());
            var head = await db.AuditEntries.OrderByDescending(e => e.Sequence).FirstAsync();
            Assert.Equal(manifest["auditHead"]!["sequence"]!.GetValue<long>(), head.Sequence);
            Assert.Equal(manifest["auditHead"]!["hash"]!.GetValue<string>(), head.Hash);
        }

        var chain = await AuditLog.VerifyChainAsync(database.Create(DbActor.System));
        Assert.True(chain.Intact);
        Assert.Equal(manifest["auditHead"]!["sequence"]!.GetValue<long>(), chain.EntriesChecked);

        var again = await RunAsync(["backup", "restore", "--from", file, .. target.Settings, .. KeyOf(app)]);
        Assert.Equal(1, again.Code);
        Assert.Contains("not empty", again.Output, StringComparison.Ordinal);
        var forced = await RunAsync(["backup", "restore", "--from", file, "--force", .. target.Settings, .. KeyOf(app)]);
        Assert.True(forced.Code == 0, forced.Output);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task A_backup_whose_payload_bytes_were_changed_is_reported_altered(Provider provider)
    {
        var app = await apps.GetAsync(provider);
        var file = await BackUpAsync(app);
        var payload = provider == Provider.Sqlite ? "database.sqlite" : "database.pgdump";
        RewritePayload(file, payload, path =>
        {
            var bytes = File.ReadAllBytes(path);
            bytes[bytes.Length / 2] ^= 0x01;
            File.WriteAllBytes(path, bytes);
        }, updateChecksum: false);

        var verified = await RunAsync(["backup", "verify", "--from", file, .. app.CommandSettings]);

        Assert.Equal(1, verified.Code);
        Assert.Contains("payload was altered", verified.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_backup_with_a_modified_audit_row_and_a_recomputed_checksum_is_reported_broken_on_sqlite()
    {
        var app = await apps.GetAsync(Provider.Sqlite);
        var file = await BackUpAsync(app);
        var clean = await RunAsync(["backup", "verify", "--from", file, .. KeyOf(app)]);
        Assert.True(clean.Code == 0, clean.Output);

        // An editor who knows the format: drops the append-only trigger, changes one audit row inside the payload and fixes the checksum.
        RewritePayload(file, "database.sqlite", path =>
        {
            using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = AppendOnlyAudit.SqliteDropSql + "UPDATE AuditEntries SET Details = 'nothing happened' WHERE Sequence = 2";
            Assert.Equal(1, command.ExecuteNonQuery());
        }, updateChecksum: true);

        var verified = await RunAsync(["backup", "verify", "--from", file, .. KeyOf(app)]);

        Assert.Equal(1, verified.Code);
        Assert.Contains("Audit chain BROKEN at entry #2", verified.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_backup_carrying_a_modified_audit_row_is_reported_broken_on_postgres()
    {
        var app = await apps.GetAsync(Provider.Postgres);
        var file = await BackUpAsync(app);

        // The custom-format dump is compressed: tamper in a copy of the database and dump that copy.
        await using var copy = await EmptyDatabase.CreateAsync(Provider.Postgres);
        Assert.Equal(0, (await RunAsync(["backup", "restore", "--from", file, .. copy.Settings, .. KeyOf(app)])).Code);
        await using (var connection = new NpgsqlConnection(copy.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(AppendOnlyAudit.PostgresDropSql + "UPDATE \"AuditEntries\" SET \"Details\" = 'nothing happened' WHERE \"Sequence\" = 2", connection);
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
        }

        var tampered = Path.Combine(_work.FullName, "tampered.backup");
        Assert.Equal(0, (await RunAsync(["backup", "create", "--out", tampered, .. copy.Settings, .. KeyOf(app)])).Code);

        var verified = await RunAsync(["backup", "verify", "--from", tampered, .. copy.Settings, .. KeyOf(app)]);

        Assert.Equal(1, verified.Code);
        Assert.Contains("Audit chain BROKEN at entry #2", verified.Output, StringComparison.Ordinal);
    }

    public void Dispose() => _work.Delete(recursive: true);

    private async Task<string> BackUpAsync(QingfengApp app)
    {
        var file = Path.Combine(_work.FullName, "qingfeng.backup");
        var created = await RunAsync(["backup", "create", "--out", file, .. app.CommandSettings]);
        Assert.True(created.Code == 0, created.Output);
        return file;
    }

    /// <summary>The app's audit key as a command setting: the restored or verified chain was written with it.</summary>
    private static string[] KeyOf(QingfengApp app) => [$"--Audit:Key={app.AuditSettings["Audit:Key"]}"];

    private static async Task<(int Code, string Output)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        var code = await Commands.RunAsync(args, output);
        return (code, output.ToString());
    }

    private static JsonNode ReadManifest(string file)
    {
        using var zip = ZipFile.OpenRead(file);
        using var stream = zip.GetEntry(BackupManifest.FileName)!.Open();
        return JsonNode.Parse(stream)!;
    }

    /// <summary>Extracts the payload, lets <paramref name="change"/> edit it, and writes the archive back.</summary>
    private void RewritePayload(string file, string payload, Action<string> change, bool updateChecksum)
    {
        var path = Path.Combine(_work.FullName, payload);
        JsonNode manifest;
        using (var zip = ZipFile.OpenRead(file))
        {
            zip.GetEntry(payload)!.ExtractToFile(path, overwrite: true);
            using var stream = zip.GetEntry(BackupManifest.FileName)!.Open();
            manifest = JsonNode.Parse(stream)!;
        }

        change(path);
        if (updateChecksum)
        {
            manifest["payloadSha256"] = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
        }

        File.Delete(file);
        using (var zip = ZipFile.Open(file, ZipArchiveMode.Create))
        {
            using (var writer = new StreamWriter(zip.CreateEntry(BackupManifest.FileName).Open()))
            {
                writer.Write(manifest.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
            }

            zip.CreateEntryFromFile(path, payload);
        }

        File.Delete(path);
    }
}
