using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qingfeng.Features.Accounts;
using Qingfeng.IntegrationTests.Infrastructure;
using Qingfeng.Platform.Security;
using Xunit;

namespace Qingfeng.IntegrationTests.Features.Accounts;

/// <summary>The login form as a browser posts it: lockout, demo refusal on PostgreSQL, audit of attempts.</summary>
public sealed partial class LoginTests(SharedApps apps)
{
    [Theory]
    [InlineData(Provider.Sqlite)]
    public async Task In_demo_mode_a_correct_password_signs_in_without_two_factor(Provider provider)
    {
        _ = provider;
        var app = await apps.GetAsync(Provider.Sqlite);
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await PostLoginAsync(client, TestUsers.ProvinceLeader.UserName, QingfengApp.Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var home = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one(Provider provider)
    {
        var app = await apps.GetAsync(provider);
        var userName = await CreateUserAsync(app, isDemo: false);
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        for (var i = 0; i < 4; i++)
        {
            var failed = await PostLoginAsync(client, userName, "Wrong-Passw0rd!");
            Assert.Contains("用户名或密码错误", await failed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var fifth = await PostLoginAsync(client, userName, "Wrong-Passw0rd!");
        Assert.Contains("用户名或密码错误", await fifth.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var locked = await PostLoginAsync(client, userName, QingfengApp.Password);
        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        Assert.Contains("用户名或密码错误", await locked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var db = app.CreateDb();
        Assert.Equal(4, await db.AuditEntries.CountAsync(e => e.UserName == userName && e.Action == "LoginFailed"));
        Assert.Equal(2, await db.AuditEntries.CountAsync(e => e.UserName == userName && e.Action == "LoginLockedOut"));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task A_locked_account_and_an_unknown_name_get_the_same_answer(Provider provider)
    {
        var app = await apps.GetAsync(provider);
        var userName = await CreateUserAsync(app, isDemo: false);
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        for (var i = 0; i < 5; i++)
        {
            await PostLoginAsync(client, userName, "Wrong-Passw0rd!");
        }

        var locked = await PostLoginAsync(client, userName, QingfengApp.Password);
        var unknown = await PostLoginAsync(client, "t.nobody." + Guid.NewGuid().ToString("N")[..8], QingfengApp.Password);

        // Same status and same words: the answer does not tell a locked account from a name that does not exist. The words
        // say that repeated failures lock an account for 15 minutes, which is how its owner learns it.
        Assert.Equal(unknown.StatusCode, locked.StatusCode);
        var lockedMessage = ErrorMessageOf(await locked.Content.ReadAsStringAsync());
        Assert.Equal(ErrorMessageOf(await unknown.Content.ReadAsStringAsync()), lockedMessage);
        Assert.Contains("锁定账户 15 分钟", lockedMessage, StringComparison.Ordinal);

        // The lockout itself holds and is audited: the right password did not sign in.
        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        await using var db = app.CreateDb();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.UserName == userName && e.Action == "LoginLockedOut"));
    }

    [Fact]
    public async Task Demo_accounts_are_refused_on_postgres()
    {
        var app = await apps.GetAsync(Provider.Postgres);
        var userName = await CreateUserAsync(app, isDemo: true);
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await PostLoginAsync(client, userName, QingfengApp.Password);

        Assert.Contains("演示账户不能登录生产数据库", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_factor_enrolment_is_required_outside_demo_mode()
    {
        var app = await apps.GetAsync(Provider.Postgres);
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await PostLoginAsync(client, TestUsers.KaiyangSupervision.UserName, QingfengApp.Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.EndsWith("/account/2fa/setup", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    internal static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string userName, string password)
    {
        var page = await client.GetStringAsync("/account/login");
        var token = AntiforgeryToken().Match(page).Groups[1].Value;
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
        });
        return await client.PostAsync("/account/login", form);
    }

    private static async Task<string> CreateUserAsync(QingfengApp app, bool isDemo)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<QingfengUser>>();
        var name = "t.login." + Guid.NewGuid().ToString("N")[..8];
        var user = new QingfengUser { UserName = name, DisplayName = name, IsDemo = isDemo };
        Assert.True((await users.CreateAsync(user, QingfengApp.Password)).Succeeded);
        await users.AddToRoleAsync(user, Roles.SupervisionOffice);
        return name;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    private static string ErrorMessageOf(string page) => WebUtility.HtmlDecode(LoginError().Match(page).Groups[1].Value);

    [GeneratedRegex("data-testid=\"login-error\">([^<]*)<")]
    private static partial Regex LoginError();
}
