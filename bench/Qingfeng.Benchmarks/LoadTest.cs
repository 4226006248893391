using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Playwright;
using Qingfeng.Features.Accounts;
using Qingfeng.Features.Audit;
using Qingfeng.Platform.Data;

namespace Qingfeng.Benchmarks;

/// <summary>
/// The running server under load over HTTP on loopback: the built app started as its own process on a fresh
/// demo database (SQLite: the demo accounts are seeded in demo mode only, which PostgreSQL never runs), many concurrent users each with an API token of a
/// demo account, a mixed workload of the main pages and API calls, bounded by time and by count. Reports
/// throughput, latency percentiles per request kind, errors, and the server's resident memory (sampled from
/// /proc); then opens interactive UI sessions (Blazor circuits) in headless Chromium to measure their memory cost.
/// Before the mix, with <c>--phase-seconds</c>, each of <see cref="Phases"/> alone for that long, in three rounds (one
/// token, the same concurrency): requests per second as a ratio to the static file of the same round, and the database
/// round trips per request as the server counts them (<see cref="RoundTrips.Header"/>).
/// </summary>
internal static class LoadTest
{
    private static readonly string[] Users = ["ky.casemgmt", "ky.leader", "ky.supervision", "ky.petition", "gy.supervision", "cs.supervision", "gz.leader"];

    private sealed record Kind(string Name, int Weight, Func<HttpClient, Context, Task<HttpResponseMessage>> Send, string[]? Only = null);

    private sealed record Context(IReadOnlyList<Guid> Officials, Random Random);

    private static readonly Kind[] Mix =
    [
        new("GET clue queue", 20, (c, _) => c.GetAsync("/api/v1/clues?activeOnly=true&pageSize=20")),
        new("GET clue search", 15, (c, x) => c.GetAsync($"/api/v1/clues?search={Uri.EscapeDataString(new[] { "饮酒", "礼金", "公车", "工程" }[x.Random.Next(4)])}")),
        new("GET official search", 15, (c, x) => c.GetAsync($"/api/v1/officials?search={Uri.EscapeDataString(new[] { "王", "李", "wang", "zh" }[x.Random.Next(4)])}")),
        new("GET official profile", 15, (c, x) => c.GetAsync($"/api/v1/officials/{x.Officials[x.Random.Next(x.Officials.Count)]}")),
        new("GET funnel", 5, (c, _) => c.GetAsync("/api/v1/clue-statistics/funnel?dimension=Month"), ["ky.casemgmt", "ky.leader", "gz.leader"]),
        new("GET workload", 10, (c, _) => c.GetAsync("/api/v1/clues/workload")),
        new("GET notifications", 10, (c, _) => c.GetAsync("/api/v1/notifications")),
        new("GET login page (SSR)", 5, (c, _) => c.GetAsync("/account/login")),
        new("GET static asset", 5, (c, _) => c.GetAsync("/_framework/blazor.web.js")),
    ];

    /// <summary>The throughput phases: what each costs next to a static file (issue 17). The first is the baseline.</summary>
    private static readonly (string Name, Func<Context, string> Url, double Target)[] Phases =
    [
        ("static file (/css/app.css)", _ => "/css/app.css", 1),
        ("authenticated static JSON (clue categories)", _ => "/api/v1/clues/categories", 0.4),
        ("officials list (20)", _ => "/api/v1/officials?pageSize=20", 0.15),
        ("clue queue (50)", _ => "/api/v1/clues?pageSize=50", 0.15),
        ("official profile", x => $"/api/v1/officials/{x.Officials[x.Random.Next(x.Officials.Count)]}", 0.15),
        ("talk list (20)", _ => "/api/v1/talks?pageSize=20", 0.15),
    ];

    public static async Task<int> RunAsync(int concurrency, TimeSpan duration, int maxRequests, int uiSessions, TimeSpan phase)
    {
        var root = Path.Combine(Path.GetTempPath(), $"qf_load_{Guid.NewGuid():N}");
        Directory.CreateDirectory(root);
        var web = FindWebAssembly();
        var port = FreePort();
        var baseAddress = new Uri($"http://127.0.0.1:{port}");
        var connection = $"Data Source={Path.Combine(root, "load.db")}";
        using var server = Process.Start(new ProcessStartInfo("dotnet", [web, "--urls", baseAddress.ToString(), "--Database:ConnectionString", connection, "--Logging:LogLevel:Default", "Warning",
            // Capacity is measured, not the per-user API limit (1,200 calls a minute by default, see SECURITY.md), which
            // 32 callers on 7 accounts would otherwise hit within seconds.
            "--Security:RateLimiting:ApiPermitsPerWindow", "100000000",
            // 50 UI sessions sign in from one address within a minute (20 per five minutes by default).
            "--Security:RateLimiting:LoginPermitsPerWindow", "1000", "--Security:RateLimiting:LoginPermitsPerUserPerWindow", "1000",
            "--Logging:LogLevel:Microsoft.Hosting.Lifetime", "Information",
            "--Diagnostics:RoundTripHeader", "true"])
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var serverLog = new ConcurrentQueue<string>();
        server.OutputDataReceived += (_, e) => serverLog.Enqueue(e.Data ?? "");
        server.ErrorDataReceived += (_, e) => serverLog.Enqueue(e.Data ?? "");
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        try
        {
            using var probe = new HttpClient { BaseAddress = baseAddress };
            await WaitUntilUpAsync(probe, server, serverLog);
            var (tokens, officials) = await PrepareAsync(root, connection);
            Console.WriteLine($"server pid {server.Id} on {baseAddress}, {tokens.Count} users, {concurrency} concurrent, {duration.TotalSeconds:0} s or {maxRequests:N0} requests");
            var throughput = phase > TimeSpan.Zero ? await ThroughputAsync(baseAddress, tokens[Array.IndexOf(Users, "gz.leader")], officials, concurrency, phase) : null;

            var before = Rss(server.Id);
            var results = new ConcurrentBag<(string Kind, double Ms, bool Ok, int Status)>();
            using var stop = new CancellationTokenSource(duration);
            var sent = 0;
            var peak = before;
            var sampler = Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    peak = Math.Max(peak, Rss(server.Id));
                    await Task.Delay(250, CancellationToken.None);
                }
            });
            Kind[] WeightsFor(string user) => [.. Mix.Where(k => k.Only is null || k.Only.Contains(user)).SelectMany(k => Enumerable.Repeat(k, k.Weight))];
            var watch = Stopwatch.StartNew();
            var workers = Enumerable.Range(0, concurrency).Select(worker => Task.Run(async () =>
            {
                using var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
                using var client = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
                client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens[worker % tokens.Count]);
                var context = new Context(officials, new Random(worker));
                var weights = WeightsFor(Users[worker % Users.Length]);
                while (!stop.IsCancellationRequested && Interlocked.Increment(ref sent) <= maxRequests)
                {
                    var kind = weights[context.Random.Next(weights.Length)];
                    var started = Stopwatch.GetTimestamp();
                    bool ok;
                    var status = 0;
                    try
                    {
                        using var response = await kind.Send(client, context);
                        status = (int)response.StatusCode;
                        await response.Content.ReadAsByteArrayAsync();

                        // Profiles of officials outside the user's jurisdiction answer 404 by design: not an error.
                        ok = response.IsSuccessStatusCode || (kind.Name == "GET official profile" && response.StatusCode == HttpStatusCode.NotFound);
                    }
                    catch (HttpRequestException)
                    {
                        ok = false;
                    }
                    catch (TaskCanceledException)
                    {
                        ok = false;
                    }

                    results.Add((kind.Name, Stopwatch.GetElapsedTime(started).TotalMilliseconds, ok, status));
                }
            })).ToArray();
            await Task.WhenAll(workers);
            var elapsed = watch.Elapsed;
            await stop.CancelAsync();
            await sampler;
            var after = Rss(server.Id);

            var report = new StringBuilder();
            var c = CultureInfo.InvariantCulture;
            if (throughput is not null)
            {
                report.AppendLine(throughput);
            }

            var all = results.ToList();
            report.AppendLine(c, $"Load: {all.Count:N0} requests in {elapsed.TotalSeconds:0.0} s = {all.Count / elapsed.TotalSeconds:0} req/s, {concurrency} concurrent users ({tokens.Count} accounts), errors {all.Count(r => !r.Ok)} ({100.0 * all.Count(r => !r.Ok) / Math.Max(1, all.Count):0.00}%).");
            if (all.Any(r => !r.Ok))
            {
                report.AppendLine(c, $"Errors by status (0 = no answer): {string.Join(", ", all.Where(r => !r.Ok).GroupBy(r => r.Status).OrderBy(g => g.Key).Select(g => $"{g.Key}: {g.Count()}"))}.");
            }

            report.AppendLine(c, $"Server memory (RSS): {before / 1024.0:0} MiB before, {peak / 1024.0:0} MiB peak, {after / 1024.0:0} MiB after.");
            report.AppendLine();
            report.AppendLine("| request | count | p50 | p95 | p99 | errors |");
            report.AppendLine("|---|---:|---:|---:|---:|---:|");
            foreach (var group in all.GroupBy(r => r.Kind).OrderBy(g => g.Key, StringComparer.Ordinal).Append(all.GroupBy(_ => "all").Single()))
            {
                var samples = new Samples([.. group.Select(r => r.Ms)], elapsed.TotalSeconds);
                report.AppendLine(c, $"| {group.Key} | {group.Count():N0} | {samples.P(50):0.0} ms | {samples.P(95):0.0} ms | {samples.P(99):0.0} ms | {group.Count(r => !r.Ok)} |");
            }

            if (uiSessions > 0)
            {
                report.AppendLine();
                report.AppendLine(await UiSessionsAsync(baseAddress, server.Id, uiSessions));
            }

            Console.WriteLine();
            Console.WriteLine(report);
            return all.Any(r => !r.Ok) ? 1 : 0;
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>
    /// Each phase alone on the warm server, in <see cref="Rounds"/> rounds of all phases one after another (the machine's pace
    /// drifts over minutes, so each round's ratios are taken against that round's static file): the median requests per
    /// second and the median ratio, the round trips per request (the server's header) and the errors, as a Markdown table.
    /// </summary>
    private static async Task<string> ThroughputAsync(Uri baseAddress, string token, IReadOnlyList<Guid> officials, int concurrency, TimeSpan phase)
    {
        var c = CultureInfo.InvariantCulture;
        var rates = Phases.Select(_ => new List<double>()).ToArray();
        var ratios = Phases.Select(_ => new List<double>()).ToArray();
        var counts = new long[Phases.Length];
        var errors = new long[Phases.Length];
        var roundTrips = new long[Phases.Length];
        for (var round = 0; round < Rounds; round++)
        {
            for (var i = 0; i < Phases.Length; i++)
            {
                var (count, failed, trips, seconds) = await PhaseAsync(baseAddress, token, officials, concurrency, phase, Phases[i].Url);
                counts[i] += count;
                errors[i] += failed;
                roundTrips[i] += trips;
                rates[i].Add(count / seconds);
                ratios[i].Add(rates[i][^1] / rates[0][^1]);
                Console.WriteLine(string.Create(c, $"round {round + 1}, {Phases[i].Name}: {rates[i][^1]:N0} req/s, ratio {ratios[i][^1]:0.000}, {(double)trips / Math.Max(1, count):0.0} round trips per request, {failed} errors"));
            }
        }

        var report = new StringBuilder();
        report.AppendLine(c, $"Throughput: each request alone for {phase.TotalSeconds:0} s, in {Rounds} rounds; {concurrency} concurrent callers, one API token (province leader); medians of the rounds.");
        report.AppendLine();
        report.AppendLine("| request | req/s | ratio to the static file (rounds) | target | DB round trips per request | errors |");
        report.AppendLine("|---|---:|---:|---:|---:|---:|");
        for (var i = 0; i < Phases.Length; i++)
        {
            var (name, _, target) = Phases[i];
            var ratio = Median(ratios[i]);
            var met = target >= 1 ? "—" : $"≥ {target:0.00}{(ratio >= target ? " met" : " **not met**")}";
            report.AppendLine(c, $"| {name} | {Median(rates[i]):N0} | {ratio:0.000} ({string.Join(", ", ratios[i].Select(r => r.ToString("0.000", c)))}) | {met} | {(double)roundTrips[i] / Math.Max(1, counts[i]):0.0} | {errors[i]} |");
        }

        return report.ToString();
    }

    private const int Rounds = 3;

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    /// <summary>One request kind alone for the given time: answers, errors, round trips (the server's header) and seconds.</summary>
    private static async Task<(long Count, long Errors, long RoundTrips, double Seconds)> PhaseAsync(Uri baseAddress, string token, IReadOnlyList<Guid> officials, int concurrency, TimeSpan phase, Func<Context, string> url)
    {
        long count = 0, errors = 0, roundTrips = 0;
        using var stop = new CancellationTokenSource(phase);
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(worker => Task.Run(async () =>
        {
            using var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var context = new Context(officials, new Random(worker));
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    using var response = await client.GetAsync(url(context), CancellationToken.None);
                    await response.Content.ReadAsByteArrayAsync(CancellationToken.None);
                    Interlocked.Increment(ref count);
                    if (!response.IsSuccessStatusCode)
                    {
                        Interlocked.Increment(ref errors);
                    }

                    if (response.Headers.TryGetValues(RoundTrips.Header, out var values) && int.TryParse(values.First(), CultureInfo.InvariantCulture, out var trips))
                    {
                        Interlocked.Add(ref roundTrips, trips);
                    }
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        })));
        return (count, errors, roundTrips, watch.Elapsed.TotalSeconds);
    }

    /// <summary>The web app built beside this harness (artifacts/bin/Qingfeng.Web/&lt;configuration&gt;/).</summary>
    private static string FindWebAssembly()
    {
        var own = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var path = Path.Combine(own.Parent!.Parent!.FullName, "Qingfeng.Web", own.Name, "Qingfeng.Web.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"Build the web app first ({path}).");
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task WaitUntilUpAsync(HttpClient probe, Process server, ConcurrentQueue<string> log)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromMinutes(3))
        {
            if (server.HasExited)
            {
                throw new InvalidOperationException("The server exited: " + string.Join('\n', log.TakeLast(30)));
            }

            try
            {
                using var response = await probe.GetAsync("/account/login");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(250);
        }

        throw new TimeoutException("The server did not answer within 3 minutes.");
    }

    /// <summary>API tokens for the demo accounts, issued straight into the server's database, and official ids to look up.</summary>
    private static async Task<(List<string> Tokens, List<Guid> Officials)> PrepareAsync(string root, string connection)
    {
        // The server keys the audit chain with the demo key file beside its database: the tokens' audit entries join that chain.
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Database:ConnectionString"] = connection }).Build();
        var auditKey = AuditKey.LoadOrCreateFile(AuditKey.DemoKeyFilePath(configuration, root)).Key;
        var database = new QingfengDatabase(new DatabaseOptions { ConnectionString = connection }, root, auditKey);
        var tokens = new List<string>();
        await using var db = database.Create(DbActor.System);
        var factory = new SingleFactory(database);
        var now = DateTimeOffset.UtcNow;
        foreach (var name in Users)
        {
            var normalized = name.ToUpperInvariant();
            var id = await db.Set<QingfengUser>().Where(u => u.NormalizedUserName == normalized).Select(u => u.Id).SingleAsync();
            tokens.Add((await AccountService.IssueTokenForAsync(factory, id, "load test", now, now.AddHours(2), CancellationToken.None)).Token);
        }

        var officials = await db.Officials.AsNoTracking().OrderBy(o => o.Id).Select(o => o.Id).Take(500).ToListAsync();
        return (tokens, officials);
    }

    private sealed class SingleFactory(QingfengDatabase database) : IDbContextFactory<QingfengDb>
    {
        public QingfengDb CreateDbContext() => database.Create(DbActor.System);
    }

    /// <summary>Resident set size of a process in KiB (Linux /proc).</summary>
    private static long Rss(int pid)
    {
        var status = $"/proc/{pid}/status";
        if (!File.Exists(status))
        {
            return 0;
        }

        var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Opens interactive sessions (signed in, on the clue list: one circuit each, the home page after sign-in renders on the
    /// server without one) one after another and reports what they cost the server: resident memory, the live managed heap by
    /// <c>dotnet-gcdump</c> (which collects first), and the types that grew most by a <c>dotnet-dump</c> heap snapshot
    /// (<c>dumpheap -stat -live</c>: dotnet-gcdump 10 on .NET 10 lists under 1 % of the heap by type).
    /// </summary>
    private static async Task<string> UiSessionsAsync(Uri baseAddress, int pid, int sessions)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("QINGFENG_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox"],
        });
        var dumps = Path.Combine(Path.GetTempPath(), $"qf_heap_{Guid.NewGuid():N}");
        Directory.CreateDirectory(dumps);
        try
        {
            var heapBefore = await LiveHeapAsync(pid, Path.Combine(dumps, "before.gcdump"));
            var typesBefore = await LiveTypesAsync(pid, Path.Combine(dumps, "before.dmp"));
            var before = Rss(pid);
            var pages = new List<IPage>();
            for (var i = 0; i < sessions; i++)
            {
                var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseAddress.ToString() });
                var page = await context.NewPageAsync();
                await page.GotoAsync("/account/login");
                await page.FillAsync("#username", Users[i % Users.Length]);
                await page.FillAsync("#password", "Qingfeng@2026");
                await page.ClickAsync("[data-testid=login-submit]");
                await page.WaitForSelectorAsync("[data-testid=page-ready]", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });
                await page.GotoAsync("/clues");
                await page.WaitForSelectorAsync("[data-testid=page-ready]", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });
                pages.Add(page);
            }

            var after = Rss(pid);
            var heapAfter = await LiveHeapAsync(pid, Path.Combine(dumps, "after.gcdump"));
            var typesAfter = await LiveTypesAsync(pid, Path.Combine(dumps, "after.dmp"));
            var c = CultureInfo.InvariantCulture;
            var report = new StringBuilder();
            report.AppendLine(c, $"UI sessions: {sessions} signed-in idle interactive sessions on the clue list (one circuit each): server RSS {before / 1024.0:0} MiB → {after / 1024.0:0} MiB, ≈ {(after - before) / 1024.0 / sessions:0.0} MiB per session;");
            var grown = typesAfter.Select(t => (Type: t.Key, Bytes: t.Value.Bytes - typesBefore.GetValueOrDefault(t.Key).Bytes, Count: t.Value.Count - typesBefore.GetValueOrDefault(t.Key).Count)).ToList();
            report.AppendLine(c, $"live managed heap (dotnet-gcdump) {heapBefore / 1048576.0:0.0} MiB → {heapAfter / 1048576.0:0.0} MiB, ≈ **{(heapAfter - heapBefore) / 1048576.0 / sessions:0.00} MiB per session** (dotnet-dump, live objects: {grown.Sum(t => t.Bytes) / 1048576.0 / sessions:0.00} MiB). Components alive per session: {grown.Where(t => t.Type == "Microsoft.AspNetCore.Components.Server.Circuits.RemoteComponentState").Sum(t => t.Count) / (double)sessions:0}. The types that grew most (dotnet-dump):");
            report.AppendLine();
            report.AppendLine("| type | KiB per session | objects per session |");
            report.AppendLine("|---|---:|---:|");
            foreach (var (type, bytes, count) in grown.OrderByDescending(t => t.Bytes).Take(12))
            {
                report.AppendLine(c, $"| `{type}` | {bytes / 1024.0 / sessions:0.0} | {count / (double)sessions:0} |");
            }

            return report.ToString();
        }
        finally
        {
            Directory.Delete(dumps, recursive: true);
        }
    }

    /// <summary>The live managed heap of a process in bytes, from a <c>dotnet-gcdump</c> (the repository's local tool).</summary>
    private static async Task<long> LiveHeapAsync(int pid, string path)
    {
        await ToolAsync("dotnet-gcdump", "collect", "-p", pid.ToString(CultureInfo.InvariantCulture), "-o", path);
        foreach (var line in (await ToolAsync("dotnet-gcdump", "report", path)).Split('\n'))
        {
            if (System.Text.RegularExpressions.Regex.Match(line, @"^\s*([\d,]+)\s+GC Heap bytes") is { Success: true } heap)
            {
                return Number(heap.Groups[1].Value);
            }
        }

        throw new InvalidOperationException($"dotnet-gcdump reported no heap size for {path}.");
    }

    /// <summary>The live objects of a process by type (count, bytes), from a heap dump by <c>dotnet-dump</c> (local tool), deleted after.</summary>
    private static async Task<Dictionary<string, (long Count, long Bytes)>> LiveTypesAsync(int pid, string path)
    {
        await ToolAsync("dotnet-dump", "collect", "-p", pid.ToString(CultureInfo.InvariantCulture), "--type", "Heap", "-o", path);
        var types = new Dictionary<string, (long Count, long Bytes)>(StringComparer.Ordinal);
        foreach (var line in (await ToolAsync("dotnet-dump", "analyze", path, "-c", "dumpheap -stat -live", "-c", "exit")).Split('\n'))
        {
            if (System.Text.RegularExpressions.Regex.Match(line, @"^\s*[0-9a-f]{12,16}\s+([\d,]+)\s+([\d,]+)\s+(\S.*?)\s*$") is { Success: true } type)
            {
                var (count, bytes) = types.GetValueOrDefault(type.Groups[3].Value);
                types[type.Groups[3].Value] = (count + Number(type.Groups[1].Value), bytes + Number(type.Groups[2].Value));
            }
        }

        File.Delete(path);
        return types.Count > 0 ? types : throw new InvalidOperationException($"dotnet-dump listed no live objects for {path}.");
    }

    private static long Number(string digits) => long.Parse(digits.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);

    private static async Task<string> ToolAsync(params string[] arguments)
    {
        using var tool = Process.Start(new ProcessStartInfo("dotnet", arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = tool.StandardOutput.ReadToEndAsync();
        var error = tool.StandardError.ReadToEndAsync();
        await tool.WaitForExitAsync();
        return tool.ExitCode == 0 ? await output : throw new InvalidOperationException($"dotnet {string.Join(' ', arguments)} exited {tool.ExitCode}: {await error}");
    }
}
