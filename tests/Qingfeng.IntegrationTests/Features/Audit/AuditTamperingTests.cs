using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Qingfeng.Features.Audit;
using Qingfeng.IntegrationTests.Faults;
using Qingfeng.IntegrationTests.Infrastructure;
using Qingfeng.Platform;
using Qingfeng.Platform.Data;
using Qingfeng.Platform.Security;
using Xunit;

namespace Qingfeng.IntegrationTests.Features.Audit;

/// <summary>
/// The database's own administrator against the audit trail. Each test writes a keyed trail through the context (as the
/// app does), anchors it with <c>audit checkpoint</c>, tampers with raw SQL after dropping the append-only triggers (as
/// an owner can), and runs <c>audit verify</c> through the command's entry point on a clock of its own: the command exits
/// 1 and names what was done (0 untouched and freshly anchored, 2 intact but not anchored by a fresh checkpoint).
/// </summary>
public sealed class AuditTamperingTests
{
    /// <summary>The start of every trail's clock, as findings write times.</summary>
    private static readonly string Started = TestClock.Start.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task An_untouched_trail_anchored_by_a_fresh_checkpoint_verifies(Provider provider)
    {
        await using var trail = await Trail.CreateAsync(provider, entries: 30);
        await trail.CheckpointAsync();
        await trail.AppendAsync(5);
        trail.Clock.Advance(TimeSpan.FromMinutes(59));

        var (code, output) = await trail.VerifyAsync();

        Assert.True(code == 0, output);
        Assert.Contains("Audit chain intact: 35 entries verified (35 HMAC-SM3, 0 SM3 from before the audit key).", output, StringComparison.Ordinal);
        Assert.Contains($"Latest checkpoint #1 of {Started}: head #30, 5 entries after it; checkpoints checked: 1; interval 01:00:00.", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Deleting_the_newest_entries_is_reported_as_truncation(Provider provider)
    {
        await using var trail = await Trail.CreateAsync(provider, entries: 30);
        await trail.CheckpointAsync();

        await trail.AsOwnerAsync("""DELETE FROM "AuditEntries" WHERE "Sequence" > 25""");
        var (code, output) = await trail.VerifyAsync();

        Assert.True(code == 1, output);
        Assert.Contains("Audit trail BROKEN: the chain itself verifies, 25 entries verified", output, StringComparison.Ordinal);
        Assert.Contains($"Latest checkpoint #1 of {Started}: head #30, the chain now ends before it, at #25;", output, StringComparison.Ordinal);
        Assert.Contains($"BROKEN Entries were deleted from the end of the chain: The chain ends at entry #25, but checkpoint #1 of {Started} recorded entry #30 as the last: the entries after #25 were deleted (5).", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Deleting_every_entry_is_reported_as_truncation_to_nothing(Provider provider)
    {
        await using var trail = await Trail.CreateAsync(provider, entries: 30);
        await trail.CheckpointAsync();

        await trail.AsOwnerAsync("""DELETE FROM "AuditEntries" """);
        var (code, output) = await trail.VerifyAsync();

        Assert.True(code == 1, output);
        Assert.Contains("The chain ends at entry #0, but checkpoint #1", output, StringComparison.Ordinal);
        Assert.Contains("recorded entry #30 as the last: the entries after #0 were deleted (30).", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Deleting_every_entry_and_every_checkpoint_in_the_database_is_reported_from_the_checkpoint_file(Provider provider)
    {
        await using var trail = await Trail.CreateAsync(provider, entries: 30);
        await trail.CheckpointAsync();
        await trail.AppendAsync(3);
        trail.Clock.Advance(TimeSpan.FromMinutes(30));
        await trail.CheckpointAsync();

        await trail.AsOwnerAsync("""DELETE FROM "AuditEntries"; DELETE FROM "AuditCheckpoints";""");
        var (code, output) = await trail.VerifyAsync();

        Assert.True(code == 1, output);
        Assert.Contains($"BROKEN Checkpoints were deleted from the database: Checkpoints in the file {trail.CheckpointFile} that are missing from the database (2): #1, #2. They were deleted from it.", output, StringComparison.Ordinal);
        Assert.Contains("The chain ends at entry #0, but checkpoint #2", output, StringComparison.Ordinal);
        Assert.Contains("recorded entry #33 as the last: the entries after #0 were deleted (33).", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task An_edited_entry_is_reported_at_that_entry(Provider provider)
    {
        await using var trail = await Trail.CreateAsync(provider, entries: 30);
        await trail.CheckpointAsync();

        await trail.AsOwnerAsync("""UPDATE "AuditEntries" SET "Details" = 'nothing happened' WHERE "Sequence" = 12""");
        var (code, output) = await trail.VerifyAsync();

        Assert.True(code == 1, output);
        Assert.Contains("Audit chain BROKEN at entry #12", output, StringComparison.Ordinal);
        Assert.Contains("Entry #12 does not match its hash: it was altered, or rehashed without the audit key.", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task A_chain_rebuilt_from_an_edited_entry_without_the_key_is_reported_at_that_entry_and_against_the_checkpoint(Provider provider)
    {
        await using var trail = await Trail.CreateAsync(provider, entries: 30);
        await trail.CheckpointAsync();

        // The issue's script: edit entry 12, then recompute every hash from there with the public algorithm (plain SM3).
        await trail.RebuildWithoutKeyAsync(editedSequence: 12, fromSequence: 12);
        var (code, output) = await trail.VerifyAsync();

        Assert.True(code == 1, output);
        Assert.Contains("Audit chain BROKEN at entry #12", output, StringComparison.Ordinal);
        Assert.Contains("Entry #12 carries plain SM3 although earlier entries are keyed (HMAC-SM3): it was written or rebuilt without the audit key.", output, StringComparison.Ordinal);
        Assert.Contains($"BROKEN The chain does not match a checkpoint: entries were altered or the chain was rebuilt: Checkpoint #1 of {Started} recorded entry #30 with hash {trail.CheckpointedHead}", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task A_chain_rebuilt_from_the_first_entry_without_the_key_is_reported_against_the_checkpoint(Provider provider)
    {
        await using var trail = await Trail.CreateAsync(provider, entries: 30);
        await trail.CheckpointAsync();

        // Rebuilt from genesis as if it were all from before the key: the chain alone verifies, the checkpoint does not.
        await trail.RebuildWithoutKeyAsync(editedSequence: 12, fromSequence: 1);
        var (code, output) = await trail.VerifyAsync();

        Assert.True(code == 1, output);
        Assert.Contains("Audit trail BROKEN: the chain itself verifies, 30 entries verified (0 HMAC-SM3, 30 SM3 from before the audit key), but not against its checkpoints.", output, StringComparison.Ordinal);
        Assert.Contains($"Checkpoint #1 of {Started} recorded entry #30 with hash {trail.CheckpointedHead} (30 entries up to it); the database has ", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Entries_after_the_last_checkpoint_rebuilt_without_the_key_are_reported_by_the_keyed_chain(Provider provider)
    {
        await using var trail = await Trail.CreateAsync(provider, entries: 30);
        await trail.CheckpointAsync();
        await trail.AppendAsync(5);

        await trail.RebuildWithoutKeyAsync(editedSequence: 33, fromSequence: 33);
        var (code, output) = await trail.VerifyAsync();

        Assert.True(code == 1, output);
        Assert.Contains("Audit chain BROKEN at entry #33", output, StringComparison.Ordinal);
        Assert.Contains("Entry #33 carries plain SM3 although earlier entries are keyed", output, StringComparison.Ordinal);
        Assert.DoesNotContain("does not match a checkpoint", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task A_checkpoint_forged_without_the_key_to_cover_a_truncation_is_reported(Provider provider)
    {
        await using var trail = await Trail.CreateAsync(provider, entries: 30);
        await trail.CheckpointAsync();

        // The owner deletes the end and the checkpoint, and writes a checkpoint of the shortened chain with a key of its own.
        string head;
        await using (var db = trail.Database.Create(DbActor.System))
        {
            head = await db.AuditEntries.AsNoTracking().Where(e => e.Sequence == 25).Select(e => e.Hash).SingleAsync();
        }

        var forged = AuditCheckpoint.Create(1, trail.Clock.GetUtcNow(), 25, head, 25, AuditKey.Generate());
        await trail.AsOwnerAsync(
            $"""
            DELETE FROM "AuditEntries" WHERE "Sequence" > 25; DELETE FROM "AuditCheckpoints";
            INSERT INTO "AuditCheckpoints" ("Number", "CreatedAt", "HeadSequence", "HeadHash", "EntryCount", "Algorithm", "Mac")
            VALUES (1, {Instant(provider, forged.CreatedAt)}, 25, '{head}', 25, 'HMAC-SM3', '{forged.Mac}');
            """);
        var (code, output) = await trail.VerifyAsync();

        Assert.True(code == 1, output);
        Assert.Contains("BROKEN A checkpoint does not verify: forged, altered, or made with another key: Checkpoints in AuditCheckpoints whose HMAC fails (1): #1.", output, StringComparison.Ordinal);
        Assert.Contains($"Checkpoints in the file {trail.CheckpointFile} that are missing from the database (1): #1.", output, StringComparison.Ordinal);
        Assert.Contains("The chain ends at entry #25, but checkpoint #1", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task A_checkpoint_older_than_the_interval_is_reported_and_the_command_exits_two(Provider provider)
    {
        await using var trail = await Trail.CreateAsync(provider, entries: 10);
        var (unanchored, none) = await trail.VerifyAsync();
        Assert.True(unanchored == 2, none);
        Assert.Contains("WARNING No checkpoint yet: There is no checkpoint, in the database or in the file: nothing anchors the chain (10 entries)", none, StringComparison.Ordinal);

        await trail.CheckpointAsync();
        await trail.AppendAsync(4);
        trail.Clock.Advance(TimeSpan.FromMinutes(61));
        var (code, output) = await trail.VerifyAsync();

        Assert.True(code == 2, output);
        Assert.Contains("Audit chain intact: 14 entries verified", output, StringComparison.Ordinal);
        Assert.Contains($"WARNING The latest checkpoint is stale: The latest checkpoint #1 ({Started}) is 01:01:00 old, older than the checkpoint interval 01:00:00; entries after it, not yet anchored: 4.", output, StringComparison.Ordinal);
        var (longer, _) = await trail.VerifyAsync("--Audit:CheckpointInterval=02:00:00");
        Assert.Equal(0, longer);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task The_database_refuses_to_update_or_delete_audit_rows_and_checkpoints(Provider provider)
    {
        await using var trail = await Trail.CreateAsync(provider, entries: 10);
        await trail.CheckpointAsync();
        string[] statements =
        [
            """UPDATE "AuditEntries" SET "Details" = 'nothing happened' WHERE "Sequence" = 3""",
            """DELETE FROM "AuditEntries" WHERE "Sequence" > 7""",
            """DELETE FROM "AuditEntries" """,
            """UPDATE "AuditCheckpoints" SET "HeadSequence" = 5""",
            """DELETE FROM "AuditCheckpoints" """,
            .. provider == Provider.Postgres ? new[] { """TRUNCATE "AuditEntries" """, """TRUNCATE "AuditCheckpoints" """ } : [],
        ];

        foreach (var statement in statements)
        {
            await using var db = trail.Database.Create(DbActor.System);
            var refused = await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => db.Database.ExecuteSqlRawAsync(statement));
            Assert.Contains(AppendOnlyAudit.Message, refused.Message, StringComparison.Ordinal);
        }

        var (code, output) = await trail.VerifyAsync();
        Assert.True(code == 0, output);
        Assert.Contains("Audit chain intact: 10 entries verified", output, StringComparison.Ordinal);
    }

    private static string Instant(Provider provider, DateTimeOffset value) => provider == Provider.Sqlite
        ? value.UtcTicks.ToString(CultureInfo.InvariantCulture)
        : $"'{value.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture)}+00'";

    /// <summary>A migrated database of its own with a keyed trail, its key, its checkpoint file and a clock that starts at <see cref="TestClock.Start"/>.</summary>
    private sealed class Trail : IAsyncDisposable
    {
        private readonly EmptyDatabase _database;
        private readonly string _key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(AuditKey.KeyBytes));

        private Trail(EmptyDatabase database)
        {
            _database = database;
            Database = new QingfengDatabase(
                new DatabaseOptions { Provider = Enum.Parse<DatabaseProvider>(database.Provider.ToString()), ConnectionString = database.ConnectionString },
                Path.GetTempPath(),
                new AuditKey(Convert.FromBase64String(_key)));
        }

        public FakeTimeProvider Clock { get; } = new(TestClock.Start);

        public QingfengDatabase Database { get; }

        public string CheckpointFile { get; } = Path.Combine(Path.GetTempPath(), "qf_checkpoints_" + Guid.NewGuid().ToString("N")[..12] + ".jsonl");

        /// <summary>The head hash the last checkpoint of this test recorded.</summary>
        public string CheckpointedHead { get; private set; } = "";

        public static async Task<Trail> CreateAsync(Provider provider, int entries)
        {
            var trail = new Trail(await EmptyDatabase.CreateAsync(provider));
            await trail.Database.MigrateAsync();
            await trail.AppendAsync(entries);
            return trail;
        }

        /// <summary>Appends entries as the app records a view (through the context, keyed, one per save).</summary>
        public async Task AppendAsync(int count)
        {
            for (var i = 0; i < count; i++)
            {
                await using var db = Database.Create(new DbActor(Clock, () => UserContext.System));
                db.AuditEntries.Add(new AuditEntry("View", "Clue", Guid.CreateVersion7().ToString(), $"entry {i}"));
                await db.SaveChangesAsync();
            }
        }

        public async Task CheckpointAsync()
        {
            var (code, output) = await RunAsync(["audit", "checkpoint"]);
            Assert.True(code == 0, output);
            await using var db = Database.Create(DbActor.System);
            CheckpointedHead = await db.AuditCheckpoints.AsNoTracking().OrderByDescending(c => c.Number).Select(c => c.HeadHash).FirstAsync();
        }

        public Task<(int Code, string Output)> VerifyAsync(params string[] settings) => RunAsync(["audit", "verify", .. settings]);

        /// <summary>What the owner of the database can do: drop the append-only triggers, then run <paramref name="sql"/>.</summary>
        public async Task AsOwnerAsync(string sql)
        {
            await using var db = Database.Create(DbActor.System);
            var drop = Database.Provider == DatabaseProvider.Sqlite ? AppendOnlyAudit.SqliteDropSql : AppendOnlyAudit.PostgresDropSql;
            await db.Database.ExecuteSqlRawAsync(drop);
            await db.Database.ExecuteSqlRawAsync(sql);
        }

        /// <summary>
        /// Edits one entry's details and recomputes the chain from <paramref name="fromSequence"/> to the end with plain SM3,
        /// the algorithm anyone can run: the forger's best without the key.
        /// </summary>
        public async Task RebuildWithoutKeyAsync(long editedSequence, long fromSequence)
        {
            await AsOwnerAsync($"""UPDATE "AuditEntries" SET "Details" = 'nothing happened' WHERE "Sequence" = {editedSequence}""");
            await using var db = Database.Create(DbActor.System);
            var entries = await db.AuditEntries.AsNoTracking().Where(e => e.Sequence >= fromSequence).OrderBy(e => e.Sequence).ToListAsync();
            var previous = entries[0].PreviousHash;
            foreach (var entry in entries)
            {
                entry.Algorithm = AuditChain.Algorithm;
                entry.PreviousHash = previous;
                entry.Hash = AuditChain.Compute(entry, previous);
                previous = entry.Hash;
                await db.Database.ExecuteSqlAsync($"""UPDATE "AuditEntries" SET "Algorithm" = {entry.Algorithm}, "PreviousHash" = {entry.PreviousHash}, "Hash" = {entry.Hash} WHERE "Sequence" = {entry.Sequence}""");
            }
        }

        public async ValueTask DisposeAsync()
        {
            File.Delete(CheckpointFile);
            await _database.DisposeAsync();
        }

        private async Task<(int Code, string Output)> RunAsync(string[] verb)
        {
            using var output = new StringWriter();
            var code = await Commands.RunAsync([.. verb, .. _database.Settings, $"--Audit:Key={_key}", $"--Audit:CheckpointFile={CheckpointFile}"], output, Clock);
            return (code, output.ToString());
        }
    }
}
