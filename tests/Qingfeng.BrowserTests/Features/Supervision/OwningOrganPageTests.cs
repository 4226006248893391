using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Qingfeng.BrowserTests.Infrastructure;
using Qingfeng.Features.Rectification;
using Qingfeng.Features.Talks;
using Qingfeng.Platform.Calendar;
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

        await ReadOnlyForTheCityAsync(url, ("talk-state", "已计划"), ["talk-cancel-form", "talk-cancel", "talk-edit-plan", "talk-hold-form", "talk-edit-outline", "talk-assemble"], "talk-read-only");
        await OfferedToTheCountyAsync(url, ["talk-cancel", "talk-edit-plan"]);
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

        await ReadOnlyForTheCityAsync(url, ("rectification-measures", "县纪委确定的整改措施"), ["rectification-edit-measures", "rectification-report-form", "rectification-review"], "rectification-read-only");
        await OfferedToTheCountyAsync(url, ["rectification-edit-measures", "rectification-report-form"]);
    }

    /// <summary>The city officer reads the record (<paramref name="shown"/> holds its text), is offered none of <paramref name="actions"/>, and is told why.</summary>
    private async Task ReadOnlyForTheCityAsync(string url, (string TestId, string Text) shown, string[] actions, string screenshot)
    {
        var city = await OpenAsync("gy.supervision", url);
        await Assertions.Expect(city.Locator($"[data-testid={shown.TestId}]")).ToHaveTextAsync(shown.Text, new() { UseInnerText = true });
        foreach (var action in actions)
        {
            await Assertions.Expect(city.Locator($"[data-testid={action}]")).ToHaveCountAsync(0);
        }

        await Assertions.Expect(city.Locator("[data-testid=read-only-notice]")).ToBeVisibleAsync();
        await BrowserHost.ShotAsync(city, screenshot);
    }

    /// <summary>The county officer on the same page is offered the actions: the selectors are live.</summary>
    private async Task OfferedToTheCountyAsync(string url, string[] actions)
    {
        var county = await OpenAsync("ky.supervision", url);
        foreach (var action in actions)
        {
            await Assertions.Expect(county.Locator($"[data-testid={action}]")).ToBeVisibleAsync();
        }

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
