using System.Text.RegularExpressions;
using Qingfeng.BrowserTests.Infrastructure;
using Xunit;

namespace Qingfeng.BrowserTests.Features.Supervision;

/// <summary>
/// The English switch on every daily-supervision list: headings, column headers, filter labels and buttons are the
/// interface's own words, so none of them may be left in Chinese (the demo data in the rows stays Chinese).
/// </summary>
public sealed partial class EnglishSupervisionPagesTests(BrowserHost host)
{
    public static TheoryData<string, string> Pages => new()
    {
        { "/supervision/talks", "en-talks" },
        { "/supervision/inquiries", "en-inquiries" },
        { "/supervision/reminders", "en-reminders" },
        { "/supervision/duty-reports", "en-duty-reports" },
        { "/supervision/rectification", "en-rectification" },
        { "/supervision/accountability", "en-accountability" },
        { "/supervision/recommendations", "en-recommendations" },
        { "/supervision/recommendations/rules", "en-adopted-rules" },
        { "/supervision/decisions", "en-decisions" },
        { "/supervision/quarterly", "en-quarterly" },
        { "/supervision/outcomes", "en-outcomes" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task The_list_speaks_English_after_the_switch(string path, string shot)
    {
        var page = await host.NewPageAsync();
        await BrowserHost.SignInAsync(page, "ky.supervision");
        await page.GotoAsync($"/culture/en?returnUrl={Uri.EscapeDataString(path)}");
        await BrowserHost.WaitUntilReadyAsync(page);
        await BrowserHost.ShotAsync(page, shot);

        // An absence check, read once the page is ready (its data loaded, its interface complete): nothing left to wait for.
        var chrome = await page.Locator(".qf-content h1, .qf-content h2, .qf-content th, .qf-content label, .qf-content button").AllInnerTextsAsync();
        var chinese = chrome.Where(text => Han().IsMatch(text)).Distinct().ToList();
        Assert.True(chinese.Count == 0, $"{path}: interface text left in Chinese: {string.Join(" | ", chinese)}");
    }

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Han();
}
