using Bunit;
using Qingfeng.Features.Supervision;
using Qingfeng.Features.Talks;
using Qingfeng.Features.Talks.Pages;
using Qingfeng.IntegrationTests.Features.Talks;
using Qingfeng.IntegrationTests.Infrastructure;
using Qingfeng.Platform.Security;
using Qingfeng.Platform.Ui;
using Xunit;

namespace Qingfeng.IntegrationTests.Components;

/// <summary>The talk detail page offers each caller what TalkWorkflow offers them in the talk's state, rendered over the real app.</summary>
public sealed class TalkDetailPageTests(SharedApps apps) : DetailPageTestBase(apps)
{
    private const string Kaiyang = "开阳县纪委监委";

    /// <summary>Replan, outline (edit, assemble), hold (with its follow-up fields) and cancel.</summary>
    private static readonly string[] Planned = ["follow-up-add", "talk-assemble", "talk-cancel", "talk-edit-outline", "talk-edit-plan", "talk-hold-submit"];

    /// <summary>Outline, more follow-ups and close (a reminder talk takes no pledge).</summary>
    private static readonly string[] Held = ["follow-up-add", "talk-assemble", "talk-close", "talk-edit-outline"];

    [Fact]
    public async Task A_planned_talk_offers_the_owning_office_and_its_leader_everything_a_reader_nothing_the_city_reads_it_and_another_county_finds_nothing()
    {
        var id = await PlanAsync(TalkType.Reminder, skip: 60);
        await OffersByJurisdictionAsync(() => RenderLoaded<TalkDetailPage>(p => p.Add(x => x.Id, id)), "talk", Planned);
    }

    [Fact]
    public async Task Holding_through_the_page_needs_a_record_then_offers_the_held_talks_actions_and_a_summons_adds_the_pledge()
    {
        var id = await PlanAsync(TalkType.Reminder, skip: 61);
        await ActAsAsync(Kaiyang, Roles.SupervisionOffice);
        var page = RenderLoaded<TalkDetailPage>(p => p.Add(x => x.Id, id));

        page.Find("[data-testid=talk-hold-submit]").Click();
        Assert.Contains("请填写谈话记录", page.Find("[data-testid=talk-error]").TextContent, StringComparison.Ordinal);
        Assert.Equal(Planned, Buttons(page));

        page.Find("[data-testid=talk-hold-record]").Change("谈话指出公务用车管理存在的问题，谈话对象作了说明。");
        page.Find("[data-testid=talk-hold-submit]").Click();
        page.WaitForAssertion(() => Assert.Equal(EnumText.Label(TalkState.Held), page.Find("[data-testid=talk-state]").TextContent), Patience);
        Assert.Equal(Held, Buttons(page));
        Assert.Empty(page.FindAll("[data-testid=talk-error]"));

        var summons = await PlanAsync(TalkType.Summons, skip: 62);
        await TalkClients.HoldAsync(await KaiyangSupervisionAsync(), summons, TestClock.Today, "约谈记录（页面测试）", null);
        var held = RenderLoaded<TalkDetailPage>(p => p.Add(x => x.Id, summons));
        Assert.Equal([.. Held, "talk-pledge-submit"], Buttons(held));
    }

    [Fact]
    public async Task A_closed_talk_offers_only_its_outcome_and_a_cancelled_one_nothing()
    {
        var client = await KaiyangSupervisionAsync();
        var closed = await PlanAsync(TalkType.Reminder, skip: 63);
        await TalkClients.HoldAsync(client, closed, TestClock.Today, "谈话记录（页面测试）", null);
        (await client.PostAsync($"/api/v1/talks/{closed}/close", new CloseTalkRequest { Note = "谈话完成", Outcome = new SupervisionOutcomeInput() }.AsJson())).EnsureSuccessStatusCode();
        var cancelled = await PlanAsync(TalkType.Reminder, skip: 64);
        (await client.PostAsync($"/api/v1/talks/{cancelled}/cancel", new CancelTalkRequest { Reason = "对象调离（页面测试）" }.AsJson())).EnsureSuccessStatusCode();

        await ActAsAsync(Kaiyang, Roles.SupervisionOffice);
        Assert.Equal(["talk-outcome-save"], Buttons(RenderLoaded<TalkDetailPage>(p => p.Add(x => x.Id, closed))));
        Assert.Empty(Buttons(RenderLoaded<TalkDetailPage>(p => p.Add(x => x.Id, cancelled))));
    }

    [Fact]
    public async Task Holding_a_talk_someone_cancelled_meanwhile_shows_the_refusal()
    {
        var id = await PlanAsync(TalkType.Reminder, skip: 65);
        await ActAsAsync(Kaiyang, Roles.SupervisionOffice);
        var page = RenderLoaded<TalkDetailPage>(p => p.Add(x => x.Id, id));

        (await (await KaiyangSupervisionAsync()).PostAsync($"/api/v1/talks/{id}/cancel", new CancelTalkRequest { Reason = "对象调离（页面测试）" }.AsJson())).EnsureSuccessStatusCode();
        page.Find("[data-testid=talk-hold-record]").Change("谈话记录（页面测试）");
        page.Find("[data-testid=talk-hold-submit]").Click();

        page.WaitForAssertion(() => Assert.Contains("不允许此操作", page.Find("[data-testid=talk-error]").TextContent, StringComparison.Ordinal), Patience);
    }

    private async Task<Guid> PlanAsync(TalkType type, int skip) =>
        await TalkClients.PlanAsync(await KaiyangSupervisionAsync(), await TalkClients.KaiyangOfficialAsync(App, skip), type, type == TalkType.Summons ? null : 2, TestClock.Today.AddDays(7));
}
