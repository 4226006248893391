using Microsoft.Playwright;
using Qingfeng.BrowserTests.Infrastructure;
using Xunit;

namespace Qingfeng.BrowserTests.Features.QuarterlyReviews;

/// <summary>The quarterly review page: a note on a 一把手, the conclusion, and the report downloaded as .docx.</summary>
public sealed class QuarterlyReviewJourneyTests(BrowserHost host)
{
    [Fact]
    public async Task The_office_notes_a_principal_leader_records_its_conclusion_and_downloads_the_report()
    {
        var page = await host.NewPageAsync();
        await BrowserHost.SignInAsync(page, "ky.supervision");
        await page.GotoAsync("/supervision/quarterly");
        await BrowserHost.WaitUntilReadyAsync(page);
        await page.WaitForSelectorAsync("[data-testid=quarterly-totals]");

        await page.Locator("[data-testid=quarterly-assessment]").First.SelectOptionAsync("NeedsAttention");
        await page.Locator("[data-testid=quarterly-note]").First.FillAsync("整改推进较慢，建议开展提醒谈话。");
        await page.Locator("[data-testid=quarterly-note]").First.BlurAsync();
        await page.FillAsync("[data-testid=quarterly-conclusion] textarea", "本季度联系单位“一把手”总体情况平稳，工程建设领域需持续关注。");
        await page.ClickAsync("[data-testid=quarterly-save]");
        await page.WaitForSelectorAsync("text=已保存。");
        await Assertions.Expect(page.Locator("[data-testid=quarterly-assessment]").First).ToHaveValueAsync("NeedsAttention");
        await BrowserHost.ShotAsync(page, "quarterly-review");

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-testid=quarterly-docx]"));
        var path = Path.Combine(AppContext.BaseDirectory, "screenshots", "quarterly-review.docx");
        await download.SaveAsAsync(path);
        Assert.True(new FileInfo(path).Length > 2000);
        Assert.EndsWith(".docx", download.SuggestedFilename, StringComparison.Ordinal);
    }
}
