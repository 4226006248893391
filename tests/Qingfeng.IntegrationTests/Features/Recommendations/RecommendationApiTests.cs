using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Qingfeng.Features.Notifications;
using Qingfeng.Features.Recommendations;
using Qingfeng.Features.Rectification;
using Qingfeng.IntegrationTests.Features.Decisions;
using Qingfeng.IntegrationTests.Features.Rectification;
using Qingfeng.IntegrationTests.Infrastructure;
using Qingfeng.Platform.Api;
using Qingfeng.Platform.Data;
using Qingfeng.Platform.Security;
using Xunit;

namespace Qingfeng.IntegrationTests.Features.Recommendations;

/// <summary>Supervision recommendations through the API: numbering, measures in the ledger, reply, follow-up, rules, the letter, jurisdiction.</summary>
public sealed class RecommendationApiTests(SharedApps apps)
{
    public static IssueRecommendationRequest ProcurementRecommendation(Guid unit, DateOnly issuedOn) => new()
    {
        UnitId = unit,
        Kind = RecommendationKind.Combined,
        Title = "关于规范药品耗材采购管理的纪检监察建议",
        Origin = "我委在查办该单位原主要负责人违纪违法案件中，发现该单位药品耗材采购管理存在漏洞。",
        Findings = "一是采购决策由个人说了算。\n二是供应商遴选缺乏监督。",
        Measures = ["建立药品耗材采购集体决策制度", "开展供应商准入清理"],
        IssuedOn = issuedOn,
    };

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task A_recommendation_is_numbered_its_measures_enter_the_ledger_and_it_closes_after_the_reply_and_a_satisfactory_check(Provider provider)
    {
        var app = await apps.GetAsync(provider);
        var office = await app.ClientForAsync(TestUsers.KaiyangSupervision.UserName);
        var (_, unit) = await DecisionApiTests.PrincipalAndUnitAsync(app, skip: 40);

        var issuedOn = Today.AddDays(-3);
        var first = await IssueAsync(office, ProcurementRecommendation(unit, issuedOn));
        var second = await IssueAsync(office, ProcurementRecommendation(unit, issuedOn) with { Measures = ["完善采购内控制度"] });
        var detail = await GetAsync(office, first);
        var numbers = new[] { detail.Number, (await GetAsync(office, second)).Number }
            .Select(n => Regex.Match(n, $"^纪建〔{issuedOn.Year}〕(\\d+)号$")).ToList();
        Assert.All(numbers, m => Assert.True(m.Success));
        Assert.True(int.Parse(numbers[1].Groups[1].Value, CultureInfo.InvariantCulture) > int.Parse(numbers[0].Groups[1].Value, CultureInfo.InvariantCulture));
        Assert.Equal(issuedOn.AddDays(30), detail.ReplyDueOn);

        await using (var db = app.CreateDb())
        {
            // Addressed to the unit's 一把手 (a unit may have two, e.g. secretary and director).
            Assert.True(await db.Officials.AnyAsync(o => o.Id == detail.Subject.OfficialId && o.UnitId == unit && o.IsPrincipal));
            var items = await db.RectificationItems.AsNoTracking().Where(i => i.SourceId == first).OrderBy(i => i.Measures).ToListAsync();
            Assert.Equal(2, items.Count);
            Assert.All(items, i => Assert.Equal((RectificationSource.Recommendation, detail.Number, detail.ReplyDueOn, unit), (i.Source, i.SourceReference, i.DueOn, i.Subject.UnitId)));
            Assert.Equal(detail.Measures.Select(m => m.RectificationItemId!.Value).Order(), items.Select(i => i.Id).Order());
        }

        await (await office.PostAsync($"/api/v1/recommendations/{first}/checks", new AddRecommendationCheckRequest { CheckedOn = issuedOn.AddDays(1), Finding = "尚未回复", Satisfactory = true }.AsJson()))
            .ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.NoContent, (await office.PostAsync($"/api/v1/recommendations/{first}/reply", new RecordRecommendationReplyRequest { RepliedOn = issuedOn.AddDays(2), Reply = "已制定采购集体决策制度并清理供应商12家。" }.AsJson())).StatusCode);
        await (await office.PostAsync($"/api/v1/recommendations/{first}/reply", new RecordRecommendationReplyRequest { RepliedOn = issuedOn.AddDays(3), Reply = "再次回复" }.AsJson()))
            .ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.NoContent, (await office.PostAsync($"/api/v1/recommendations/{first}/rules", new AddAdoptedRuleRequest { Title = "药品耗材采购“十不准”", AdoptedOn = issuedOn.AddDays(1), Summary = "不准个人决定采购品种" }.AsJson())).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await office.PutAsync($"/api/v1/recommendations/{first}/outcome", new Qingfeng.Features.Supervision.SupervisionOutcomeInput { ProblemsFound = 2, FundsRecovered = 654_000m, RulesAdopted = 9 }.AsJson())).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await office.PostAsync($"/api/v1/recommendations/{first}/checks", new AddRecommendationCheckRequest { CheckedOn = issuedOn.AddDays(3), Finding = "回头看：制度已执行，集体决策记录完整。", Satisfactory = true }.AsJson())).StatusCode);

        var closed = await GetAsync(office, first);
        Assert.Equal(RecommendationState.Closed, closed.State);
        Assert.Equal(issuedOn.AddDays(3), closed.ClosedOn);
        Assert.Equal((2, 65_400_000L, 1), (closed.Outcome.ProblemsFound, closed.Outcome.FundsRecoveredFen, closed.Outcome.RulesAdopted));
        Assert.Equal("药品耗材采购“十不准”", Assert.Single(closed.Rules).Title);

        var found = await (await office.GetAsync($"/api/v1/recommendations/rules?text={Uri.EscapeDataString("十不准")}&unitId={unit}")).OkJsonAsync<Paged<AdoptedRuleListItem>>();
        Assert.Contains(found.Items, r => r.RecommendationId == first && r.RecommendationNumber == closed.Number);
        var chishui = await app.ClientForAsync(TestUsers.ChishuiSupervision.UserName);
        var theirs = await (await chishui.GetAsync($"/api/v1/recommendations/rules?unitId={unit}")).OkJsonAsync<Paged<AdoptedRuleListItem>>();
        Assert.Empty(theirs.Items);
        await (await chishui.GetAsync($"/api/v1/recommendations/{first}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await chishui.GetAsync($"/api/v1/recommendations/{first}/document")).ProblemAsync(HttpStatusCode.NotFound);

        var letter = await office.GetAsync($"/api/v1/recommendations/{first}/document");
        Assert.Equal(HttpStatusCode.OK, letter.StatusCode);
        using var stream = new MemoryStream(await letter.Content.ReadAsByteArrayAsync());
        using var word = WordprocessingDocument.Open(stream, false);
        var text = word.MainDocumentPart!.Document!.Body!.InnerText;
        Assert.Contains(closed.Number, text, StringComparison.Ordinal);
        Assert.Contains(closed.Subject.UnitName + "：", text, StringComparison.Ordinal);
        Assert.Contains("1.建立药品耗材采购集体决策制度。", text, StringComparison.Ordinal);
        Assert.Contains($"{closed.ReplyDueOn.Year}年{closed.ReplyDueOn.Month}月{closed.ReplyDueOn.Day}日前", text, StringComparison.Ordinal);
        Assert.Contains("第六十二条", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task An_unanswered_recommendation_is_listed_overdue_and_the_issuing_office_is_told_once(Provider provider)
    {
        var app = await apps.GetAsync(provider);
        var office = await app.ClientForAsync(TestUsers.KaiyangSupervision.UserName);
        var (_, unit) = await DecisionApiTests.PrincipalAndUnitAsync(app, skip: 41);
        var id = await IssueAsync(office, ProcurementRecommendation(unit, Today));
        var detail = await GetAsync(office, id);

        // 30 days from Wed 2 Dec 2026 end on 1 January 2027, New Year's Day (a statutory holiday: 2027 has no schedule
        // yet), so the limit is the next working day after the weekend.
        Assert.Equal(new DateOnly(2027, 1, 4), detail.ReplyDueOn);
        Assert.False(detail.ReplyOverdue);
        var overdue = await (await office.GetAsync($"/api/v1/recommendations?overdueOnly=true&unitId={unit}")).OkJsonAsync<Paged<RecommendationListItem>>();
        Assert.DoesNotContain(overdue.Items, r => r.Id == id);
        Assert.Equal(HttpStatusCode.OK, (await office.GetAsync("/api/v1/recommendations/export?overdueOnly=true")).StatusCode);

        var before = new FakeTimeProvider(RectificationClients.Noon(detail.ReplyDueOn));
        await SweepAsync(app, before);
        Assert.DoesNotContain(await RectificationClients.NotificationsAsync(office), n => n.Link == $"/supervision/recommendations/{id}");

        var after = new FakeTimeProvider(RectificationClients.Noon(detail.ReplyDueOn.AddDays(1)));
        await SweepAsync(app, after);
        await SweepAsync(app, after);
        var told = (await RectificationClients.NotificationsAsync(office)).Where(n => n.Link == $"/supervision/recommendations/{id}").ToList();
        var message = Assert.Single(told);
        Assert.Contains(detail.Number, message.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task A_recommendation_without_measures_or_to_a_unit_out_of_reach_is_refused(Provider provider)
    {
        var app = await apps.GetAsync(provider);
        var office = await app.ClientForAsync(TestUsers.KaiyangSupervision.UserName);
        var (_, unit) = await DecisionApiTests.PrincipalAndUnitAsync(app, skip: 42);

        // Its own title: another test may issue to the same unit today (a unit can have two 一把手).
        var title = "应被拒绝的建议" + Guid.NewGuid().ToString("N")[..8];
        IssueRecommendationRequest Refused(Guid to) => ProcurementRecommendation(to, Today) with { Title = title };
        await (await office.PostAsync("/api/v1/recommendations", (Refused(unit) with { Measures = [" "] }).AsJson()))
            .ProblemAsync(HttpStatusCode.UnprocessableEntity);
        await (await office.PostAsync("/api/v1/recommendations", (Refused(unit) with { ReplyDueOn = Today.AddDays(-1) }).AsJson()))
            .ProblemAsync(HttpStatusCode.UnprocessableEntity);
        var chishui = await app.ClientForAsync(TestUsers.ChishuiSupervision.UserName);
        await (await chishui.PostAsync("/api/v1/recommendations", Refused(unit).AsJson())).ProblemAsync(HttpStatusCode.NotFound);
        var petition = await app.ClientForAsync(TestUsers.KaiyangPetition.UserName);
        Assert.Equal(HttpStatusCode.Forbidden, (await petition.PostAsync("/api/v1/recommendations", Refused(unit).AsJson())).StatusCode);
        await using var db = app.CreateDb();
        Assert.False(await db.Recommendations.AnyAsync(r => r.Title == title));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Recommendations_issued_at_the_same_moment_all_get_their_own_number(Provider provider)
    {
        var app = await apps.GetAsync(provider);
        var office = await app.ClientForAsync(TestUsers.KaiyangSupervision.UserName);
        var (_, unit) = await DecisionApiTests.PrincipalAndUnitAsync(app, skip: 44);

        // All read the same last number; the unique index refuses all but one save and the others number again.
        var ids = await Task.WhenAll(Enumerable.Range(1, 6).Select(n =>
            IssueAsync(office, ProcurementRecommendation(unit, Today) with { Title = $"同时签发的建议{n}" })));

        var numbers = await Task.WhenAll(ids.Select(async id => (await GetAsync(office, id)).Number));
        Assert.Equal(6, numbers.Distinct(StringComparer.Ordinal).Count());
    }

    private static DateOnly Today => TestClock.Today;

    internal static async Task<Guid> IssueAsync(HttpClient client, IssueRecommendationRequest request)
    {
        var created = await client.PostAsync("/api/v1/recommendations", request.AsJson());
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return (await created.Content.ReadFromJsonAsync<IdResult>(HttpAssertions.Json))!.Id;
    }

    private static async Task SweepAsync(QingfengApp app, TimeProvider clock)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(UserContext.System);
        await new RecommendationReplySweep(
            scope.ServiceProvider.GetRequiredService<IDbContextFactory<QingfengDb>>(),
            scope.ServiceProvider.GetRequiredService<NotificationService>(),
            clock).RunAsync();
    }

    private static async Task<RecommendationDetail> GetAsync(HttpClient client, Guid id) =>
        await (await client.GetAsync($"/api/v1/recommendations/{id}")).OkJsonAsync<RecommendationDetail>();
}
