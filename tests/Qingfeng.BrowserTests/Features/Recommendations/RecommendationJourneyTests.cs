using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Qingfeng.BrowserTests.Infrastructure;
using Xunit;

namespace Qingfeng.BrowserTests.Features.Recommendations;

/// <summary>A recommendation through the pages: issue it with two measures, record the reply, a rule and a satisfactory check, then find the rule.</summary>
public sealed partial class RecommendationJourneyTests(BrowserHost host)
{
    [Fact]
    public async Task An_officer_issues_a_recommendation_follows_it_to_closure_and_finds_the_rule_adopted()
    {
        var (_, name) = await host.OfficialInAsync("520121");
        var ruleTitle = $"政府采购“十不准”规定（{Guid.NewGuid().ToString("N")[..6]}）";
        var page = await host.NewPageAsync();
        await BrowserHost.SignInAsync(page, "ky.supervision");
        await page.GotoAsync("/supervision/recommendations");
        await BrowserHost.WaitUntilReadyAsync(page);
        await BrowserHost.ShotAsync(page, "recommendations-list-before");

        await page.ClickAsync("[data-testid=recommendations-new]");
        await BrowserHost.WaitForPathAsync(page, new Regex("/supervision/recommendations/new"));
        await BrowserHost.WaitUntilReadyAsync(page);
        await page.ClickAsync("[data-testid=recommendations-new-submit]");
        await Assertions.Expect(page.Locator("[data-testid=recommendations-new-error]")).ToContainTextAsync("请选择单位", new() { UseInnerText = true });
        await BrowserHost.PickOfficialAsync(page, "recommendations-new", name);
        await FillAsync(page, "recommendations-new-title", "关于加强政府采购管理的纪检监察建议");
        await FillAsync(page, "recommendations-new-origin", "2026年第一轮巡察反馈。");
        await FillAsync(page, "recommendations-new-findings", "部分采购项目化整为零规避公开招标，采购需求由使用科室单方确定。");
        await FillAsync(page, "recommendations-new-measures", "修订政府采购内部控制制度，明确需求论证程序。\n\n开展采购项目专项清理，对化整为零问题逐项整改。\n");
        await BrowserHost.ShotAsync(page, "recommendations-new");
        await page.ClickAsync("[data-testid=recommendations-new-submit]");
        await BrowserHost.WaitForPathAsync(page, DetailUrl());
        await BrowserHost.WaitUntilReadyAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=recommendations-state]")).ToHaveTextAsync("待回复", new() { UseInnerText = true });
        var ledger = page.Locator("[data-testid=recommendations-ledger-link]");
        await Assertions.Expect(ledger).ToHaveCountAsync(2);
        for (var i = 0; i < 2; i++)
        {
            await Assertions.Expect(ledger.Nth(i)).ToHaveAttributeAsync("href", new Regex("^/supervision/rectification/[0-9a-f-]{36}$"));
        }

        await BrowserHost.ShotAsync(page, "recommendations-detail");
        var document = page.Locator("[data-testid=recommendations-document]");
        await Assertions.Expect(document).ToHaveAttributeAsync("href", DocumentUrl());
        var letter = await page.APIRequest.GetAsync((await document.GetAttributeAsync("href"))!);
        Assert.Equal(200, letter.Status);

        await FillAsync(page, "recommendations-reply-input", "已修订采购内控制度并开展专项清理，整改情况详见附件。");
        await page.ClickAsync("[data-testid=recommendations-reply-submit]");
        await page.WaitForSelectorAsync("[data-testid=recommendations-state]:has-text('已回复')");
        await Assertions.Expect(page.Locator("[data-testid=recommendations-reply-text]")).ToContainTextAsync("专项清理", new() { UseInnerText = true });

        await FillAsync(page, "recommendations-rule-title", ruleTitle);
        await FillAsync(page, "recommendations-rule-summary", "采购需求须集体论证，不得化整为零。");
        await page.ClickAsync("[data-testid=recommendations-rule-submit]");
        await page.Locator("[data-testid=recommendations-rule-item]", new PageLocatorOptions { HasTextString = ruleTitle }).WaitForAsync();
        await Assertions.Expect(page.Locator("[data-testid=recommendations-outcome-rules]")).ToHaveValueAsync("1");

        await FillAsync(page, "recommendations-check-finding", "回头看：制度已印发执行，清理问题均已整改。");
        await page.CheckAsync("[data-testid=recommendations-check-satisfactory]");

        // Ticking the box swaps in the confirming button once the server has re-rendered: wait for that one.
        await page.ClickAsync("[data-testid=recommendations-check-submit-confirm]");
        await page.ClickAsync(".ant-popover .ant-btn-primary");
        await page.WaitForSelectorAsync("[data-testid=recommendations-state]:has-text('已办结')");
        await Assertions.Expect(page.Locator("[data-testid=recommendations-check-item]")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-testid=recommendations-check-form]")).ToHaveCountAsync(0);
        await BrowserHost.ShotAsync(page, "recommendations-closed");
        var detail = new Uri(page.Url).AbsolutePath;

        await page.GotoAsync("/supervision/recommendations/rules");
        await BrowserHost.WaitUntilReadyAsync(page);
        await page.FillAsync("[data-testid=rules-text]", "十不准");
        await page.PressAsync("[data-testid=rules-text]", "Tab");
        await page.ClickAsync("[data-testid=rules-search]");
        var row = page.Locator(".ant-table-row", new PageLocatorOptions { HasTextString = ruleTitle });
        await Assertions.Expect(row.Locator("[data-testid=rules-recommendation-link]")).ToHaveAttributeAsync("href", detail);
        await BrowserHost.ShotAsync(page, "recommendations-rules");

        await page.GotoAsync("/supervision/recommendations");
        await BrowserHost.WaitUntilReadyAsync(page);
        await page.WaitForSelectorAsync("[data-testid=recommendations-link]");
        await BrowserHost.ShotAsync(page, "recommendations-list");
    }

    private static async Task FillAsync(IPage page, string testId, string value)
    {
        var field = page.Locator($"[data-testid={testId}]");
        await field.FillAsync(value);
        await field.BlurAsync();
    }

    [GeneratedRegex("/supervision/recommendations/[0-9a-f-]{36}$")]
    private static partial Regex DetailUrl();

    [GeneratedRegex("^/api/v1/recommendations/[0-9a-f-]{36}/document$")]
    private static partial Regex DocumentUrl();
}
