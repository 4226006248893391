using System.Net.Http.Json;
using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Qingfeng.Features.Rectification;
using Qingfeng.Features.Rectification.Pages;
using Qingfeng.IntegrationTests.Features.Rectification;
using Qingfeng.IntegrationTests.Features.Talks;
using Qingfeng.IntegrationTests.Infrastructure;
using Qingfeng.Platform.Security;
using Qingfeng.Platform.Ui;
using Xunit;

namespace Qingfeng.IntegrationTests.Components;

/// <summary>
/// The ledger item's detail page offers each caller what RectificationWorkflow offers them in the item's state (the unit's side
/// with SupervisionManage, the close-out side with RectificationCloseOut, never the claimant's own close-out), rendered over the real app.
/// </summary>
public sealed class RectificationDetailPageTests(SharedApps apps) : DetailPageTestBase(apps)
{
    private const string Kaiyang = "开阳县纪委监委";

    [Fact]
    public async Task An_open_item_offers_the_owning_office_and_its_leader_everything_a_reader_nothing_the_city_reads_it_and_another_county_finds_nothing()
    {
        var id = await OpenAsync(skip: 60);
        await OffersByJurisdictionAsync(
            () => RenderLoaded<RectificationDetailPage>(p => p.Add(x => x.Id, id)),
            "rectification",
            ["rectification-edit-measures", "rectification-extend", "rectification-long-term", "rectification-report-submit"]);
    }

    [Fact]
    public async Task After_the_office_claims_completion_through_the_page_only_another_officer_may_close_it_out_or_send_it_back()
    {
        var id = await OpenAsync(skip: 61);
        await ActAsAsync(Kaiyang, Roles.SupervisionOffice);
        var claimant = RenderLoaded<RectificationDetailPage>(p => p.Add(x => x.Id, id));

        claimant.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(RectificationClients.PdfEvidence, "整改佐证.pdf", contentType: "application/pdf"));
        claimant.WaitForAssertion(() => Assert.Contains("整改佐证.pdf", claimant.Find("[data-testid=rectification-report-form]").TextContent, StringComparison.Ordinal), Patience);
        // AntDesign's TextArea takes the text as typed (input) and commits it on change.
        claimant.Find("#progress-text").Input("已完成整改，附佐证材料。");
        claimant.Find("#progress-text").Change("已完成整改，附佐证材料。");
        claimant.Find("[data-testid=rectification-claims-done]").Change(true);
        claimant.Find("[data-testid=rectification-report-submit]").Click();

        // The state, and the refusal if there was one (so that a failure says why).
        claimant.WaitForAssertion(
            () => Assert.Equal(
                (EnumText.Label(RectificationState.AwaitingCloseOut), ""),
                (claimant.Find("[data-testid=rectification-state]").TextContent, string.Concat(claimant.FindAll("[data-testid=rectification-error]").Select(e => e.TextContent)))),
            Patience);
        Assert.Equal(["rectification-edit-measures", "rectification-extend", "rectification-long-term"], Buttons(claimant));

        await ActAsAsync(Kaiyang, Roles.CommissionLeader);
        var leader = RenderLoaded<RectificationDetailPage>(p => p.Add(x => x.Id, id));
        Assert.Equal(["rectification-close-out", "rectification-edit-measures", "rectification-extend", "rectification-long-term", "rectification-reject"], Buttons(leader));
    }

    [Fact]
    public async Task Saving_measures_over_a_change_made_meanwhile_says_so_and_reloads_the_item()
    {
        var id = await OpenAsync(skip: 62);
        await ActAsAsync(Kaiyang, Roles.SupervisionOffice);
        var page = RenderLoaded<RectificationDetailPage>(p => p.Add(x => x.Id, id));
        var events = page.FindAll("[data-testid=rectification-event]").Count;

        var meanwhile = await (await KaiyangSupervisionAsync()).PutAsync($"/api/v1/rectification/{id}/measures", new SetMeasuresRequest { Measures = "另一位同事修改的整改措施" }.AsJson());
        meanwhile.EnsureSuccessStatusCode();
        page.Find("[data-testid=rectification-edit-measures]").Click();
        page.Find("[data-testid=rectification-measures-input]").Change("页面上修改的整改措施");
        page.Find("[data-testid=rectification-measures-save]").Click();

        page.WaitForAssertion(() => Assert.Contains("已重新加载", page.Find("[data-testid=rectification-error]").TextContent, StringComparison.Ordinal), Patience);
        Assert.Equal(events + 1, page.FindAll("[data-testid=rectification-event]").Count);
    }

    private async Task<Guid> OpenAsync(int skip)
    {
        var created = await (await KaiyangSupervisionAsync()).PostAsync("/api/v1/rectification", new CreateRectificationItemRequest
        {
            Source = RectificationSource.Inspection,
            OfficialId = await TalkClients.KaiyangOfficialAsync(App, skip),
            Problem = "巡察反馈：公务用车管理不规范（页面测试）",
            Measures = "县纪委确定的整改措施（页面测试）",
        }.AsJson());
        created.EnsureSuccessStatusCode();
        return await created.Content.ReadFromJsonAsync<Guid>();
    }
}
