using System.Data.Common;
using System.Globalization;
using Qingfeng.Features.Audit;
using Qingfeng.Platform.Data;
using Qingfeng.Platform.Security;

namespace Qingfeng.Benchmarks;

/// <summary>
/// Hand-written SQL through the raw driver (Microsoft.Data.Sqlite or Npgsql), the baseline of every measurement.
/// Identifiers are double-quoted, which both databases accept; values are bound as parameters in the form each
/// provider stores them in (on SQLite: GUIDs as uppercase text, dates as ISO text, instants as UTC ticks).
/// </summary>
internal sealed class RawSql(QingfengDatabase database)
{
    public bool IsSqlite => database.Provider == DatabaseProvider.Sqlite;

    public async Task<DbConnection> OpenAsync()
    {
        var connection = ProvinceDataset.Open(database);
        await connection.OpenAsync();
        return connection;
    }

    public DbCommand Command(DbConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = Value(value);
            command.Parameters.Add(parameter);
        }

        return command;
    }

    public object Value(object? value) => value switch
    {
        null => DBNull.Value,
        Guid id when IsSqlite => id.ToString("D").ToUpperInvariant(),
        DateOnly date when IsSqlite => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset instant when IsSqlite => instant.UtcTicks,
        _ => value,
    };

    /// <summary>Reads every row (the work a page render needs) and returns how many there were.</summary>
    public static async Task<int> DrainAsync(DbCommand command)
    {
        await using var reader = await command.ExecuteReaderAsync();
        var rows = 0;
        while (await reader.ReadAsync())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                _ = reader.GetValue(i);
            }

            rows++;
        }

        return rows;
    }

    /// <summary>
    /// Appends one audit entry as the app does: read the chain's tail, hash the entry onto it, insert, in one
    /// transaction (the bench runs one caller at a time, so no lock is needed).
    /// </summary>
    public async Task AppendAuditAsync(DbConnection connection, UserContext user, string action, string entityType, string? entityId, string? details)
    {
        await using var transaction = await connection.BeginTransactionAsync();
        await using var tail = Command(connection, """SELECT "Sequence", "Hash" FROM "AuditEntries" ORDER BY "Sequence" DESC LIMIT 1""");
        tail.Transaction = transaction;
        long sequence;
        string hash;
        await using (var reader = await tail.ExecuteReaderAsync())
        {
            await reader.ReadAsync();
            (sequence, hash) = (reader.GetInt64(0), reader.GetString(1));
        }

        var entry = new AuditEntry(action, entityType, entityId, details)
        {
            Timestamp = QingfengDb.Truncate(DateTimeOffset.UtcNow),
            UserId = user.UserId,
            UserName = user.UserName,
            OrganId = user.OrganId,
            OrganName = user.OrganName,
            IpAddress = user.IpAddress,
        };
        AuditChain.Extend(sequence, hash, [entry], database.AuditKey);
        await using var insert = Command(
            connection,
            """
            INSERT INTO "AuditEntries" ("Sequence", "Timestamp", "UserId", "UserName", "OrganId", "OrganName", "Action", "EntityType", "EntityId", "Details", "IpAddress", "Outcome", "Algorithm", "PreviousHash", "Hash")
            VALUES (@s, @t, @u, @un, @o, @on, @a, @et, @ei, @d, @ip, @oc, @al, @ph, @h)
            """,
            ("@s", entry.Sequence), ("@t", entry.Timestamp), ("@u", entry.UserId), ("@un", entry.UserName), ("@o", entry.OrganId), ("@on", entry.OrganName),
            ("@a", entry.Action), ("@et", entry.EntityType), ("@ei", entry.EntityId), ("@d", entry.Details), ("@ip", entry.IpAddress),
            ("@oc", (int)entry.Outcome), ("@al", entry.Algorithm), ("@ph", entry.PreviousHash), ("@h", entry.Hash));
        insert.Transaction = transaction;
        await insert.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
    }
}
