using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qingfeng.Features.DutyReports;
using Qingfeng.Features.Rectification;
using Qingfeng.Features.Supervision;
using Qingfeng.IntegrationTests.Features.Clues;
using Qingfeng.IntegrationTests.Infrastructure;
using Xunit;

namespace Qingfeng.IntegrationTests.Features.DutyReports;

/// <summary>述责述廉 through the API: the joint review with a return at the second level, secret scoring, comments into the ledger.</summary>
public sealed class DutyReportTests(SharedApps apps)
{
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task A_report_returned_at_the_second_level_is_revised_resubmitted_and_approved_through_every_level(Provider provider)
    {
        var app = await apps.GetAsync(provider);
        var c = await DutyReportClients.ConnectAsync(app);
        var (_, reportId) = await c.CampaignWithReporterAsync(await ClueClients.KaiyangPrincipalAsync(app, skip: 16));

        var incomplete = await c.Supervision.PutAsync($"/api/v1/duty-reports/{reportId}", new WriteReportRequest { Answers = [.. Enumerable.Repeat("情况", 13), ""], Submit = true }.AsJson());
        var missing = await incomplete.ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("14", missing.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await c.WriteAsync(reportId, "初稿", submit: true);

        // Level 1 belongs to the stationed team: the supervision office cannot act yet.
        var early = await c.Supervision.PostAsync($"/api/v1/duty-reports/{reportId}/review", new ReviewReportRequest { Decision = ReviewDecision.Approved }.AsJson());
        var wrongLevel = await early.ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("派驻纪检监察组", wrongLevel.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await DutyReportClients.ReviewOkAsync(c.Stationed, reportId, ReviewDecision.Approved, "同意");

        // Level 2 returns it with reasons; the deadline is counted in working days.
        await DutyReportClients.ReviewOkAsync(c.Supervision, reportId, ReviewDecision.Returned, "对“三重一大”执行情况述而不评，问题查摆不深入");
        var returned = await DutyReportClients.ReportAsync(c.Supervision, reportId);
        var calendar = app.Services.GetRequiredService<SupervisionCalendar>();
        Assert.Equal(DutyReportState.Returned, returned.Summary.State);
        Assert.Equal(calendar.AddWorkingDays(TestClock.Today, calendar.Options.RevisionWorkingDays), returned.Summary.RevisionDueOn);
        Assert.Equal("对“三重一大”执行情况述而不评，问题查摆不深入", returned.ReturnReason);
        Assert.Equal(["派驻纪检监察组", "监督检查室"], returned.Reviews.Select(r => r.LevelName));

        // Revised and resubmitted, it goes through all three levels again.
        await c.WriteAsync(reportId, "修改稿", submit: true);
        var resubmitted = await DutyReportClients.ReportAsync(c.Supervision, reportId);
        Assert.Equal((DutyReportState.UnderReview, "派驻纪检监察组", 2), (resubmitted.Summary.State, resubmitted.Summary.LevelName, resubmitted.Round));
        await DutyReportClients.ReviewOkAsync(c.Stationed, reportId, ReviewDecision.Approved, null);
        await DutyReportClients.ReviewOkAsync(c.Supervision, reportId, ReviewDecision.Approved, null);
        await DutyReportClients.ReviewOkAsync(c.PartyConduct, reportId, ReviewDecision.Approved, "同意");
        var approved = await DutyReportClients.ReportAsync(c.Leader, reportId);
        Assert.Equal(DutyReportState.Approved, approved.Summary.State);
        Assert.StartsWith("修改稿", approved.Answers[0], StringComparison.Ordinal);

        var chishui = await app.ClientForAsync(TestUsers.ChishuiSupervision.UserName);
        await (await chishui.GetAsync($"/api/v1/duty-reports/{reportId}")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Secret_scores_are_aggregated_exactly_and_no_response_carries_a_single_vote(Provider provider)
    {
        var app = await apps.GetAsync(provider);
        var c = await DutyReportClients.ConnectAsync(app);
        var (campaignId, reportId) = await c.CampaignWithReporterAsync(await ClueClients.KaiyangPrincipalAsync(app, skip: 17));
        await c.ApproveThroughAsync(reportId);
        await using var db = app.CreateDb();
        var scorerNames = new[] { TestUsers.KaiyangLeader, TestUsers.KaiyangSupervision, TestUsers.KaiyangPartyConduct }.Select(u => u.UserName).ToList();
        var scorerIds = await db.Users.AsNoTracking().Where(u => scorerNames.Contains(u.UserName!)).Select(u => u.Id).ToListAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await c.Leader.PutAsync($"/api/v1/duty-report-campaigns/{campaignId}/scorers", new SetScorersRequest { UserIds = scorerIds }.AsJson())).StatusCode);

        await DutyReportClients.VoteOkAsync(c.Leader, reportId, 93);
        await DutyReportClients.VoteOkAsync(c.Supervision, reportId, 86);
        await DutyReportClients.VoteOkAsync(c.PartyConduct, reportId, 71);
        await (await c.Leader.PostAsync($"/api/v1/duty-reports/{reportId}/votes", new VoteRequest { Score = 50 }.AsJson())).ProblemAsync(HttpStatusCode.Conflict);
        var outsider = await app.ClientForAsync(TestUsers.KaiyangCaseManagement.UserName);
        await (await outsider.PostAsync($"/api/v1/duty-reports/{reportId}/votes", new VoteRequest { Score = 10 }.AsJson())).ProblemAsync(HttpStatusCode.Forbidden);

        // While scoring is open nobody sees a figure; afterwards only the aggregate.
        var open = await DutyReportClients.CampaignAsync(c.Leader, campaignId);
        var openRow = Assert.Single(open.Reports, r => r.Id == reportId);
        Assert.Equal((3, (decimal?)null), (openRow.VoteCount, openRow.MeanScore));
        Assert.Equal(HttpStatusCode.NoContent, (await c.Leader.PostAsync($"/api/v1/duty-report-campaigns/{campaignId}/close-scoring", null)).StatusCode);
        var closed = Assert.Single((await DutyReportClients.CampaignAsync(c.Leader, campaignId)).Reports, r => r.Id == reportId);
        Assert.Equal(83.33m, closed.MeanScore);
        Assert.Equal("良好", closed.Grade);

        var bodies = new List<string>();
        foreach (var client in new[] { c.Leader, c.Supervision, c.PartyConduct })
        {
            bodies.Add(await (await client.GetAsync($"/api/v1/duty-reports/{reportId}")).Content.ReadAsStringAsync());
            bodies.Add(await (await client.GetAsync($"/api/v1/duty-report-campaigns/{campaignId}")).Content.ReadAsStringAsync());
        }

        foreach (var score in new[] { 93, 86, 71 })
        {
            Assert.DoesNotContain(bodies, b => Regex.IsMatch(b, $"[:\\[,]\\s*{score}(\\.0+)?\\s*[,\\]}}]"));
        }

        // Not even the database holds a single ballot: only who voted, and the sum.
        var report = await db.DutyReports.AsNoTracking().SingleAsync(r => r.Id == reportId);
        Assert.Equal((3, 250), (report.VoteCount, report.ScoreSum));
        Assert.DoesNotContain(db.Model.FindEntityType(typeof(DutyReportVoter))!.GetProperties(), p => p.Name.Contains("Score", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Problems_named_in_a_comment_become_rectification_items_of_the_reporting_principal_leader(Provider provider)
    {
        var app = await apps.GetAsync(provider);
        var c = await DutyReportClients.ConnectAsync(app);
        var official = await ClueClients.KaiyangPrincipalAsync(app, skip: 18);
        var (_, reportId) = await c.CampaignWithReporterAsync(official);
        await c.ApproveThroughAsync(reportId);

        var response = await c.Leader.PostAsync($"/api/v1/duty-reports/{reportId}/comments", new CommentReportRequest
        {
            Text = "报告查摆问题不够具体，要求限期整改。",
            Problems = ["班子成员谈心谈话未实现全覆盖", "对下级“一把手”监督偏软"],
        }.AsJson());
        var ids = await response.OkJsonAsync<List<Guid>>();
        Assert.Equal(2, ids.Count);
        await using var db = app.CreateDb();
        var items = await db.RectificationItems.AsNoTracking().Where(i => i.SourceId == reportId).ToListAsync();
        Assert.Equal(ids.Order(), items.Select(i => i.Id).Order());
        Assert.All(items, i => Assert.Equal((RectificationSource.DutyReport, (Guid?)official), (i.Source, i.Subject.OfficialId)));
        var detail = await DutyReportClients.ReportAsync(c.Supervision, reportId);
        Assert.Equal(ids.Order(), Assert.Single(detail.Comments).RectificationItemIds.Order());
    }
}

/// <summary>The Kaiyang reviewers and the steps of a report, over the API.</summary>
internal sealed class DutyReportClients
{
    public HttpClient Leader { get; private init; } = null!;

    public HttpClient Stationed { get; private init; } = null!;

    public HttpClient Supervision { get; private init; } = null!;

    public HttpClient PartyConduct { get; private init; } = null!;

    public static async Task<DutyReportClients> ConnectAsync(QingfengApp app) => new()
    {
        Leader = await app.ClientForAsync(TestUsers.KaiyangLeader.UserName),
        Stationed = await app.ClientForAsync(TestUsers.KaiyangStationed.UserName),
        Supervision = await app.ClientForAsync(TestUsers.KaiyangSupervision.UserName),
        PartyConduct = await app.ClientForAsync(TestUsers.KaiyangPartyConduct.UserName),
    };

    public async Task<(Guid CampaignId, Guid ReportId)> CampaignWithReporterAsync(Guid officialId)
    {
        var created = await Leader.PostAsync("/api/v1/duty-report-campaigns", new CreateCampaignRequest { Title = "开阳县2026年度一把手述责述廉（测试）", SessionOn = new DateOnly(2026, 12, 20) }.AsJson());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var campaignId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var added = await Leader.PostAsync($"/api/v1/duty-report-campaigns/{campaignId}/reporters", new AddReporterRequest { OfficialId = officialId, Mode = ReportMode.OnSite }.AsJson());
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        return (campaignId, (await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
    }

    public async Task WriteAsync(Guid reportId, string prefix, bool submit)
    {
        var response = await Supervision.PutAsync($"/api/v1/duty-reports/{reportId}", new WriteReportRequest
        {
            Answers = [.. Enumerable.Range(1, 14).Select(i => $"{prefix}：第{i}项情况")],
            Submit = submit,
        }.AsJson());
        Assert.True(response.StatusCode == HttpStatusCode.NoContent, await response.Content.ReadAsStringAsync());
    }

    public static async Task ReviewOkAsync(HttpClient reviewer, Guid reportId, ReviewDecision decision, string? comment)
    {
        var response = await reviewer.PostAsync($"/api/v1/duty-reports/{reportId}/review", new ReviewReportRequest { Decision = decision, Comment = comment }.AsJson());
        Assert.True(response.StatusCode == HttpStatusCode.NoContent, await response.Content.ReadAsStringAsync());
    }

    public async Task ApproveThroughAsync(Guid reportId)
    {
        await WriteAsync(reportId, "述责述廉报告", submit: true);
        await ReviewOkAsync(Stationed, reportId, ReviewDecision.Approved, null);
        await ReviewOkAsync(Supervision, reportId, ReviewDecision.Approved, null);
        await ReviewOkAsync(PartyConduct, reportId, ReviewDecision.Approved, null);
    }

    public static async Task VoteOkAsync(HttpClient voter, Guid reportId, int score)
    {
        var response = await voter.PostAsync($"/api/v1/duty-reports/{reportId}/votes", new VoteRequest { Score = score }.AsJson());
        Assert.True(response.StatusCode == HttpStatusCode.NoContent, await response.Content.ReadAsStringAsync());
    }

    public static async Task<ReportDetail> ReportAsync(HttpClient client, Guid reportId) =>
        await (await client.GetAsync($"/api/v1/duty-reports/{reportId}")).OkJsonAsync<ReportDetail>();

    public static async Task<CampaignDetail> CampaignAsync(HttpClient client, Guid campaignId) =>
        await (await client.GetAsync($"/api/v1/duty-report-campaigns/{campaignId}")).OkJsonAsync<CampaignDetail>();
}
