using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Qingfeng.Features.Clues;
using Qingfeng.Features.DutyReports;
using Qingfeng.Features.Rectification;
using Qingfeng.IntegrationTests.Features.Accountability;
using Qingfeng.IntegrationTests.Features.Clues;
using Qingfeng.IntegrationTests.Features.Decisions;
using Qingfeng.IntegrationTests.Features.DutyReports;
using Qingfeng.IntegrationTests.Features.Recommendations;
using Qingfeng.IntegrationTests.Features.Rectification;
using Qingfeng.IntegrationTests.Infrastructure;
using Xunit;

namespace Qingfeng.IntegrationTests.Security;

/// <summary>
/// The bad inputs the attack of issue 14 found, each through the API: an undefined enum value, a date outside its window,
/// a text over its limit is a 400 validation problem naming the field as the client sent it — never a 500, never
/// accepted, never silently cut. (Every operation of the document: StrictInputProbeTests.)
/// </summary>
public sealed class StrictInputTests(SharedApps apps)
{
    /// <summary>A text of a megabyte, as the attack sent.</summary>
    private static readonly string Megabyte = new('测', 1 << 20);

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task A_recommendation_issued_on_9999_12_31_is_a_400_naming_issuedOn_not_a_server_error(Provider provider)
    {
        var app = await apps.GetAsync(provider);
        var office = await app.ClientForAsync(TestUsers.KaiyangSupervision.UserName);
        var (_, unit) = await DecisionApiTests.PrincipalAndUnitAsync(app, skip: 41);

        var response = await office.PostAsync("/api/v1/recommendations", RecommendationApiTests.ProcurementRecommendation(unit, new DateOnly(9999, 12, 31)).AsJson());

        var problem = await RefusedAsync(response, "issuedOn");
        Assert.Contains("2100-12-31", Message(problem, "issuedOn"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task An_accountability_decision_dated_9999_12_31_is_a_400_naming_decidedOn_not_a_server_error(Provider provider)
    {
        var app = await apps.GetAsync(provider);
        var office = await app.ClientForAsync(TestUsers.KaiyangPartyConduct.UserName);
        var official = await ClueClients.KaiyangPrincipalAsync(app, 33);

        var response = await office.PostAsync("/api/v1/accountability", (AccountabilityApiTests.ExaminationOf(official) with { DecidedOn = new DateOnly(9999, 12, 31) }).AsJson());

        await RefusedAsync(response, "decidedOn");
    }

    [Theory]
    [InlineData(Provider.Sqlite, "9")]
    [InlineData(Provider.Postgres, "9")]
    [InlineData(Provider.Sqlite, "\"9\"")]
    [InlineData(Provider.Sqlite, "\"TalkInquiry, Verification\"")]
    [InlineData(Provider.Sqlite, "\"Bogus\"")]
    public async Task An_undefined_disposal_method_is_refused_and_cannot_close_a_principal_leaders_clue_without_an_outcome_or_the_party_committee(Provider provider, string method)
    {
        var app = await apps.GetAsync(provider);
        var clues = new ClueClients(app);
        await clues.ConnectAsync();
        var registered = await clues.RegisterAsync(await ClueClients.KaiyangPrincipalAsync(app, skip: 5), "反映该局局长违规收受下属礼金，并多次在工作日饮酒。", realName: false);
        await clues.AssignAsync(registered.Id, TestUsers.KaiyangSupervision.UserName);

        var proposed = await clues.Handler.PostAsync(
            $"/api/v1/clues/{registered.Id}/actions",
            new StringContent($$"""{"action":"ProposeDisposal","method":{{method}},"comment":"拟予了结"}""", Encoding.UTF8, "application/json"));

        await RefusedAsync(proposed, "method");

        // Nothing was proposed, so there is nothing to approve: the 一把手 clue stays with its handler, not closed.
        var approve = await clues.Leader.PostAsync($"/api/v1/clues/{registered.Id}/actions", new ClueActionRequest { Action = ClueAction.ApproveDisposal }.AsJson());
        await approve.ProblemAsync(HttpStatusCode.Conflict);
        var detail = await (await clues.Leader.GetAsync($"/api/v1/clues/{registered.Id}")).OkJsonAsync<ClueDetail>();
        Assert.Equal(ClueState.Assigned, detail.State);
        Assert.Null(detail.Method);
        Assert.Null(detail.ClosingOutcome);
    }

    [Theory]
    [InlineData(Provider.Sqlite, "99")]
    [InlineData(Provider.Postgres, "99")]
    [InlineData(Provider.Sqlite, "0")]
    [InlineData(Provider.Sqlite, "\"99\"")]
    [InlineData(Provider.Sqlite, "\"Letter, Visit\"")]
    public async Task A_clue_from_an_undefined_source_is_not_registered(Provider provider, string source)
    {
        var app = await apps.GetAsync(provider);
        var petition = await app.ClientForAsync(TestUsers.KaiyangPetition.UserName);
        var body = $$"""{"source":{{source}},"content":"反映其违规收受礼金两万元，请核查。","persons":[{"name":"张三","unitName":"开阳县某局"}]}""";

        var response = await petition.PostAsync("/api/v1/clues", new StringContent(body, Encoding.UTF8, "application/json"));

        await RefusedAsync(response, "source");
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task A_clue_received_on_0001_01_01_is_not_registered_or_numbered(Provider provider)
    {
        var app = await apps.GetAsync(provider);
        var petition = await app.ClientForAsync(TestUsers.KaiyangPetition.UserName);
        var request = new RegisterClueRequest
        {
            Source = ClueSource.Letter,
            ReceivedOn = DateOnly.MinValue,
            Content = "反映其违规收受礼金两万元，请核查。",
            Persons = [new ReportedPersonRequest { Name = "张三", UnitName = "开阳县某局" }],
        };

        var response = await petition.PostAsync("/api/v1/clues", request.AsJson());

        var problem = await RefusedAsync(response, "receivedOn");
        Assert.Contains("2000-01-01", Message(problem, "receivedOn"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Provider.Sqlite, "/api/v1/clues?State=99", "State")]
    [InlineData(Provider.Postgres, "/api/v1/clues?State=99", "State")]
    [InlineData(Provider.Sqlite, "/api/v1/clues?state=Registered,Merged", "state")]
    [InlineData(Provider.Sqlite, "/api/v1/clues?State=Bogus", "State")]
    [InlineData(Provider.Sqlite, "/api/v1/clues/assignees?action=99", "action")]
    [InlineData(Provider.Sqlite, "/api/v1/clues?From=0001-01-01", "From")]
    [InlineData(Provider.Sqlite, "/api/v1/quarterly-reviews?Year=1&Quarter=9", "Year")]
    public async Task Undefined_enum_values_dates_and_numbers_out_of_range_in_a_query_are_refused(Provider provider, string url, string field)
    {
        var app = await apps.GetAsync(provider);
        var leader = await app.ClientForAsync(TestUsers.KaiyangLeader.UserName);

        await RefusedAsync(await leader.GetAsync(url), field);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Texts_of_a_megabyte_are_refused_naming_the_entry_not_cut_to_the_column(Provider provider)
    {
        var app = await apps.GetAsync(provider);
        var office = await app.ClientForAsync(TestUsers.KaiyangSupervision.UserName);
        var (_, unit) = await DecisionApiTests.PrincipalAndUnitAsync(app, skip: 42);

        // A measure of a recommendation (cut to 1,000 characters before).
        var recommendation = await office.PostAsync("/api/v1/recommendations", (RecommendationApiTests.ProcurementRecommendation(unit, TestClock.Today) with { Measures = ["建立集体决策制度", Megabyte] }).AsJson());
        await RefusedAsync(recommendation, "measures[1]");

        // An answer of a duty report (cut to 4,000) and a problem named in a comment on it (cut to 2,000).
        var reports = await DutyReportClients.ConnectAsync(app);
        var (_, reportId) = await reports.CampaignWithReporterAsync(await ClueClients.KaiyangPrincipalAsync(app, skip: 19));
        var answers = await reports.Supervision.PutAsync($"/api/v1/duty-reports/{reportId}", new WriteReportRequest { Answers = ["第一项", Megabyte] }.AsJson());
        await RefusedAsync(answers, "answers[1]");
        await reports.ApproveThroughAsync(reportId);
        var comment = await reports.Leader.PostAsync($"/api/v1/duty-reports/{reportId}/comments", new CommentReportRequest { Text = "查摆问题不够具体。", Problems = [Megabyte] }.AsJson());
        await RefusedAsync(comment, "problems[0]");
        Assert.Empty((await DutyReportClients.ReportAsync(reports.Leader, reportId)).Comments);

        // The text of a progress report on the ledger (a form post; cut to 4,000).
        var created = await office.PostAsync("/api/v1/rectification", new CreateRectificationItemRequest
        {
            Source = RectificationSource.Inspection,
            UnitId = unit,
            Problem = "公务接待未执行“一单一函”制度",
        }.AsJson());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var item = await created.Content.ReadFromJsonAsync<Guid>();
        await RefusedAsync(await RectificationClients.ReportAsync(office, item, Megabyte, claimsDone: false, pdf: null), "Text");
        Assert.Empty((await RectificationClients.GetAsync(office, item)).Progress);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    public async Task The_refusal_is_in_the_callers_language(Provider provider)
    {
        var app = await apps.GetAsync(provider);
        var zh = await app.ClientForAsync(TestUsers.KaiyangLeader.UserName);
        var en = await app.ClientForAsync(TestUsers.KaiyangLeader.UserName, "en");

        var chinese = await RefusedAsync(await zh.GetAsync("/api/v1/clues?Source=99"), "Source");
        var english = await RefusedAsync(await en.GetAsync("/api/v1/clues?Source=99"), "Source");

        Assert.Contains("线索来源", Message(chinese, "Source"), StringComparison.Ordinal);
        Assert.Contains("Source", Message(english, "Source"), StringComparison.Ordinal);
        Assert.NotEqual(chinese.GetProperty("detail").GetString(), english.GetProperty("detail").GetString());
    }

    /// <summary>Asserts a 400 validation problem with the stable code whose errors name <paramref name="field"/>.</summary>
    internal static async Task<JsonElement> RefusedAsync(HttpResponseMessage response, string field)
    {
        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("Validation.Failed", problem.TryGetProperty("code", out var code) ? code.GetString() : null);
        Assert.True(
            problem.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out var messages) && messages.GetArrayLength() > 0,
            $"Expected the errors to name '{field}': {problem}");
        return problem;
    }

    private static string Message(JsonElement problem, string field) => problem.GetProperty("errors").GetProperty(field)[0].GetString()!;
}
