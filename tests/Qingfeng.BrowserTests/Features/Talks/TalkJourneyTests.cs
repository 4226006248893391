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
        await Assertions.Expect(officer.Locator("[data-testid=talk-state]")).ToHaveTextAsync("已计划", new() { UseInnerText = true });
        await Assertions.Expect(officer.Locator("[data-testid=talk-talkers]")).ToHaveTextAsync("纪委副书记或监督检查室主任", new() { UseInnerText = true });

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
        await Assertions.Expect(link).ToHaveTextAsync("公务用车使用登记不完整。", new() { UseInnerText = true });
        await Assertions.Expect(link).ToHaveAttributeAsync("href", RectificationUrl());
        await Assertions.Expect(officer.Locator("[data-testid=talk-close-form]")).ToHaveCountAsync(1);
        await BrowserHost.ShotAsync(officer, "talk-held");

        // The count is taken once per click: wait until it shows the new talk, not for whatever it shows first.
        var held = await OpenCountAsync(officer, officialId);
        await Assertions.Expect(held).ToHaveTextAsync((before + 1).ToString(CultureInfo.InvariantCulture), new() { UseInnerText = true });
        await Assertions.Expect(officer.Locator("[data-testid=talks-count-by-type]")).ToContainTextAsync("提醒谈话", new() { UseInnerText = true });
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
        await Assertions.Expect(officer.Locator("[data-testid=inquiry-reply-form]")).ToHaveCountAsync(1);
        await Assertions.Expect(officer.Locator("[data-testid=inquiry-document]")).ToHaveAttributeAsync("href", new Regex("^/api/v1/inquiries/[0-9a-f-]{36}/document$"));
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
        await Assertions.Expect(officer).ToHaveURLAsync(new Regex("/supervision/inquiries/new$"));

        await BrowserHost.PickOfficialAsync(officer, "inquiries-new", name);
        await officer.FillAsync("[data-testid=inquiries-new-matters]", $"反映该同志违规收受礼金（{marker}），请就有关问题作出书面说明。");
        await BrowserHost.ShotAsync(officer, "inquiry-new");
        await officer.ClickAsync("[data-testid=inquiries-new-submit]");
        await BrowserHost.WaitForPathAsync(officer, new Regex("/supervision/inquiries/[0-9a-f-]{36}$"));
        await BrowserHost.WaitUntilReadyAsync(officer);
        await Assertions.Expect(officer.Locator("[data-testid=inquiry-state]")).ToHaveTextAsync("待回复", new() { UseInnerText = true });
        await Assertions.Expect(officer.Locator("main")).ToContainTextAsync(marker, new() { UseInnerText = true });

        // The 一把手 replies directly, without a countersignature.
        await Assertions.Expect(officer.Locator("[data-testid=inquiry-countersigned-by]")).ToHaveCountAsync(0);
        await officer.FillAsync("[data-testid=inquiry-reply-text]", "本人未收受礼金，相关情况说明如下。");
        await officer.ClickAsync("[data-testid=inquiry-reply-submit]");
        await officer.WaitForSelectorAsync("[data-testid=inquiry-state]:has-text('已回复')");
        await Assertions.Expect(officer.Locator("[data-testid=inquiry-reply]")).ToHaveTextAsync("本人未收受礼金，相关情况说明如下。", new() { UseInnerText = true });

        await officer.SelectOptionAsync("[data-testid=inquiry-assessment]", new SelectOptionValue { Label = "需进一步处理" });
        await officer.FillAsync("[data-testid=inquiry-assessment-note]", "说明不够具体，要求补充并整改。");
        await officer.ClickAsync("[data-testid=follow-up-add]");
        await officer.FillAsync("[data-testid=follow-up-problem]", $"礼金登记制度执行不到位（{marker}）。");
        await officer.Locator("[data-testid=follow-up-problem]").BlurAsync();
        await officer.ClickAsync("[data-testid=inquiry-assess-submit]");
        await officer.WaitForSelectorAsync("[data-testid=inquiry-state]:has-text('已办结')");
        var link = officer.Locator("[data-testid=inquiry-follow-ups] [data-testid=follow-up-link]");
        await Assertions.Expect(link).ToHaveTextAsync($"礼金登记制度执行不到位（{marker}）。", new() { UseInnerText = true });
        await Assertions.Expect(link).ToHaveAttributeAsync("href", RectificationUrl());
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
        await Assertions.Expect(officer.Locator("#rem-title")).ToHaveValueAsync(new Regex(Regex.Escape(marker)));

        await officer.FillAsync("[data-testid=reminders-new-problems]", "巡察反馈指出的“三重一大”决策程序问题整改进度滞后。");
        await officer.FillAsync("[data-testid=reminders-new-suggestions]", "一个月内完成整改并书面报告。");
        await BrowserHost.ShotAsync(officer, "reminder-new");
        await officer.ClickAsync("[data-testid=reminders-new-submit]");
        await BrowserHost.WaitForPathAsync(officer, new Regex("/supervision/reminders/[0-9a-f-]{36}$"));
        await BrowserHost.WaitUntilReadyAsync(officer);
        await Assertions.Expect(officer.Locator("[data-testid=reminder-text]")).ToContainTextAsync("三重一大", new() { UseInnerText = true });
        await Assertions.Expect(officer.Locator("[data-testid=reminder-document]")).ToHaveAttributeAsync("href", new Regex("^/api/v1/reminders/[0-9a-f-]{36}/document$"));

        // The list finds it by a word of its title.
        await officer.GotoAsync("/supervision/reminders");
        await BrowserHost.WaitUntilReadyAsync(officer);
        await officer.FillAsync("#rem-text", marker);
        await officer.ClickAsync("[data-testid=reminders-search]");
        // The unfiltered list shows the new letter first too: wait until the search has left only it.
        await Assertions.Expect(officer.Locator("[data-testid=reminders-link]")).ToHaveCountAsync(1);
        await Assertions.Expect(officer.Locator("[data-testid=reminders-link]")).ToContainTextAsync(marker, new() { UseInnerText = true });
    }

    /// <summary>The one-click count of held talks with the official, as a number once the count has come.</summary>
    private static async Task<int> CountHeldAsync(IPage page, Guid officialId)
    {
        var held = await OpenCountAsync(page, officialId);

        // The panel appears only with the count, which is taken once per click: a number in it is the count to read.
        await Assertions.Expect(held).ToHaveTextAsync(new Regex(@"^\d+$"), new() { UseInnerText = true });
        return int.Parse(await held.InnerTextAsync(), CultureInfo.InvariantCulture);
    }

    /// <summary>Opens the talks of the official and clicks the one-click count; returns the number of talks held it shows.</summary>
    private static async Task<ILocator> OpenCountAsync(IPage page, Guid officialId)
    {
        await page.GotoAsync($"/supervision/talks?official={officialId}");
        await BrowserHost.WaitUntilReadyAsync(page);
        await page.ClickAsync("[data-testid=talks-count]");
        return page.Locator("[data-testid=talks-count-talks]");
    }

    [GeneratedRegex("/supervision/talks/[0-9a-f-]{36}$")]
    private static partial Regex DetailUrl();

    [GeneratedRegex("^/supervision/rectification/[0-9a-f-]{36}$")]
    private static partial Regex RectificationUrl();
}
