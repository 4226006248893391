using Microsoft.Data.Sqlite;
using Npgsql;
using Qingfeng.IntegrationTests.Infrastructure;

namespace Qingfeng.IntegrationTests.Faults;

/// <summary>A uniquely named empty database (a temporary SQLite file or a new PostgreSQL database), removed on dispose.</summary>
public sealed class EmptyDatabase : IAsyncDisposable
{
    private readonly string? _admin;

    private EmptyDatabase(Provider provider, string name, string connectionString, string? admin)
    {
        Provider = provider;
        Name = name;
        ConnectionString = connectionString;
        _admin = admin;
    }

    public Provider Provider { get; }

    /// <summary>The file (SQLite) or the database name (PostgreSQL).</summary>
    public string Name { get; }

    public string ConnectionString { get; }

    public string[] Settings => [$"--Database:Provider={Provider}", $"--Database:ConnectionString={ConnectionString}"];

    public static async Task<EmptyDatabase> CreateAsync(Provider provider)
    {
        var name = "qf_fault_" + Guid.NewGuid().ToString("N")[..12];
        if (provider == Provider.Sqlite)
        {
            var file = Path.Combine(Path.GetTempPath(), name + ".db");
            return new EmptyDatabase(provider, file, $"Data Source={file}", null);
        }

        var admin = Requirements.PostgresAdminConnection();
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new EmptyDatabase(provider, name, new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString, admin);
    }

    public async ValueTask DisposeAsync()
    {
        if (Provider == Provider.Sqlite)
        {
            using (var pooled = new SqliteConnection(ConnectionString))
            {
                SqliteConnection.ClearPool(pooled);
            }

            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(Name + suffix);
            }

            return;
        }

        await PostgresDatabases.DropAsync(_admin!, Name);
    }
}
