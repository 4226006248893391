using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Qingfeng.BrowserTests.Infrastructure;
using Xunit;

namespace Qingfeng.BrowserTests.Features.Decisions;

/// <summary>三重一大 records through the pages: the unit is found by its name, and a failed check enters the ledger.</summary>
public sealed class DecisionJourneyTests(BrowserHost host)
{
    [Fact]
    public async Task An_officer_finds_the_unit_by_its_name_and_a_decision_where_the_principal_did_not_speak_last_opens_a_ledger_item()
    {
        var (officialId, name) = await host.OfficialInAsync("520121");
        var unit = await host.UnitNameOfAsync(officialId);
        var marker = Guid.NewGuid().ToString("N")[..8];
        var officer = await host.NewFormAsync("ky.supervision", "decisions");

        // No official is called like the unit: the picker falls back to unit names and keeps the unit's name in the box.
        await officer.FillAsync("[data-testid=decisions-new-official]", unit);
        await officer.ClickAsync("[data-testid=decisions-new-find]");
        await officer.Locator("[data-testid=decisions-new-candidate]", new PageLocatorOptions { HasTextString = name }).First.ClickAsync();
        await officer.WaitForSelectorAsync("[data-testid=decisions-new-candidate].qf-selected");
        await Assertions.Expect(officer.Locator("[data-testid=decisions-new-official]")).ToHaveValueAsync(unit);

        await officer.FillAsync("[data-testid=decisions-new-title]", $"研究年度重大项目安排（{marker}）");
        await officer.FillAsync("#dec-present", "7");
        await officer.FillAsync("#dec-total", "9");
        await officer.UncheckAsync("[data-testid=decisions-new-spokelast]");
        await BrowserHost.ShotAsync(officer, "decision-new");
        await officer.ClickAsync("[data-testid=decisions-new-submit]");
        await BrowserHost.WaitForPathAsync(officer, new Regex("/supervision/decisions/[0-9a-f-]{36}$"));

        // The form's own ready marker stays until the record page replaces it; the wait answers only to the record's.
        await BrowserHost.WaitUntilReadyAsync(officer);
        var findings = officer.Locator("[data-testid=decisions-findings] tbody tr");
        await Assertions.Expect(findings).ToHaveCountAsync(1);
        await Assertions.Expect(findings).ToContainTextAsync("主要负责人未末位表态", new() { UseInnerText = true });
        await Assertions.Expect(officer.Locator("[data-testid=decisions-rectification-link]")).ToHaveAttributeAsync("href", new Regex("^/supervision/rectification/[0-9a-f-]{36}$"));
        await Assertions.Expect(officer.Locator("main")).ToContainTextAsync(marker, new() { UseInnerText = true });
        await BrowserHost.ShotAsync(officer, "decision-detail");
    }
}
