using Microsoft.Playwright;
using Qingfeng.BrowserTests.Infrastructure;
using Xunit;

namespace Qingfeng.BrowserTests.Features.Clues;

/// <summary>A reported person kept as written waits in the 待关联 queue with the roster's candidates, and its clue's page says so.</summary>
public sealed class LinkQueueTests(BrowserHost host)
{
    [Fact]
    public async Task A_person_kept_as_written_waits_in_the_link_queue_with_candidates_and_the_clue_page_marks_it_pending()
    {
        var (_, name) = await host.OfficialInAsync("520121");
        var petition = await host.NewPageAsync();
        await BrowserHost.SignInAsync(petition, "ky.petition");
        await petition.GotoAsync("/clues/register");
        await BrowserHost.WaitUntilReadyAsync(petition);
        await petition.FillAsync("[data-testid=clue-person-text]", name);
        await petition.ClickAsync("[data-testid=clue-person-find]");
        await petition.ClickAsync("[data-testid=clue-person-as-written]");
        await petition.FillAsync("[data-testid=clue-content]", $"反映{name}在春节期间收受下属送的礼金，还在工作日中午喝酒（待关联测试）。");
        await petition.ClickAsync("[data-testid=clue-submit]");
        await petition.WaitForSelectorAsync("[data-testid=clue-registered]");
        await petition.ClickAsync("[data-testid=clue-registered-open]");
        await BrowserHost.WaitUntilReadyAsync(petition);
        await Assertions.Expect(petition.Locator("[data-testid=clue-person-link-state]").First).ToBeVisibleAsync();

        var caseManager = await host.NewPageAsync();
        await BrowserHost.SignInAsync(caseManager, "ky.casemgmt");
        await caseManager.GotoAsync("/clues/link-queue");
        await BrowserHost.WaitUntilReadyAsync(caseManager);
        var item = caseManager.Locator("[data-testid=link-queue-item]", new PageLocatorOptions { HasTextString = name }).First;
        await Assertions.Expect(item).ToBeVisibleAsync();
        await Assertions.Expect(item).ToContainTextAsync(name, new() { UseInnerText = true });
        await BrowserHost.ShotAsync(caseManager, "clue-link-queue");
    }
}
