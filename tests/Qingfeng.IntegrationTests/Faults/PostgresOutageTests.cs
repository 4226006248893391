using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Qingfeng.IntegrationTests.Infrastructure;
using Xunit;

namespace Qingfeng.IntegrationTests.Faults;

/// <summary>PostgreSQL stops under load and comes back: clear 503s meanwhile, no 500s, and recovery without restarting the app.</summary>
public sealed class PostgresOutageTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Stopping_postgres_under_load_answers_localised_503s_with_retry_after_and_the_app_recovers_when_it_returns()
    {
        await using var cluster = await PostgresCluster.CreateAsync();
        await using var app = await QingfengApp.StartAsync(Provider.Postgres, postgresAdmin: cluster.AdminConnection);
        var chinese = await app.ClientForAsync(TestUsers.KaiyangSupervision.UserName);
        var english = await app.ClientForAsync(TestUsers.KaiyangLeader.UserName, "en");
        var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health")).StatusCode);

        var load = new Load([(chinese, "zh"), (english, "en")], ["/api/v1/officials?pageSize=20", "/api/v1/clues?pageSize=20", "/api/v1/roster/summary"]);
        var workers = Enumerable.Range(0, 4).Select(load.RunAsync).ToList();

        await load.WaitForAsync(Phase.Up, HttpStatusCode.OK, 20);
        load.Phase = Phase.Down;
        await cluster.StopAsync();
        await load.WaitForAsync(Phase.Down, HttpStatusCode.ServiceUnavailable, 12);
        var health = await anonymous.GetAsync("/health");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);

        await cluster.StartAsync();
        load.Phase = Phase.Back;
        await load.WaitForAsync(Phase.Back, HttpStatusCode.OK, 20);
        await load.StopAsync(workers);

        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health")).StatusCode);
        var unexpected = load.Responses.Where(r => r.Status is not (HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable)).ToList();
        Assert.True(unexpected.Count == 0, string.Join('\n', unexpected.Take(5).Select(r => $"{r.Phase} {(int)r.Status} {r.Body}")));
        var early = load.Responses.Where(r => r.Phase == Phase.Up && r.Answered == Phase.Up && r.Status != HttpStatusCode.OK).ToList();
        Assert.True(early.Count == 0, string.Join('\n', early.Take(3).Select(r => $"{(int)r.Status} {r.Body}")));
        var outages = load.Responses.Where(r => r.Status == HttpStatusCode.ServiceUnavailable).ToList();
        Assert.All(outages, r =>
        {
            Assert.Equal("application/problem+json", r.ContentType);
            Assert.Equal("5", r.RetryAfter);
            using var json = JsonDocument.Parse(r.Body);
            Assert.Equal("Rule.DatabaseUnavailable", json.RootElement.GetProperty("code").GetString());
            Assert.Equal(r.Language == "zh" ? "数据库暂时不可用" : "The database is temporarily unavailable", json.RootElement.GetProperty("title").GetString());
        });
        Assert.Contains(outages, r => r.Language == "en");
        Assert.Contains(outages, r => r.Language == "zh");
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"PostgreSQL outage: {load.Responses.Count} responses, {outages.Count} × 503, {load.Responses.Count(r => r.Phase == Phase.Back && r.Status == HttpStatusCode.OK)} × 200 after the restart");
    }

    private enum Phase
    {
        Up,
        Down,
        Back,
    }

    private sealed record Response(Phase Phase, Phase Answered, string Language, HttpStatusCode Status, string? ContentType, string? RetryAfter, string Body);

    /// <summary>Workers that call the API in a loop and record every answer with the phases it was asked and answered in.</summary>
    private sealed class Load((HttpClient Client, string Language)[] clients, string[] paths)
    {
        private readonly CancellationTokenSource _stop = new();

        public volatile Phase Phase = Phase.Up;

        public ConcurrentQueue<Response> Responses { get; } = new();

        public async Task RunAsync(int worker)
        {
            for (var i = worker; !_stop.IsCancellationRequested; i++)
            {
                var phase = Phase;
                var (client, language) = clients[i % clients.Length];
                using var response = await client.GetAsync(paths[i % paths.Length]);
                Responses.Enqueue(new Response(
                    phase, Phase, language, response.StatusCode, response.Content.Headers.ContentType?.MediaType,
                    response.Headers.RetryAfter?.Delta?.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    await response.Content.ReadAsStringAsync()));
            }
        }

        /// <summary>Waits until <paramref name="count"/> answers asked in <paramref name="phase"/> had <paramref name="status"/>.</summary>
        public async Task WaitForAsync(Phase phase, HttpStatusCode status, int count)
        {
            using var deadline = new CancellationTokenSource(Patience);
            while (Responses.Count(r => r.Phase == phase && r.Status == status) < count)
            {
                Assert.False(deadline.IsCancellationRequested, $"Fewer than {count} × {(int)status} in phase {phase} within {Patience.TotalSeconds} s; seen: {string.Join(", ", Responses.Where(r => r.Phase == phase).GroupBy(r => (int)r.Status).Select(g => $"{g.Key}×{g.Count()}"))}");
                await Task.Delay(50, TestContext.Current.CancellationToken);
            }
        }

        public async Task StopAsync(List<Task> workers)
        {
            await _stop.CancelAsync();
            await Task.WhenAll(workers);
            _stop.Dispose();
        }
    }
}
