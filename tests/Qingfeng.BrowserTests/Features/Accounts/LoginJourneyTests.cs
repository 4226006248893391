using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Qingfeng.BrowserTests.Infrastructure;
using Xunit;

namespace Qingfeng.BrowserTests.Features.Accounts;

public sealed class LoginJourneyTests(BrowserHost host)
{
    [Fact]
    public async Task A_wrong_password_is_answered_inline_in_Chinese()
    {
        // An account no other journey signs in as: the failed attempt counts against the account, and the next good sign-in
        // clears the count; two good sign-ins clearing it at once conflict, and Identity then refuses one of them (which
        // failed a journey signing in as ky.supervision while this test had just tried that account).
        var page = await host.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.FillAsync("#username", "ky.inspection");
        await page.FillAsync("#password", "not-the-password");
        await page.ClickAsync("[data-testid=login-submit]");

        await Assertions.Expect(page.Locator("[data-testid=login-error]")).ToContainTextAsync("用户名或密码错误", new() { UseInnerText = true });
    }

    [Fact]
    public async Task Signing_in_lands_on_the_workbench_with_the_users_organ()
    {
        var page = await host.NewPageAsync();
        await BrowserHost.SignInAsync(page, "ky.supervision");

        await Assertions.Expect(page.Locator(".qf-header")).ToContainTextAsync("开阳县纪委监委", new() { UseInnerText = true });
        await Assertions.Expect(page).ToHaveURLAsync(host.BaseUrl + "/");
    }

    [Fact]
    public async Task Pages_need_a_signed_in_user()
    {
        var page = await host.NewPageAsync();
        await page.GotoAsync("/roster/officials");
        await BrowserHost.WaitForPathAsync(page, new Regex("/account/login.*returnurl=%2froster%2fofficials", RegexOptions.IgnoreCase));
    }
}
