using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Qingfeng.BrowserTests.Infrastructure;
using Xunit;

namespace Qingfeng.BrowserTests.Platform.Ui;

public sealed class ErrorPageJourneyTests(BrowserHost host)
{
    [Fact]
    public async Task An_unknown_address_shows_a_Chinese_page_in_the_layout_that_leads_back_to_the_workbench()
    {
        var page = await host.NewPageAsync();
        await BrowserHost.SignInAsync(page, await host.CreateUserAsync("开阳县纪委监委", Qingfeng.Platform.Security.Roles.SupervisionOffice));

        var response = await page.GotoAsync("/no-such-page");

        Assert.Equal(404, response!.Status);
        await Assertions.Expect(page.Locator("[data-testid=error-page]")).ToContainTextAsync("页面不存在", new() { UseInnerText = true });
        await Assertions.Expect(page.Locator(".qf-header")).ToContainTextAsync("开阳县纪委监委", new() { UseInnerText = true });
        await Assertions.Expect(page.Locator(".qf-sider")).ToBeVisibleAsync();
        await page.ClickAsync("[data-testid=error-home]");
        await BrowserHost.WaitForPathAsync(page, new Regex(Regex.Escape(host.BaseUrl) + "/$"));
        await BrowserHost.WaitUntilReadyAsync(page);
    }
}
