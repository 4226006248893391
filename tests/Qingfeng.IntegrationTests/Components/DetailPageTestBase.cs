using System.Globalization;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Qingfeng.IntegrationTests.Infrastructure;
using Qingfeng.Platform.Security;
using Qingfeng.Platform.Ui;
using Xunit;

namespace Qingfeng.IntegrationTests.Components;

/// <summary>
/// bUnit over the real application: a detail page is rendered with the app's own services (queries, services, database,
/// jurisdiction) from a scope of the shared SQLite app, as a signed-in user of a given organ and role. No fakes: the
/// actions a page offers are what the real query computes from the real workflow table for that caller. bUnit's own
/// services (JS interop, navigation, AntDesign, the text catalog) come first; the app's fill in the rest.
/// </summary>
public abstract class DetailPageTestBase : BunitContext, IAsyncLifetime
{
    /// <summary>The county commission that owns the records of <see cref="OffersByJurisdictionAsync"/>.</summary>
    private const string Kaiyang = "开阳县纪委监委";

    private readonly SharedApps _apps;
    private AsyncServiceScope _scope;

    protected DetailPageTestBase(SharedApps apps)
    {
        _apps = apps;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("zh-CN");
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
        JSInterop.Mode = JSRuntimeMode.Loose;

        // AntDesign's Alert measures its element after rendering; loose mode would answer null.
        JSInterop.Setup<AntDesign.JsInterop.HtmlElement>(_ => true, isCatchAllHandler: true).SetResult(new AntDesign.JsInterop.HtmlElement());
        Services.AddAntDesign();
        Services.AddLocalization();
        Services.AddSingleton<IStringLocalizerFactory, CatalogStringLocalizerFactory>();
        Services.AddSingleton(typeof(IStringLocalizer<>), typeof(StringLocalizer<>));
    }

    /// <summary>How long to wait for a load or an action over the real app: the shared build machine is slow, bUnit's one second too short.</summary>
    protected static TimeSpan Patience { get; } = TimeSpan.FromSeconds(15);

    protected QingfengApp App { get; private set; } = default!;

    public async ValueTask InitializeAsync()
    {
        App = await _apps.GetAsync(Provider.Sqlite);
        _scope = App.Services.CreateAsyncScope();
        Services.AddFallbackServiceProvider(_scope.ServiceProvider);
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        await _scope.DisposeAsync();
    }

    /// <summary>Signs in (for the services of this scope) a user of the named organ with one role.</summary>
    protected async Task ActAsAsync(string organ, string role)
    {
        await using var db = App.CreateDb();
        var organId = await db.Organs.AsNoTracking().Where(o => o.Name == organ).Select(o => o.Id).SingleAsync();
        _scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(
            new UserContext(Guid.CreateVersion7(), $"bunit.{role}", "组件测试用户", organId, organ, new HashSet<string> { role }, null));
    }

    /// <summary>
    /// Signs in as one of the test personas (its own user id): a clue's need-to-know circle names users, so the handler,
    /// the registrar and a recused officer are told apart by who they are, not only by organ and role.
    /// </summary>
    protected async Task ActAsAsync(TestUser persona)
    {
        ArgumentNullException.ThrowIfNull(persona);
        await using var db = App.CreateDb();
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == persona.UserName);
        var organ = await db.Organs.AsNoTracking().Where(o => o.Id == user.OrganId).Select(o => o.Name).SingleAsync();
        _scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(
            new UserContext(user.Id, persona.UserName, user.DisplayName, user.OrganId, organ, new HashSet<string> { persona.Role }, null));
    }

    /// <summary>Renders the page once its record has loaded (the page-ready marker follows the first load).</summary>
    protected IRenderedComponent<TPage> RenderLoaded<TPage>(Action<ComponentParameterCollectionBuilder<TPage>> parameters)
        where TPage : Microsoft.AspNetCore.Components.IComponent
    {
        var page = Render(parameters);
        page.WaitForElement("[data-testid=page-ready]", Patience);
        return page;
    }

    /// <summary><see cref="RenderLoaded{TPage}"/> without blocking a thread-pool thread while waiting (for pages that act and wait again).</summary>
    protected async Task<IRenderedComponent<TPage>> RenderLoadedAsync<TPage>(Action<ComponentParameterCollectionBuilder<TPage>> parameters)
        where TPage : Microsoft.AspNetCore.Components.IComponent
    {
        var page = Render(parameters);
        await page.WaitForElementAsync("[data-testid=page-ready]");
        return page;
    }

    /// <summary>The test ids of the buttons the page shows.</summary>
    protected static IReadOnlyList<string> Buttons<TPage>(IRenderedComponent<TPage> page)
        where TPage : Microsoft.AspNetCore.Components.IComponent =>
        [.. page.FindAll("button[data-testid]").Select(b => b.GetAttribute("data-testid")!).Order(StringComparer.Ordinal)];

    protected static bool ShowsReadOnlyNotice<TPage>(IRenderedComponent<TPage> page)
        where TPage : Microsoft.AspNetCore.Components.IComponent =>
        page.FindAll("[data-testid=read-only-notice]").Count > 0;

    /// <summary>The Kaiyang county supervision office's API client, which makes the records these pages show.</summary>
    protected Task<HttpClient> KaiyangSupervisionAsync() => App.ClientForAsync(TestUsers.KaiyangSupervision.UserName);

    /// <summary>
    /// Who sees what of a Kaiyang county record (ADR 0008): its supervision office and its leader are offered
    /// <paramref name="offeredToTheOwner"/>; the county's case management reads it without actions; the Guiyang city commission
    /// above reads it (its <c>{name}-state</c>) with the read-only notice and no action; Chishui, another county, finds nothing.
    /// </summary>
    protected async Task OffersByJurisdictionAsync<TPage>(Func<IRenderedComponent<TPage>> render, string name, IReadOnlyList<string> offeredToTheOwner)
        where TPage : Microsoft.AspNetCore.Components.IComponent
    {
        foreach (var role in new[] { Roles.SupervisionOffice, Roles.CommissionLeader })
        {
            await ActAsAsync(Kaiyang, role);
            var owner = render();
            Assert.Equal(offeredToTheOwner, Buttons(owner));
            Assert.False(ShowsReadOnlyNotice(owner));
        }

        await ActAsAsync(Kaiyang, Roles.CaseManagement);
        var reader = render();
        Assert.Empty(Buttons(reader));
        Assert.False(ShowsReadOnlyNotice(reader));

        await ActAsAsync("贵阳市纪委监委", Roles.SupervisionOffice);
        var city = render();
        Assert.Single(city.FindAll($"[data-testid={name}-state]"));
        Assert.Empty(Buttons(city));
        Assert.True(ShowsReadOnlyNotice(city));

        await ActAsAsync("赤水市纪委监委", Roles.SupervisionOffice);
        var elsewhere = render();
        Assert.Single(elsewhere.FindAll($"[data-testid={name}-not-found]"));
        Assert.Empty(elsewhere.FindAll($"[data-testid={name}-state]"));
        Assert.Empty(Buttons(elsewhere));
    }
}
