using Qingfeng.IntegrationTests.Infrastructure;
using Xunit;

namespace Qingfeng.IntegrationTests.Platform.Api;

public sealed class SecurityHeaderTests(SharedApps apps)
{
    [Theory]
    [InlineData("/account/login")]
    [InlineData("/api/v1/officials")]
    public async Task Responses_forbid_sniffing_framing_and_referrers(string path)
    {
        var app = await apps.GetAsync(Provider.Sqlite);
        var response = await app.CreateClient().GetAsync(path);

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
    }
}
