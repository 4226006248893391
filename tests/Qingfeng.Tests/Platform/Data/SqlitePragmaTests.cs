using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Qingfeng.Platform.Data;
using Xunit;

namespace Qingfeng.Tests.Platform.Data;

/// <summary>The connection settings hold on every context, also on physical connections the pool hands out again.</summary>
public sealed class SqlitePragmaTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"qf_pragma_{Guid.NewGuid():N}");

    [Fact]
    public async Task Every_context_runs_with_wal_full_sync_foreign_keys_and_a_busy_timeout_including_reused_connections()
    {
        Directory.CreateDirectory(_directory);
        var database = new QingfengDatabase(new DatabaseOptions { ConnectionString = $"Data Source={Path.Combine(_directory, "p.db")}" }, _directory);
        for (var i = 0; i < 3; i++)
        {
            await using var db = database.Create(DbActor.System);
            await db.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
            Assert.Equal("wal", await ScalarAsync(db, "PRAGMA journal_mode"));
            Assert.Equal("2", await ScalarAsync(db, "PRAGMA synchronous"));
            Assert.Equal("1", await ScalarAsync(db, "PRAGMA foreign_keys"));
            Assert.Equal("10000", await ScalarAsync(db, "PRAGMA busy_timeout"));
        }
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private static async Task<string?> ScalarAsync(QingfengDb db, string sql)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }
}
