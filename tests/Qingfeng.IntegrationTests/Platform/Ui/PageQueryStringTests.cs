using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Mvc.Testing;
using Qingfeng.IntegrationTests.Features.Accounts;
using Qingfeng.IntegrationTests.Infrastructure;
using Qingfeng.Platform.Security;
using Qingfeng.Platform.Ui;
using Xunit;

namespace Qingfeng.IntegrationTests.Platform.Ui;

/// <summary>
/// Every page that reads its query string, with a value it cannot understand in each parameter it reads: the page opens
/// (never a 5xx) and, for the filters of a list page, says in Chinese which filter it ignored. The pages and parameters are
/// found in the app's assembly, not listed here.
/// </summary>
public sealed class PageQueryStringTests(SharedApps apps)
{
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");
    private static readonly ConcurrentDictionary<string, Task<HttpClient>> SignIns = new();

    /// <summary>Each routable page with a parameter it reads from the query string, and the user who may open it.</summary>
    public static IEnumerable<TheoryDataRow<string, string, string>> Parameters() =>
        from page in typeof(QueryFilters).Assembly.GetTypes()
        where page.IsAssignableTo(typeof(IComponent)) && !page.IsAbstract
        let route = page.GetCustomAttributes<RouteAttribute>().FirstOrDefault()
        where route is not null && !route.Template.Contains('{', StringComparison.Ordinal)
        from property in page.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
        let name = property.GetCustomAttribute<QueryFilterAttribute>()?.Name
            ?? (property.GetCustomAttribute<SupplyParameterFromQueryAttribute>() is { } supplied ? supplied.Name ?? property.Name : null)
        where name is not null
        orderby route.Template, name
        select new TheoryDataRow<string, string, string>(route.Template, name, UserFor(page));

    [Theory]
    [MemberData(nameof(Parameters))]
    public async Task A_value_the_page_cannot_read_opens_the_page_and_says_which_filter_was_ignored(string route, string parameter, string userName)
    {
        var client = await SignedInAsync(userName);
        var page = Type(route);
        var (property, filter) = QueryFilters.Of(page).FirstOrDefault(f => f.Filter.Name == parameter);
        var garbage = property?.PropertyType == typeof(string) ? new string('长', filter.MaxLength + 1) : "x%y~not-a-value";

        var response = await client.GetAsync($"{route}?{parameter}={Uri.EscapeDataString(garbage)}", TestContext.Current.CancellationToken);

        Assert.True((int)response.StatusCode < 500, $"{route}?{parameter}=… answered {(int)response.StatusCode}");
        if (filter is not null)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
            var message = string.Format(Chinese, TextCatalog.Instance.Get("List.IgnoredFilter", Chinese), TextCatalog.Instance.Get(filter.LabelKey, Chinese), "");
            Assert.Contains("data-testid=\"list-ignored-filter\"", html, StringComparison.Ordinal);
            Assert.Contains(message[..message.IndexOf('取', StringComparison.Ordinal)], html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_filter_the_address_sets_well_is_taken_without_a_message()
    {
        var client = await SignedInAsync(TestUsers.KaiyangLeader.UserName);

        var html = await client.GetStringAsync("/roster/officials?principal=true", TestContext.Current.CancellationToken);

        Assert.DoesNotContain("list-ignored-filter", html, StringComparison.Ordinal);
        Assert.Contains("ant-switch-checked", html, StringComparison.Ordinal);
    }

    // One sign-in per user for all the cases (the login form's rate limit would refuse one per case).
    private Task<HttpClient> SignedInAsync(string userName) => SignIns.GetOrAdd(userName, async name =>
    {
        var app = await apps.GetAsync(Provider.Sqlite);
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Redirect, (await LoginTests.PostLoginAsync(client, name, QingfengApp.Password)).StatusCode);
        return client;
    });

    private static Type Type(string route) =>
        typeof(QueryFilters).Assembly.GetTypes().First(t => t.GetCustomAttributes<RouteAttribute>().Any(r => r.Template == route));

    private static string UserFor(Type page)
    {
        var policy = page.GetCustomAttributes<AuthorizeAttribute>().Select(a => a.Policy).FirstOrDefault(p => p is not null);
        if (policy is null || !Enum.TryParse<Permission>(policy["perm:".Length..], out var permission))
        {
            return TestUsers.KaiyangLeader.UserName;
        }

        var roles = RolePermissions.RolesFor(permission);
        return TestUsers.All.First(u => roles.Contains(u.Role)).UserName;
    }
}
