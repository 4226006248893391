using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Qingfeng.Features.Rectification;
using Qingfeng.Features.Supervision;
using Qingfeng.IntegrationTests.Features.Clues;
using Qingfeng.IntegrationTests.Infrastructure;
using Xunit;
using static Qingfeng.IntegrationTests.Features.Rectification.RectificationClients;

namespace Qingfeng.IntegrationTests.Features.Rectification;

/// <summary>The ledger through the API: opening, evidence, close-out by another officer, jurisdiction, statistics and the deadline sweep.</summary>
public sealed class RectificationLedgerTests(SharedApps apps)
{
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task An_item_claimed_done_with_evidence_is_closed_out_by_another_officer_and_counted_closed_on_time(Provider provider)
    {
        var app = await apps.GetAsync(provider);
        var officer = await app.ClientForAsync(TestUsers.KaiyangSupervision.UserName);
        var reviewer = await app.ClientForAsync(TestUsers.KaiyangSupervision2.UserName);
        var official = await ClueClients.KaiyangPrincipalAsync(app, skip: 11);

        var created = await officer.PostAsync("/api/v1/rectification", new CreateRectificationItemRequest
        {
            Source = RectificationSource.Inspection,
            OfficialId = official,
            SourceReference = "县委第二巡察组反馈意见第3条",
            Problem = "公务接待未执行“一单一函”制度",
        }.AsJson());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = await created.Content.ReadFromJsonAsync<Guid>();

        var opened = await GetAsync(officer, id);
        var calendar = app.Services.GetRequiredService<SupervisionCalendar>();
        Assert.Equal(RectificationState.Open, opened.State);
        Assert.Equal(official, opened.Subject.OfficialId);
        Assert.Equal(calendar.AddWorkingDays(opened.OpenedOn, calendar.Options.RectificationWorkingDays), opened.DueOn);

        // Completion needs measures and evidence; the claimant cannot strike off their own claim.
        var noEvidence = await (await ReportAsync(officer, id, "已整改", claimsDone: true, pdf: null)).ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("佐证材料", noEvidence.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var measures = await officer.PutAsync($"/api/v1/rectification/{id}/measures", new SetMeasuresRequest { Measures = "修订公务接待管理办法，逐笔核对接待清单" }.AsJson());
        Assert.Equal(HttpStatusCode.NoContent, measures.StatusCode);
        await ReportOkAsync(officer, id, "已修订制度并完成自查", claimsDone: true, PdfEvidence);
        var self = await officer.PostAsync($"/api/v1/rectification/{id}/close-out", new CloseOutRequest().AsJson());
        await self.ProblemAsync(HttpStatusCode.Conflict);

        var closed = await reviewer.PostAsync($"/api/v1/rectification/{id}/close-out", new CloseOutRequest
        {
            Comment = "佐证材料齐全，予以销号",
            Outcome = new SupervisionOutcomeInput { ProblemsFound = 3, RulesAdopted = 1, FundsRecovered = 12_800m },
        }.AsJson());
        Assert.Equal(HttpStatusCode.NoContent, closed.StatusCode);

        var detail = await GetAsync(reviewer, id);
        Assert.Equal(RectificationState.Closed, detail.State);
        Assert.Equal(RectificationTiming.ClosedOnTime, detail.Timing);
        Assert.Equal(1_280_000, detail.Outcome.FundsRecoveredFen);
        Assert.Equal([RectificationAction.Opened, RectificationAction.MeasuresSet, RectificationAction.CompletionClaimed, RectificationAction.ClosedOut], detail.Events.Select(e => e.Action));
        var evidence = Assert.Single(Assert.Single(detail.Progress).Evidence);
        var download = await reviewer.GetAsync($"/api/v1/rectification/{id}/evidence/{evidence.Id}");
        Assert.Equal(PdfEvidence, await download.Content.ReadAsByteArrayAsync());

        var statistics = await (await reviewer.GetAsync($"/api/v1/rectification/statistics?officialId={official}")).OkJsonAsync<RectificationStatistics>();
        Assert.True(statistics.Total.ClosedOnTime >= 1);
        Assert.Contains(statistics.BySource, s => s.Source == RectificationSource.Inspection && s.Counts.ClosedOnTime >= 1);

        // Another county sees nothing of it; the evidence is not readable at rest.
        var chishui = await app.ClientForAsync(TestUsers.ChishuiSupervision.UserName);
        await (await chishui.GetAsync($"/api/v1/rectification/{id}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await chishui.GetAsync($"/api/v1/rectification/{id}/evidence/{evidence.Id}")).ProblemAsync(HttpStatusCode.NotFound);
        var list = await (await chishui.GetAsync($"/api/v1/rectification?officialId={official}")).OkJsonAsync<Qingfeng.Platform.Data.Paged<RectificationListItem>>();
        Assert.Empty(list.Items);
        await using var db = app.CreateDb();
        var stored = await db.Set<RectificationEvidence>().AsNoTracking().SingleAsync(e => e.Id == evidence.Id);
        Assert.NotEqual(PdfEvidence, stored.Cipher);
        Assert.True(await db.AuditEntries.AsNoTracking().AnyAsync(a => a.Action == "Download" && a.EntityId == evidence.Id.ToString()));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Roles_without_supervision_rights_cannot_open_items_and_bad_input_is_refused_with_a_localised_problem(Provider provider)
    {
        var app = await apps.GetAsync(provider);
        var official = await ClueClients.KaiyangPrincipalAsync(app, skip: 12);
        var petition = await app.ClientForAsync(TestUsers.KaiyangPetition.UserName);
        var refused = await petition.PostAsync("/api/v1/rectification", new CreateRectificationItemRequest { Source = RectificationSource.Audit, OfficialId = official, Problem = "审计发现问题" }.AsJson());
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        var officer = await app.ClientForAsync(TestUsers.KaiyangSupervision.UserName, "en");
        var past = await officer.PostAsync("/api/v1/rectification", new CreateRectificationItemRequest
        {
            Source = RectificationSource.Audit,
            OfficialId = official,
            Problem = "Audit finding",
            DueOn = new DateOnly(2020, 1, 1),
        }.AsJson());
        var problem = await past.ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("past", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var chishui = await app.ClientForAsync(TestUsers.ChishuiSupervision.UserName);
        var foreign = await chishui.PostAsync("/api/v1/rectification", new CreateRectificationItemRequest { Source = RectificationSource.Audit, OfficialId = official, Problem = "越权录入" }.AsJson());
        await foreign.ProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task The_sweep_announces_an_item_due_soon_then_escalates_it_overdue_and_to_the_leadership_once_each(Provider provider)
    {
        // The test's own app: a sweep on a clock moved into the future marks and escalates every item of the database, and
        // another test sweeping the shared one at a later date would escalate this item before its time (and vice versa).
        await using var app = await QingfengApp.StartAsync(provider);
        var officer = await app.ClientForAsync(TestUsers.KaiyangSupervision.UserName);
        var leader = await app.ClientForAsync(TestUsers.KaiyangLeader.UserName);
        var official = await ClueClients.KaiyangPrincipalAsync(app, skip: 13);
        var calendar = app.Services.GetRequiredService<SupervisionCalendar>();
        var problem = "超期测试" + Guid.NewGuid().ToString("N")[..6];
        var created = await officer.PostAsync("/api/v1/rectification", new CreateRectificationItemRequest
        {
            Source = RectificationSource.Assessment,
            OfficialId = official,
            Problem = problem,
            Measures = "限期整改",
            DueOn = calendar.AddWorkingDays(TestClock.Today, 10),
        }.AsJson());
        var id = await created.Content.ReadFromJsonAsync<Guid>();
        var due = (await GetAsync(officer, id)).DueOn;

        var clock = new FakeTimeProvider(Noon(due.AddDays(-1)));
        await SweepAsync(app, clock);
        Assert.Contains(await NotificationsAsync(officer), n => n.Message.Contains(problem, StringComparison.Ordinal) && n.Message.Contains("即将到期", StringComparison.Ordinal));

        clock.SetUtcNow(Noon(calendar.AddWorkingDays(due, 1)));
        await SweepAsync(app, clock);
        Assert.Equal(EscalationLevel.Overdue, (await GetAsync(officer, id)).Escalation);
        Assert.Contains(await NotificationsAsync(leader), n => n.Message.Contains(problem, StringComparison.Ordinal) && n.Message.Contains("已超期", StringComparison.Ordinal));
        Assert.Equal(0, await SweepAsync(app, clock));

        clock.SetUtcNow(Noon(calendar.AddWorkingDays(calendar.EscalationDay(due), 1)));
        await SweepAsync(app, clock);
        var escalated = await GetAsync(officer, id);
        Assert.Equal(EscalationLevel.Leadership, escalated.Escalation);
        Assert.Equal([RectificationAction.MarkedOverdue, RectificationAction.EscalatedToLeadership], escalated.Events.Select(e => e.Action).Where(a => a is RectificationAction.MarkedOverdue or RectificationAction.EscalatedToLeadership));
        Assert.Contains(await NotificationsAsync(leader), n => n.Message.Contains(problem, StringComparison.Ordinal) && n.Message.Contains("领导督办", StringComparison.Ordinal));
        Assert.Equal(0, await SweepAsync(app, clock));

        var listed = await (await leader.GetAsync($"/api/v1/rectification?escalation=Leadership&officialId={official}")).OkJsonAsync<Qingfeng.Platform.Data.Paged<RectificationListItem>>();
        Assert.Contains(listed.Items, i => i.Id == id);
    }
}
