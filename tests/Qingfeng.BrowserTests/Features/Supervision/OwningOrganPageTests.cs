using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Qingfeng.BrowserTests.Infrastructure;
using Qingfeng.Features.Rectification;
using Qingfeng.Features.Talks;
using Qingfeng.Platform.Ui;
using Xunit;

namespace Qingfeng.BrowserTests.Features.Supervision;

/// <summary>
/// The two cases of issue 14 (hole 9) through the pages: the Guiyang city officer opens a Kaiyang county talk and ledger item,
/// reads them, and is offered no action the service would refuse (ADR 0008); the county officer on the same pages is offered them.
/// </summary>
public sealed class OwningOrganPageTests(BrowserHost host)
{
    [Fact]
    public async Task A_city_officer_sees_a_county_talk_read_only_while_the_county_officer_may_change_it()
    {
        var (officialId, _) = await host.OfficialInAsync("520121");
        var talkId = await host.ActAsAsync("ky.supervision", services => services.GetRequiredService<TalkService>().PlanAsync(new PlanTalkRequest
        {
            OfficialId = officialId,
            Type = TalkType.Reminder,
            Tier = 2,
            PlannedOn = ChinaTime.DateOf(services.GetRequiredService<TimeProvider>().GetUtcNow()).AddDays(7),
            Place = "县纪委谈话室",
        }));
        var url = $"/supervision/talks/{talkId}";

        var city = await OpenAsync("gy.supervision", url);
        await Assertions.Expect(city.Locator("[data-testid=talk-state]")).ToHaveTextAsync("已计划", new() { UseInnerText = true });
        foreach (var action in new[] { "talk-cancel-form", "talk-cancel", "talk-edit-plan", "talk-hold-form", "talk-edit-outline", "talk-assemble" })
        {
            await Assertions.Expect(city.Locator($"[data-testid={action}]")).ToHaveCountAsync(0);
        }

        await Assertions.Expect(city.Locator("[data-testid=read-only-notice]")).ToBeVisibleAsync();

        await BrowserHost.ShotAsync(city, "talk-read-only");

        var county = await OpenAsync("ky.supervision", url);
        await Assertions.Expect(county.Locator("[data-testid=talk-cancel]")).ToBeVisibleAsync();
        await Assertions.Expect(county.Locator("[data-testid=talk-edit-plan]")).ToBeVisibleAsync();
        await Assertions.Expect(county.Locator("[data-testid=read-only-notice]")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_city_officer_sees_a_county_ledger_item_read_only_while_the_county_officer_may_change_its_measures()
    {
        var (officialId, _) = await host.OfficialInAsync("520121");
        var itemId = await host.ActAsAsync("ky.supervision", services => services.GetRequiredService<RectificationService>().CreateAsync(new CreateRectificationItemRequest
        {
            Source = RectificationSource.Inspection,
            OfficialId = officialId,
            Problem = "巡察反馈：公务用车管理不规范（页面写权限测试）",
            Measures = "县纪委确定的整改措施",
        }));
        var url = $"/supervision/rectification/{itemId}";

        var city = await OpenAsync("gy.supervision", url);
        await Assertions.Expect(city.Locator("[data-testid=rectification-measures]")).ToHaveTextAsync("县纪委确定的整改措施", new() { UseInnerText = true });
        foreach (var action in new[] { "rectification-edit-measures", "rectification-report-form", "rectification-review" })
        {
            await Assertions.Expect(city.Locator($"[data-testid={action}]")).ToHaveCountAsync(0);
        }

        await Assertions.Expect(city.Locator("[data-testid=read-only-notice]")).ToBeVisibleAsync();

        await BrowserHost.ShotAsync(city, "rectification-read-only");

        var county = await OpenAsync("ky.supervision", url);
        await Assertions.Expect(county.Locator("[data-testid=rectification-edit-measures]")).ToBeVisibleAsync();
        await Assertions.Expect(county.Locator("[data-testid=rectification-report-form]")).ToBeVisibleAsync();
        await Assertions.Expect(county.Locator("[data-testid=read-only-notice]")).ToHaveCountAsync(0);
    }

    private async Task<IPage> OpenAsync(string userName, string url)
    {
        var page = await host.NewPageAsync();
        await BrowserHost.SignInAsync(page, userName);
        await page.GotoAsync(url);
        await BrowserHost.WaitUntilReadyAsync(page);
        return page;
    }
}
