using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Qingfeng.IntegrationTests.Features.Accounts;
using Qingfeng.IntegrationTests.Infrastructure;
using Xunit;

namespace Qingfeng.IntegrationTests.Security;

/// <summary>
/// A forged cross-site request rides on the sign-in cookie. Writes through the API with the cookie alone are
/// refused unless they carry the antiforgery token; reads (document downloads) and Bearer-token writes are not affected.
/// </summary>
public sealed partial class CsrfTests(SharedApps apps)
{
    [Fact]
    public async Task A_cookie_authenticated_api_write_without_an_antiforgery_token_is_refused()
    {
        var client = await SignedInAsync();

        // What a hostile page's <form enctype="multipart/form-data"> can send: an upload with the cookie and nothing else.
        using var form = new MultipartFormDataContent { { new ByteArrayContent("forged"u8.ToArray()), "file", "forged.txt" } };
        var upload = await client.PostAsync($"/api/v1/clues/{Guid.NewGuid()}/attachments", form);
        var problem = await upload.ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("Rule.AntiforgeryRequired", problem.GetProperty("code").GetString());

        var json = await client.PostAsync("/api/v1/clues/category-suggestions", new { text = "收受礼金" }.AsJson());
        Assert.Equal("Rule.AntiforgeryRequired", (await json.ProblemAsync(HttpStatusCode.Forbidden)).GetProperty("code").GetString());
        var delete = await client.DeleteAsync($"/api/v1/account/tokens/{Guid.NewGuid()}");
        await delete.ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Cookie_reads_token_carrying_writes_and_bearer_writes_still_work()
    {
        var client = await SignedInAsync();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/clues/categories")).StatusCode);

        var page = await client.GetStringAsync("/account/login");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/clues/category-suggestions") { Content = new { text = "收受礼金" }.AsJson() };
        request.Headers.Add("RequestVerificationToken", WebUtility.HtmlDecode(AntiforgeryToken().Match(page).Groups[1].Value));
        var withToken = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, withToken.StatusCode);

        var app = await apps.GetAsync(Provider.Sqlite);
        var bearer = await app.ClientForAsync(TestUsers.KaiyangLeader.UserName);
        Assert.Equal(HttpStatusCode.OK, (await bearer.PostAsync("/api/v1/clues/category-suggestions", new { text = "收受礼金" }.AsJson())).StatusCode);
    }

    private async Task<HttpClient> SignedInAsync()
    {
        var app = await apps.GetAsync(Provider.Sqlite);
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var login = await LoginTests.PostLoginAsync(client, TestUsers.KaiyangLeader.UserName, QingfengApp.Password);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return client;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
