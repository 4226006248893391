using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Qingfeng.IntegrationTests.Infrastructure;
using Xunit;

namespace Qingfeng.IntegrationTests.Platform.Ui;

/// <summary>
/// Errors a person can read: an unknown page and a server error on a page answer with a page in the app's layout (Chinese by
/// default, English with the language switch, a way back to the workbench, a reference for a server error and nothing of
/// the exception), with their status; the API and the framework's files keep their answers.
/// </summary>
public sealed partial class ErrorPageTests(SharedApps apps)
{
    private const string FailingPath = "/test-only/failing-page";

    private const string Secret = "Secret failure detail 42 from the test";

    [Fact]
    public async Task An_unknown_page_answers_404_with_a_Chinese_page_in_the_layout_and_a_way_back_to_the_workbench()
    {
        var app = await apps.GetAsync(Provider.Sqlite);
        var client = await app.ClientForAsync(TestUsers.KaiyangSupervision.UserName);

        var response = await client.GetAsync("/no-such-page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("页面不存在", html, StringComparison.Ordinal);
        Assert.Contains("qf-shell", html, StringComparison.Ordinal);
        Assert.Contains(TestUsers.KaiyangSupervision.UserName, html, StringComparison.Ordinal);
        Assert.Matches("<a [^>]*href=\"/\"[^>]*>返回工作台</a>", html);
    }

    [Fact]
    public async Task The_unknown_page_speaks_English_after_the_language_switch_and_answers_a_visitor_who_is_not_signed_in()
    {
        var app = await apps.GetAsync(Provider.Sqlite);
        var english = await app.ClientForAsync(TestUsers.KaiyangSupervision.UserName, "en");
        var visitor = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var inEnglish = await english.GetAsync("/supervision/no-such-list?page=2");
        var anonymous = await visitor.GetAsync("/no-such-page");

        Assert.Equal(HttpStatusCode.NotFound, inEnglish.StatusCode);
        var html = await inEnglish.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("Page not found", html, StringComparison.Ordinal);
        Assert.Contains("Back to the workbench", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, anonymous.StatusCode);
        Assert.Contains("页面不存在", await anonymous.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_API_and_the_framework_files_keep_their_answers()
    {
        var app = await apps.GetAsync(Provider.Sqlite);
        var integrator = await app.ClientForAsync(TestUsers.KaiyangSupervision.UserName);
        var client = await app.ClientForAsync(TestUsers.KaiyangSupervision.UserName);
        client.DefaultRequestHeaders.Accept.ParseAdd("text/html");

        var api = await integrator.GetAsync("/api/v1/no-such-resource");
        var script = await client.GetAsync("/_framework/blazor.web.js");
        var missingScript = await client.GetAsync("/_framework/no-such-file.js");

        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"status\":404", await api.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, missingScript.StatusCode);
        Assert.NotEqual("text/html", missingScript.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_server_error_on_a_page_answers_500_with_a_page_giving_a_reference_and_nothing_of_the_exception()
    {
        var app = await apps.GetAsync(Provider.Sqlite);
        await using var failing = app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddTransient<IStartupFilter, FailingPage>()));
        var client = failing.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new("Bearer", await app.TokenAsync(TestUsers.KaiyangSupervision.UserName));
        client.DefaultRequestHeaders.Accept.ParseAdd("text/html");

        var response = await client.GetAsync(FailingPath);
        client.DefaultRequestHeaders.Accept.Clear();
        var api = await client.GetAsync("/api" + FailingPath);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("系统出错了", html, StringComparison.Ordinal);
        Assert.Contains("qf-shell", html, StringComparison.Ordinal);
        Assert.Matches(Reference(), html);
        Assert.DoesNotContain(Secret, html, StringComparison.Ordinal);
        Assert.DoesNotContain(nameof(InvalidOperationException), html, StringComparison.Ordinal);
        Assert.DoesNotContain(" at Qingfeng", html, StringComparison.Ordinal);

        // The API answers the same failure with ProblemDetails, as before.
        Assert.Equal(HttpStatusCode.InternalServerError, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
    }

    [GeneratedRegex("data-testid=\"error-reference\">[0-9a-f]{32}<")]
    private static partial Regex Reference();

    /// <summary>A page that fails, behind every middleware of the app (added after its pipeline, as an endpoint would be).</summary>
    private sealed class FailingPage : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Use((HttpContext context, RequestDelegate following) =>
                context.Request.Path.Value?.EndsWith(FailingPath, StringComparison.Ordinal) == true
                    ? throw new InvalidOperationException(Secret)
                    : following(context));
        };
    }
}
