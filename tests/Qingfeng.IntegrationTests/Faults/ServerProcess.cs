using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Xunit;

namespace Qingfeng.IntegrationTests.Faults;

/// <summary>
/// The built server (<c>dotnet Qingfeng.Web.dll</c>) as a separate OS process on a free loopback port, so
/// that a test can kill it outright. Its log lines are kept so a test can wait for one.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    /// <summary>How long a log line may take: two minutes, because in CI the server starts while both test projects run on two cores.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly SemaphoreSlim _lineAdded = new(0);

    private ServerProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>The web host's dll, built beside this test assembly under artifacts/bin (same configuration).</summary>
    public static string WebDll
    {
        get
        {
            var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var artifacts = Path.Combine(here.Parent!.Parent!.FullName, "Qingfeng.Web", here.Name, "Qingfeng.Web.dll");
            return File.Exists(artifacts) ? artifacts : Path.Combine(here.FullName, "Qingfeng.Web.dll");
        }
    }

    /// <summary>Starts the server with <paramref name="settings"/> passed as environment variables (secrets stay off the command line) and waits until it serves.</summary>
    public static async Task<ServerProcess> StartAsync(IReadOnlyDictionary<string, string> settings)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(WebDll)!,
        };
        start.ArgumentList.Add(WebDll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["Logging__Console__FormatterName"] = "simple";
        start.Environment["Logging__Console__FormatterOptions__SingleLine"] = "true";
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = new Process { StartInfo = start };
        var server = new ServerProcess(process, new Uri($"http://127.0.0.1:{port}/"));
        process.OutputDataReceived += (_, e) => server.Add(e.Data);
        process.ErrorDataReceived += (_, e) => server.Add(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await server.WaitForLineAsync("Qingfeng is running");
        return server;
    }

    /// <summary>A client with the given API token, talking to this process over loopback.</summary>
    public HttpClient Client(string token)
    {
        var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = Address, Timeout = TimeSpan.FromMinutes(3) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public bool Logged(string text) => _lines.Any(l => l.Contains(text, StringComparison.Ordinal));

    /// <summary>Waits for a log line containing <paramref name="text"/>; fails if the process exits or the patience runs out.</summary>
    public async Task WaitForLineAsync(string text)
    {
        using var deadline = new CancellationTokenSource(Patience);
        while (!Logged(text))
        {
            Assert.False(_process.HasExited, $"The server exited (code {(_process.HasExited ? _process.ExitCode : 0)}) before logging '{text}':\n{string.Join('\n', _lines.TakeLast(30))}");
            try
            {
                await _lineAdded.WaitAsync(TimeSpan.FromMilliseconds(200), deadline.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"No log line '{text}' within {Patience.TotalSeconds} s:\n{string.Join('\n', _lines.TakeLast(30))}");
            }
        }
    }

    /// <summary>SIGKILL to the whole process tree: no shutdown, no flush, as in a power cut of the process.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        _process.Dispose();
        _lineAdded.Dispose();
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Add(string? line)
    {
        if (line is null)
        {
            return;
        }

        _lines.Enqueue(line);
        _lineAdded.Release();
    }
}
