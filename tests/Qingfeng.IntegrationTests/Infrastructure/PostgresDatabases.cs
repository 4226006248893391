using Npgsql;

namespace Qingfeng.IntegrationTests.Infrastructure;

/// <summary>Drops the PostgreSQL databases tests create.</summary>
public static class PostgresDatabases
{
    /// <summary>
    /// Drops the database once its connections are gone. Not <c>WITH (FORCE)</c>: that also tries to terminate an
    /// autovacuum worker busy in the database, which a role without superuser or pg_signal_backend may not do (seen in
    /// CI); a plain drop waits for the worker to be cancelled, so it is retried while the database is still in use.
    /// </summary>
    public static async Task DropAsync(string admin, string name)
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\"", connection);
                await command.ExecuteNonQueryAsync();
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ObjectInUse && attempt < 40)
            {
                // A pooled connection may still be closing.
                await Task.Delay(250);
            }
        }
    }
}
