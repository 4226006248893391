using System.Net;
using System.Net.Http.Json;
using Qingfeng.Features.DutyReports;
using Qingfeng.Features.Rectification;
using Qingfeng.Features.Talks;
using Qingfeng.IntegrationTests.Features.Clues;
using Qingfeng.IntegrationTests.Features.DutyReports;
using Qingfeng.IntegrationTests.Features.Talks;
using Qingfeng.IntegrationTests.Infrastructure;
using Qingfeng.IntegrationTests.Security;
using Qingfeng.Platform.Security;
using Qingfeng.Platform.Workflow;
using Xunit;

namespace Qingfeng.IntegrationTests.Features.Supervision;

/// <summary>
/// The workflows of talks, letters of inquiry, ledger items and 述责述廉 reports through the API: each is published at
/// <c>/workflow</c>, and a detail offers each caller exactly the actions the table gives their role and organ — the owning
/// county's officer acts, the county's case-management office and the city commission that covers the county only read.
/// </summary>
public sealed class TalksLedgerDutyReportWorkflowTests(SharedApps apps)
{
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Each_workflow_endpoint_answers_its_table_to_readers_and_refuses_others(Provider provider)
    {
        var app = await apps.GetAsync(provider);
        var reader = await app.ClientForAsync(TestUsers.KaiyangCaseManagement.UserName);

        var talks = await (await reader.GetAsync("/api/v1/talks/workflow")).OkJsonAsync<List<WorkflowRow>>();
        AssertPublished(TalkWorkflow.Table.Describe(), talks);
        var pledge = Assert.Single(talks, r => r.Action == "RecordPledge");
        Assert.Equal(["Held"], pledge.From);
        Assert.Equal(["owner", "summons"], pledge.Guards);

        AssertPublished(InquiryWorkflow.Table.Describe(), await (await reader.GetAsync("/api/v1/inquiries/workflow")).OkJsonAsync<List<WorkflowRow>>());

        var ledger = await (await reader.GetAsync("/api/v1/rectification/workflow")).OkJsonAsync<List<WorkflowRow>>();
        AssertPublished(RectificationWorkflow.Table.Describe(), ledger);
        var closeOut = Assert.Single(ledger, r => r.Action == "CloseOut");
        Assert.Equal(("Closed", "RectificationCloseOut"), (closeOut.To, closeOut.Permission));
        Assert.Equal(["owner", "not-claimant"], closeOut.Guards);
        Assert.DoesNotContain(Roles.StationedTeam, closeOut.Roles);

        var reports = await (await reader.GetAsync("/api/v1/duty-reports/workflow")).OkJsonAsync<List<WorkflowRow>>();
        AssertPublished(DutyReportWorkflow.Table.Describe(), reports);
        Assert.Equal(["owner-or-assigned-level", "level-role", "one-level-per-round"], Assert.Single(reports, r => r.Action == "Approve").Guards);

        var petition = await app.ClientForAsync(TestUsers.KaiyangPetition.UserName);
        foreach (var path in new[] { "talks", "inquiries", "rectification", "duty-reports" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await petition.GetAsync($"/api/v1/{path}/workflow")).StatusCode);
        }
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task A_talk_and_a_letter_offer_their_actions_to_the_owning_officer_only(Provider provider)
    {
        var app = await apps.GetAsync(provider);
        var (officer, caseManagement, city) = await ClientsAsync(app);
        var official = await TalkClients.KaiyangOfficialAsync(app, skip: 50);

        var talk = await TalkClients.PlanAsync(officer, official, TalkType.Summons, tier: null, TestClock.Today);
        async Task<IReadOnlyList<TalkAction>> TalkActionsAsync(HttpClient client) => (await (await client.GetAsync($"/api/v1/talks/{talk}")).OkJsonAsync<TalkDetail>()).Actions;
        Assert.Equal([TalkAction.Replan, TalkAction.SetOutline, TalkAction.Hold, TalkAction.Cancel], await TalkActionsAsync(officer));
        Assert.Empty(await TalkActionsAsync(caseManagement));
        Assert.Empty(await TalkActionsAsync(city));

        await TalkClients.HoldAsync(officer, talk, TestClock.Today, "谈话记录", "表示接受");
        Assert.Equal([TalkAction.SetOutline, TalkAction.AddFollowUps, TalkAction.RecordPledge, TalkAction.Close, TalkAction.RecordOutcome], await TalkActionsAsync(officer));
        Assert.Empty(await TalkActionsAsync(city));

        var inquiry = await TalkClients.SendInquiryAsync(officer, official, TestClock.Today, "请说明有关问题");
        async Task<IReadOnlyList<InquiryAction>> InquiryActionsAsync(HttpClient client) => (await (await client.GetAsync($"/api/v1/inquiries/{inquiry}")).OkJsonAsync<InquiryDetail>()).Actions;
        Assert.Equal([InquiryAction.RecordReply], await InquiryActionsAsync(officer));
        Assert.Empty(await InquiryActionsAsync(caseManagement));
        Assert.Empty(await InquiryActionsAsync(city));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task A_ledger_item_and_a_report_offer_their_actions_by_role_and_organ(Provider provider)
    {
        var app = await apps.GetAsync(provider);
        var (officer, caseManagement, city) = await ClientsAsync(app);
        var official = await TalkClients.KaiyangOfficialAsync(app, skip: 51);

        var created = await officer.PostAsJsonAsync("/api/v1/rectification", new CreateRectificationItemRequest
        {
            Source = RectificationSource.Audit,
            OfficialId = official,
            SourceReference = "审计报告第2条",
            Problem = "专项资金拨付不及时",
        }, HttpAssertions.Json);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var item = await created.Content.ReadFromJsonAsync<Guid>();
        async Task<IReadOnlyList<RectificationItemAction>> ItemActionsAsync(HttpClient client) => (await (await client.GetAsync($"/api/v1/rectification/{item}")).OkJsonAsync<RectificationDetail>()).Actions;
        Assert.Equal([RectificationItemAction.Measures, RectificationItemAction.Report, RectificationItemAction.Extend, RectificationItemAction.LongTerm], await ItemActionsAsync(officer));
        Assert.Empty(await ItemActionsAsync(caseManagement));
        Assert.Empty(await ItemActionsAsync(city));

        var c = await DutyReportClients.ConnectAsync(app);
        var (_, report) = await c.CampaignWithReporterAsync(await ClueClients.KaiyangPrincipalAsync(app, skip: 19));
        async Task<ReportDetail> ReportAsync(HttpClient client) => await (await client.GetAsync($"/api/v1/duty-reports/{report}")).OkJsonAsync<ReportDetail>();
        Assert.Equal([DutyReportAction.Write, DutyReportAction.Submit, DutyReportAction.Comment], (await ReportAsync(c.Leader)).Actions);
        Assert.Empty((await ReportAsync(caseManagement)).Actions);
        Assert.Empty((await ReportAsync(city)).Actions);

        // Submitted, the report waits at the stationed team's level: only that team reviews it; the campaign's organ still comments.
        await c.WriteAsync(report, "初稿", submit: true);
        Assert.Equal([DutyReportAction.Comment], (await ReportAsync(c.Supervision)).Actions);
        Assert.Equal([DutyReportAction.Approve, DutyReportAction.Return], (await ReportAsync(c.Stationed)).Actions);
        Assert.False((await ReportAsync(c.Leader)).AwaitsRevision);
    }

    private static async Task<(HttpClient Officer, HttpClient CaseManagement, HttpClient City)> ClientsAsync(QingfengApp app) => (
        await app.ClientForAsync(TestUsers.KaiyangSupervision.UserName),
        await app.ClientForAsync(TestUsers.KaiyangCaseManagement.UserName),
        await OwningOrganWriteTests.CityClientAsync(app));

    private static void AssertPublished(IReadOnlyList<WorkflowRow> expected, IReadOnlyList<WorkflowRow> published)
    {
        Assert.Equal(expected.Select(r => r.Action), published.Select(r => r.Action));
        foreach (var (e, p) in expected.Zip(published))
        {
            Assert.Equal((e.To, e.Permission), (p.To, p.Permission));
            Assert.Equal(e.From, p.From);
            Assert.Equal(e.Roles, p.Roles);
            Assert.Equal(e.Guards, p.Guards);
        }
    }
}
