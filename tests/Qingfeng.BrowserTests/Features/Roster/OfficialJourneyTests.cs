using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Qingfeng.BrowserTests.Infrastructure;
using Xunit;

namespace Qingfeng.BrowserTests.Features.Roster;

/// <summary>A county officer's day-one journey, and the same jurisdiction rule the API obeys.</summary>
public sealed class OfficialJourneyTests(BrowserHost host)
{
    [Fact]
    public async Task A_county_officer_searches_an_official_and_opens_the_profile()
    {
        var (_, name) = await host.OfficialInAsync("520121");
        var page = await host.NewPageAsync();
        await BrowserHost.SignInAsync(page, "ky.supervision");

        await page.GotoAsync("/roster/officials");
        await BrowserHost.WaitUntilReadyAsync(page);
        await page.FillAsync("[data-testid=official-search]", name);
        await page.ClickAsync("[data-testid=official-search-submit]");

        // The first page of the whole roster may list the official too: click once the search has left only matching names.
        var links = page.Locator("[data-testid=official-link]");
        await BrowserHost.WaitForOnlyAsync(links, name);
        await links.Filter(new() { HasTextString = name }).First.ClickAsync();

        await BrowserHost.WaitForPathAsync(page, new Regex("/roster/officials/[0-9a-f-]{36}$"));
        await BrowserHost.WaitUntilReadyAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=profile-name]")).ToHaveTextAsync(name, new() { UseInnerText = true });
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("开阳县", new() { UseInnerText = true });
    }

    [Fact]
    public async Task A_search_and_its_page_stay_in_the_address_so_a_reload_shows_the_same_officials()
    {
        var (_, name) = await host.OfficialInAsync("520121", skip: 3);
        var page = await host.NewPageAsync();
        await BrowserHost.SignInAsync(page, "ky.supervision");

        await page.GotoAsync("/roster/officials");
        await BrowserHost.WaitUntilReadyAsync(page);
        await page.ClickAsync(".ant-pagination-item-2");
        await BrowserHost.WaitForPathAsync(page, new Regex(@"/roster/officials\?page=2$"));
        await page.FillAsync("[data-testid=official-search]", name);
        await page.ClickAsync("[data-testid=official-search-submit]");
        await BrowserHost.WaitForPathAsync(page, new Regex($@"/roster/officials\?q={Regex.Escape(Uri.EscapeDataString(name))}$"));
        await BrowserHost.WaitForOnlyAsync(page.Locator("[data-testid=official-link]"), name);

        await page.ReloadAsync();
        await BrowserHost.WaitUntilReadyAsync(page);

        await Assertions.Expect(page.Locator("[data-testid=official-search]")).ToHaveValueAsync(name);
        await BrowserHost.WaitForOnlyAsync(page.Locator("[data-testid=official-link]"), name);
        await BrowserHost.ShotAsync(page, "official-list-search-reloaded");
    }

    [Fact]
    public async Task An_officer_of_another_county_finds_nothing_by_search_or_by_url()
    {
        var (id, name) = await host.OfficialInAsync("520121");
        var page = await host.NewPageAsync();
        await BrowserHost.SignInAsync(page, "cs.supervision");

        await page.GotoAsync("/roster/officials");
        await BrowserHost.WaitUntilReadyAsync(page);
        await page.FillAsync("[data-testid=official-search]", name);
        await page.ClickAsync("[data-testid=official-search-submit]");
        await page.WaitForSelectorAsync("[data-testid=official-empty]");
        await Assertions.Expect(page.Locator("[data-testid=official-link]")).ToHaveCountAsync(0);

        await page.GotoAsync($"/roster/officials/{id}");
        await BrowserHost.WaitUntilReadyAsync(page);
        await Assertions.Expect(page.Locator(".qf-content")).ToContainTextAsync("404", new() { UseInnerText = true });
        await Assertions.Expect(page.Locator("[data-testid=profile-name]")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_interface_switches_to_English()
    {
        var page = await host.NewPageAsync();
        await BrowserHost.SignInAsync(page, "ky.supervision");

        await page.GotoAsync("/culture/en?returnUrl=/roster/officials");
        await BrowserHost.WaitUntilReadyAsync(page);

        await Assertions.Expect(page.Locator(".qf-content")).ToContainTextAsync("Officials", new() { UseInnerText = true });
    }
}
