using System.Buffers.Binary;
using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Qingfeng.Features.Accounts;
using Qingfeng.IntegrationTests.Infrastructure;
using Qingfeng.Platform.Security;
using Xunit;

namespace Qingfeng.IntegrationTests.Features.Accounts;

/// <summary>TOTP enrolment and sign-in as a user outside demo mode goes through them.</summary>
public sealed partial class TwoFactorTests(SharedApps apps)
{
    [Fact]
    public async Task Outside_demo_mode_a_user_enrols_an_authenticator_and_then_needs_its_code()
    {
        var app = await apps.GetAsync(Provider.Postgres);
        var userName = "t.totp." + Guid.NewGuid().ToString("N")[..8];
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<QingfengUser>>();
            var user = new QingfengUser { UserName = userName, DisplayName = userName };
            Assert.True((await users.CreateAsync(user, QingfengApp.Password)).Succeeded);
            await users.AddToRoleAsync(user, Roles.SupervisionOffice);
        }

        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var first = await LoginTests.PostLoginAsync(client, userName, QingfengApp.Password);
        Assert.EndsWith("/account/2fa/setup", first.Headers.Location!.OriginalString, StringComparison.Ordinal);

        var setup = await client.GetStringAsync("/account/2fa/setup");
        var key = SharedKey().Match(setup).Groups[1].Value.Replace(" ", "", StringComparison.Ordinal);
        var wrong = await PostFormAsync(client, "/account/2fa/setup", setup, "enable-2fa", ("Input.Code", "000000"));
        Assert.Contains("验证码不正确", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var enabled = await PostFormAsync(client, "/account/2fa/setup", await client.GetStringAsync("/account/2fa/setup"), "enable-2fa", ("Input.Code", Totp(key)));
        Assert.Equal(HttpStatusCode.Redirect, enabled.StatusCode);

        var fresh = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var second = await LoginTests.PostLoginAsync(fresh, userName, QingfengApp.Password);
        Assert.Contains("/account/login-2fa", second.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var challenge = await fresh.GetStringAsync(second.Headers.Location!.PathAndQuery);
        var signedIn = await PostFormAsync(fresh, second.Headers.Location!.PathAndQuery, challenge, "login-2fa", ("Input.Code", Totp(key)));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fresh.GetAsync("/")).StatusCode);
    }

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, string page, string handler, params (string Name, string Value)[] fields)
    {
        var token = WebUtility.HtmlDecode(Antiforgery().Match(page).Groups[1].Value);
        var values = new Dictionary<string, string> { ["_handler"] = handler, ["__RequestVerificationToken"] = token };
        foreach (var (name, value) in fields)
        {
            values[name] = value;
        }

        return await client.PostAsync(url, new FormUrlEncodedContent(values));
    }

    /// <summary>RFC 6238 TOTP (SHA-1, 30 s, 6 digits) from a base32 key, as an authenticator app computes it.</summary>
    private static string Totp(string base32)
    {
        var key = Base32(base32);
        var counter = new byte[8];
        // The wall clock, not the tests' clock: Identity checks two-factor codes against the wall clock.
        BinaryPrimitives.WriteInt64BigEndian(counter, TimeProvider.System.GetUtcNow().ToUnixTimeSeconds() / 30);
#pragma warning disable CA5350 // RFC 6238 authenticators use HMAC-SHA1.
        var hash = HMACSHA1.HashData(key, counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var code = (BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset)) & 0x7fffffff) % 1_000_000;
        return code.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static byte[] Base32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bits = 0;
        var value = 0;
        var output = new List<byte>();
        foreach (var c in text.ToUpperInvariant().TrimEnd('='))
        {
            value = (value << 5) | alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                output.Add((byte)(value >> (bits - 8)));
                bits -= 8;
            }
        }

        return [.. output];
    }

    [GeneratedRegex("data-testid=\"shared-key\">([^<]+)<")]
    private static partial Regex SharedKey();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Antiforgery();
}
