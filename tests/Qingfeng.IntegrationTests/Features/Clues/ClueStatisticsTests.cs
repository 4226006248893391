using System.Net;
using Qingfeng.Features.Clues;
using Qingfeng.IntegrationTests.Infrastructure;
using Xunit;

namespace Qingfeng.IntegrationTests.Features.Clues;

/// <summary>The funnel counts what happened: one more clue walked to a transfer moves every column by its share.</summary>
public sealed class ClueStatisticsTests
{
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task A_clue_walked_to_a_transfer_adds_one_to_each_stage_of_the_funnel_and_its_outcomes(Provider provider)
    {
        await using var app = await QingfengApp.StartAsync(provider);
        var clues = new ClueClients(app);
        await clues.ConnectAsync();
        var before = await FunnelAsync(clues.CaseManager, FunnelDimension.County);

        var official = await ClueClients.KaiyangPrincipalAsync(app, skip: 0);
        var registered = await clues.RegisterAsync(official, "反映其违规收受礼金并插手工程项目。", realName: false);
        await clues.AssignAsync(registered.Id, TestUsers.KaiyangSupervision.UserName);
        var today = TestClock.Today;
        await clues.WalkToTransferAsync(registered.Id, today);
        var outcome = await clues.Handler.PutAsync($"/api/v1/clues/{registered.Id}/outcome", new RecordOutcomeRequest { ProblemsFound = 21, FurtherClues = 4, FundsPaidOut = 820_000m, FundsRecovered = 654_000m }.AsJson());
        Assert.Equal(HttpStatusCode.NoContent, outcome.StatusCode);

        var after = await FunnelAsync(clues.CaseManager, FunnelDimension.County);
        Assert.Equal(before.Total.Clues + 1, after.Total.Clues);
        Assert.Equal(before.Total.Verification + 1, after.Total.Verification);
        Assert.Equal(before.Total.Filed + 1, after.Total.Filed);
        Assert.Equal(before.Total.Sanctioned + 1, after.Total.Sanctioned);
        Assert.Equal(before.Total.Transferred + 1, after.Total.Transferred);
        Assert.Equal(before.Total.ProblemsFound + 21, after.Total.ProblemsFound);
        Assert.Equal(before.Total.FurtherClues + 4, after.Total.FurtherClues);
        Assert.Equal(before.Total.FundsPaidOut + 820_000m, after.Total.FundsPaidOut);
        Assert.Equal(before.Total.FundsRecovered + 654_000m, after.Total.FundsRecovered);
        var kaiyang = Assert.Single(after.Rows);
        Assert.Equal("开阳县", kaiyang.Label);
        Assert.Equal(after.Total.Clues, kaiyang.Clues);

        // Other dimensions add up to the same totals (a clue counts once per category it carries).
        foreach (var dimension in new[] { FunnelDimension.LeaderCategory, FunnelDimension.Source, FunnelDimension.Month })
        {
            var report = await FunnelAsync(clues.CaseManager, dimension);
            Assert.Equal(after.Total.Clues, report.Rows.Sum(r => r.Clues));
            Assert.Equal(after.Total.Filed, report.Rows.Sum(r => r.Filed));
        }

        var byCategory = await FunnelAsync(clues.CaseManager, FunnelDimension.Category);
        Assert.Contains(byCategory.Rows, r => r.Key == "EP.GIFTS" && r.Label == "违规收送名贵特产和礼品礼金");

        // Statistics are for case management and leaders, and cover only their own organ.
        var officer = await app.ClientForAsync(TestUsers.KaiyangSupervision.UserName);
        await (await officer.GetAsync("/api/v1/clue-statistics/funnel")).ProblemAsync(HttpStatusCode.Forbidden);
        var province = await FunnelAsync(await app.ClientForAsync(TestUsers.ProvinceCaseManagement.UserName), FunnelDimension.County);
        Assert.Equal(0, province.Total.Clues);

        var excel = await clues.CaseManager.GetAsync("/api/v1/clue-statistics/funnel/export?dimension=County");
        Assert.Equal(HttpStatusCode.OK, excel.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", excel.Content.Headers.ContentType?.MediaType);
    }

    private static async Task<FunnelReport> FunnelAsync(HttpClient client, FunnelDimension dimension) =>
        await (await client.GetAsync($"/api/v1/clue-statistics/funnel?dimension={dimension}")).OkJsonAsync<FunnelReport>();
}
