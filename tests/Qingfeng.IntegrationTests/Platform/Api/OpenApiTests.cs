using System.Net;
using System.Text.Json;
using Qingfeng.IntegrationTests.Infrastructure;
using Xunit;

namespace Qingfeng.IntegrationTests.Platform.Api;

public sealed class OpenApiTests(SharedApps apps)
{
    [Fact]
    public async Task The_openapi_document_describes_the_v1_api_and_the_reference_page_is_served()
    {
        var app = await apps.GetAsync(Provider.Sqlite);
        var client = app.CreateClient();

        var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement;
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/officials", paths);
        Assert.Contains("/api/v1/officials/{id}", paths);
        Assert.Contains("/api/v1/units", paths);
        Assert.Contains("/api/v1/audit/verify", paths);

        var reference = await client.GetAsync("/api/reference");
        Assert.Equal(HttpStatusCode.OK, reference.StatusCode);
    }
}
