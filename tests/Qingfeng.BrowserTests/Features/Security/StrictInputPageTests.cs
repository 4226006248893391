using Microsoft.Playwright;
using Qingfeng.BrowserTests.Infrastructure;
using Xunit;

namespace Qingfeng.BrowserTests.Features.Security;

/// <summary>
/// The pages apply the same input rules as the API (they call the same services): a date outside its window is shown
/// inline on the form with the API's message, and nothing is registered or issued.
/// </summary>
public sealed class StrictInputPageTests(BrowserHost host)
{
    [Fact]
    public async Task A_clue_received_on_0001_01_01_is_refused_on_the_registration_page_next_to_the_date()
    {
        var (_, name) = await host.OfficialInAsync("520121");
        var page = await host.NewPageAsync();
        await BrowserHost.SignInAsync(page, "ky.petition");
        await page.GotoAsync("/clues/register");
        await BrowserHost.WaitUntilReadyAsync(page);
        await page.FillAsync("[data-testid=clue-person-text]", name);
        await page.ClickAsync("[data-testid=clue-person-find]");
        await page.Locator("[data-testid=clue-person-suggestion]", new PageLocatorOptions { HasTextString = name }).First.ClickAsync();
        await page.FillAsync("[data-testid=clue-content]", $"反映{name}违规收受下属礼金两万元，请核查。");
        await page.FillAsync("#clue-received", "0001-01-01");
        await page.PressAsync("#clue-received", "Tab");

        await page.ClickAsync("[data-testid=clue-submit]");

        await Assertions.Expect(page.Locator(".qf-field-error", new PageLocatorOptions { HasTextString = "2000-01-01" })).ToContainTextAsync("收件日期", new() { UseInnerText = true });
        await Assertions.Expect(page.Locator("[data-testid=clue-registered]")).ToHaveCountAsync(0);
        await BrowserHost.ShotAsync(page, "strict-input-clue-date");
    }

    [Fact]
    public async Task A_recommendation_issued_on_9999_12_31_is_refused_on_the_page_with_the_window_named()
    {
        var (_, name) = await host.OfficialInAsync("520121");
        var page = await host.NewPageAsync();
        await BrowserHost.SignInAsync(page, "ky.supervision");
        await page.GotoAsync("/supervision/recommendations/new");
        await BrowserHost.WaitUntilReadyAsync(page);
        await BrowserHost.PickOfficialAsync(page, "recommendations-new", name);
        await FillAsync(page, "recommendations-new-title", "关于加强政府采购管理的纪检监察建议");
        await FillAsync(page, "recommendations-new-origin", "2026年第一轮巡察反馈。");
        await FillAsync(page, "recommendations-new-findings", "部分采购项目化整为零规避公开招标。");
        await FillAsync(page, "recommendations-new-measures", "修订政府采购内部控制制度。");
        await FillAsync(page, "recommendations-new-issued", "9999-12-31");

        await page.ClickAsync("[data-testid=recommendations-new-submit]");

        await Assertions.Expect(page.Locator("[data-testid=recommendations-new-error]")).ToContainTextAsync("2100-12-31", new() { UseInnerText = true });
        Assert.EndsWith("/supervision/recommendations/new", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
    }

    private static async Task FillAsync(IPage page, string testId, string text)
    {
        await page.FillAsync($"[data-testid={testId}]", text);
        await page.PressAsync($"[data-testid={testId}]", "Tab");
    }
}
