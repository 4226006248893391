using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Qingfeng.Features.Outcomes;
using Qingfeng.Features.Rectification;
using Qingfeng.Features.Supervision;
using Qingfeng.IntegrationTests.Features.Recommendations;
using Qingfeng.IntegrationTests.Infrastructure;
using Xunit;
using static Qingfeng.IntegrationTests.Features.Rectification.RectificationClients;

namespace Qingfeng.IntegrationTests.Features.Outcomes;

/// <summary>Outcomes recorded on a piece of work are counted in the summary (domain.md A18), within jurisdiction.</summary>
public sealed class OutcomeSummaryTests(SharedApps apps)
{
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Outcomes_recorded_at_close_out_are_summed_per_module_and_hidden_from_other_counties(Provider provider)
    {
        var app = await apps.GetAsync(provider);
        var officer = await app.ClientForAsync(TestUsers.KaiyangSupervision.UserName);
        var reviewer = await app.ClientForAsync(TestUsers.KaiyangSupervision2.UserName);

        // A village's principal: no other test works in this village, so its region code isolates this test's figures.
        await using var db = app.CreateDb();
        var village = await db.Officials.AsNoTracking()
            .Where(o => o.IsPrincipal && o.RegionKey.StartsWith("520121") && o.RegionKey.Length > 9 && o.Unit!.Kind == Qingfeng.Features.Roster.UnitKind.VillageOrCommunity)
            .OrderByDescending(o => o.RegionKey).Select(o => new { o.Id, o.RegionKey }).FirstAsync();
        var created = await officer.PostAsync("/api/v1/rectification", new CreateRectificationItemRequest
        {
            Source = RectificationSource.Inspection,
            OfficialId = village.Id,
            Problem = "惠民资金发放不及时",
            Measures = "限期兑付拖欠资金，追缴违规领取资金",
        }.AsJson());
        var id = await created.Content.ReadFromJsonAsync<Guid>();
        await ReportOkAsync(officer, id, "已兑付并追缴", claimsDone: true, PdfEvidence);
        var closed = await reviewer.PostAsync($"/api/v1/rectification/{id}/close-out", new CloseOutRequest
        {
            Outcome = new SupervisionOutcomeInput { ProblemsFound = 21, CluesFound = 4, FundsPaidOut = 820_000m, FundsRecovered = 654_000m, RulesAdopted = 1 },
        }.AsJson());
        Assert.Equal(HttpStatusCode.NoContent, closed.StatusCode);

        var summary = await (await officer.GetAsync($"/api/v1/outcomes?regionCode={village.RegionKey}")).OkJsonAsync<OutcomeSummary>();
        var line = Assert.Single(summary.Lines, l => l.Module == OutcomeModule.Rectification);
        Assert.Equal((1, 21, 4, 820_000m, 654_000m, 1), (line.Items, line.ProblemsFound, line.CluesFound, line.FundsPaidOut, line.FundsRecovered, line.RulesAdopted));
        Assert.Equal(summary.Lines.Sum(l => l.FundsRecovered), summary.Total.FundsRecovered);
        Assert.True(summary.Total.ProblemsFound >= 21);

        var chishui = await app.ClientForAsync(TestUsers.ChishuiSupervision.UserName);
        var foreign = await (await chishui.GetAsync($"/api/v1/outcomes?regionCode={village.RegionKey}")).OkJsonAsync<OutcomeSummary>();
        Assert.Equal(0, foreign.Total.Items);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task A_recommendations_outcome_counts_under_its_module_within_the_period_by_its_issue_date(Provider provider)
    {
        var app = await apps.GetAsync(provider);
        var officer = await app.ClientForAsync(TestUsers.KaiyangSupervision.UserName);
        await using var db = app.CreateDb();
        var village = await db.Officials.AsNoTracking()
            .Where(o => o.IsPrincipal && o.RegionKey.StartsWith("520121") && o.RegionKey.Length > 9 && o.Unit!.Kind == Qingfeng.Features.Roster.UnitKind.VillageOrCommunity)
            .OrderByDescending(o => o.RegionKey).Skip(1).Select(o => new { o.UnitId, o.RegionKey }).FirstAsync();
        var today = TestClock.Today;
        var id = await RecommendationApiTests.IssueAsync(officer, RecommendationApiTests.ProcurementRecommendation(village.UnitId!.Value, today));
        Assert.Equal(HttpStatusCode.NoContent, (await officer.PutAsync($"/api/v1/recommendations/{id}/outcome", new SupervisionOutcomeInput { ProblemsFound = 3, FundsRecovered = 12_500m }.AsJson())).StatusCode);

        var day = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var within = await (await officer.GetAsync($"/api/v1/outcomes?regionCode={village.RegionKey}&from={day}&to={day}")).OkJsonAsync<OutcomeSummary>();
        var line = Assert.Single(within.Lines, l => l.Module == OutcomeModule.Recommendations);
        Assert.Equal((1, 3, 12_500m), (line.Items, line.ProblemsFound, line.FundsRecovered));

        var before = today.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var earlier = await (await officer.GetAsync($"/api/v1/outcomes?regionCode={village.RegionKey}&to={before}")).OkJsonAsync<OutcomeSummary>();
        Assert.Equal(0, Assert.Single(earlier.Lines, l => l.Module == OutcomeModule.Recommendations).Items);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task A_role_without_clue_access_gets_no_line_for_clues_in_the_summary_or_its_export(Provider provider)
    {
        var app = await apps.GetAsync(provider);
        var partyConduct = await app.ClientForAsync(TestUsers.KaiyangPartyConduct.UserName);
        var leader = await app.ClientForAsync(TestUsers.KaiyangLeader.UserName);

        var summary = await (await partyConduct.GetAsync("/api/v1/outcomes")).OkJsonAsync<OutcomeSummary>();
        Assert.DoesNotContain(summary.Lines, l => l.Module == OutcomeModule.Clues);
        Assert.Contains(summary.Lines, l => l.Module == OutcomeModule.Rectification);
        Assert.Equal(summary.Lines.Sum(l => l.Items), summary.Total.Items);
        var sheet = await Security.OpenApiProbe.ReadTextAsync(await partyConduct.GetAsync("/api/v1/outcomes/export"));
        Assert.DoesNotContain("问题线索和案件", sheet, StringComparison.Ordinal);

        // The leadership, which may read clues, keeps the line.
        var full = await (await leader.GetAsync("/api/v1/outcomes")).OkJsonAsync<OutcomeSummary>();
        Assert.Contains(full.Lines, l => l.Module == OutcomeModule.Clues);
        Assert.Contains("问题线索和案件", await Security.OpenApiProbe.ReadTextAsync(await leader.GetAsync("/api/v1/outcomes/export")), StringComparison.Ordinal);
    }
}
