using Bunit;
using Qingfeng.Features.Talks;
using Qingfeng.Features.Talks.Pages;
using Qingfeng.IntegrationTests.Features.Talks;
using Qingfeng.IntegrationTests.Infrastructure;
using Qingfeng.Platform.Security;
using Qingfeng.Platform.Ui;
using Xunit;

namespace Qingfeng.IntegrationTests.Components;

/// <summary>The letter-of-inquiry detail page offers each caller what InquiryWorkflow offers them in the letter's state, rendered over the real app.</summary>
public sealed class InquiryDetailPageTests(SharedApps apps) : DetailPageTestBase(apps)
{
    private const string Kaiyang = "开阳县纪委监委";

    [Fact]
    public async Task A_sent_letter_offers_the_owning_office_and_its_leader_the_reply_a_reader_nothing_the_city_reads_it_and_another_county_finds_nothing()
    {
        var id = await SendAsync(skip: 60);
        await OffersByJurisdictionAsync(() => RenderLoaded<InquiryDetailPage>(p => p.Add(x => x.Id, id)), "inquiry", ["inquiry-reply-submit"]);
    }

    [Fact]
    public async Task Recording_the_reply_through_the_page_offers_the_assessment_and_assessing_closes_the_letter()
    {
        var id = await SendAsync(skip: 61);
        await ActAsAsync(Kaiyang, Roles.SupervisionOffice);
        var page = RenderLoaded<InquiryDetailPage>(p => p.Add(x => x.Id, id));

        page.Find("[data-testid=inquiry-reply-text]").Change("本人未收受礼金，相关情况说明如下。");
        page.Find("[data-testid=inquiry-reply-submit]").Click();
        page.WaitForAssertion(() => Assert.Equal(EnumText.Label(InquiryState.Replied), page.Find("[data-testid=inquiry-state]").TextContent), Patience);
        Assert.Equal(["follow-up-add", "inquiry-assess-submit"], Buttons(page));

        page.Find("[data-testid=inquiry-assess-submit]").Click();
        page.WaitForAssertion(() => Assert.Equal(EnumText.Label(InquiryState.Closed), page.Find("[data-testid=inquiry-state]").TextContent), Patience);
        Assert.Empty(Buttons(page));
    }

    [Fact]
    public async Task Recording_a_reply_someone_recorded_meanwhile_shows_the_refusal()
    {
        var id = await SendAsync(skip: 62);
        await ActAsAsync(Kaiyang, Roles.SupervisionOffice);
        var page = RenderLoaded<InquiryDetailPage>(p => p.Add(x => x.Id, id));

        var reply = await (await KaiyangSupervisionAsync()).PostAsync($"/api/v1/inquiries/{id}/reply", new RecordReplyRequest { ReceivedOn = TestClock.Today, Text = "书面说明（另一位同事录入）" }.AsJson());
        reply.EnsureSuccessStatusCode();
        page.Find("[data-testid=inquiry-reply-text]").Change("书面说明（页面录入）");
        page.Find("[data-testid=inquiry-reply-submit]").Click();

        page.WaitForAssertion(() => Assert.Contains("不允许此操作", page.Find("[data-testid=inquiry-error]").TextContent, StringComparison.Ordinal), Patience);
    }

    /// <summary>A letter to a principal (who replies directly, without a countersignature), sent today.</summary>
    private async Task<Guid> SendAsync(int skip) =>
        await TalkClients.SendInquiryAsync(await KaiyangSupervisionAsync(), await TalkClients.KaiyangOfficialAsync(App, skip), TestClock.Today, "请就反映的公务接待问题作出书面说明（页面测试）");
}
