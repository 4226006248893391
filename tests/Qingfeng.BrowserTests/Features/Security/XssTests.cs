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
        var url = new Uri(page.Url).AbsolutePath;

        var detail = page.Locator("[data-testid=clue-content]");
        foreach (var payload in Payloads)
        {
            await Assertions.Expect(detail).ToContainTextAsync(payload, new() { UseInnerText = true });
        }

        await AssertNothingInjectedAsync(page, watch);

        // The clue's number (its page's title) narrows the search to it: the demo's clues about 礼金, and those other
        // tests register meanwhile, can fill the first page of results and push it off.
        var title = page.Locator("h1.qf-page-title");
        await Assertions.Expect(title).ToHaveTextAsync(new Regex(@"^\S+-\d{4}-\d{5}$"), new() { UseInnerText = true });
        var number = await title.InnerTextAsync();
        await page.GotoAsync($"/clues?q={Uri.EscapeDataString("礼金")}");
        await BrowserHost.WaitUntilReadyAsync(page);
        await page.FillAsync("#clue-number", number);
        await page.ClickAsync("[data-testid=clue-search-submit]");
        var links = page.Locator("[data-testid=clue-link]");
        await Assertions.Expect(links).ToHaveCountAsync(1);
        await Assertions.Expect(links).ToHaveAttributeAsync("href", url);
        var snippet = page.Locator("[data-testid=clue-snippet]");
        await Assertions.Expect(snippet.Locator("mark").First).ToBeVisibleAsync();
        await Assertions.Expect(snippet).ToContainTextAsync(new Regex("<script>|onerror="), new() { UseInnerText = true });
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
        var anyPayload = new Regex(string.Join('|', Payloads.Select(Regex.Escape)));
        await Assertions.Expect(page.Locator("[data-testid=import-errors]")).ToContainTextAsync(anyPayload, new() { UseInnerText = true });
        await AssertNothingInjectedAsync(page, watch);
    }

    private static async Task AssertNothingInjectedAsync(IPage page, PageWatch watch)
    {
        Assert.Empty(watch.Dialogs);
        await Assertions.Expect(page.Locator("img[src='x'], svg[onload], script:text('alert(1)')")).ToHaveCountAsync(0);
        Assert.Empty(await watch.CollectViolationsAsync(page));
    }
}
