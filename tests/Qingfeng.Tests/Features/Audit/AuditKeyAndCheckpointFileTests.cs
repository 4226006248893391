using Microsoft.Extensions.Configuration;
using Qingfeng.Features.Audit;
using Xunit;

namespace Qingfeng.Tests.Features.Audit;

/// <summary>Where the audit key and the checkpoint file come from, and what the file keeps.</summary>
public sealed class AuditKeyAndCheckpointFileTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "qf-audit-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private static IConfiguration Config(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();

    [Fact]
    public void A_configured_key_is_used_as_given_and_must_be_32_bytes_of_base64()
    {
        var bytes = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
        var (key, demoFile, _) = AuditKey.Resolve(Config(("Audit:Key", Convert.ToBase64String(bytes)), ("Database:Provider", "Postgres")), _root);

        Assert.Null(demoFile);
        Assert.Equal(new AuditKey(bytes).Mac("abc"u8), key.Mac("abc"u8));
        var shortKey = Assert.Throws<InvalidOperationException>(() => AuditKey.FromConfiguration(Config(("Audit:Key", Convert.ToBase64String(new byte[16])))));
        Assert.Contains("Audit:Key", shortKey.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => AuditKey.FromConfiguration(Config(("Audit:Key", "not base64!"))));
    }

    [Fact]
    public void Without_a_configured_key_PostgreSQL_is_refused()
    {
        var error = Assert.Throws<InvalidOperationException>(() => AuditKey.Resolve(Config(("Database:Provider", "Postgres")), _root));

        Assert.Contains("Audit__Key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_configured_key_SQLite_creates_a_key_file_once_beside_its_database()
    {
        var configuration = Config(("Database:ConnectionString", $"Data Source={Path.Combine(_root, "db", "app.db")}"));

        var (first, path, created) = AuditKey.Resolve(configuration, Path.Combine(_root, "content"));
        var (second, _, createdAgain) = AuditKey.Resolve(configuration, Path.Combine(_root, "content"));

        Assert.Equal(Path.Combine(_root, "db", "keys", "audit.json"), path);
        Assert.True(created);
        Assert.False(createdAgain);
        Assert.Equal(first.Mac("x"u8), second.Mac("x"u8));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path!));
        }
    }

    [Fact]
    public void The_default_checkpoint_file_is_one_per_database_in_its_data_directory()
    {
        var sqlite = AuditOptions.Resolve(Config(("Database:ConnectionString", $"Data Source={Path.Combine(_root, "db", "app.db")}")), _root);
        var postgres = AuditOptions.Resolve(Config(("Database:Provider", "Postgres"), ("Database:ConnectionString", "Host=db;Database=qingfeng_prod")), _root);
        var configured = AuditOptions.Resolve(Config(("Audit:CheckpointFile", "elsewhere/cp.jsonl"), ("Audit:CheckpointInterval", "00:10:00")), _root);

        Assert.Equal(Path.Combine(_root, "db", "audit", "app.checkpoints.jsonl"), sqlite.CheckpointFile);
        Assert.Equal(Path.Combine(_root, "data", "audit", "qingfeng_prod.checkpoints.jsonl"), postgres.CheckpointFile);
        Assert.Equal(TimeSpan.FromHours(1), postgres.CheckpointInterval);
        Assert.Equal((Path.Combine(_root, "elsewhere", "cp.jsonl"), TimeSpan.FromMinutes(10)), (configured.CheckpointFile, configured.CheckpointInterval));
        Assert.Throws<InvalidOperationException>(() => AuditOptions.Resolve(Config(("Audit:CheckpointInterval", "00:00:30")), _root));
    }

    [Fact]
    public void Checkpoints_appended_to_the_file_read_back_the_same_and_authentic()
    {
        var key = AuditKey.Generate();
        var file = new AuditCheckpointFile(Path.Combine(_root, "audit", "cp.jsonl"));
        var first = AuditCheckpoint.Create(1, new DateTimeOffset(2026, 12, 2, 2, 0, 0, TimeSpan.Zero).AddTicks(1230), 0, AuditChain.Genesis, 0, key);
        var second = AuditCheckpoint.Create(2, new DateTimeOffset(2026, 12, 2, 2, 30, 0, TimeSpan.Zero), 17, new string('a', 64), 17, key);

        file.Append(first);
        file.Append(second);
        var read = file.Read();

        Assert.True(read.Exists);
        Assert.Empty(read.UnreadableLines);
        Assert.Equal(2, read.Checkpoints.Count);
        Assert.True(read.Checkpoints[0].SameAs(first));
        Assert.True(read.Checkpoints[1].SameAs(second));
        Assert.All(read.Checkpoints, c => Assert.True(c.IsAuthentic(key)));
        Assert.All(read.Checkpoints, c => Assert.False(c.IsAuthentic(AuditKey.Generate())));
        Assert.Equal(2, File.ReadAllLines(file.Path).Length);
        Assert.False(new AuditCheckpointFile(Path.Combine(_root, "none.jsonl")).Read().Exists);
    }

    [Fact]
    public void A_line_cut_short_is_reported_by_number_and_an_edited_line_no_longer_verifies()
    {
        var key = AuditKey.Generate();
        var file = new AuditCheckpointFile(Path.Combine(_root, "cp.jsonl"));
        file.Append(AuditCheckpoint.Create(1, new DateTimeOffset(2026, 12, 2, 2, 0, 0, TimeSpan.Zero), 30, new string('b', 64), 30, key));
        file.Append(AuditCheckpoint.Create(2, new DateTimeOffset(2026, 12, 2, 2, 30, 0, TimeSpan.Zero), 40, new string('c', 64), 40, key));
        var lines = File.ReadAllLines(file.Path);
        File.WriteAllLines(file.Path, [lines[0].Replace("\"headSequence\":30", "\"headSequence\":25", StringComparison.Ordinal), lines[1], lines[1][..40]]);

        var read = file.Read();

        Assert.Equal([3], read.UnreadableLines);
        Assert.Equal([25L, 40L], read.Checkpoints.Select(c => c.HeadSequence));
        Assert.False(read.Checkpoints[0].IsAuthentic(key));
        Assert.True(read.Checkpoints[1].IsAuthentic(key));
    }
}
