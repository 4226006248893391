using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Qingfeng.BrowserTests.Infrastructure;
using Xunit;

namespace Qingfeng.BrowserTests.Features.Rectification;

/// <summary>The ledger through the pages: open an item, report completion with evidence, and close it out as another officer.</summary>
public sealed class RectificationJourneyTests(BrowserHost host)
{
    [Fact]
    public async Task An_officer_claims_completion_with_evidence_and_the_leader_closes_the_item_out()
    {
        var (_, name) = await host.OfficialInAsync("520121");
        var officer = await host.NewPageAsync();
        await BrowserHost.SignInAsync(officer, "ky.supervision");
        await officer.GotoAsync("/supervision/rectification");
        await BrowserHost.WaitUntilReadyAsync(officer);
        await officer.WaitForSelectorAsync("[data-testid=rectification-stats]");
        await BrowserHost.ShotAsync(officer, "rectification-list");

        await officer.ClickAsync("[data-testid=rectification-new]");
        await BrowserHost.WaitForPathAsync(officer, new Regex("/supervision/rectification/new"));
        await BrowserHost.WaitUntilReadyAsync(officer);
        await BrowserHost.PickOfficialAsync(officer, "rectification-new", name);
        await officer.FillAsync("[data-testid=rectification-new-problem]", "巡察反馈：干部选拔任用程序不规范，个别岗位未经民主推荐。");
        await BrowserHost.ShotAsync(officer, "rectification-new");
        await officer.ClickAsync("[data-testid=rectification-new-submit]");
        await BrowserHost.WaitForPathAsync(officer, new Regex("/supervision/rectification/[0-9a-f-]{36}$"));
        await BrowserHost.WaitUntilReadyAsync(officer);
        await Assertions.Expect(officer.Locator("[data-testid=rectification-state]")).ToHaveTextAsync("待整改", new() { UseInnerText = true });
        var url = new Uri(officer.Url).AbsolutePath;

        await officer.ClickAsync("[data-testid=rectification-edit-measures]");
        await officer.FillAsync("[data-testid=rectification-measures-input]", "重新履行民主推荐程序，完善选人用人工作规程。");
        await officer.Locator("[data-testid=rectification-measures-input]").BlurAsync();
        await officer.ClickAsync("[data-testid=rectification-measures-save]");
        await Assertions.Expect(officer.Locator("[data-testid=rectification-measures]")).ToContainTextAsync("重新履行民主推荐程序", new() { UseInnerText = true });
        await officer.FillAsync("#progress-text", "已重新履行程序并修订工作规程，附规程文本。");
        await officer.CheckAsync("[data-testid=rectification-claims-done]");
        await officer.SetInputFilesAsync("#progress-files", new FilePayload { Name = "工作规程.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.4\n%%EOF"u8.ToArray() });
        await officer.WaitForSelectorAsync("text=工作规程.pdf");
        await officer.ClickAsync("[data-testid=rectification-report-submit]");
        await officer.WaitForSelectorAsync("[data-testid=rectification-state]:has-text('待销号审核')");
        await Assertions.Expect(officer.Locator("[data-testid=rectification-close-out]")).ToHaveCountAsync(0);

        var leader = await host.NewPageAsync();
        await BrowserHost.SignInAsync(leader, "ky.leader");
        await leader.GotoAsync(url);
        await BrowserHost.WaitUntilReadyAsync(leader);
        await leader.FillAsync("#review-comment", "佐证材料齐全，同意销号。");
        await BrowserHost.ShotAsync(leader, "rectification-review");
        await leader.ClickAsync("[data-testid=rectification-close-out]");
        await leader.ClickAsync(".ant-popover .ant-btn-primary");
        await leader.WaitForSelectorAsync("[data-testid=rectification-state]:has-text('已销号')");
        await Assertions.Expect(leader.Locator("[data-testid=rectification-progress-item]")).ToContainTextAsync("工作规程.pdf", new() { UseInnerText = true });
        await BrowserHost.ShotAsync(leader, "rectification-closed");
    }
}
