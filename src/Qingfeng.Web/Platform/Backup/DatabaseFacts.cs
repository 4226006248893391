using System.Data.Common;

namespace Qingfeng.Platform.Backup;

/// <summary>Reads row counts, the audit head and the last migration over an open connection (inside the caller's snapshot).</summary>
internal static class DatabaseFactsReader
{
    public static async Task<DatabaseFacts> ReadAsync(QingfengDatabase database, DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        List<string> tables;
        await using (var db = database.Create(DbActor.System))
        {
            tables = [.. db.Model.GetRelationalModel().Tables.Select(t => t.Name).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        }

        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            counts[table] = Convert.ToInt64(await ScalarAsync(connection, transaction, $"SELECT COUNT(*) FROM \"{table}\"", cancellationToken), CultureInfo.InvariantCulture);
        }

        AuditHead? head = null;
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = "SELECT \"Sequence\", \"Hash\" FROM \"AuditEntries\" ORDER BY \"Sequence\" DESC LIMIT 1";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
            {
                head = new AuditHead(reader.GetInt64(0), reader.GetString(1));
            }
        }

        var migration = await ScalarAsync(connection, transaction, "SELECT \"MigrationId\" FROM \"__EFMigrationsHistory\" ORDER BY \"MigrationId\" DESC LIMIT 1", cancellationToken) as string;
        return new DatabaseFacts(migration, counts, head);
    }

    private static async Task<object?> ScalarAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
#pragma warning disable CA2100 // Table names come from the EF model, not from input.
        command.CommandText = sql;
#pragma warning restore CA2100
        return await command.ExecuteScalarAsync(cancellationToken);
    }
}
