using Xunit;

[assembly: AssemblyFixture(typeof(Qingfeng.IntegrationTests.Infrastructure.SharedApps))]

namespace Qingfeng.IntegrationTests.Infrastructure;

/// <summary>
/// One app per provider, shared by the whole assembly (starting one costs seconds, a minute on a busy machine), while test
/// classes run in parallel. A test on a shared app therefore asserts only on what it made itself: it finds its records by
/// their ids or a marker of its own, never counts the whole database or takes "the newest"; it counts everything about an
/// official only for one made for it (<see cref="Subjects"/>), and reads what was sent to a user only for its own user
/// (<see cref="QingfengApp.ClientForNewUserAsync"/>) or by the record's own notification keys. Tests that act on every
/// record (a sweep on a clock moved into the future, tampering, a key rotation, statistics of the whole county) or change
/// what every test relies on (imports, the calendar, rate limits) start their own app.
/// </summary>
public sealed class SharedApps : IAsyncDisposable
{
    private readonly Dictionary<Provider, Task<QingfengApp>> _apps = [];
    private readonly Lock _lock = new();

    public Task<QingfengApp> GetAsync(Provider provider)
    {
        if (provider == Provider.Postgres)
        {
            Requirements.PostgresAdminConnection();
        }

        lock (_lock)
        {
            if (!_apps.TryGetValue(provider, out var app))
            {
                app = QingfengApp.StartAsync(provider);
                _apps[provider] = app;
            }

            return app;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var app in _apps.Values)
        {
            if (app.IsCompletedSuccessfully)
            {
                await app.Result.DisposeAsync();
            }
        }
    }
}
