using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Qingfeng.BrowserTests.Infrastructure;
using Xunit;

namespace Qingfeng.BrowserTests.Features.Security;

/// <summary>
/// Need-to-know on the pages that show what is derived from clues (issue 14): the repeat check after registration, the
/// quarterly review and the outcome summary for a role without clue access, and the notifications of a recused officer.
/// </summary>
public sealed partial class NeedToKnowPageTests(BrowserHost host)
{
    private const string Report = "反映该局局长在办公用房装修中指定其亲属的公司承接工程，并收受该公司送的购物卡两万元。";

    [Fact]
    public async Task The_registration_page_lists_no_repeat_the_registrar_may_not_open()
    {
        var (_, name) = await host.OfficialInAsync("520121", skip: 7);

        // The petition office registers a report and hands it to case management; from then on it may not open it.
        var petition = await host.NewPageAsync();
        await BrowserHost.SignInAsync(petition, "ky.petition");
        await RegisterAsync(petition, name, Report);
        await petition.ClickAsync("[data-testid=clue-registered-open]");
        await BrowserHost.WaitForPathAsync(petition, ClueAddress());
        await BrowserHost.WaitUntilReadyAsync(petition);
        var first = new Uri(petition.Url).AbsolutePath;
        await petition.ClickAsync("[data-testid=action-SubmitToCaseManagement]");
        await petition.ClickAsync("[data-testid=action-submit]");
        await petition.WaitForSelectorAsync("[data-testid=clue-handed-over]");

        // A repeat registered by the petition office names nothing it cannot open.
        await RegisterAsync(petition, name, "再次" + Report);
        await Assertions.Expect(petition.Locator($"[data-testid=clue-registered] a[href='{first}']")).ToHaveCountAsync(0);

        // Case management, which sees every clue of the commission, is shown the repeat: the check is live.
        var caseManager = await host.NewPageAsync();
        await BrowserHost.SignInAsync(caseManager, "ky.casemgmt");
        await RegisterAsync(caseManager, name, "第三次" + Report);
        await Assertions.Expect(caseManager.Locator($"[data-testid=clue-repeats] a[href='{first}']")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task The_quarterly_review_and_outcome_pages_show_no_clue_figures_to_a_role_without_clue_access()
    {
        var partyConduct = await host.NewPageAsync();
        await BrowserHost.SignInAsync(partyConduct, "ky.partyconduct");
        var leader = await host.NewPageAsync();
        await BrowserHost.SignInAsync(leader, "ky.leader");
        foreach (var page in new[] { partyConduct, leader })
        {
            await page.GotoAsync("/supervision/quarterly");
            await BrowserHost.WaitUntilReadyAsync(page);
            await page.WaitForSelectorAsync("[data-testid=quarterly-totals]");
        }

        // Not zeros that look like data: no clue figure, no clue column.
        await Assertions.Expect(partyConduct.Locator("[data-testid=quarterly-totals]")).Not.ToContainTextAsync("线索", new() { UseInnerText = true });
        await Assertions.Expect(partyConduct.Locator("[data-testid=quarterly-totals]")).Not.ToContainTextAsync("立案", new() { UseInnerText = true });
        await Assertions.Expect(partyConduct.Locator(".ant-table-thead")).Not.ToContainTextAsync("线索", new() { UseInnerText = true });
        await Assertions.Expect(partyConduct.Locator("[data-testid=quarterly-totals]")).ToContainTextAsync("整改", new() { UseInnerText = true });
        await Assertions.Expect(leader.Locator("[data-testid=quarterly-totals]")).ToContainTextAsync("受理线索", new() { UseInnerText = true });
        await Assertions.Expect(leader.Locator(".ant-table-thead")).ToContainTextAsync("线索", new() { UseInnerText = true });

        foreach (var page in new[] { partyConduct, leader })
        {
            await page.GotoAsync("/supervision/outcomes");
            await BrowserHost.WaitUntilReadyAsync(page);
            await page.WaitForSelectorAsync("[data-testid=outcomes-table]");
        }

        await Assertions.Expect(partyConduct.Locator("[data-testid=outcomes-table]")).Not.ToContainTextAsync("问题线索和案件", new() { UseInnerText = true });
        await Assertions.Expect(partyConduct.Locator("[data-testid=outcomes-table]")).ToContainTextAsync("整改事项", new() { UseInnerText = true });
        await Assertions.Expect(leader.Locator("[data-testid=outcomes-table]")).ToContainTextAsync("问题线索和案件", new() { UseInnerText = true });
    }

    [Fact]
    public async Task A_leader_who_declares_a_conflict_no_longer_sees_the_clues_notifications_nor_counts_them()
    {
        // The deadline sweep (a background job started with the app) escalates the demo's overdue clues to the leaders.
        var page = await host.NewPageAsync();
        await BrowserHost.SignInAsync(page, "ky.leader");
        await page.GotoAsync("/notifications");
        await BrowserHost.WaitUntilReadyAsync(page);
        var list = page.Locator("[data-testid=notifications]");
        await BrowserHost.ReloadUntilContainsAsync(page, list, "已超期");
        var unreadBefore = await UnreadAsync(page);
        var href = await list.Locator("li.qf-unread a[href^='/clues/']").First.GetAttributeAsync("href");
        var about = list.Locator($"li a[href='{href}']");
        var unreadAbout = await list.Locator($"li.qf-unread a[href='{href}']").CountAsync();
        Assert.True(unreadAbout > 0 && await about.CountAsync() > 0);

        await page.GotoAsync(href!);
        await BrowserHost.WaitUntilReadyAsync(page);
        await page.ClickAsync("[data-testid=clue-recuse]");
        await page.FillAsync("[data-testid=recuse-reason]", "与被反映人系近亲属（需知范围测试）");
        await page.ClickAsync("[data-testid=recuse-submit]");
        await BrowserHost.WaitForPathAsync(page, new Regex("/clues$"));

        await page.GotoAsync("/notifications");
        await BrowserHost.WaitUntilReadyAsync(page);
        await Assertions.Expect(list).ToBeAttachedAsync();
        await Assertions.Expect(about).ToHaveCountAsync(0);
        Assert.Equal(unreadBefore - unreadAbout, await UnreadAsync(page));
    }

    /// <summary>The count on the bell (none shown is zero).</summary>
    private static async Task<int> UnreadAsync(IPage page)
    {
        var bell = page.Locator("[data-testid=notification-bell] .qf-bell-count");
        return await bell.CountAsync() == 0 ? 0 : int.Parse(await bell.InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Fills the registration form with one roster official and the text, submits it, and waits for the result.</summary>
    private static async Task RegisterAsync(IPage page, string official, string content)
    {
        await page.GotoAsync("/clues/register");
        await BrowserHost.WaitUntilReadyAsync(page);
        await page.FillAsync("[data-testid=clue-person-text]", official);
        await page.ClickAsync("[data-testid=clue-person-find]");
        await page.Locator("[data-testid=clue-person-suggestion]", new PageLocatorOptions { HasTextString = official }).First.ClickAsync();
        await page.FillAsync("[data-testid=clue-content]", content);
        await page.ClickAsync("[data-testid=clue-submit]");
        await page.WaitForSelectorAsync("[data-testid=clue-registered]");
    }

    [GeneratedRegex("/clues/[0-9a-f-]{36}$")]
    private static partial Regex ClueAddress();
}
