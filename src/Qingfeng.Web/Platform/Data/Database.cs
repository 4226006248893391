using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Caching.Memory;
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
    /// <summary>
    /// EF Core's cache of models, compiled queries and SQL commands, one per process. EF's own default holds 1,024
    /// entries (size 10 each in 10,240), fewer than the query shapes of Qingfeng's filtered lists and their SQL variants;
    /// once full, a newly compiled query is not kept and the next request compiles it again. 8,192 entries keep every
    /// shape the documented operations produce, so no query is compiled twice (issue 17).
    /// </summary>
    private static readonly MemoryCache QueryCache = new(new MemoryCacheOptions { SizeLimit = QueryCacheSize, TrackStatistics = true });

    private const long QueryCacheSize = 81_920;

    /// <summary>How full EF Core's cache is, as a share of its size (1 means a new query would not be kept).</summary>
    internal static double QueryCacheFill => (double)(QueryCache.GetCurrentStatistics()?.CurrentEstimatedSize ?? 0) / QueryCacheSize;

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
                .UseMemoryCache(QueryCache)
                .AddInterceptors(new SqlitePragmaInterceptor(), RoundTrips.Interceptor)
                .Options;
        }
        else
        {
            ConnectionString = options.ConnectionString
                ?? throw new InvalidOperationException("Database:ConnectionString is required for PostgreSQL.");
            _postgres = new DbContextOptionsBuilder<PostgresQingfengDb>()
                .UseNpgsql(ConnectionString, o => o.EnableRetryOnFailure(3))
                .UseMemoryCache(QueryCache)
                .AddInterceptors(RoundTrips.Interceptor)
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
