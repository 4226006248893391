using Microsoft.Data.Sqlite;
using Npgsql;

namespace Qingfeng.Platform.Data;

/// <summary>What a failed save means, the same on both databases.</summary>
public static class DbErrors
{
    private const int SqliteConstraintUnique = 2067;

    /// <summary>The save broke a unique index (another writer took the same key first).</summary>
    public static bool IsUniqueViolation(DbUpdateException exception) => exception.InnerException switch
    {
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode == SqliteConstraintUnique,
        _ => false,
    };
}
