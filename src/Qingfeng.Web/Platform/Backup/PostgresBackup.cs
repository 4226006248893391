using System.Data;
using System.Diagnostics;
using Npgsql;

namespace Qingfeng.Platform.Backup;

/// <summary>
/// PostgreSQL payloads: <c>pg_dump -Fc</c> in a snapshot exported by the transaction that counts the rows,
/// so the manifest and the dump describe the same instant; <c>pg_restore</c> back. The password travels in
/// <c>PGPASSWORD</c>, never on a command line.
/// </summary>
internal static class PostgresBackup
{
    public static async Task<DatabaseFacts> DumpAsync(QingfengDatabase database, string payload, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        string snapshot;
        await using (var command = new NpgsqlCommand("SELECT pg_export_snapshot()", connection, transaction))
        {
            snapshot = (string)(await command.ExecuteScalarAsync(cancellationToken))!;
        }

        var facts = await DatabaseFactsReader.ReadAsync(database, connection, transaction, cancellationToken);
        await RunAsync("pg_dump", database.ConnectionString, ["--format=custom", "--no-password", $"--snapshot={snapshot}", $"--file={payload}"], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return facts;
    }

    public static async Task<bool> IsEmptyAsync(QingfengDatabase target, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(target.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT COUNT(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')",
            connection);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))! == 0;
    }

    /// <summary>Restores into the target database in one transaction; <paramref name="clean"/> first drops everything in its public schema.</summary>
    public static async Task RestoreAsync(string payload, QingfengDatabase target, bool clean, CancellationToken cancellationToken)
    {
        if (clean)
        {
            await using var connection = new NpgsqlConnection(target.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("DROP SCHEMA public CASCADE; CREATE SCHEMA public;", connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        var database = new NpgsqlConnectionStringBuilder(target.ConnectionString).Database;
        await RunAsync("pg_restore", target.ConnectionString, ["--no-password", "--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", $"--dbname={database}", payload], cancellationToken);
        await using var pooled = new NpgsqlConnection(target.ConnectionString);
        NpgsqlConnection.ClearPool(pooled);
    }

    /// <summary>The newest client tool of the Debian layout (<c>/usr/lib/postgresql/N/bin</c>), else the first on PATH.</summary>
    public static string FindTool(string name)
    {
        var debian = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => (Directory: d, Version: double.TryParse(Path.GetFileName(d), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : 0))
                .OrderByDescending(d => d.Version)
                .Select(d => Path.Combine(d.Directory, "bin", name))
            : [];
        var path = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, name));
        return debian.Concat(path).FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException($"{name} was not found in /usr/lib/postgresql/*/bin or on PATH (apt-get install postgresql-client).");
    }

    private static async Task RunAsync(string tool, string connectionString, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(FindTool(tool))
        {
            UseShellExecute = false,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PGHOST"] = builder.Host;
        start.Environment["PGPORT"] = builder.Port.ToString(CultureInfo.InvariantCulture);
        start.Environment["PGUSER"] = builder.Username;
        start.Environment["PGPASSWORD"] = builder.Password;
        start.Environment["PGDATABASE"] = builder.Database;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {tool}.");
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} failed (exit {process.ExitCode}): {(await error).Trim()} {(await output).Trim()}");
        }
    }

    /// <summary>A new, uniquely named database on the configured server, dropped on dispose (for <c>backup verify</c>).</summary>
    public sealed class ScratchDatabase : IAsyncDisposable
    {
        private readonly string _admin;
        private readonly string _name;

        private ScratchDatabase(string admin, string name, QingfengDatabase database)
        {
            _admin = admin;
            _name = name;
            Database = database;
        }

        public QingfengDatabase Database { get; }

        public static async Task<ScratchDatabase> CreateAsync(string connectionString, Features.Audit.AuditKey? auditKey, CancellationToken cancellationToken)
        {
            var name = "qf_verify_" + Guid.NewGuid().ToString("N")[..12];
            await using (var connection = new NpgsqlConnection(connectionString))
            {
                await connection.OpenAsync(cancellationToken);
                await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            var scratch = new NpgsqlConnectionStringBuilder(connectionString) { Database = name }.ConnectionString;
            return new ScratchDatabase(connectionString, name, new QingfengDatabase(new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = scratch }, Path.GetTempPath(), auditKey));
        }

        public async ValueTask DisposeAsync()
        {
            await using (var pooled = new NpgsqlConnection(Database.ConnectionString))
            {
                NpgsqlConnection.ClearPool(pooled);
            }

            await using var connection = new NpgsqlConnection(_admin);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }
    }
}
