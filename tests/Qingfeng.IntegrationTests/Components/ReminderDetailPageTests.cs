using System.Net.Http.Json;
using System.Text.Json;
using Bunit;
using Qingfeng.Features.Reminders;
using Qingfeng.Features.Reminders.Pages;
using Qingfeng.IntegrationTests.Features.Talks;
using Qingfeng.IntegrationTests.Infrastructure;
using Qingfeng.Platform.Security;
using Xunit;

namespace Qingfeng.IntegrationTests.Components;

/// <summary>
/// The reminder detail page: a reminder records what was sent, so no one is offered an action on it; the commission that
/// sent it and the city above read it (the letter to download), another county finds nothing — rendered over the real app.
/// </summary>
public sealed class ReminderDetailPageTests(SharedApps apps) : DetailPageTestBase(apps)
{
    private const string Kaiyang = "开阳县纪委监委";

    [Fact]
    public async Task A_reminder_letter_offers_its_commission_and_the_city_no_action_only_the_letter_and_another_county_finds_nothing()
    {
        var id = await IssueLetterAsync(await TalkClients.KaiyangOfficialAsync(App, skip: 55));

        foreach (var (organ, role) in new[] { (Kaiyang, Roles.SupervisionOffice), (Kaiyang, Roles.CommissionLeader), ("贵阳市纪委监委", Roles.CommissionLeader) })
        {
            await ActAsAsync(organ, role);
            var page = await RenderLoadedAsync<ReminderDetailPage>(p => p.Add(x => x.Id, id));
            Assert.Empty(Buttons(page));
            Assert.Contains("节日期间公务接待问题提示（组件测试）", page.Find("[data-testid=reminder-text]").TextContent, StringComparison.Ordinal);
            Assert.Equal($"/api/v1/reminders/{id}/document", page.Find("[data-testid=reminder-document]").GetAttribute("href"));
        }

        await ActAsAsync("赤水市纪委监委", Roles.SupervisionOffice);
        var elsewhere = await RenderLoadedAsync<ReminderDetailPage>(p => p.Add(x => x.Id, id));
        Assert.NotNull(elsewhere.Find("[data-testid=reminder-not-found]"));
        Assert.Empty(elsewhere.FindAll("[data-testid=reminder-text]"));
        Assert.Empty(elsewhere.FindAll("[data-testid=reminder-document]"));
    }

    private async Task<Guid> IssueLetterAsync(Guid official)
    {
        var supervision = await App.ClientForAsync(TestUsers.KaiyangSupervision.UserName);
        var response = await supervision.PostAsync("/api/v1/reminders", new IssueReminderLetterRequest { OfficialId = official, Problems = "节日期间公务接待问题提示（组件测试）", Suggestions = "严格执行公务接待规定" }.AsJson());
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }
}
