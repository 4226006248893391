using Qingfeng.IntegrationTests.Infrastructure;
using Xunit;

namespace Qingfeng.IntegrationTests.Security;

/// <summary>
/// The real app on Kestrel on a loopback port, for attacks that need a real socket and Kestrel's own limits
/// (sqlmap, oversized bodies and headers) and for clients that bring their own HTTP stack (the generated clients of
/// tests/Qingfeng.ClientTests). One per collection (its classes run one after the other) or per class.
/// </summary>
public sealed class KestrelApp : IAsyncLifetime
{
    public QingfengApp App { get; private set; } = null!;

    /// <summary>For example <c>http://127.0.0.1:41234</c>.</summary>
    public Uri BaseAddress => App.ClientOptions.BaseAddress;

    public async ValueTask InitializeAsync() => App = await QingfengApp.StartAsync(Provider.Sqlite, kestrel: true);

    public async ValueTask DisposeAsync() => await App.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class KestrelCollection : ICollectionFixture<KestrelApp>
{
    public const string Name = "Kestrel";
}
