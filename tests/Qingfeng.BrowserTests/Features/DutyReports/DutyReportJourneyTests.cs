using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Qingfeng.BrowserTests.Infrastructure;
using Xunit;

namespace Qingfeng.BrowserTests.Features.DutyReports;

/// <summary>
/// 述责述廉 through the pages: a campaign with a reporter and three scorers, the report written and reviewed level by level,
/// returned at the second level and resubmitted, approved, scored secretly by three leaders, and the mean shown once scoring closes.
/// </summary>
public sealed class DutyReportJourneyTests(BrowserHost host)
{
    /// <summary>The items of the demo's report template, one answer box each.</summary>
    private const int TemplateItems = 14;

    [Fact]
    public async Task A_report_is_returned_at_the_second_level_resubmitted_approved_and_scored_secretly()
    {
        var (_, name) = await host.OfficialInAsync("520121");
        var leader = await OpenAsync("ky.leader", "/supervision/duty-reports");
        await leader.FillAsync("[data-testid=campaign-title]", "开阳县2026年度一把手述责述廉（浏览器测试）");
        await leader.FillAsync("[data-testid=campaign-date]", "2026-12-20");
        await leader.ClickAsync("[data-testid=campaign-create]");
        await BrowserHost.WaitForPathAsync(leader, new Regex("/supervision/duty-reports/[0-9a-f-]{36}$"));
        await BrowserHost.WaitUntilReadyAsync(leader);
        var campaignUrl = new Uri(leader.Url).AbsolutePath;

        await leader.FillAsync("[data-testid=reporter-search]", name);
        await leader.ClickAsync("[data-testid=reporter-find]");
        await leader.Locator("li", new PageLocatorOptions { HasTextString = name }).Locator("[data-testid=reporter-add-onsite]").First.ClickAsync();
        await leader.WaitForSelectorAsync("[data-testid=report-link]");
        foreach (var scorer in new[] { "开阳县纪委监委领导", "开阳县监督检查室干部", "开阳县党风政风监督室干部" })
        {
            await leader.Locator("label", new PageLocatorOptions { HasTextString = scorer }).Locator("input").CheckAsync();
        }

        await leader.ClickAsync("[data-testid=scorers-save]");
        await leader.ClickAsync("[data-testid=report-link]");
        await BrowserHost.WaitForPathAsync(leader, new Regex("/supervision/duty-reports/reports/[0-9a-f-]{36}$"));
        var reportUrl = new Uri(leader.Url).AbsolutePath;

        // The supervision office writes and submits the report on the unit's behalf.
        var officer = await OpenAsync("ky.supervision", reportUrl);
        await WriteAllAsync(officer, "初稿");
        await officer.ClickAsync("[data-testid=report-submit]");
        await officer.WaitForSelectorAsync("[data-testid=report-level]:has-text('派驻纪检监察组')");

        var stationed = await OpenAsync("ky.stationed", reportUrl);
        await stationed.ClickAsync("[data-testid=review-approve]");
        await stationed.WaitForSelectorAsync("[data-testid=report-level]:has-text('监督检查室')");

        // Second level: returned with reasons.
        await officer.ReloadAsync();
        await BrowserHost.WaitUntilReadyAsync(officer);
        await officer.FillAsync("[data-testid=review-comment]", "问题查摆不深入，整改措施不具体");
        await officer.ClickAsync("[data-testid=review-return]");
        await officer.WaitForSelectorAsync("[data-testid=report-returned]");
        await Assertions.Expect(officer.Locator("[data-testid=report-returned]")).ToContainTextAsync("问题查摆不深入", new() { UseInnerText = true });
        await BrowserHost.ShotAsync(officer, "duty-report-returned");

        await WriteAllAsync(officer, "修改稿");
        await officer.ClickAsync("[data-testid=report-submit]");
        await officer.WaitForSelectorAsync("[data-testid=report-level]:has-text('派驻纪检监察组')");
        await stationed.ReloadAsync();
        await BrowserHost.WaitUntilReadyAsync(stationed);
        await stationed.ClickAsync("[data-testid=review-approve]");
        await stationed.WaitForSelectorAsync("[data-testid=report-level]:has-text('监督检查室')");
        await officer.ReloadAsync();
        await BrowserHost.WaitUntilReadyAsync(officer);
        await officer.ClickAsync("[data-testid=review-approve]");
        await officer.WaitForSelectorAsync("[data-testid=report-level]:has-text('党风政风监督室')");
        var partyConduct = await OpenAsync("ky.partyconduct", reportUrl);
        await partyConduct.ClickAsync("[data-testid=review-approve]");
        await partyConduct.WaitForSelectorAsync("[data-testid=report-state]:has-text('审核通过')");
        await Assertions.Expect(partyConduct.Locator("[data-testid=review-item]")).ToHaveCountAsync(5);

        // Three secret votes.
        foreach (var (page, score) in new[] { (partyConduct, 71), (officer, 86), (leader, 93) })
        {
            await page.ReloadAsync();
            await BrowserHost.WaitUntilReadyAsync(page);
            await page.FillAsync("[data-testid=vote-score]", score.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await page.ClickAsync("[data-testid=vote-submit]");
            await page.ClickAsync(".ant-popover .ant-btn-primary");
            await page.WaitForSelectorAsync("[data-testid=voted]");
        }

        await BrowserHost.ShotAsync(leader, "duty-report-voted");
        await leader.GotoAsync(campaignUrl);
        await BrowserHost.WaitUntilReadyAsync(leader);
        await Assertions.Expect(leader.Locator("[data-testid=report-mean]")).ToHaveTextAsync("—", new() { UseInnerText = true });
        await leader.ClickAsync("[data-testid=scoring-close]");
        await leader.ClickAsync(".ant-popover .ant-btn-primary");
        await leader.WaitForSelectorAsync("[data-testid=report-mean]:has-text('83.33')");
        await BrowserHost.ShotAsync(leader, "duty-report-campaign");
    }

    private async Task<IPage> OpenAsync(string user, string url)
    {
        var page = await host.NewPageAsync();
        await BrowserHost.SignInAsync(page, user);
        await page.GotoAsync(url);
        await BrowserHost.WaitUntilReadyAsync(page);
        return page;
    }

    private static async Task WriteAllAsync(IPage page, string prefix)
    {
        var answers = page.Locator("[data-testid=report-answer]");
        await Assertions.Expect(answers).ToHaveCountAsync(TemplateItems);
        for (var i = 0; i < TemplateItems; i++)
        {
            await answers.Nth(i).FillAsync($"{prefix}：第{i + 1}项情况");
            await answers.Nth(i).BlurAsync();
        }
    }
}
