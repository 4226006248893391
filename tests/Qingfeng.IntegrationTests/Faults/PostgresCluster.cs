using System.Diagnostics;
using Npgsql;
using Qingfeng.IntegrationTests.Infrastructure;
using Xunit;

namespace Qingfeng.IntegrationTests.Faults;

/// <summary>
/// A throw-away PostgreSQL cluster of its own (initdb in a temporary folder, a free loopback port, trust
/// authentication on loopback only) that a test may stop and start without disturbing the shared server.
/// Needs root (to act as the postgres user) and the Debian server binaries; otherwise skips, or fails
/// under QINGFENG_REQUIRE_ALL=1.
/// </summary>
public sealed class PostgresCluster : IAsyncDisposable
{
    private readonly string _bin;
    private readonly string _data;

    private PostgresCluster(string bin, string data, int port)
    {
        _bin = bin;
        _data = data;
        Port = port;
    }

    public int Port { get; }

    public string AdminConnection => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Timeout=5";

    public static async Task<PostgresCluster> CreateAsync()
    {
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb"))).Order(StringComparer.Ordinal).LastOrDefault()
            : null;
        var reason = bin is null ? "Stopping PostgreSQL needs the server binaries in /usr/lib/postgresql/N/bin (apt-get install postgresql)."
            : Environment.UserName != "root" ? "Stopping PostgreSQL needs root (to run a private cluster as the postgres user)."
            : null;
        if (reason is not null)
        {
            if (Requirements.RequireAll)
            {
                Assert.Fail(reason);
            }

            Assert.Skip(reason);
        }

        var data = Path.Combine(Path.GetTempPath(), "qf_pgcluster_" + Guid.NewGuid().ToString("N")[..12]);
        var cluster = new PostgresCluster(bin!, data, ServerProcess.FreePort());
        await cluster.RunAsync("initdb", "-D", data, "--auth=trust", "--username=postgres", "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync");
        await cluster.StartAsync();
        return cluster;
    }

    public Task StartAsync() => RunAsync(
        "pg_ctl", "-D", _data, "-w", "-t", "60", "-l", Path.Combine(_data, "server.log"),
        "-o", $"-p {Port} -c listen_addresses=127.0.0.1 -k {_data} -c fsync=off -c max_connections=60", "start");

    /// <summary>Fast shutdown: open sessions are ended, new connections are refused.</summary>
    public Task StopAsync() => RunAsync("pg_ctl", "-D", _data, "-w", "-t", "60", "-m", "fast", "stop");

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            await RunAsync("pg_ctl", "-D", _data, "-w", "-t", "60", "-m", "immediate", "stop");
        }
        catch (InvalidOperationException)
        {
            // Already stopped.
        }

        Directory.Delete(_data, recursive: true);
    }

    private async Task RunAsync(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo("runuser") { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true, WorkingDirectory = "/tmp" };
        foreach (var argument in (string[])["-u", "postgres", "--", Path.Combine(_bin, tool), .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} failed ({process.ExitCode}): {await error} {await output}");
        }
    }
}
