using Microsoft.Data.Sqlite;

namespace Qingfeng.Platform.Backup;

/// <summary>SQLite payloads: the online backup API gives a consistent copy while the server keeps writing.</summary>
internal static class SqliteBackup
{
    public static async Task<DatabaseFacts> CopyAsync(QingfengDatabase database, string payload, CancellationToken cancellationToken)
    {
        var copy = $"Data Source={payload};Pooling=False";
        await using (var source = new SqliteConnection(database.ConnectionString))
        await using (var destination = new SqliteConnection(copy))
        {
            await source.OpenAsync(cancellationToken);
            await destination.OpenAsync(cancellationToken);
            source.BackupDatabase(destination);
            await using var command = destination.CreateCommand();
            command.CommandText = "PRAGMA journal_mode=DELETE;";
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        // The copy does not change any more: the manifest is read from it, so it describes exactly the payload.
        await using var connection = new SqliteConnection(copy);
        await connection.OpenAsync(cancellationToken);
        return await DatabaseFactsReader.ReadAsync(database, connection, null, cancellationToken);
    }

    public static async Task<bool> IsEmptyAsync(QingfengDatabase target, CancellationToken cancellationToken)
    {
        var file = new SqliteConnectionStringBuilder(target.ConnectionString).DataSource;
        if (!File.Exists(file) || new FileInfo(file).Length == 0)
        {
            return true;
        }

        await using var connection = new SqliteConnection(target.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";
        var tables = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        return tables == 0;
    }

    /// <summary>Replaces the target's content page by page; the server must be stopped (restore is an offline operation).</summary>
    public static async Task RestoreAsync(string payload, QingfengDatabase target, CancellationToken cancellationToken)
    {
        await using (var source = new SqliteConnection($"Data Source={payload};Mode=ReadOnly;Pooling=False"))
        await using (var destination = new SqliteConnection(target.ConnectionString))
        {
            await source.OpenAsync(cancellationToken);
            await destination.OpenAsync(cancellationToken);
            source.BackupDatabase(destination);
        }

        Release(target.ConnectionString);
    }

    public static void Release(string connectionString)
    {
        using var connection = new SqliteConnection(connectionString);
        SqliteConnection.ClearPool(connection);
    }
}
