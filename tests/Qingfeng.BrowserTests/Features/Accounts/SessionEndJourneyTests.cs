using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Qingfeng.BrowserTests.Infrastructure;
using Qingfeng.Platform.Security;
using Xunit;

namespace Qingfeng.BrowserTests.Features.Accounts;

/// <summary>
/// Sessions that end in the browser: an open page (a live Blazor circuit) loses access as soon as its user signs out
/// elsewhere or an administrator signs the user out everywhere; the sign-in form does not tell a locked account from an
/// unknown name; the language switch never leaves the app.
/// </summary>
public sealed class SessionEndJourneyTests(BrowserHost host)
{
    private const string Kaiyang = "开阳县纪委监委";

    [Fact]
    public async Task Signing_out_in_one_browser_sends_the_page_open_in_another_back_to_sign_in()
    {
        var (userName, open) = await SignedInNewUserAsync();
        var other = await host.NewPageAsync();
        await BrowserHost.SignInAsync(other, userName);

        await other.ClickAsync(".qf-logout button");
        await BrowserHost.WaitForPathAsync(other, new Regex("/account/login"));

        await BrowserHost.ExpectAsync(open, BrowserHost.WaitForPathAsync(open, new Regex("/account/login")));
    }

    [Fact]
    public async Task A_security_administrator_signs_a_user_out_everywhere_from_the_user_list_after_confirming()
    {
        var (userName, open) = await SignedInNewUserAsync();

        var admin = await host.NewPageAsync();
        await BrowserHost.SignInAsync(admin, "secadmin");
        await admin.GotoAsync("/admin/users");
        await BrowserHost.WaitUntilReadyAsync(admin);
        var row = admin.Locator("tr", new PageLocatorOptions { HasTextString = userName });
        await row.Locator("[data-testid=user-sign-out]").ClickAsync();
        await Assertions.Expect(admin.Locator(".ant-popover")).ToContainTextAsync(userName, new() { UseInnerText = true });
        await admin.ClickAsync(".ant-popover .ant-btn-primary");

        await BrowserHost.ExpectAsync(open, BrowserHost.WaitForPathAsync(open, new Regex("/account/login")));
        await Assertions.Expect(admin.Locator(".ant-message")).ToContainTextAsync(userName, new() { UseInnerText = true });
    }

    [Fact]
    public async Task Changing_the_password_on_the_security_page_signs_out_every_browser_and_the_new_password_signs_in()
    {
        const string newPassword = "Changed-Passw0rd!2026";
        var (userName, open) = await SignedInNewUserAsync();
        var page = await host.NewPageAsync();
        await BrowserHost.SignInAsync(page, userName);

        await page.GotoAsync("/account/security");
        await page.FillAsync("#current-password", BrowserHost.DemoPassword);
        await page.FillAsync("#new-password", newPassword);
        await page.ClickAsync("[data-testid=change-password]");

        await BrowserHost.WaitForPathAsync(page, new Regex("/account/login"));
        await Assertions.Expect(page.Locator("[data-testid=password-changed]")).ToBeVisibleAsync();
        await BrowserHost.ExpectAsync(open, BrowserHost.WaitForPathAsync(open, new Regex("/account/login")));
        await BrowserHost.SignInAsync(page, userName, newPassword);
    }

    [Fact]
    public async Task A_locked_account_and_an_unknown_name_see_the_same_message()
    {
        var userName = await host.CreateUserAsync(Kaiyang, Roles.SupervisionOffice);
        var page = await host.NewPageAsync();
        for (var i = 0; i < 5; i++)
        {
            await TryAsync(page, userName, "Wrong-Passw0rd!");
        }

        var locked = await TryAsync(page, userName, BrowserHost.DemoPassword);
        var unknown = await TryAsync(page, "nobody." + Guid.NewGuid().ToString("N")[..8], BrowserHost.DemoPassword);

        Assert.Equal(unknown, locked);
        Assert.Contains("锁定账户 15 分钟", locked, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_language_switch_with_a_hostile_return_address_stays_in_the_app()
    {
        var page = await host.NewPageAsync();

        var response = await page.GotoAsync("/culture/en?returnUrl=/%5Cevil.example");

        Assert.True(response!.Ok, $"answered {response.Status}");
        await BrowserHost.WaitForPathAsync(page, new Regex("/account/login"));
        Assert.StartsWith(host.BaseUrl + "/", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Sign in");
    }

    /// <summary>A new user (no other journey signs in as them) with a signed-in page open on the workbench.</summary>
    private async Task<(string UserName, IPage Open)> SignedInNewUserAsync()
    {
        var userName = await host.CreateUserAsync(Kaiyang, Roles.SupervisionOffice);
        var open = await host.NewPageAsync();
        await BrowserHost.SignInAsync(open, userName);
        return (userName, open);
    }

    /// <summary>Posts the sign-in form and returns the error it shows.</summary>
    private static async Task<string> TryAsync(IPage page, string userName, string password)
    {
        await page.GotoAsync("/account/login");
        await page.FillAsync("#username", userName);
        await page.FillAsync("#password", password);
        await page.ClickAsync("[data-testid=login-submit]");
        var error = page.Locator("[data-testid=login-error]");
        await Assertions.Expect(error).ToBeVisibleAsync();
        return await error.InnerTextAsync();
    }
}
