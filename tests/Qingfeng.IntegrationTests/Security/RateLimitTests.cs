using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Qingfeng.IntegrationTests.Features.Accounts;
using Qingfeng.IntegrationTests.Infrastructure;
using Xunit;

namespace Qingfeng.IntegrationTests.Security;

/// <summary>
/// Brute force: sign-in posts are limited per typed user name and per address, API calls per user; a refusal is a
/// localised 429 ProblemDetails with Retry-After. (Lockout after five wrong passwords: <see cref="LoginTests"/>.)
/// The app is the test's own, with small limits and windows long enough never to roll over during the test.
/// </summary>
public sealed class RateLimitTests : IAsyncLifetime
{
    private const int PerAddress = 6;
    private const int PerUser = 3;
    private const int ApiPerUser = 5;

    private QingfengApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await QingfengApp.StartAsync(Provider.Sqlite, new Dictionary<string, string?>
    {
        ["Security:RateLimiting:LoginPermitsPerWindow"] = PerAddress.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Security:RateLimiting:LoginPermitsPerUserPerWindow"] = PerUser.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Security:RateLimiting:LoginWindowSeconds"] = "3600",
        ["Security:RateLimiting:ApiPermitsPerWindow"] = ApiPerUser.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Security:RateLimiting:ApiWindowSeconds"] = "3600",
    });

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Sign_in_posts_are_limited_per_user_name_and_then_per_address_with_a_localised_429()
    {
        var client = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        for (var i = 0; i < PerUser; i++)
        {
            var wrong = await LoginTests.PostLoginAsync(client, "t.rate.a", "Wrong-Passw0rd!");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        var limited = await LoginTests.PostLoginAsync(client, "t.rate.a", "Wrong-Passw0rd!");
        await AssertTooManyAsync(limited, "请求过于频繁");

        // Another name from the same address still gets through: the user partition is per name.
        var other = await LoginTests.PostLoginAsync(client, "t.rate.b", "Wrong-Passw0rd!");
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);

        // Spraying fresh names exhausts the address's own budget.
        HttpResponseMessage? sprayed = null;
        for (var i = 0; i < PerAddress && sprayed is null; i++)
        {
            var response = await LoginTests.PostLoginAsync(client, $"t.rate.spray{i}", "Wrong-Passw0rd!");
            sprayed = response.StatusCode == HttpStatusCode.TooManyRequests ? response : null;
        }

        Assert.NotNull(sprayed);
        await AssertTooManyAsync(sprayed, "请求过于频繁");
    }

    [Fact]
    public async Task Api_calls_are_limited_per_user_and_the_refusal_speaks_the_callers_language()
    {
        var busy = await _app.ClientForAsync(TestUsers.KaiyangLeader.UserName, "en");
        for (var i = 0; i < ApiPerUser; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await busy.GetAsync("/api/v1/clues/workflow")).StatusCode);
        }

        await AssertTooManyAsync(await busy.GetAsync("/api/v1/clues/workflow"), "Too many requests");

        var other = await _app.ClientForAsync(TestUsers.KaiyangSupervision.UserName);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/api/v1/clues/workflow")).StatusCode);
    }

    private static async Task AssertTooManyAsync(HttpResponseMessage response, string title)
    {
        var problem = await response.ProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal(title, problem.GetProperty("title").GetString());
        Assert.Equal("Rule.TooManyRequests", problem.GetProperty("code").GetString());
        var retryAfter = response.Headers.RetryAfter?.Delta;
        Assert.True(retryAfter > TimeSpan.Zero, $"Retry-After: {response.Headers.RetryAfter}");
    }
}
