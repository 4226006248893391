using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MiniExcelLibs;
using Qingfeng.BrowserTests.Infrastructure;
using Qingfeng.Features.Roster;
using Xunit;

namespace Qingfeng.BrowserTests.Features.Security;

/// <summary>
/// Script payloads typed into free-text fields come back as text: in the clue's detail, in the queue's
/// highlighted search snippet, in a roster search and in the roster import's error list. No dialog opens,
/// no element is injected and the text appears literally.
/// </summary>
public sealed class XssTests(BrowserHost host)
{
    public static readonly string[] Payloads =
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "\"><svg onload=alert(1)>",
        "javascript:alert(1)",
    ];

    [Fact]
    public async Task Payloads_in_a_clue_render_as_text_in_its_detail_and_in_the_highlighted_search_snippet()
    {
        var (_, name) = await host.OfficialInAsync("520121");
        var marker = "XSS" + Guid.NewGuid().ToString("N")[..8];
        var page = await host.NewPageAsync();
        var watch = await PageWatch.AttachAsync(page);
        await BrowserHost.SignInAsync(page, "ky.petition");
        await page.GotoAsync("/clues/register");
        await BrowserHost.WaitUntilReadyAsync(page);

        // The reported-person box is free text too: the payload is searched for and shown as "no match".
        await page.FillAsync("[data-testid=clue-person-text]", Payloads[1]);
        await page.ClickAsync("[data-testid=clue-person-find]");
        await page.WaitForSelectorAsync("[data-testid=clue-person-none]");
        await page.FillAsync("[data-testid=clue-person-text]", name);
        await page.ClickAsync("[data-testid=clue-person-find]");
        await page.Locator("[data-testid=clue-person-suggestion]", new PageLocatorOptions { HasTextString = name }).First.ClickAsync();
        var content = $"{marker} 反映其收受礼金。" + string.Join(" 礼金 ", Payloads);
        await page.FillAsync("[data-testid=clue-content]", content);
        await page.ClickAsync("[data-testid=clue-submit]");
        await page.WaitForSelectorAsync("[data-testid=clue-registered]");
        await page.ClickAsync("[data-testid=clue-registered-open]");
        await BrowserHost.WaitForPathAsync(page, new Regex("/clues/[0-9a-f-]{36}$"));
        await BrowserHost.WaitUntilReadyAsync(page);

        var detail = await page.InnerTextAsync("[data-testid=clue-content]");
        Assert.All(Payloads, p => Assert.Contains(p, detail, StringComparison.Ordinal));
        await AssertNothingInjectedAsync(page, watch);

        await page.GotoAsync($"/clues?q={Uri.EscapeDataString("礼金")}");
        await BrowserHost.WaitUntilReadyAsync(page);
        await page.WaitForSelectorAsync("[data-testid=clue-snippet] mark");
        var snippets = await page.Locator("[data-testid=clue-snippet]").AllInnerTextsAsync();
        Assert.Contains(snippets, s => s.Contains("<script>", StringComparison.Ordinal) || s.Contains("onerror=", StringComparison.Ordinal));
        await AssertNothingInjectedAsync(page, watch);
    }

    [Fact]
    public async Task Payloads_in_a_roster_search_and_in_an_imported_workbook_render_as_text()
    {
        var page = await host.NewPageAsync();
        var watch = await PageWatch.AttachAsync(page);
        await BrowserHost.SignInAsync(page, "gz.casemgmt");
        await page.GotoAsync("/roster/officials");
        await BrowserHost.WaitUntilReadyAsync(page);
        await page.FillAsync("#official-search", Payloads[0]);
        await page.ClickAsync("[data-testid=official-search-submit]");
        await page.WaitForSelectorAsync("[data-testid=official-empty]");
        await AssertNothingInjectedAsync(page, watch);

        await page.GotoAsync("/roster/import");
        await BrowserHost.WaitUntilReadyAsync(page);
        var rows = Payloads.Select(p => RosterExcel.Columns.ToDictionary(c => c.Header, c => (object?)(c.Header switch
        {
            "区划代码" => p,
            "单位名称" => p,
            "职务" => p,
            "姓名" => "张测试",
            "性别" => "男",
            _ => p,
        }))).ToList();
        using var workbook = new MemoryStream();
        await workbook.SaveAsAsync(rows);
        await page.SetInputFilesAsync("[data-testid=import-file]", new FilePayload
        {
            Name = "roster.xlsx",
            MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            Buffer = workbook.ToArray(),
        });
        await page.WaitForSelectorAsync("[data-testid=import-errors]");
        var errors = await page.InnerTextAsync("[data-testid=import-errors]");
        Assert.Contains(Payloads, p => errors.Contains(p, StringComparison.Ordinal));
        await AssertNothingInjectedAsync(page, watch);
    }

    private static async Task AssertNothingInjectedAsync(IPage page, PageWatch watch)
    {
        Assert.Empty(watch.Dialogs);
        Assert.Equal(0, await page.Locator("img[src='x'], svg[onload], script:text('alert(1)')").CountAsync());
        Assert.Empty(await watch.CollectViolationsAsync(page));
    }
}
