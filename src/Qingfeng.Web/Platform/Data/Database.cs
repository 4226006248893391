using Microsoft.Data.Sqlite;
using Qingfeng.Features.Audit;

namespace Qingfeng.Platform.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>The <c>Database</c> configuration section.</summary>
public sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Connection string; for SQLite the default is a file under <c>./data/</c>.</summary>
    public string? ConnectionString { get; set; }
}

/// <summary>
/// Chooses the provider once and creates contexts for it. The scoped <see cref="QingfengDbFactory"/>
/// passes the acting user; the command line and the seeder pass <see cref="DbActor.System"/>. Every context
/// chains audit entries with <see cref="AuditKey"/> (the host and the commands always give one).
/// </summary>
public sealed class QingfengDatabase
{
    private readonly DbContextOptions<SqliteQingfengDb>? _sqlite;
    private readonly DbContextOptions<PostgresQingfengDb>? _postgres;

    public QingfengDatabase(DatabaseOptions options, string contentRoot, AuditKey? auditKey = null)
    {
        Provider = options.Provider;
        AuditKey = auditKey;
        if (Provider == DatabaseProvider.Sqlite)
        {
            var connection = options.ConnectionString ?? $"Data Source={Path.Combine(contentRoot, "data", "qingfeng.db")}";
            var builder = new SqliteConnectionStringBuilder(connection) { Pooling = true };
            if (builder.DataSource is { Length: > 0 } file && !file.Equals(":memory:", StringComparison.Ordinal) && Path.GetDirectoryName(Path.GetFullPath(file)) is { } directory)
            {
                Directory.CreateDirectory(directory);
            }

            ConnectionString = builder.ToString();
            _sqlite = new DbContextOptionsBuilder<SqliteQingfengDb>()
                .UseSqlite(ConnectionString)
                .AddInterceptors(new SqlitePragmaInterceptor())
                .Options;
        }
        else
        {
            ConnectionString = options.ConnectionString
                ?? throw new InvalidOperationException("Database:ConnectionString is required for PostgreSQL.");
            _postgres = new DbContextOptionsBuilder<PostgresQingfengDb>()
                .UseNpgsql(ConnectionString, o => o.EnableRetryOnFailure(3))
                .Options;
        }
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    public AuditKey? AuditKey { get; }

    public QingfengDb Create(DbActor actor) => Provider == DatabaseProvider.Sqlite
        ? new SqliteQingfengDb(_sqlite!, actor, AuditKey)
        : new PostgresQingfengDb(_postgres!, actor, AuditKey);

    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var db = Create(DbActor.System);
        await db.Database.MigrateAsync(cancellationToken);
    }
}

/// <summary>Per-operation contexts for the acting user (services take <c>IDbContextFactory&lt;QingfengDb&gt;</c>).</summary>
public sealed class QingfengDbFactory(QingfengDatabase database, CurrentUser currentUser, TimeProvider time)
    : IDbContextFactory<QingfengDb>
{
    public QingfengDb CreateDbContext() => database.Create(new DbActor(time, () => currentUser.Context));
}
