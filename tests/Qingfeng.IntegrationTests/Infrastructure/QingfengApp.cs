using System.Net.Http.Headers;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Qingfeng.Features.Accounts;
using Qingfeng.Platform.Data;

namespace Qingfeng.IntegrationTests.Infrastructure;

public enum Provider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// The real app on its own fresh database (a temporary SQLite file or a new PostgreSQL database),
/// seeded with the demo province. Tests call it over HTTP with API tokens of real users.
/// </summary>
public sealed class QingfengApp : WebApplicationFactory<Program>
{
    public const string Password = "Test-Passw0rd!2026";

    private readonly string _connectionString;
    private readonly string? _postgresAdmin;
    private readonly string _databaseName;
    private readonly Dictionary<string, string> _tokens = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _tokenLock = new(1, 1);
    private readonly SemaphoreSlim _userLock = new(1, 1);
    private bool _ownsDatabase = true;
    private readonly IReadOnlyDictionary<string, string?> _settings;

    private QingfengApp(Provider provider, string connectionString, string? postgresAdmin, string databaseName, IReadOnlyDictionary<string, string?>? settings)
    {
        Provider = provider;
        _connectionString = connectionString;
        _postgresAdmin = postgresAdmin;
        _databaseName = databaseName;
        _settings = settings ?? new Dictionary<string, string?>();
    }

    public Provider Provider { get; }

    /// <summary>
    /// The app's clock: <see cref="TestClock"/>, except for an app that only prepares a database for a server process of
    /// its own (<see cref="StartOnAsync"/>), which runs on the wall clock and must accept the tokens issued here.
    /// </summary>
    public TimeProvider Clock { get; private init; } = TestClock.Instance;

    public string ConnectionString => _connectionString;

    /// <summary>This app's fresh keys, as configuration keys and values (a server process on the same database needs the same).</summary>
    public IReadOnlyDictionary<string, string> EncryptionSettings { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Encryption:CurrentKeyId"] = "test",
        ["Encryption:Keys:test"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)),
        ["Encryption:IndexKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
    };

    /// <summary>
    /// This app's audit key and checkpoint file (a temporary file of its own), as configuration keys and values: a server
    /// process or a command on the same database needs the same key, or the chain it extends no longer verifies.
    /// </summary>
    public IReadOnlyDictionary<string, string> AuditSettings { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Audit:Key"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        ["Audit:CheckpointFile"] = Path.Combine(Path.GetTempPath(), "qf_checkpoints_" + Guid.NewGuid().ToString("N")[..12] + ".jsonl"),
    };

    /// <summary>The settings a command (<c>Commands.RunAsync</c>) needs to work on this app's database: provider, connection string, audit key and checkpoint file.</summary>
    public string[] CommandSettings =>
        [$"--Database:Provider={Provider}", $"--Database:ConnectionString={_connectionString}", .. AuditSettings.Select(s => $"--{s.Key}={s.Value}")];

    /// <summary>This app's own <c>Calendar:Directory</c>, so uploaded holiday files never land in the repository.</summary>
    public string CalendarDirectory { get; } = Path.Combine(Path.GetTempPath(), "qf_calendar_" + Guid.NewGuid().ToString("N")[..12]);

    /// <summary>
    /// Starts an app on a fresh database. <paramref name="settings"/> override configuration keys (e.g. rate limits);
    /// <paramref name="kestrel"/> serves it on a real loopback socket (for external tools such as sqlmap) instead of TestServer;
    /// <paramref name="postgresAdmin"/> picks another PostgreSQL server than <c>QINGFENG_TEST_POSTGRES</c>.
    /// </summary>
    public static async Task<QingfengApp> StartAsync(Provider provider, IReadOnlyDictionary<string, string?>? settings = null, bool kestrel = false, string? postgresAdmin = null)
    {
        var name = "qf_test_" + Guid.NewGuid().ToString("N")[..12];
        QingfengApp app;
        if (provider == Provider.Sqlite)
        {
            var file = Path.Combine(Path.GetTempPath(), name + ".db");
            app = new QingfengApp(provider, $"Data Source={file}", null, file, settings);
        }
        else
        {
            var admin = postgresAdmin ?? Requirements.PostgresAdminConnection();
            await using (var connection = new NpgsqlConnection(admin))
            {
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
                await command.ExecuteNonQueryAsync();
            }

            var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = true };
            app = new QingfengApp(provider, builder.ConnectionString, admin, name, settings);
        }

        if (kestrel)
        {
            app.UseKestrel(0);
            app.StartServer();
        }
        else
        {
            _ = app.Server;
        }

        await app.CreateTestUsersAsync();
        return app;
    }

    /// <summary>Prepares a database the caller owns (seeded, with the test users); disposing the app leaves it in place.</summary>
    public static async Task<QingfengApp> StartOnAsync(Provider provider, string connectionString)
    {
        var app = new QingfengApp(provider, connectionString, null, "", null) { _ownsDatabase = false, Clock = TimeProvider.System };
        _ = app.Server;
        await app.CreateTestUsersAsync();
        return app;
    }

    /// <summary>An HTTP client signed in with an API token of the named test user.</summary>
    public async Task<HttpClient> ClientForAsync(string userName, string? language = null)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = ClientOptions.BaseAddress });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(userName));
        if (language is not null)
        {
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        }

        return client;
    }

    /// <summary>
    /// A client for a user of the given organ and role (supervision office by default), created on first use and shared by
    /// every caller with the same organ and role. The name holds the whole organ id: the demo organs are created within the
    /// same millisecond, so a prefix of their version-7 ids is the same for all of them.
    /// </summary>
    public async Task<HttpClient> ClientForOrganAsync(Guid organId, string role = Qingfeng.Platform.Security.Roles.SupervisionOffice)
    {
        var name = $"t.{role}.{organId:N}";
        await EnsureUserAsync(name, organId, role);
        return await ClientForAsync(name);
    }

    /// <summary>
    /// A client for a new user of the given organ and role that no other test signs in as, for a test that reads what was
    /// recorded about or sent to its user (audit entries, notifications).
    /// </summary>
    public async Task<(HttpClient Client, string UserName)> ClientForNewUserAsync(Guid organId, string role)
    {
        var name = $"t.new.{Guid.NewGuid():N}";
        await EnsureUserAsync(name, organId, role);
        return (await ClientForAsync(name), name);
    }

    /// <summary>The id of the demo organ with this name.</summary>
    public async Task<Guid> OrganIdAsync(string name)
    {
        await using var db = CreateDb();
        return await db.Organs.AsNoTracking().Where(o => o.Name == name).Select(o => o.Id).SingleAsync();
    }

    /// <summary>A context acting as the system, on the tests' clock.</summary>
    public QingfengDb CreateDb() => Services.GetRequiredService<QingfengDatabase>().Create(new DbActor(Clock, () => Qingfeng.Platform.Security.UserContext.System));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("urls", "http://127.0.0.1:0");
        builder.UseSetting("Database:Provider", Provider.ToString());
        builder.UseSetting("Database:ConnectionString", _connectionString);
        builder.UseSetting("Demo:Seed", "true");
        builder.UseSetting("Demo:Scale", "Demo");
        builder.UseSetting("Security:DemoMode", "true");
        builder.UseSetting("Calendar:Directory", CalendarDirectory);

        // Fresh keys per app: PostgreSQL (production) refuses to start without configured keys.
        foreach (var (key, value) in EncryptionSettings.Concat(AuditSettings))
        {
            builder.UseSetting(key, value);
        }

        // The suite signs in far more often than one person would: generous limits unless a test sets its own.
        builder.UseSetting("Security:RateLimiting:LoginPermitsPerWindow", "10000");
        builder.UseSetting("Security:RateLimiting:ApiPermitsPerWindow", "100000");

        // No sweep runs in the background: on the tests' clock each would act at start and every hour on every record of
        // the database, in the middle of tests that do not expect it (an overdue reminder already sent, an item already
        // escalated). A test of a sweep runs it itself, on a clock it controls.
        builder.UseSetting(Qingfeng.Platform.Jobs.PeriodicSweeps.EnabledKey, "false");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.UseEnvironment("Testing");

        // Every app runs on the tests' clock, so a date a test computes is the date the app counts from.
        builder.ConfigureTestServices(services => services.AddSingleton(Clock));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(CalendarDirectory))
        {
            Directory.Delete(CalendarDirectory, recursive: true);
        }

        if (!_ownsDatabase)
        {
            // A server process of the caller's goes on writing checkpoints to the file: it is the caller's now.
            _tokenLock.Dispose();
            _userLock.Dispose();
            return;
        }

        File.Delete(AuditSettings["Audit:CheckpointFile"]);
        if (Provider == Provider.Sqlite)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(_databaseName + suffix);
            }
        }
        else
        {
            await PostgresDatabases.DropAsync(_postgresAdmin!, _databaseName);
        }

        _tokenLock.Dispose();
        _userLock.Dispose();
    }

    /// <summary>An API token of the named test user (issued once per app).</summary>
    public async Task<string> TokenAsync(string userName)
    {
        await _tokenLock.WaitAsync();
        try
        {
            if (!_tokens.TryGetValue(userName, out var token))
            {
                await using var scope = Services.CreateAsyncScope();
                var user = await scope.ServiceProvider.GetRequiredService<UserManager<QingfengUser>>().FindByNameAsync(userName)
                    ?? throw new InvalidOperationException($"No test user {userName}.");
                var factory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<QingfengDb>>();
                var now = Clock.GetUtcNow();
                token = (await AccountService.IssueTokenForAsync(factory, user.Id, "tests", now, now.AddDays(1), CancellationToken.None)).Token;
                _tokens[userName] = token;
            }

            return token;
        }
        finally
        {
            _tokenLock.Release();
        }
    }

    /// <summary>Creates the user unless it exists; one at a time, so that two tests asking for the same user create it once.</summary>
    private async Task EnsureUserAsync(string name, Guid organId, string role)
    {
        await _userLock.WaitAsync();
        try
        {
            await using var scope = Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<QingfengUser>>();
            if (await users.FindByNameAsync(name) is not null)
            {
                return;
            }

            var user = new QingfengUser { UserName = name, DisplayName = name, OrganId = organId };
            var created = await users.CreateAsync(user, Password);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
            }

            await users.AddToRoleAsync(user, role);
        }
        finally
        {
            _userLock.Release();
        }
    }

    /// <summary>Real (non-demo) users for each test persona, on either provider.</summary>
    private async Task CreateTestUsersAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<QingfengUser>>();
        await using var db = CreateDb();
        var organs = await db.Organs.AsNoTracking().ToDictionaryAsync(o => o.Name, o => o.Id);
        foreach (var persona in TestUsers.All)
        {
            var user = new QingfengUser { UserName = persona.UserName, DisplayName = persona.UserName, OrganId = organs[persona.Organ] };
            var created = await users.CreateAsync(user, Password);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
            }

            await users.AddToRoleAsync(user, persona.Role);
        }
    }
}
