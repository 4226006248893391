using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Qingfeng.Features.Audit;
using Qingfeng.Platform.Data;

namespace Qingfeng.Benchmarks;

/// <summary>
/// Appends synthetic audit rows (views, searches, exports, sign-ins of 600 synthetic users over four years) to the
/// chain, each hashed with the app's own <see cref="AuditChain"/> so that the dataset's chain verifies. Written
/// through the raw driver (prepared inserts on SQLite, binary COPY on PostgreSQL): this is data set-up, not a
/// measurement.
/// </summary>
internal static class AuditRowGenerator
{
    private static readonly string[] Actions = ["View", "View", "View", "Search", "Export", "Login", "Update"];

    private static readonly string[] Types = ["Clue", "Official", "Clue", "Unit"];

    public static async Task AppendAsync(QingfengDatabase database, long count)
    {
        long sequence;
        string hash;
        List<(Guid Id, string Name)> organs;
        await using (var db = database.Create(DbActor.System))
        {
            var tail = await db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Sequence).Select(e => new { e.Sequence, e.Hash }).FirstAsync();
            (sequence, hash) = (tail.Sequence, tail.Hash);
            organs = [.. (await db.Organs.AsNoTracking().Select(o => new { o.Id, o.Name }).ToListAsync()).Select(o => (o.Id, o.Name))];
        }

        var random = new Random(42);
        var users = Enumerable.Range(0, 600).Select(i => (Id: Guid.CreateVersion7(), Name: $"bench.user{i:000}", Organ: organs[i % organs.Count])).ToList();
        var start = DateTimeOffset.UtcNow.AddYears(-4);
        var step = TimeSpan.FromTicks((DateTimeOffset.UtcNow - start).Ticks / Math.Max(1, count));
        const int Batch = 50_000;
        var watch = Stopwatch.StartNew();
        for (long done = 0; done < count; done += Batch)
        {
            var entries = new List<AuditEntry>((int)Math.Min(Batch, count - done));
            for (var i = 0; i < entries.Capacity; i++)
            {
                var user = users[random.Next(users.Count)];
                var action = Actions[random.Next(Actions.Length)];
                entries.Add(new AuditEntry(action, Types[random.Next(Types.Length)], action == "Login" ? null : Guid.CreateVersion7().ToString(), action == "Search" ? "terms=1 results=12" : null)
                {
                    Timestamp = QingfengDb.Truncate(start + (step * (done + i))),
                    UserId = user.Id,
                    UserName = user.Name,
                    OrganId = user.Organ.Id,
                    OrganName = user.Organ.Name,
                    IpAddress = "10.20.30." + random.Next(1, 250).ToString(CultureInfo.InvariantCulture),
                });
            }

            AuditChain.Extend(sequence, hash, entries, database.AuditKey);
            (sequence, hash) = (entries[^1].Sequence, entries[^1].Hash);
            if (database.Provider == DatabaseProvider.Sqlite)
            {
                await InsertSqliteAsync(database, entries);
            }
            else
            {
                await CopyPostgresAsync(database, entries);
            }

            Console.Write($"\raudit rows: {done + entries.Count:N0} / {count:N0} ({watch.Elapsed.TotalSeconds:0} s)");
        }

        Console.WriteLine();
    }

    private static async Task InsertSqliteAsync(QingfengDatabase database, List<AuditEntry> entries)
    {
        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO AuditEntries (Sequence, Timestamp, UserId, UserName, OrganId, OrganName, Action, EntityType, EntityId, Details, IpAddress, Outcome, Algorithm, PreviousHash, Hash)
            VALUES ($s, $t, $u, $un, $o, $on, $a, $et, $ei, $d, $ip, $oc, $al, $ph, $h)
            """;
        var names = new[] { "$s", "$t", "$u", "$un", "$o", "$on", "$a", "$et", "$ei", "$d", "$ip", "$oc", "$al", "$ph", "$h" };
        var parameters = names.Select(n => insert.Parameters.Add(n, SqliteType.Text)).ToArray();
        insert.Prepare();
        foreach (var e in entries)
        {
            object?[] values = [e.Sequence, e.Timestamp.UtcTicks, e.UserId?.ToString().ToUpperInvariant(), e.UserName, e.OrganId?.ToString().ToUpperInvariant(), e.OrganName, e.Action, e.EntityType, e.EntityId, e.Details, e.IpAddress, (int)e.Outcome, e.Algorithm, e.PreviousHash, e.Hash];
            for (var i = 0; i < values.Length; i++)
            {
                parameters[i].SqliteType = values[i] is long or int ? SqliteType.Integer : SqliteType.Text;
                parameters[i].Value = values[i] ?? DBNull.Value;
            }

            await insert.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }

    private static async Task CopyPostgresAsync(QingfengDatabase database, List<AuditEntry> entries)
    {
        await using var connection = new Npgsql.NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var writer = await connection.BeginBinaryImportAsync(
            """COPY "AuditEntries" ("Sequence", "Timestamp", "UserId", "UserName", "OrganId", "OrganName", "Action", "EntityType", "EntityId", "Details", "IpAddress", "Outcome", "Algorithm", "PreviousHash", "Hash") FROM STDIN (FORMAT BINARY)""");
        foreach (var e in entries)
        {
            await writer.StartRowAsync();
            await writer.WriteAsync(e.Sequence, NpgsqlTypes.NpgsqlDbType.Bigint);
            await writer.WriteAsync(e.Timestamp, NpgsqlTypes.NpgsqlDbType.TimestampTz);
            await writer.WriteAsync(e.UserId, NpgsqlTypes.NpgsqlDbType.Uuid);
            await writer.WriteAsync(e.UserName, NpgsqlTypes.NpgsqlDbType.Varchar);
            await writer.WriteAsync(e.OrganId, NpgsqlTypes.NpgsqlDbType.Uuid);
            await writer.WriteAsync(e.OrganName, NpgsqlTypes.NpgsqlDbType.Varchar);
            await writer.WriteAsync(e.Action, NpgsqlTypes.NpgsqlDbType.Varchar);
            await writer.WriteAsync(e.EntityType, NpgsqlTypes.NpgsqlDbType.Varchar);
            await Nullable(writer, e.EntityId);
            await Nullable(writer, e.Details);
            await Nullable(writer, e.IpAddress);
            await writer.WriteAsync((int)e.Outcome, NpgsqlTypes.NpgsqlDbType.Integer);
            await writer.WriteAsync(e.Algorithm, NpgsqlTypes.NpgsqlDbType.Varchar);
            await writer.WriteAsync(e.PreviousHash, NpgsqlTypes.NpgsqlDbType.Varchar);
            await writer.WriteAsync(e.Hash, NpgsqlTypes.NpgsqlDbType.Varchar);
        }

        await writer.CompleteAsync();

        static Task Nullable(Npgsql.NpgsqlBinaryImporter writer, string? value) =>
            value is null ? writer.WriteNullAsync() : writer.WriteAsync(value, NpgsqlTypes.NpgsqlDbType.Varchar);
    }
}
