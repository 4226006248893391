using Bunit;
using Qingfeng.Features.DutyReports;
using Qingfeng.Features.DutyReports.Pages;
using Qingfeng.IntegrationTests.Features.Clues;
using Qingfeng.IntegrationTests.Features.DutyReports;
using Qingfeng.IntegrationTests.Infrastructure;
using Qingfeng.Platform.Security;
using Qingfeng.Platform.Ui;
using Xunit;

namespace Qingfeng.IntegrationTests.Components;

/// <summary>
/// The 述责述廉 report page offers each caller the buttons the report's workflow offers them, rendered over the real app: the
/// campaign's organ writes and comments, each review level only to its own reviewers, a higher commission reads, another county finds nothing.
/// </summary>
public sealed class DutyReportPageTests(SharedApps apps) : DetailPageTestBase(apps)
{
    private const string Kaiyang = "开阳县纪委监委";
    private const string KaiyangStationedTeam = "开阳县纪委监委派驻第一纪检监察组";

    [Fact]
    public async Task Each_review_level_is_offered_to_its_own_reviewers_only_and_the_city_reads_without_actions()
    {
        var c = await DutyReportClients.ConnectAsync(App);
        var (_, reportId) = await c.CampaignWithReporterAsync(await ClueClients.KaiyangPrincipalAsync(App, skip: 24));

        await ActAsAsync(Kaiyang, Roles.SupervisionOffice);
        var writer = RenderLoaded<DutyReportPage>(p => p.Add(x => x.Id, reportId));
        Assert.Equal(["comment-submit", "report-save", "report-submit"], Buttons(writer));
        Assert.Equal(14, writer.FindAll("[data-testid=report-answer]").Count);

        await c.WriteAsync(reportId, "述责述廉报告", submit: true);
        Assert.Equal(["review-approve", "review-return"], await ButtonsAsAsync(KaiyangStationedTeam, Roles.StationedTeam, reportId));
        Assert.Equal(["comment-submit"], await ButtonsAsAsync(Kaiyang, Roles.SupervisionOffice, reportId));

        await DutyReportClients.ReviewOkAsync(c.Stationed, reportId, ReviewDecision.Approved, null);
        Assert.Equal(["comment-submit", "review-approve", "review-return"], await ButtonsAsAsync(Kaiyang, Roles.SupervisionOffice, reportId));
        Assert.Equal(["comment-submit"], await ButtonsAsAsync(Kaiyang, Roles.PartyConductOffice, reportId));

        await DutyReportClients.ReviewOkAsync(c.Supervision, reportId, ReviewDecision.Approved, null);
        Assert.Equal(["comment-submit", "review-approve", "review-return"], await ButtonsAsAsync(Kaiyang, Roles.PartyConductOffice, reportId));
        Assert.Empty(await ButtonsAsAsync(KaiyangStationedTeam, Roles.StationedTeam, reportId));

        await ActAsAsync("贵阳市纪委监委", Roles.CommissionLeader);
        var city = RenderLoaded<DutyReportPage>(p => p.Add(x => x.Id, reportId));
        Assert.Empty(Buttons(city));
        Assert.Empty(city.FindAll("[data-testid=report-answer]"));
        Assert.Contains("述责述廉报告：第1项情况", city.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submitting_unanswered_items_shows_the_refusal_and_another_county_finds_nothing()
    {
        var c = await DutyReportClients.ConnectAsync(App);
        var (_, reportId) = await c.CampaignWithReporterAsync(await ClueClients.KaiyangPrincipalAsync(App, skip: 25));

        await ActAsAsync(Kaiyang, Roles.SupervisionOffice);
        var writer = RenderLoaded<DutyReportPage>(p => p.Add(x => x.Id, reportId));
        writer.Find("[data-testid=report-submit]").Click();
        writer.WaitForAssertion(() => Assert.NotEmpty(writer.FindAll("[data-testid=duty-error]")));
        Assert.Equal(EnumText.Label(DutyReportState.Draft), writer.Find("[data-testid=report-state]").TextContent);
        Assert.Contains("report-submit", Buttons(writer));

        await ActAsAsync("赤水市纪委监委", Roles.CommissionLeader);
        var elsewhere = RenderLoaded<DutyReportPage>(p => p.Add(x => x.Id, reportId));
        Assert.NotNull(elsewhere.Find("[data-testid=duty-not-found]"));
        Assert.Empty(Buttons(elsewhere));
    }

    private async Task<IReadOnlyList<string>> ButtonsAsAsync(string organ, string role, Guid reportId)
    {
        await ActAsAsync(organ, role);
        return Buttons(RenderLoaded<DutyReportPage>(p => p.Add(x => x.Id, reportId)));
    }
}
