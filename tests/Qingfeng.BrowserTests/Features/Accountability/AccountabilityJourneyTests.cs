using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Qingfeng.BrowserTests.Infrastructure;
using Xunit;

namespace Qingfeng.BrowserTests.Features.Accountability;

/// <summary>Accountability through the pages: one public notice for several decisions, then a new admonishment recorded and carried out.</summary>
public sealed class AccountabilityJourneyTests(BrowserHost host)
{
    [Fact]
    public async Task The_party_conduct_office_announces_decisions_in_one_notice_and_records_an_admonishment_with_its_impact_period()
    {
        var (_, name) = await host.OfficialInAsync("520121");
        var page = await host.NewPageAsync();
        await BrowserHost.SignInAsync(page, "ky.partyconduct");
        await page.GotoAsync("/supervision/accountability");
        await BrowserHost.WaitUntilReadyAsync(page);
        await page.FillAsync("[data-testid=accountability-text]", "工作日饮酒");
        await page.ClickAsync("[data-testid=accountability-search]");

        // The whole list shows these decisions too, among others: tick once the search has left only the matching rows.
        await BrowserHost.WaitForOnlyAsync(page.Locator(".ant-table-tbody tr.ant-table-row"), "工作日饮酒");
        var boxes = page.Locator("[data-testid=accountability-select]");
        await Assertions.Expect(boxes.Nth(2)).ToBeVisibleAsync();
        for (var i = 0; i < 3; i++)
        {
            await boxes.Nth(i).CheckAsync();
        }

        await page.WaitForSelectorAsync("[data-testid=accountability-notice-public]");
        await BrowserHost.ShotAsync(page, "accountability-list");
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-testid=accountability-notice-public]"));
        Assert.StartsWith("公开通报", download.SuggestedFilename, StringComparison.Ordinal);
        Assert.EndsWith(".docx", download.SuggestedFilename, StringComparison.Ordinal);

        await page.ClickAsync("[data-testid=accountability-new]");
        await BrowserHost.WaitForPathAsync(page, new Regex("/supervision/accountability/new"));
        await BrowserHost.WaitUntilReadyAsync(page);
        await BrowserHost.PickOfficialAsync(page, "accountability-new", name);
        await page.CheckAsync("[data-testid=accountability-method-Admonishment]");
        await page.SelectOptionAsync("[data-testid=accountability-new-notice]", "None");
        await page.FillAsync("[data-testid=accountability-new-failure]", "落实巡察整改主体责任不力");
        await page.FillAsync("[data-testid=accountability-new-facts]", "巡察反馈的问题整改敷衍应付，经督办仍未整改到位。");
        await page.FillAsync("#acc-by", "开阳县纪委常委会");
        await BrowserHost.ShotAsync(page, "accountability-new");
        await page.ClickAsync("[data-testid=accountability-new-submit]");
        await BrowserHost.WaitForPathAsync(page, new Regex("/supervision/accountability/[0-9a-f-]{36}$"));
        await BrowserHost.WaitUntilReadyAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=accountability-state]")).ToHaveTextAsync("待执行", new() { UseInnerText = true });
        await Assertions.Expect(page.Locator("[data-testid=accountability-methods]")).ToContainTextAsync("诫勉", new() { UseInnerText = true });
        await page.WaitForSelectorAsync("text=影响期至");

        await page.FillAsync("[data-testid=accountability-execute-note]", "诫勉谈话已进行，已通报组织部门。");
        await page.ClickAsync("[data-testid=accountability-execute]");
        await page.WaitForSelectorAsync("[data-testid=accountability-state]:has-text('已执行')");
        await BrowserHost.ShotAsync(page, "accountability-detail");
    }
}
