using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Qingfeng.BrowserTests.Infrastructure;
using Xunit;

namespace Qingfeng.BrowserTests.Features.Clues;

/// <summary>The main path of a clue through the pages: register, allocate, dispose, send the letter, see the deadline.</summary>
public sealed class ClueJourneyTests(BrowserHost host)
{
    [Fact]
    public async Task A_clue_about_a_principal_leader_goes_from_registration_to_a_letter_of_inquiry_with_its_deadline()
    {
        var (_, name) = await host.OfficialInAsync("520121");

        var petition = await host.NewPageAsync();
        await BrowserHost.SignInAsync(petition, "ky.petition");
        await petition.GotoAsync("/clues/register");
        await BrowserHost.WaitUntilReadyAsync(petition);
        await petition.FillAsync("[data-testid=clue-person-text]", name);
        await petition.ClickAsync("[data-testid=clue-person-find]");
        await petition.Locator("[data-testid=clue-person-suggestion]", new PageLocatorOptions { HasTextString = name }).First.ClickAsync();
        await petition.FillAsync("[data-testid=clue-content]", $"反映{name}在春节期间收受下属礼金，并在工作日中午饮酒。");
        await petition.ClickAsync("[data-testid=clue-suggest-categories]");
        await petition.WaitForSelectorAsync("[data-testid=clue-category-suggestions]");
        await Assertions.Expect(petition.Locator("[data-testid=clue-category-suggestions]")).ToContainTextAsync("礼金", new() { UseInnerText = true });
        await BrowserHost.ShotAsync(petition, "clue-register");
        await petition.ClickAsync("[data-testid=clue-submit]");
        await petition.WaitForSelectorAsync("[data-testid=clue-registered]");
        await petition.ClickAsync("[data-testid=clue-registered-open]");
        await BrowserHost.WaitForPathAsync(petition, new Regex("/clues/[0-9a-f-]{36}$"));
        await BrowserHost.WaitUntilReadyAsync(petition);
        var url = new Uri(petition.Url).AbsolutePath;
        await ActAsync(petition, "SubmitToCaseManagement");
        await petition.WaitForSelectorAsync("[data-testid=clue-handed-over]");

        var caseManager = await OpenAsync("ky.casemgmt", url);
        await Assertions.Expect(caseManager.Locator("[data-testid=clue-state]")).ToHaveTextAsync("案管待分办", new() { UseInnerText = true });
        await caseManager.ClickAsync("[data-testid=action-ProposeAllocation]");
        await caseManager.SelectOptionAsync("[data-testid=action-assignee]", new SelectOptionValue { Label = "开阳县监督检查室干部" });
        await SubmitAsync(caseManager);

        var leader = await OpenAsync("ky.leader", url);
        await ActAsync(leader, "ApproveAllocation");

        var handler = await OpenAsync("ky.supervision", url);
        await Assertions.Expect(handler.Locator("[data-testid=clue-principal]")).ToContainTextAsync("一把手", new() { UseInnerText = true });
        await Assertions.Expect(handler.Locator("[data-testid=clue-content]")).ToContainTextAsync("礼金", new() { UseInnerText = true });
        await handler.ClickAsync("[data-testid=action-ProposeDisposal]");
        await handler.SelectOptionAsync("[data-testid=action-method]", new SelectOptionValue { Label = "谈话函询" });
        await handler.FillAsync("[data-testid=action-comment]", "反映问题较笼统，建议函询。");
        await SubmitAsync(handler);

        await leader.ReloadAsync();
        await BrowserHost.WaitUntilReadyAsync(leader);
        await ActAsync(leader, "ApproveDisposal");
        await Assertions.Expect(leader.Locator("[data-testid=clue-state]")).ToHaveTextAsync("谈话函询中", new() { UseInnerText = true });

        await handler.ReloadAsync();
        await BrowserHost.WaitUntilReadyAsync(handler);
        await handler.ClickAsync("[data-testid=action-SendInquiryLetter]");
        await BrowserHost.ShotAsync(handler, "clue-action-dialog");
        await SubmitAsync(handler);
        await BrowserHost.ShotAsync(handler, "clue-detail");
        await Assertions.Expect(handler.Locator("[data-testid=clue-deadline]")).ToContainTextAsync("函询回复", new() { UseInnerText = true });
        await Assertions.Expect(handler.Locator("[data-testid=clue-history-item]")).ToHaveCountAsync(7);

        // The handler's queue lists it first among 一把手 clues, and full-text search finds it by a two-character word.
        await handler.GotoAsync("/clues?q=礼金&mine=true");
        await BrowserHost.WaitUntilReadyAsync(handler);
        await handler.WaitForSelectorAsync("[data-testid=clue-snippet] mark");
        await Assertions.Expect(handler.Locator(".ant-table-tbody").First).ToContainTextAsync(name, new() { UseInnerText = true });
        await BrowserHost.ShotAsync(handler, "clue-search");

        // The deadline sweep has told the demo handler about the demo's overdue clues. The sweep is a background job that
        // starts with the app: the page reads the notifications once, so a reload shows them if the sweep came later.
        await handler.ClickAsync("[data-testid=notification-bell]");
        await BrowserHost.WaitForPathAsync(handler, new Regex("/notifications$"));
        await BrowserHost.WaitUntilReadyAsync(handler);
        await BrowserHost.ReloadUntilContainsAsync(handler, handler.Locator("[data-testid=notifications]"), "已超期");
        await BrowserHost.ShotAsync(handler, "notifications");

        var statistics = await OpenAsync("ky.casemgmt", "/clues/statistics");
        await statistics.WaitForSelectorAsync("[data-testid=funnel-table]");
        await BrowserHost.ShotAsync(statistics, "clue-statistics");
        await statistics.GotoAsync("/clues");
        await BrowserHost.WaitUntilReadyAsync(statistics);
        await statistics.WaitForSelectorAsync("[data-testid=clue-link]");
        await BrowserHost.ShotAsync(statistics, "clue-queue");
    }

    [Fact]
    public async Task An_officer_of_another_county_gets_not_found_for_a_clue_url()
    {
        var page = await host.NewPageAsync();
        await BrowserHost.SignInAsync(page, "ky.casemgmt");
        await page.GotoAsync("/clues?sort=DueOn&desc=true");
        await BrowserHost.WaitUntilReadyAsync(page);
        await BrowserHost.ShotAsync(page, "clue-list-latest-due");
        await page.GotoAsync("/clues");
        await BrowserHost.WaitUntilReadyAsync(page);
        var first = page.Locator("[data-testid=clue-link]").First;
        await Assertions.Expect(first).ToHaveAttributeAsync("href", new Regex("^/clues/[0-9a-f-]{36}$"));
        var href = await first.GetAttributeAsync("href");

        var foreign = await host.NewPageAsync();
        await BrowserHost.SignInAsync(foreign, "cs.supervision");
        await foreign.GotoAsync(href!);
        await BrowserHost.WaitUntilReadyAsync(foreign);
        await foreign.WaitForSelectorAsync("[data-testid=clue-not-found]");
        await Assertions.Expect(foreign.Locator("[data-testid=clue-content]")).ToHaveCountAsync(0);
    }

    private async Task<IPage> OpenAsync(string user, string url)
    {
        var page = await host.NewPageAsync();
        await BrowserHost.SignInAsync(page, user);
        await page.GotoAsync(url);
        await BrowserHost.WaitUntilReadyAsync(page);
        return page;
    }

    private static async Task ActAsync(IPage page, string action)
    {
        await page.ClickAsync($"[data-testid=action-{action}]");
        await SubmitAsync(page);
    }

    private static async Task SubmitAsync(IPage page)
    {
        await page.ClickAsync("[data-testid=action-submit]");

        // The form closes once the step is saved, or stays and says why it was refused: wait for either, and fail with the reason.
        var refusal = page.Locator("[data-testid=action-form] [data-testid=action-error]");
        var closed = page.Locator("body:not(:has([data-testid=action-form]))");
        await BrowserHost.ExpectAsync(page, Assertions.Expect(closed.Or(refusal)).ToBeAttachedAsync());
        if (await refusal.CountAsync() > 0)
        {
            Assert.Fail($"The step was refused: {await refusal.InnerTextAsync()}");
        }
    }
}
