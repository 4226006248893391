using System.Net;
using Microsoft.EntityFrameworkCore;
using Qingfeng.Features.Rectification;
using Qingfeng.Features.Talks;
using Qingfeng.IntegrationTests.Features.Accountability;
using Qingfeng.IntegrationTests.Features.Decisions;
using Qingfeng.IntegrationTests.Features.DutyReports;
using Qingfeng.IntegrationTests.Features.Rectification;
using Qingfeng.IntegrationTests.Features.Talks;
using Qingfeng.IntegrationTests.Infrastructure;
using Qingfeng.Platform.Security;
using Xunit;

namespace Qingfeng.IntegrationTests.Security;

/// <summary>
/// The two cases of issue 14 (hole 9), through the API: a city commission reads the county's records its jurisdiction covers,
/// but only the owning organ changes them (ADR 0008). Refused with 403 and a code that says why; the record stays as it was.
/// </summary>
public sealed class OwningOrganWriteTests(SharedApps apps)
{
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task A_city_commission_user_reads_a_county_talk_but_cannot_cancel_it(Provider provider)
    {
        var app = await apps.GetAsync(provider);
        var county = await app.ClientForAsync(TestUsers.KaiyangSupervision.UserName);
        var city = await CityClientAsync(app);
        var talkId = await TalkClients.PlanAsync(county, await TalkClients.KaiyangOfficialAsync(app, skip: 41), TalkType.Reminder, tier: 2, TestClock.Today);

        var read = await (await city.GetAsync($"/api/v1/talks/{talkId}")).OkJsonAsync<TalkDetail>();
        Assert.False(read.MayChange);

        var cancel = await city.PostAsync($"/api/v1/talks/{talkId}/cancel", new CancelTalkRequest { Reason = "市纪委取消（越权）" }.AsJson());
        var problem = await cancel.ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("Supervision.NotOwningOrgan", problem.GetProperty("code").GetString());
        Assert.Contains("开阳县纪委监委", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        await using (var db = app.CreateDb())
        {
            var stored = await db.Set<Talk>().AsNoTracking().SingleAsync(t => t.Id == talkId);
            Assert.Equal((TalkState.Planned, (string?)null), (stored.State, stored.CancelReason));
        }

        // The owner still can: the refusal is about who asks, not about the talk.
        var own = await (await county.GetAsync($"/api/v1/talks/{talkId}")).OkJsonAsync<TalkDetail>();
        Assert.True(own.MayChange);
        var cancelled = await county.PostAsync($"/api/v1/talks/{talkId}/cancel", new CancelTalkRequest { Reason = "对象调整" }.AsJson());
        Assert.Equal(HttpStatusCode.NoContent, cancelled.StatusCode);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task A_city_commission_user_reads_a_county_ledger_item_but_cannot_change_its_measures(Provider provider)
    {
        var app = await apps.GetAsync(provider);
        var county = await app.ClientForAsync(TestUsers.KaiyangSupervision.UserName);
        var city = await CityClientAsync(app);
        var created = await county.PostAsync("/api/v1/rectification", new CreateRectificationItemRequest
        {
            Source = RectificationSource.Inspection,
            OfficialId = await TalkClients.KaiyangOfficialAsync(app, skip: 42),
            Problem = "巡察反馈：公务用车管理不规范（写权限测试）",
            Measures = "县纪委确定的整改措施",
        }.AsJson());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var itemId = await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<Guid>(created.Content);

        var read = await RectificationClients.GetAsync(city, itemId);
        Assert.False(read.MayChange);

        var change = await city.PutAsync($"/api/v1/rectification/{itemId}/measures", new SetMeasuresRequest { Measures = "市纪委改写的措施（越权）" }.AsJson());
        var problem = await change.ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("Supervision.NotOwningOrgan", problem.GetProperty("code").GetString());

        var after = await RectificationClients.GetAsync(county, itemId);
        Assert.Equal("县纪委确定的整改措施", after.Measures);
        Assert.Equal(read.Version, after.Version);

        // The owner still can.
        Assert.True(after.MayChange);
        var own = await county.PutAsync($"/api/v1/rectification/{itemId}/measures", new SetMeasuresRequest { Measures = "县纪委调整后的措施" }.AsJson());
        Assert.Equal(HttpStatusCode.NoContent, own.StatusCode);
    }

    /// <summary>The two writes whose generated bodies the write matrix cannot make valid: here with bodies the owner's own tests use.</summary>
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task A_city_commission_cannot_rewrite_a_county_accountability_decision_or_decision_record_with_a_valid_body(Provider provider)
    {
        var app = await apps.GetAsync(provider);
        var official = await TalkClients.KaiyangOfficialAsync(app, skip: 43);
        var accountability = await AccountabilityApiTests.CreateAsync(await app.ClientForAsync(TestUsers.KaiyangLeader.UserName), AccountabilityApiTests.ExaminationOf(official));
        var decision = await DecisionApiTests.CreateAsync(await app.ClientForAsync(TestUsers.KaiyangSupervision.UserName), DecisionApiTests.CleanRequest(null) with { OfficialId = official });

        var cityLeader = await CityClientAsync(app, Roles.CommissionLeader);
        var rewrite = await cityLeader.PutAsync($"/api/v1/accountability/{accountability}", (AccountabilityApiTests.ExaminationOf(official) with { Facts = "市纪委改写的事实（越权）" }).AsJson());
        Assert.Equal("Supervision.NotOwningOrgan", (await rewrite.ProblemAsync(HttpStatusCode.Forbidden)).GetProperty("code").GetString());
        var record = await cityLeader.PutAsync($"/api/v1/decisions/{decision}", (DecisionApiTests.CleanRequest(null) with { OfficialId = official, Title = "市纪委改写（越权）" }).AsJson());
        Assert.Equal("Supervision.NotOwningOrgan", (await record.ProblemAsync(HttpStatusCode.Forbidden)).GetProperty("code").GetString());

        await using var db = app.CreateDb();
        Assert.Equal("2026年3月12日，该单位3名工作人员工作日中午饮酒，下午无故脱岗", await db.AccountabilityDecisions.Where(d => d.Id == accountability).Select(d => d.Facts).SingleAsync());
        Assert.Equal("采购执法执勤车辆", await db.DecisionRecords.Where(d => d.Id == decision).Select(d => d.Title).SingleAsync());
    }

    /// <summary>The one step a 述责述廉 campaign hands to another organ: its stationed-team level, to a stationed team of the campaign's organ only.</summary>
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task The_stationed_level_of_a_county_campaign_is_taken_by_the_countys_stationed_team_and_not_by_a_citys(Provider provider)
    {
        var app = await apps.GetAsync(provider);
        var c = await DutyReportClients.ConnectAsync(app);
        var (_, reportId) = await c.CampaignWithReporterAsync(await TalkClients.KaiyangOfficialAsync(app, skip: 44));
        await c.WriteAsync(reportId, "述责述廉报告（写权限测试）", submit: true);

        // A stationed team of the city commission, whose jurisdiction (the whole city) covers the county.
        Guid team;
        await using (var db = app.CreateDb())
        {
            var guiyang = await db.Organs.SingleAsync(o => o.Name == "贵阳市纪委监委");
            var organ = new Qingfeng.Features.Organs.Organ("贵阳市纪委监委派驻测试纪检监察组" + Guid.NewGuid().ToString("N")[..6], Qingfeng.Features.Organs.OrganKind.StationedTeam, "520100", guiyang);
            organ.GrantRegion("5201");
            db.Organs.Add(organ);
            await db.SaveChangesAsync();
            team = organ.Id;
        }

        var cityTeam = await app.ClientForOrganAsync(team, Roles.StationedTeam);
        var seen = await (await cityTeam.GetAsync($"/api/v1/duty-reports/{reportId}")).OkJsonAsync<Qingfeng.Features.DutyReports.ReportDetail>();
        Assert.Empty(seen.Actions);
        var review = await cityTeam.PostAsync($"/api/v1/duty-reports/{reportId}/review", new Qingfeng.Features.DutyReports.ReviewReportRequest { Decision = Qingfeng.Features.DutyReports.ReviewDecision.Approved }.AsJson());
        Assert.Equal("Supervision.NotOwningOrgan", (await review.ProblemAsync(HttpStatusCode.Forbidden)).GetProperty("code").GetString());

        Assert.Equal([Qingfeng.Features.DutyReports.DutyReportAction.Approve, Qingfeng.Features.DutyReports.DutyReportAction.Return], (await DutyReportClients.ReportAsync(c.Stationed, reportId)).Actions);
        await DutyReportClients.ReviewOkAsync(c.Stationed, reportId, Qingfeng.Features.DutyReports.ReviewDecision.Approved, null);
    }

    /// <summary>A user of the Guiyang city commission (supervision office unless another role is asked), whose jurisdiction covers Kaiyang county.</summary>
    internal static async Task<HttpClient> CityClientAsync(QingfengApp app, string role = Roles.SupervisionOffice)
    {
        await using var db = app.CreateDb();
        var guiyang = await db.Organs.AsNoTracking().Where(o => o.Name == "贵阳市纪委监委").Select(o => o.Id).SingleAsync();
        return await app.ClientForOrganAsync(guiyang, role);
    }
}
