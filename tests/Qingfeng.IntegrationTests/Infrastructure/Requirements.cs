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

    /// <summary>The path of Debian's sqlmap; skips (locally) or fails (CI) when it is not installed.</summary>
    public static string Sqlmap()
    {
        var path = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':')
            .Select(d => Path.Combine(d, "sqlmap")).FirstOrDefault(File.Exists);
        if (path is not null)
        {
            return path;
        }

        const string reason = "The SQL injection scan needs sqlmap (apt-get install sqlmap; .ci/run installs it).";
        if (RequireAll)
        {
            Assert.Fail(reason);
        }

        Assert.Skip(reason);
        return "";
    }

    /// <summary>QINGFENG_SECURITY_FULL=1: the attack suites' full, slow form instead of the bounded CI form.</summary>
    public static bool SecurityFull => Environment.GetEnvironmentVariable("QINGFENG_SECURITY_FULL") == "1";

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
