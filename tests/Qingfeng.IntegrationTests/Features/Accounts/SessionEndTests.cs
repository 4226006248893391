using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Qingfeng.Features.Accounts;
using Qingfeng.IntegrationTests.Infrastructure;
using Qingfeng.IntegrationTests.Platform.Data;
using Qingfeng.Platform.Security;
using Xunit;

namespace Qingfeng.IntegrationTests.Features.Accounts;

/// <summary>
/// Sessions that end: signing out, a password change, a role change, a lockout and an administrator's "sign out everywhere"
/// invalidate every sign-in cookie of that user at once (the security stamp, checked on each request against an in-process
/// cache); API tokens are not affected by sign-outs, but a role change, a lockout and a revocation apply to them at once
/// (their principals are kept in memory too). Each test signs in as a user of its own, since ending sessions ends all of them.
/// </summary>
public sealed partial class SessionEndTests(SharedApps apps)
{
    private const string DataUrl = "/api/v1/officials?pageSize=1";

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task After_signing_out_the_old_cookie_and_every_other_cookie_of_the_user_answer_401_at_once(Provider provider)
    {
        var (app, user, session) = await SignedInNewUserAsync(provider);
        var other = await SignInAsync(app, user.UserName);
        var oldCookie = session.CookieHeader;

        var logout = await session.Client.PostAsync("/account/logout", null);
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await ReplayAsync(app, oldCookie, DataUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await other.Client.GetAsync(DataUrl)).StatusCode);
        var page = await ReplayAsync(app, oldCookie, "/");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/account/login", page.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task A_role_change_ends_every_session_of_that_user_at_once(Provider provider)
    {
        var (app, user, session) = await SignedInNewUserAsync(provider);
        var secadmin = await app.ClientForAsync(TestUsers.SecurityAdmin.UserName);

        var changed = await secadmin.PutAsync($"/api/v1/users/{user.Id}/roles", new SetRolesRequest { Roles = [Roles.CaseManagement] }.AsJson());
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await session.Client.GetAsync(DataUrl)).StatusCode);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Locking_an_account_out_ends_its_open_sessions(Provider provider)
    {
        var (app, user, session) = await SignedInNewUserAsync(provider);

        var guesser = app.CreateDefaultClient(new CookieContainerHandler());
        for (var i = 0; i < 5; i++)
        {
            await LoginTests.PostLoginAsync(guesser, user.UserName, "Wrong-Passw0rd!");
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await session.Client.GetAsync(DataUrl)).StatusCode);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Changing_the_password_ends_every_session_and_only_the_new_password_signs_in(Provider provider)
    {
        var (app, user, session) = await SignedInNewUserAsync(provider);
        var other = await SignInAsync(app, user.UserName);
        const string newPassword = "Changed-Passw0rd!2026";

        var wrong = await session.PostApiAsync("/api/v1/account/password", new { currentPassword = "Not-The-Passw0rd!", newPassword });
        Assert.Equal("Account.PasswordIncorrect", (await wrong.ProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, (await other.Client.GetAsync(DataUrl)).StatusCode);

        var changed = await session.PostApiAsync("/api/v1/account/password", new { currentPassword = QingfengApp.Password, newPassword });
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await session.Client.GetAsync(DataUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await other.Client.GetAsync(DataUrl)).StatusCode);
        var stale = app.CreateDefaultClient(new CookieContainerHandler());
        Assert.Equal(HttpStatusCode.OK, (await LoginTests.PostLoginAsync(stale, user.UserName, QingfengApp.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await LoginTests.PostLoginAsync(stale, user.UserName, newPassword)).StatusCode);
        await using var db = app.CreateDb();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "PasswordChanged" && e.UserName == user.UserName));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task A_security_administrator_signs_a_user_out_everywhere_and_the_users_api_token_keeps_working(Provider provider)
    {
        var (app, user, session) = await SignedInNewUserAsync(provider);
        var id = user.Id;

        var sysadmin = await app.ClientForAsync(TestUsers.SystemAdmin.UserName);
        await (await sysadmin.PostAsync($"/api/v1/users/{id}/sign-out", null)).ProblemAsync(HttpStatusCode.Forbidden);
        var officer = await app.ClientForAsync(TestUsers.KaiyangLeader.UserName);
        await (await officer.PostAsync($"/api/v1/users/{id}/sign-out", null)).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await session.Client.GetAsync(DataUrl)).StatusCode);

        var secadmin = await app.ClientForAsync(TestUsers.SecurityAdmin.UserName);
        await (await secadmin.PostAsync($"/api/v1/users/{Guid.NewGuid()}/sign-out", null)).ProblemAsync(HttpStatusCode.NotFound);
        var signedOut = await secadmin.PostAsync($"/api/v1/users/{id}/sign-out", null);
        Assert.Equal(HttpStatusCode.NoContent, signedOut.StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await session.Client.GetAsync(DataUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await user.Bearer.GetAsync(DataUrl)).StatusCode);
        await using var db = app.CreateDb();
        var entry = await db.AuditEntries.AsNoTracking().SingleAsync(e => e.Action == "SignedOutEverywhere" && e.EntityId == id.ToString());
        Assert.Equal(TestUsers.SecurityAdmin.UserName, entry.UserName);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task A_cookie_session_is_authenticated_from_memory_as_a_token_is_until_its_stamp_changes(Provider provider)
    {
        var (app, user, session) = await SignedInNewUserAsync(provider);
        using var meter = new RoundTripMeter();
        HttpRequestMessage Tokens() => new(HttpMethod.Get, "/api/v1/account/tokens");

        // The same endpoint costs the same with the cookie as with the token, whose authentication costs no round trip
        // (the next test): the cookie's user, roles and stamp come from memory too.
        var byToken = await QueryBudgetTests.SteadyCostAsync(meter, user.Bearer, Tokens(), Tokens());
        var byCookie = await QueryBudgetTests.SteadyCostAsync(meter, session.Client, Tokens(), Tokens());
        Assert.NotNull(byToken);
        Assert.Equal(byToken, byCookie);

        var secadmin = await app.ClientForAsync(TestUsers.SecurityAdmin.UserName);
        Assert.Equal(HttpStatusCode.NoContent, (await secadmin.PostAsync($"/api/v1/users/{user.Id}/sign-out", null)).StatusCode);
        var (refused, lookedUp) = await meter.SendAsync(session.Client, Tokens());
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.True(lookedUp >= 1, "the stamp was not read again after sign-out: the meter sees no round trip at all");
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task A_known_api_token_is_authenticated_from_memory_and_a_revoked_one_is_refused_at_once(Provider provider)
    {
        var (_, user, _) = await SignedInNewUserAsync(provider);
        using var meter = new RoundTripMeter();
        await meter.GetAsync(user.Bearer, "/api/v1/clues/categories");

        var steady = await QueryBudgetTests.SteadyCostAsync(meter, user.Bearer,
            new HttpRequestMessage(HttpMethod.Get, "/api/v1/clues/categories"), new HttpRequestMessage(HttpMethod.Get, "/api/v1/clues/categories"));
        Assert.Equal(0, steady);

        var token = (await user.Bearer.GetFromJsonAsync<List<ApiTokenItem>>("/api/v1/account/tokens"))!.Single();
        Assert.Equal(HttpStatusCode.NoContent, (await user.Bearer.DeleteAsync($"/api/v1/account/tokens/{token.Id}")).StatusCode);
        var (revoked, lookedUp) = await meter.GetAsync(user.Bearer, "/api/v1/clues/categories");
        Assert.Equal(HttpStatusCode.Unauthorized, revoked.StatusCode);
        Assert.True(lookedUp >= 1, "the refused token was not looked up again: the meter sees no round trip at all");
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task A_role_change_applies_to_the_users_api_token_at_once(Provider provider)
    {
        var (app, user, _) = await SignedInNewUserAsync(provider);
        Assert.Equal(HttpStatusCode.OK, (await user.Bearer.GetAsync(DataUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await user.Bearer.GetAsync(DataUrl)).StatusCode);
        var secadmin = await app.ClientForAsync(TestUsers.SecurityAdmin.UserName);

        var changed = await secadmin.PutAsync($"/api/v1/users/{user.Id}/roles", new SetRolesRequest { Roles = [Roles.AuditAdmin] }.AsJson());
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);

        await (await user.Bearer.GetAsync(DataUrl)).ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Locking_an_account_out_refuses_its_api_token_at_once(Provider provider)
    {
        var (app, user, _) = await SignedInNewUserAsync(provider);
        Assert.Equal(HttpStatusCode.OK, (await user.Bearer.GetAsync(DataUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await user.Bearer.GetAsync(DataUrl)).StatusCode);

        var guesser = app.CreateDefaultClient(new CookieContainerHandler());
        for (var i = 0; i < 5; i++)
        {
            await LoginTests.PostLoginAsync(guesser, user.UserName, "Wrong-Passw0rd!");
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await user.Bearer.GetAsync(DataUrl)).StatusCode);
    }

    /// <summary>A new supervision officer of Kaiyang (with an API token) signed in through the form, whose cookie reads data.</summary>
    private async Task<(QingfengApp App, NewUser User, Session Session)> SignedInNewUserAsync(Provider provider)
    {
        var app = await apps.GetAsync(provider);
        await using var db = app.CreateDb();
        var kaiyang = await db.Organs.Where(o => o.Name == "开阳县纪委监委").Select(o => o.Id).SingleAsync();
        var (bearer, userName) = await app.ClientForNewUserAsync(kaiyang, Roles.SupervisionOffice);
        var id = await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
        var session = await SignInAsync(app, userName);
        Assert.Equal(HttpStatusCode.OK, (await session.Client.GetAsync(DataUrl)).StatusCode);
        return (app, new NewUser(id, userName, bearer), session);
    }

    /// <summary>Signs in through the login form, as a browser would, keeping the cookies where the test can copy them.</summary>
    private static async Task<Session> SignInAsync(QingfengApp app, string userName)
    {
        var cookies = new CookieContainer();
        var client = app.CreateDefaultClient(new CookieContainerHandler(cookies));
        var login = await LoginTests.PostLoginAsync(client, userName, QingfengApp.Password);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return new Session(client, cookies, app.ClientOptions.BaseAddress);
    }

    /// <summary>Sends a copied cookie header from a client of its own, as an attacker who kept the cookie would.</summary>
    private static async Task<HttpResponseMessage> ReplayAsync(QingfengApp app, string cookieHeader, string url)
    {
        using var client = app.CreateDefaultClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Cookie", cookieHeader);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return await client.SendAsync(request);
    }

    private sealed record NewUser(Guid Id, string UserName, HttpClient Bearer);

    private sealed partial record Session(HttpClient Client, CookieContainer Cookies, Uri BaseAddress)
    {
        public string CookieHeader => Cookies.GetCookieHeader(BaseAddress);

        /// <summary>An API write with the cookie and the antiforgery token a page of the app would send.</summary>
        public async Task<HttpResponseMessage> PostApiAsync<T>(string url, T body)
        {
            var page = await Client.GetStringAsync("/account/security");
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = body.AsJson() };
            request.Headers.Add("RequestVerificationToken", WebUtility.HtmlDecode(AntiforgeryToken().Match(page).Groups[1].Value));
            return await Client.SendAsync(request);
        }

        [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
        private static partial Regex AntiforgeryToken();
    }
}
