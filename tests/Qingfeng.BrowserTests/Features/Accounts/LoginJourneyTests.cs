using System.Text.RegularExpressions;
using Qingfeng.BrowserTests.Infrastructure;
using Xunit;

namespace Qingfeng.BrowserTests.Features.Accounts;

public sealed class LoginJourneyTests(BrowserHost host)
{
    [Fact]
    public async Task A_wrong_password_is_answered_inline_in_Chinese()
    {
        var page = await host.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.FillAsync("#username", "ky.supervision");
        await page.FillAsync("#password", "not-the-password");
        await page.ClickAsync("[data-testid=login-submit]");

        var error = await page.WaitForSelectorAsync("[data-testid=login-error]");
        Assert.Contains("用户名或密码错误", await error!.InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_in_lands_on_the_workbench_with_the_users_organ()
    {
        var page = await host.NewPageAsync();
        await BrowserHost.SignInAsync(page, "ky.supervision");

        Assert.Contains("开阳县纪委监委", await page.InnerTextAsync(".qf-header"), StringComparison.Ordinal);
        Assert.Equal(host.BaseUrl + "/", page.Url);
    }

    [Fact]
    public async Task Pages_need_a_signed_in_user()
    {
        var page = await host.NewPageAsync();
        await page.GotoAsync("/roster/officials");
        await BrowserHost.WaitForPathAsync(page, new Regex("/account/login"));
        Assert.Contains("returnurl=%2froster%2fofficials", page.Url, StringComparison.OrdinalIgnoreCase);
    }
}
