using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Qingfeng.BrowserTests.Infrastructure;
using Xunit;

namespace Qingfeng.BrowserTests.Features.Talks;

/// <summary>Talks through the pages: plan a reminder talk by tier, hold it with a follow-up item, and count it.</summary>
public sealed partial class TalkJourneyTests(BrowserHost host)
{
    [Fact]
    public async Task An_officer_plans_and_holds_a_reminder_talk_whose_follow_up_enters_the_ledger_and_the_count()
    {
        var (officialId, name) = await host.OfficialInAsync("520121");
        var officer = await host.NewPageAsync();
        await BrowserHost.SignInAsync(officer, "ky.supervision");
        var before = await CountHeldAsync(officer, officialId);

        await officer.GotoAsync("/supervision/talks");
        await BrowserHost.WaitUntilReadyAsync(officer);
        await BrowserHost.ShotAsync(officer, "talks-list");
        await officer.ClickAsync("[data-testid=talks-new]");
        await BrowserHost.WaitForPathAsync(officer, new Regex("/supervision/talks/new"));
        await BrowserHost.WaitUntilReadyAsync(officer);
        await officer.FillAsync("[data-testid=talks-new-official]", name);
        await officer.ClickAsync("[data-testid=talks-new-find]");
        await officer.Locator("[data-testid=talks-new-candidate]", new PageLocatorOptions { HasTextString = name }).First.ClickAsync();
        await officer.SelectOptionAsync("[data-testid=talks-new-tier]", "2");
        await officer.WaitForSelectorAsync("[data-testid=talks-new-tier-rule] tr.qf-selected");
        await officer.FillAsync("[data-testid=talks-new-reason]", "反映该单位公务用车管理不规范，进行提醒谈话。");
        await BrowserHost.ShotAsync(officer, "talks-new");
        await officer.ClickAsync("[data-testid=talks-new-submit]");
        await BrowserHost.WaitForPathAsync(officer, DetailUrl());
        await BrowserHost.WaitUntilReadyAsync(officer);
        Assert.Equal("已计划", await officer.InnerTextAsync("[data-testid=talk-state]"));
        Assert.Equal("纪委副书记或监督检查室主任", await officer.InnerTextAsync("[data-testid=talk-talkers]"));

        // The plan changes before the talk: talkers are required, then saved.
        await officer.ClickAsync("[data-testid=talk-edit-plan]");
        await officer.FillAsync("[data-testid=talk-plan-talkers]", "");
        await officer.ClickAsync("[data-testid=talk-plan-save]");
        await officer.WaitForSelectorAsync("[data-testid=talk-error]");
        await officer.FillAsync("[data-testid=talk-plan-talkers]", "县纪委副书记、监督检查室主任");
        await officer.ClickAsync("[data-testid=talk-plan-save]");
        await officer.WaitForSelectorAsync("[data-testid=talk-talkers]:has-text('县纪委副书记、监督检查室主任')");

        await officer.ClickAsync("[data-testid=talk-assemble]");
        await officer.WaitForSelectorAsync("[data-testid=talk-outline]:has-text('谈话对象')");
        await officer.FillAsync("[data-testid=talk-hold-record]", "谈话人指出公务用车管理存在的问题，谈话对象作了说明。");
        await officer.FillAsync("[data-testid=talk-hold-commitments]", "一个月内完成公务用车专项清理。");
        await officer.ClickAsync("[data-testid=follow-up-add]");
        await officer.FillAsync("[data-testid=follow-up-problem]", "公务用车使用登记不完整。");
        await officer.Locator("[data-testid=follow-up-problem]").BlurAsync();
        await BrowserHost.ShotAsync(officer, "talk-hold");
        await officer.ClickAsync("[data-testid=talk-hold-submit]");
        await officer.WaitForSelectorAsync("[data-testid=talk-state]:has-text('已谈话')");
        var link = officer.Locator("[data-testid=follow-up-link]");
        Assert.Equal("公务用车使用登记不完整。", await link.InnerTextAsync());
        Assert.Matches(RectificationUrl(), await link.GetAttributeAsync("href") ?? "");
        Assert.Equal(1, await officer.Locator("[data-testid=talk-close-form]").CountAsync());
        await BrowserHost.ShotAsync(officer, "talk-held");

        Assert.Equal(before + 1, await CountHeldAsync(officer, officialId));
        Assert.Contains("提醒谈话", await officer.InnerTextAsync("[data-testid=talks-count-by-type]"), StringComparison.Ordinal);
        await BrowserHost.ShotAsync(officer, "talks-count");
    }

    [Fact]
    public async Task The_inquiry_and_reminder_pages_show_the_overdue_letter_and_the_reminder_letter_with_their_documents()
    {
        var officer = await host.NewPageAsync();
        await BrowserHost.SignInAsync(officer, "ky.supervision");
        await officer.GotoAsync("/supervision/inquiries?overdue=true");
        await BrowserHost.WaitUntilReadyAsync(officer);
        await BrowserHost.ShotAsync(officer, "inquiries-list");
        await officer.Locator("[data-testid=inquiries-link]").First.ClickAsync();
        await BrowserHost.WaitForPathAsync(officer, new Regex("/supervision/inquiries/[0-9a-f-]{36}$"));
        await BrowserHost.WaitUntilReadyAsync(officer);
        await officer.WaitForSelectorAsync("[data-testid=inquiry-overdue]");
        Assert.Equal(1, await officer.Locator("[data-testid=inquiry-reply-form]").CountAsync());
        Assert.Matches("^/api/v1/inquiries/[0-9a-f-]{36}/document$", await officer.GetAttributeAsync("[data-testid=inquiry-document]", "href") ?? "");
        await BrowserHost.ShotAsync(officer, "inquiry-detail");

        await officer.GotoAsync("/supervision/reminders");
        await BrowserHost.WaitUntilReadyAsync(officer);
        await BrowserHost.ShotAsync(officer, "reminders-list");
        await officer.Locator("[data-testid=reminders-link]", new PageLocatorOptions { HasTextString = "提醒函" }).First.ClickAsync();
        await BrowserHost.WaitForPathAsync(officer, new Regex("/supervision/reminders/[0-9a-f-]{36}$"));
        await BrowserHost.WaitUntilReadyAsync(officer);
        await officer.WaitForSelectorAsync("[data-testid=reminder-document]");
        await BrowserHost.ShotAsync(officer, "reminder-detail");
    }

    /// <summary>The one-click count of held talks with the official.</summary>
    private static async Task<int> CountHeldAsync(IPage page, Guid officialId)
    {
        await page.GotoAsync($"/supervision/talks?official={officialId}");
        await BrowserHost.WaitUntilReadyAsync(page);
        await page.ClickAsync("[data-testid=talks-count]");
        return int.Parse(await page.InnerTextAsync("[data-testid=talks-count-talks]"), CultureInfo.InvariantCulture);
    }

    [GeneratedRegex("/supervision/talks/[0-9a-f-]{36}$")]
    private static partial Regex DetailUrl();

    [GeneratedRegex("^/supervision/rectification/[0-9a-f-]{36}$")]
    private static partial Regex RectificationUrl();
}
