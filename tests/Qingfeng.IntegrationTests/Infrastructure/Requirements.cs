using Npgsql;
using Xunit;

namespace Qingfeng.IntegrationTests.Infrastructure;

/// <summary>
/// External parts the tests need. Locally a missing PostgreSQL skips with a reason; in CI
/// (QINGFENG_REQUIRE_ALL=1) it fails, because a skipped database test proves nothing.
/// </summary>
public static class Requirements
{
    public const string PostgresVariable = "QINGFENG_TEST_POSTGRES";

    public static bool RequireAll => Environment.GetEnvironmentVariable("QINGFENG_REQUIRE_ALL") == "1";

    public static string PostgresAdminConnection()
    {
        var connection = Environment.GetEnvironmentVariable(PostgresVariable);
        var reason = string.IsNullOrEmpty(connection)
            ? $"PostgreSQL tests need {PostgresVariable} (an admin connection string with CREATEDB); .ci/run sets it."
            : Probe(connection);
        if (reason is null)
        {
            return connection!;
        }

        if (RequireAll)
        {
            Assert.Fail(reason);
        }

        Assert.Skip(reason);
        return "";
    }

    private static string? Probe(string connection)
    {
        try
        {
            using var c = new NpgsqlConnection(connection);
            c.Open();
            return null;
        }
        catch (NpgsqlException e)
        {
            return $"PostgreSQL at {PostgresVariable} is not reachable: {e.Message}";
        }
    }
}
