using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Qingfeng.Platform.Data;

/// <summary>
/// Recognises "the database cannot be reached" (as opposed to a bug): PostgreSQL down or restarting,
/// the network to it gone, EF's retries exhausted on such errors, SQLite busy or locked beyond its timeout.
/// Such failures become 503 with Retry-After, never 500.
/// </summary>
public static class DatabaseUnavailable
{
    /// <summary>Seconds a client should wait before trying again.</summary>
    public const int RetryAfterSeconds = 5;

    public static bool Is(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case RetryLimitExceededException:
                case SocketException:
                case SqliteException { SqliteErrorCode: 5 or 6 }: // SQLITE_BUSY, SQLITE_LOCKED
                    return true;
                case PostgresException postgres:
                    // 08: connection exception; 57P01-03: shutdown / cannot connect now; 53300: too many connections.
                    return postgres.SqlState.StartsWith("08", StringComparison.Ordinal)
                        || postgres.SqlState is "57P01" or "57P02" or "57P03" or "53300";
                case NpgsqlException npgsql when npgsql.IsTransient:
                    return true;
                case AggregateException aggregate:
                    return aggregate.InnerExceptions.Any(Is);
            }
        }

        return false;
    }
}
