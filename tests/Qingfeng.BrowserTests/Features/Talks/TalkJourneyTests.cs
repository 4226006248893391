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
        await BrowserHost.PickOfficialAsync(officer, "talks-new", name);
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

    [Fact]
    public async Task An_officer_sends_a_letter_of_inquiry_through_the_form_records_the_reply_and_assesses_it_with_a_follow_up()
    {
        var (_, name) = await host.OfficialInAsync("520121");
        var marker = Guid.NewGuid().ToString("N")[..8];
        var officer = await host.NewFormAsync("ky.supervision", "inquiries");

        // Nothing chosen: the form says what is missing and stays.
        await officer.ClickAsync("[data-testid=inquiries-new-submit]");
        await officer.WaitForSelectorAsync("[data-testid=inquiries-new-error]");
        Assert.EndsWith("/supervision/inquiries/new", officer.Url, StringComparison.Ordinal);

        await BrowserHost.PickOfficialAsync(officer, "inquiries-new", name);
        await officer.FillAsync("[data-testid=inquiries-new-matters]", $"反映该同志违规收受礼金（{marker}），请就有关问题作出书面说明。");
        await BrowserHost.ShotAsync(officer, "inquiry-new");
        await officer.ClickAsync("[data-testid=inquiries-new-submit]");
        await BrowserHost.WaitForPathAsync(officer, new Regex("/supervision/inquiries/[0-9a-f-]{36}$"));
        await BrowserHost.WaitUntilReadyAsync(officer);
        Assert.Equal("待回复", await officer.InnerTextAsync("[data-testid=inquiry-state]"));
        Assert.Contains(marker, await officer.InnerTextAsync("main"), StringComparison.Ordinal);

        // The 一把手 replies directly, without a countersignature.
        Assert.Equal(0, await officer.Locator("[data-testid=inquiry-countersigned-by]").CountAsync());
        await officer.FillAsync("[data-testid=inquiry-reply-text]", "本人未收受礼金，相关情况说明如下。");
        await officer.ClickAsync("[data-testid=inquiry-reply-submit]");
        await officer.WaitForSelectorAsync("[data-testid=inquiry-state]:has-text('已回复')");
        Assert.Equal("本人未收受礼金，相关情况说明如下。", await officer.InnerTextAsync("[data-testid=inquiry-reply]"));

        await officer.SelectOptionAsync("[data-testid=inquiry-assessment]", new SelectOptionValue { Label = "需进一步处理" });
        await officer.FillAsync("[data-testid=inquiry-assessment-note]", "说明不够具体，要求补充并整改。");
        await officer.ClickAsync("[data-testid=follow-up-add]");
        await officer.FillAsync("[data-testid=follow-up-problem]", $"礼金登记制度执行不到位（{marker}）。");
        await officer.Locator("[data-testid=follow-up-problem]").BlurAsync();
        await officer.ClickAsync("[data-testid=inquiry-assess-submit]");
        await officer.WaitForSelectorAsync("[data-testid=inquiry-state]:has-text('已办结')");
        var link = officer.Locator("[data-testid=inquiry-follow-ups] [data-testid=follow-up-link]");
        Assert.Equal($"礼金登记制度执行不到位（{marker}）。", await link.InnerTextAsync());
        Assert.Matches(RectificationUrl(), await link.GetAttributeAsync("href") ?? "");
        await BrowserHost.ShotAsync(officer, "inquiry-assessed");
    }

    [Fact]
    public async Task An_officer_issues_a_reminder_letter_to_a_principal_leader_through_the_form()
    {
        var (_, name) = await host.OfficialInAsync("520121");
        var marker = Guid.NewGuid().ToString("N")[..8];
        var officer = await host.NewFormAsync("ky.supervision", "reminders");

        await BrowserHost.PickOfficialAsync(officer, "reminders-new", name);
        await officer.FillAsync("#rem-title", $"关于落实全面从严治党主体责任的提醒函（{marker}）");

        // Problems are required: the form refuses inline and keeps what was typed.
        await officer.ClickAsync("[data-testid=reminders-new-submit]");
        await officer.WaitForSelectorAsync("[data-testid=reminders-new-error]");
        Assert.Contains(marker, await officer.InputValueAsync("#rem-title"), StringComparison.Ordinal);

        await officer.FillAsync("[data-testid=reminders-new-problems]", "巡察反馈指出的“三重一大”决策程序问题整改进度滞后。");
        await officer.FillAsync("[data-testid=reminders-new-suggestions]", "一个月内完成整改并书面报告。");
        await BrowserHost.ShotAsync(officer, "reminder-new");
        await officer.ClickAsync("[data-testid=reminders-new-submit]");
        await BrowserHost.WaitForPathAsync(officer, new Regex("/supervision/reminders/[0-9a-f-]{36}$"));
        await BrowserHost.WaitUntilReadyAsync(officer);
        Assert.Contains("三重一大", await officer.InnerTextAsync("[data-testid=reminder-text]"), StringComparison.Ordinal);
        Assert.Matches("^/api/v1/reminders/[0-9a-f-]{36}/document$", await officer.GetAttributeAsync("[data-testid=reminder-document]", "href") ?? "");

        // The list finds it by a word of its title.
        await officer.GotoAsync("/supervision/reminders");
        await BrowserHost.WaitUntilReadyAsync(officer);
        await officer.FillAsync("#rem-text", marker);
        await officer.ClickAsync("[data-testid=reminders-search]");
        // The unfiltered list shows the new letter first too: wait until the search has left only it.
        await Assertions.Expect(officer.Locator("[data-testid=reminders-link]")).ToHaveCountAsync(1);
        Assert.Contains(marker, await officer.InnerTextAsync("[data-testid=reminders-link]"), StringComparison.Ordinal);
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
