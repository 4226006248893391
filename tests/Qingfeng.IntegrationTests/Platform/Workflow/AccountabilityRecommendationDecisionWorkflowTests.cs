using System.Net;
using Qingfeng.Features.Accountability;
using Qingfeng.Features.Decisions;
using Qingfeng.Features.Recommendations;
using Qingfeng.IntegrationTests.Features.Accountability;
using Qingfeng.IntegrationTests.Features.Decisions;
using Qingfeng.IntegrationTests.Features.Recommendations;
using Qingfeng.IntegrationTests.Features.Talks;
using Qingfeng.IntegrationTests.Infrastructure;
using Qingfeng.IntegrationTests.Security;
using Qingfeng.Platform.Security;
using Qingfeng.Platform.Workflow;
using Xunit;

namespace Qingfeng.IntegrationTests.Platform.Workflow;

/// <summary>
/// The workflows of accountability decisions, recommendations and decision records through the API: each
/// <c>/workflow</c> endpoint answers its table, and a record's detail offers each caller what the table offers them —
/// the owning organ's officer the actions of the record's state, a reader role and a higher commission that only reads nothing.
/// </summary>
public sealed class AccountabilityRecommendationDecisionWorkflowTests(SharedApps apps)
{
    [Theory]
    [InlineData(Provider.Sqlite, "accountability")]
    [InlineData(Provider.Sqlite, "recommendations")]
    [InlineData(Provider.Sqlite, "decisions")]
    [InlineData(Provider.Postgres, "accountability")]
    [InlineData(Provider.Postgres, "recommendations")]
    [InlineData(Provider.Postgres, "decisions")]
    public async Task Each_workflow_endpoint_answers_its_table(Provider provider, string records)
    {
        var app = await apps.GetAsync(provider);
        var reader = await app.ClientForAsync(TestUsers.KaiyangCaseManagement.UserName);
        var expected = records switch
        {
            "accountability" => AccountabilityWorkflow.Table.Describe(),
            "recommendations" => RecommendationWorkflow.Table.Describe(),
            _ => DecisionWorkflow.Table.Describe(),
        };

        var rows = await (await reader.GetAsync($"/api/v1/{records}/workflow")).OkJsonAsync<List<WorkflowRow>>();

        Assert.Equal(expected.Select(Flat), rows.Select(Flat));
        Assert.All(rows, r => Assert.Contains("owner", r.Guards));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task An_accountability_decision_offers_its_actions_to_the_deciding_organs_party_conduct_side_only(Provider provider)
    {
        var app = await apps.GetAsync(provider);
        var leader = await app.ClientForAsync(TestUsers.KaiyangLeader.UserName);
        var id = await AccountabilityApiTests.CreateAsync(leader, AccountabilityApiTests.ExaminationOf(await TalkClients.KaiyangOfficialAsync(app, skip: 45)));

        Assert.Equal(["Correct", "Execute", "Revoke"], await ActionsAsync<AccountabilityDetail>(leader, $"/api/v1/accountability/{id}", d => d.Actions));
        Assert.Equal(["Correct", "Execute", "Revoke"], await ActionsAsync<AccountabilityDetail>(await app.ClientForAsync(TestUsers.KaiyangPartyConduct.UserName), $"/api/v1/accountability/{id}", d => d.Actions));
        Assert.Empty(await ActionsAsync<AccountabilityDetail>(await app.ClientForAsync(TestUsers.KaiyangSupervision.UserName), $"/api/v1/accountability/{id}", d => d.Actions));
        var city = await (await (await OwningOrganWriteTests.CityClientAsync(app, Roles.CommissionLeader)).GetAsync($"/api/v1/accountability/{id}")).OkJsonAsync<AccountabilityDetail>();
        Assert.Equal((false, 0), (city.MayChange, city.Actions.Count));

        Assert.Equal(HttpStatusCode.NoContent, (await leader.PostAsync($"/api/v1/accountability/{id}/execute", new ExecuteAccountabilityRequest { On = TestClock.Today }.AsJson())).StatusCode);
        Assert.Equal(["Revoke"], await ActionsAsync<AccountabilityDetail>(leader, $"/api/v1/accountability/{id}", d => d.Actions));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task A_recommendation_offers_reply_and_checks_to_the_issuing_office_and_closing_only_after_the_reply(Provider provider)
    {
        var app = await apps.GetAsync(provider);
        var office = await app.ClientForAsync(TestUsers.KaiyangSupervision.UserName);
        var (_, unit) = await DecisionApiTests.PrincipalAndUnitAsync(app, skip: 46);
        var id = await RecommendationApiTests.IssueAsync(office, RecommendationApiTests.ProcurementRecommendation(unit, TestClock.Today.AddDays(-2)));
        var url = $"/api/v1/recommendations/{id}";

        Assert.Equal(["Reply", "Check", "AddRule", "RecordOutcome"], await ActionsAsync<RecommendationDetail>(office, url, d => d.Actions));
        Assert.Empty(await ActionsAsync<RecommendationDetail>(await app.ClientForAsync(TestUsers.KaiyangCaseManagement.UserName), url, d => d.Actions));
        var city = await (await (await OwningOrganWriteTests.CityClientAsync(app)).GetAsync(url)).OkJsonAsync<RecommendationDetail>();
        Assert.Equal((false, 0), (city.MayChange, city.Actions.Count));

        Assert.Equal(HttpStatusCode.NoContent, (await office.PostAsync($"{url}/reply", new RecordRecommendationReplyRequest { RepliedOn = TestClock.Today, Reply = "已建立采购集体决策制度。" }.AsJson())).StatusCode);
        Assert.Equal(["Check", "Close", "AddRule", "RecordOutcome"], await ActionsAsync<RecommendationDetail>(office, url, d => d.Actions));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task A_decision_record_offers_correction_to_its_organs_supervision_staff_only(Provider provider)
    {
        var app = await apps.GetAsync(provider);
        var officer = await app.ClientForAsync(TestUsers.KaiyangSupervision.UserName);
        var (_, unit) = await DecisionApiTests.PrincipalAndUnitAsync(app, skip: 47);
        var id = await DecisionApiTests.CreateAsync(officer, DecisionApiTests.CleanRequest(unit));
        var url = $"/api/v1/decisions/{id}";

        Assert.Equal(["Correct"], await ActionsAsync<DecisionDetail>(officer, url, d => d.Actions));
        Assert.Empty(await ActionsAsync<DecisionDetail>(await app.ClientForAsync(TestUsers.KaiyangCaseManagement.UserName), url, d => d.Actions));
        var city = await (await (await OwningOrganWriteTests.CityClientAsync(app)).GetAsync(url)).OkJsonAsync<DecisionDetail>();
        Assert.Equal((false, 0), (city.MayChange, city.Actions.Count));
    }

    private static string Flat(WorkflowRow row) =>
        $"{row.Action}: {string.Join(",", row.From)} -> {row.To} [{row.Permission}: {string.Join(",", row.Roles)}] ({string.Join(",", row.Guards)})";

    private static async Task<IReadOnlyList<string>> ActionsAsync<TDetail>(HttpClient client, string url, Func<TDetail, IReadOnlyList<string>> actions) =>
        actions(await (await client.GetAsync(url)).OkJsonAsync<TDetail>());
}
