using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Qingfeng.IntegrationTests.Infrastructure;
using Xunit;

namespace Qingfeng.IntegrationTests.Security;

/// <summary>The header policy on a page, an API answer, an error and a static file; HSTS and the cookie flags over HTTPS.</summary>
public sealed class SecurityHeaderTests(SharedApps apps)
{
    [Theory]
    [InlineData("/account/login", HttpStatusCode.OK)]
    [InlineData("/api/v1/officials", HttpStatusCode.Unauthorized)]
    [InlineData("/api/v1/clues/not-a-guid", HttpStatusCode.NotFound)]
    [InlineData("/no/such/page", HttpStatusCode.NotFound)]
    [InlineData("/css/app.css", HttpStatusCode.OK)]
    public async Task Every_response_carries_the_content_security_policy_and_the_other_protective_headers(string path, HttpStatusCode status)
    {
        var app = await apps.GetAsync(Provider.Sqlite);
        var response = await app.CreateClient().GetAsync(path);

        Assert.Equal(status, response.StatusCode);
        var csp = Header(response, "Content-Security-Policy");
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        Assert.Equal("same-origin", Header(response, "Cross-Origin-Opener-Policy"));
        Assert.Contains("camera=()", Header(response, "Permissions-Policy"), StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Server"));

        // Plain HTTP: no HSTS (browsers ignore it there).
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task The_api_reference_page_alone_may_run_inline_and_evaluated_script()
    {
        var app = await apps.GetAsync(Provider.Sqlite);
        var response = await app.CreateClient().GetAsync("/api/reference");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("script-src 'self' 'unsafe-inline' 'unsafe-eval'", Header(response, "Content-Security-Policy"), StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", Header(response, "Content-Security-Policy"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Over_https_responses_pin_https_and_the_sign_in_cookie_is_secure_http_only_and_same_site_strict()
    {
        var app = await apps.GetAsync(Provider.Sqlite);
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://qingfeng.test"), AllowAutoRedirect = false, HandleCookies = false });

        var page = await client.GetAsync("/account/login");
        Assert.StartsWith("max-age=31536000; includeSubDomains", Header(page, "Strict-Transport-Security"), StringComparison.Ordinal);

        var cookies = await SignInCookiesAsync(client, page);
        var auth = Assert.Single(cookies, c => c.StartsWith("qingfeng.auth=", StringComparison.Ordinal));
        Assert.Contains("secure", auth, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", auth, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", auth, StringComparison.OrdinalIgnoreCase);
        var antiforgery = Assert.Single(cookies, c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));
        Assert.Contains("httponly", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", antiforgery, StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<List<string>> SignInCookiesAsync(HttpClient client, HttpResponseMessage loginPage)
    {
        var cookies = loginPage.Headers.TryGetValues("Set-Cookie", out var set) ? set.ToList() : [];
        var html = await loginPage.Content.ReadAsStringAsync();
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        using var post = new HttpRequestMessage(HttpMethod.Post, "/account/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "login",
                ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
                ["Input.UserName"] = TestUsers.KaiyangLeader.UserName,
                ["Input.Password"] = QingfengApp.Password,
            }),
        };
        post.Headers.Add("Cookie", string.Join("; ", cookies.Select(c => c.Split(';')[0])));
        var response = await client.SendAsync(post);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return [.. cookies, .. response.Headers.GetValues("Set-Cookie")];
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : throw new Xunit.Sdk.XunitException($"{name} missing on {response.RequestMessage?.RequestUri}");
}
