using Xunit;

[assembly: AssemblyFixture(typeof(Qingfeng.IntegrationTests.Infrastructure.SharedApps))]

namespace Qingfeng.IntegrationTests.Infrastructure;

/// <summary>
/// One read-mostly app per provider, shared by the whole assembly (seeding costs seconds).
/// Tests that write in ways others could notice (imports, tampering) start their own app.
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
