using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Qingfeng.IntegrationTests.Infrastructure;
using Xunit;

namespace Qingfeng.IntegrationTests.Features.Accounts;

/// <summary>The language switch (<c>/culture/{culture}?returnUrl=</c>) redirects only within the app and never fails.</summary>
public sealed class CultureSwitchTests(SharedApps apps)
{
    /// <summary>Query strings as a hostile link would send them (already URL-encoded where a browser would encode).</summary>
    public static TheoryData<string> HostileReturnUrls =>
    [
        "/%5Cevil.example",
        "/\\evil.example",
        "//evil.example",
        "%2F%2Fevil.example",
        "%2F%5Cevil.example",
        "/%09/evil.example",
        "/%0d%0a/evil.example",
        "https://evil.example",
        "https:%2F%2Fevil.example",
        "%5C%5Cevil.example",
        "javascript:alert(1)",
        "~//evil.example",
        "evil.example",
        "",
    ];

    [Theory]
    [MemberData(nameof(HostileReturnUrls))]
    public async Task A_return_address_outside_the_app_falls_back_to_the_home_page(string returnUrl)
    {
        var client = await AnonymousAsync();

        var response = await client.GetAsync($"/culture/en?returnUrl={returnUrl}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Culture=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_local_return_address_is_kept_with_its_query()
    {
        var client = await AnonymousAsync();

        var response = await client.GetAsync("/culture/zh-CN?returnUrl=%2Fsupervision%2Frectification%3Fstate%3D1");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/supervision/rectification?state=1", response.Headers.Location?.OriginalString);
    }

    private async Task<HttpClient> AnonymousAsync()
    {
        var app = await apps.GetAsync(Provider.Sqlite);
        return app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
    }
}
