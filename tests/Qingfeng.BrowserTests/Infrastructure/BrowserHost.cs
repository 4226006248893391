using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Qingfeng.Features.Accounts;
using Qingfeng.Platform.Data;
using Xunit;

[assembly: AssemblyFixture(typeof(Qingfeng.BrowserTests.Infrastructure.BrowserHost))]

namespace Qingfeng.BrowserTests.Infrastructure;

/// <summary>
/// The real app on Kestrel (loopback, random port, its own SQLite file with the demo province and
/// demo accounts) and a headless Debian Chromium driven by Playwright. No browser is downloaded.
/// </summary>
public sealed class BrowserHost : IAsyncLifetime
{
    public const string DemoPassword = "Qingfeng@2026";

    /// <summary>
    /// The patience of a busy machine (two cores, both loaded by other jobs), in milliseconds: the upper bound of every wait
    /// on the page (actions, navigations, addresses, the ready marker, web-first assertions). Every wait is on a condition
    /// and ends as soon as it holds, so a passing run never spends this; it only decides how late a failing run gives up.
    /// </summary>
    public const int PatienceMs = 60_000;

    private const string ReadyMarker = "[data-testid=page-ready]";

    /// <summary>Set on a ready marker once a wait has answered with it, so the next wait needs the next page's own marker.</summary>
    private const string SeenAttribute = "data-qf-seen";

    private readonly string _database = Path.Combine(Path.GetTempPath(), $"qf_browser_{Guid.NewGuid():N}.db");
    private App? _app;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private string? _skipReason;

    public string BaseUrl { get; private set; } = "";

    public static string ChromiumPath =>
        Environment.GetEnvironmentVariable("QINGFENG_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public async ValueTask InitializeAsync()
    {
        // Playwright's web-first assertions (Expect) retry for 5 s by default: far too short for a busy machine.
        Assertions.SetDefaultExpectTimeout(PatienceMs);
        if (!File.Exists(ChromiumPath))
        {
            _skipReason = $"Browser tests need Chromium at {ChromiumPath} (apt-get install chromium; .ci/run installs it).";
            return;
        }

        _app = new App(_database);
        _app.UseKestrel(0);
        _app.StartServer();
        BaseUrl = _app.ClientOptions.BaseAddress.ToString().TrimEnd('/');

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A fresh browser context (own cookies) with a page, in Simplified Chinese.</summary>
    public async Task<IPage> NewPageAsync()
    {
        SkipUnlessAvailable();
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN", BaseURL = BaseUrl, ViewportSize = new ViewportSize { Width = 1440, Height = 900 } });
        context.SetDefaultTimeout(PatienceMs);
        context.SetDefaultNavigationTimeout(PatienceMs);
        return await context.NewPageAsync();
    }

    /// <summary>The first principal official (by name, after <paramref name="skip"/>) in a region subtree of the demo province.</summary>
    public async Task<(Guid Id, string Name)> OfficialInAsync(string regionKey, int skip = 0)
    {
        SkipUnlessAvailable();
        await using var db = _app!.Services.GetRequiredService<QingfengDatabase>().Create(DbActor.System);
        var official = await db.Officials.AsNoTracking().Where(o => o.RegionKey.StartsWith(regionKey) && o.IsPrincipal)
            .OrderBy(o => o.NamePinyin).ThenBy(o => o.Id).Skip(skip).Select(o => new { o.Id, o.Name }).FirstAsync();
        return (official.Id, official.Name);
    }

    /// <summary>The name of the unit an official of the demo province serves in.</summary>
    public async Task<string> UnitNameOfAsync(Guid officialId)
    {
        SkipUnlessAvailable();
        await using var db = _app!.Services.GetRequiredService<QingfengDatabase>().Create(DbActor.System);
        return await db.Officials.AsNoTracking().Where(o => o.Id == officialId).Select(o => o.Unit!.Name).SingleAsync();
    }

    /// <summary>
    /// A new account of the demo province's organ with the role and the demo password, for a journey that ends its sessions
    /// or locks it out (which would disturb any other journey signed in as the same user).
    /// </summary>
    public async Task<string> CreateUserAsync(string organ, string role)
    {
        SkipUnlessAvailable();
        await using var scope = _app!.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<QingfengUser>>();
        await using var db = _app.Services.GetRequiredService<QingfengDatabase>().Create(DbActor.System);
        var organId = await db.Organs.AsNoTracking().Where(o => o.Name == organ).Select(o => o.Id).SingleAsync();
        // "a." sorts first, so the account is on the first page of the user list.
        var name = "a." + Guid.NewGuid().ToString("N")[..10];
        var user = new QingfengUser { UserName = name, DisplayName = name, OrganId = organId };
        var created = await users.CreateAsync(user, DemoPassword);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        return name;
    }

    /// <summary>
    /// Runs <paramref name="act"/> with the app's services as the named demo user (their organ and roles), for a test that needs a
    /// record made by someone else than the user it drives through the pages. The services check everything they check for a page.
    /// </summary>
    public async Task<T> ActAsAsync<T>(string userName, Func<IServiceProvider, Task<T>> act)
    {
        SkipUnlessAvailable();
        await using var scope = _app!.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<QingfengUser>>();
        var user = await users.FindByNameAsync(userName) ?? throw new InvalidOperationException($"No demo user {userName}.");
        var roles = await users.GetRolesAsync(user);
        scope.ServiceProvider.GetRequiredService<Qingfeng.Platform.Security.CurrentUser>().Set(
            new Qingfeng.Platform.Security.UserContext(user.Id, userName, user.DisplayName, user.OrganId, null, roles.ToHashSet(StringComparer.Ordinal), null));
        return await act(scope.ServiceProvider);
    }

    private void SkipUnlessAvailable()
    {
        if (_skipReason is null)
        {
            return;
        }

        if (Environment.GetEnvironmentVariable("QINGFENG_REQUIRE_ALL") == "1")
        {
            Assert.Fail(_skipReason);
        }

        Assert.Skip(_skipReason);
    }

    /// <summary>Signs in through the login form and waits until the interactive page is live.</summary>
    public static async Task SignInAsync(IPage page, string userName, string password = DemoPassword)
    {
        await page.GotoAsync("/account/login");
        await page.FillAsync("#username", userName);
        await page.FillAsync("#password", password);
        await page.ClickAsync("[data-testid=login-submit]");

        // Signed in, the app opens the workbench; refused, the form says why: fail with that at once, not after a long wait.
        var refusal = page.Locator("[data-testid=login-error]");
        await Assertions.Expect(page.Locator($"{ReadyMarker}:not([{SeenAttribute}])").Or(refusal)).ToBeAttachedAsync();
        if (await refusal.CountAsync() > 0)
        {
            Assert.Fail($"Signing in as {userName} was refused: {await refusal.InnerTextAsync()}");
        }

        await WaitUntilReadyAsync(page);
    }

    /// <summary>
    /// Waits until the page's address matches. Polls the address: Playwright's WaitForURL can miss a client-side (Blazor)
    /// navigation that lands between its address check and its event subscription, and then waits for a load that never comes.
    /// </summary>
    public static Task WaitForPathAsync(IPage page, Regex path) =>
        Assertions.Expect(page).ToHaveURLAsync(path, new PageAssertionsToHaveURLOptions { Timeout = PatienceMs });

    /// <summary>A signed-in page that opened a daily-supervision list (/supervision/{list}) and its "new" form through the {list}-new button.</summary>
    public async Task<IPage> NewFormAsync(string userName, string list)
    {
        var page = await NewPageAsync();
        await SignInAsync(page, userName);
        await page.GotoAsync($"/supervision/{list}");
        await WaitUntilReadyAsync(page);
        await page.ClickAsync($"[data-testid={list}-new]");
        await WaitForPathAsync(page, new Regex($"/supervision/{list}/new$"));
        await WaitUntilReadyAsync(page);
        return page;
    }

    /// <summary>Chooses an official in a form's official picker (test ids {testId}-official, -find, -candidate) and waits until the choice shows.</summary>
    public static async Task PickOfficialAsync(IPage page, string testId, string name)
    {
        await page.FillAsync($"[data-testid={testId}-official]", name);
        await page.ClickAsync($"[data-testid={testId}-find]");
        await page.Locator($"[data-testid={testId}-candidate]", new PageLocatorOptions { HasTextString = name }).First.ClickAsync();
        await page.WaitForSelectorAsync($"[data-testid={testId}-candidate].qf-selected");
    }

    /// <summary>
    /// Waits for the page's interactive marker; on time-out keeps a screenshot under artifacts/browser-failures.
    /// A marker answers one wait only: a client-side (Blazor) navigation changes the address before the next page renders,
    /// and until then the previous page's marker is still in the document. Each wait therefore marks the marker it found
    /// as seen and waits for one not seen before: after a reload, a new document or a navigation to another page.
    /// </summary>
    public static async Task WaitUntilReadyAsync(IPage page)
    {
        try
        {
            var marker = await page.WaitForSelectorAsync(
                $"{ReadyMarker}:not([{SeenAttribute}])",
                new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached, Timeout = PatienceMs });
            await marker!.EvaluateAsync($"marker => marker.setAttribute('{SeenAttribute}', '')");
        }
        catch (TimeoutException)
        {
            await KeepFailureScreenshotAsync(page);
            throw;
        }
    }

    /// <summary>Awaits a wait or a web-first assertion on the page; when it fails keeps a screenshot under artifacts/browser-failures.</summary>
    public static async Task ExpectAsync(IPage page, Task wait)
    {
        try
        {
            await wait;
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException)
        {
            await KeepFailureScreenshotAsync(page);
            throw;
        }
    }

    private static async Task KeepFailureScreenshotAsync(IPage page)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "browser-failures");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"{Guid.NewGuid():N}.png"), FullPage = true });
    }

    /// <summary>
    /// Waits until a list shows only rows that hold the text, and at least one: the state a search or filter settles in.
    /// The rows of the list before the search are on the page until the result replaces them, and counting or clicking
    /// them meanwhile would act on the wrong list (this tells the states apart when the earlier list held other rows).
    /// </summary>
    public static async Task WaitForOnlyAsync(ILocator rows, string text)
    {
        await Assertions.Expect(rows.Filter(new LocatorFilterOptions { HasTextString = text }).First).ToBeVisibleAsync();
        await Assertions.Expect(rows.Filter(new LocatorFilterOptions { HasNotTextString = text })).ToHaveCountAsync(0);
    }

    /// <summary>
    /// On a ready page, reloads until the locator holds the text, within the patience of a busy machine: for what a background
    /// job writes (a page reads its data once, so only a reload shows the job's work). The first look usually finds it.
    /// </summary>
    public static async Task ReloadUntilContainsAsync(IPage page, ILocator locator, string text)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!(await locator.AllInnerTextsAsync()).Any(t => t.Contains(text, StringComparison.Ordinal)))
        {
            if (waited.ElapsedMilliseconds > PatienceMs)
            {
                Assert.Fail($"No \"{text}\" in {locator} after reloading for {PatienceMs / 1000} s.");
            }

            await page.ReloadAsync();
            await WaitUntilReadyAsync(page);
        }
    }

    /// <summary>Keeps a full-page screenshot under <c>screenshots/</c> of the test output, for a human look at the pages.</summary>
    public static async Task ShotAsync(IPage page, string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);

        // From the top: a full-page shot of a scrolled page paints the fixed header and menu at the scroll offset.
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true, Animations = ScreenshotAnimations.Disabled });
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm", ".checkpoints.jsonl" })
        {
            File.Delete(_database + suffix);
        }
    }

    private sealed class App(string database) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("urls", "http://127.0.0.1:0");
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("Database:ConnectionString", $"Data Source={database}");

            // The audit checkpoints the host writes at start go beside the database, and are deleted with it.
            builder.UseSetting("Audit:CheckpointFile", database + ".checkpoints.jsonl");
            builder.UseSetting("Demo:Seed", "true");
            builder.UseSetting("Security:DemoMode", "true");

            // Every test signs in from 127.0.0.1: the production limit on sign-in posts per address would bite.
            builder.UseSetting("Security:RateLimiting:LoginPermitsPerWindow", "10000");

            // Every journey signs in afresh, several as the same demo user: the per-user login limit is not under test here.
            builder.UseSetting("Security:RateLimiting:LoginPermitsPerUserPerWindow", "10000");
            builder.UseEnvironment("Testing");
        }
    }
}
