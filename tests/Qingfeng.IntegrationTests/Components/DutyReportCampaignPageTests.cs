using Bunit;
using Qingfeng.Features.DutyReports.Pages;
using Qingfeng.IntegrationTests.Features.Clues;
using Qingfeng.IntegrationTests.Features.DutyReports;
using Qingfeng.IntegrationTests.Infrastructure;
using Qingfeng.Platform.Security;
using Xunit;

namespace Qingfeng.IntegrationTests.Components;

/// <summary>
/// The 述责述廉 campaign page offers the campaign's management (reporters, scorers, closing the scoring) to its organ only,
/// rendered over the real app; a higher commission reads the reports, another county finds nothing.
/// </summary>
public sealed class DutyReportCampaignPageTests(SharedApps apps) : DetailPageTestBase(apps)
{
    [Fact]
    public async Task The_campaigns_organ_manages_it_the_stationed_team_and_the_city_only_read_and_another_county_finds_nothing()
    {
        var c = await DutyReportClients.ConnectAsync(App);
        var (campaignId, _) = await c.CampaignWithReporterAsync(await ClueClients.KaiyangPrincipalAsync(App, skip: 26));

        await ActAsAsync("开阳县纪委监委", Roles.SupervisionOffice);
        var organ = RenderLoaded<DutyReportCampaignPage>(p => p.Add(x => x.Id, campaignId));
        Assert.Equal(["reporter-find", "scorers-save", "scoring-close"], Buttons(organ));
        Assert.NotEmpty(organ.FindAll("[data-testid=scorer-option]"));
        Assert.Single(organ.FindAll("[data-testid=report-link]"));

        await ActAsAsync("开阳县纪委监委派驻第一纪检监察组", Roles.StationedTeam);
        Assert.Empty(Buttons(RenderLoaded<DutyReportCampaignPage>(p => p.Add(x => x.Id, campaignId))));

        await ActAsAsync("贵阳市纪委监委", Roles.CommissionLeader);
        var city = RenderLoaded<DutyReportCampaignPage>(p => p.Add(x => x.Id, campaignId));
        Assert.Empty(Buttons(city));
        Assert.Single(city.FindAll("[data-testid=report-link]"));

        await ActAsAsync("赤水市纪委监委", Roles.CommissionLeader);
        var elsewhere = RenderLoaded<DutyReportCampaignPage>(p => p.Add(x => x.Id, campaignId));
        Assert.NotNull(elsewhere.Find("[data-testid=duty-not-found]"));
    }

    [Fact]
    public async Task Closing_the_scoring_a_second_time_shows_the_refusal()
    {
        var c = await DutyReportClients.ConnectAsync(App);
        var (campaignId, _) = await c.CampaignWithReporterAsync(await ClueClients.KaiyangPrincipalAsync(App, skip: 27));
        await ActAsAsync("开阳县纪委监委", Roles.SupervisionOffice);
        var page = RenderLoaded<DutyReportCampaignPage>(p => p.Add(x => x.Id, campaignId));

        await c.Leader.PostAsync($"/api/v1/duty-report-campaigns/{campaignId}/close-scoring", null, Xunit.TestContext.Current.CancellationToken);
        await page.InvokeAsync(() => page.FindComponent<AntDesign.Popconfirm>().Instance.OnConfirm.InvokeAsync());

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=duty-error]")));
    }
}
