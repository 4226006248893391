using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Qingfeng.Features.Rectification;
using Qingfeng.Features.Supervision;
using Qingfeng.IntegrationTests.Features.Talks;
using Qingfeng.IntegrationTests.Infrastructure;
using Xunit;
using static Qingfeng.IntegrationTests.Features.Rectification.RectificationClients;

namespace Qingfeng.IntegrationTests.Features.Rectification;

/// <summary>
/// Issue 5's end-to-end path through the API: a reminder talk's follow-up becomes a rectification item, which is reported on,
/// goes overdue on the working-day calendar, is escalated to the leadership by the sweep (on a controllable clock), and is
/// finally closed out by another officer.
/// </summary>
public sealed class DailySupervisionJourneyTests
{
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task A_talks_follow_up_is_reported_goes_overdue_is_escalated_and_is_finally_closed_out(Provider provider)
    {
        // The test's own app: its sweeps on a clock moved into the future mark and escalate every item of the database,
        // which must not meet another test's sweeps (see RectificationLedgerTests).
        await using var app = await QingfengApp.StartAsync(provider);
        var officer = await app.ClientForAsync(TestUsers.KaiyangSupervision.UserName);
        var reviewer = await app.ClientForAsync(TestUsers.KaiyangSupervision2.UserName);
        var leader = await app.ClientForAsync(TestUsers.KaiyangLeader.UserName);
        var calendar = app.Services.GetRequiredService<SupervisionCalendar>();
        var official = await TalkClients.KaiyangOfficialAsync(app, skip: 23);
        var problem = "谈话指出：公车私用问题" + Guid.NewGuid().ToString("N")[..6];
        var due = calendar.AddWorkingDays(TalkClients.Today, 5);

        // The talk is held and its follow-up opens an item in the ledger, in the same save.
        var (talkId, itemId) = await TalkClients.PlanAndHoldTalkWithFollowUpAsync(officer, official, problem, due);
        var opened = await GetAsync(officer, itemId);
        Assert.Equal((RectificationSource.Talk, talkId, official, due), (opened.Source, opened.SourceId, opened.Subject.OfficialId, opened.DueOn));
        var fromTalk = await (await officer.GetAsync($"/api/v1/rectification?sourceId={talkId}")).OkJsonAsync<Qingfeng.Platform.Data.Paged<RectificationListItem>>();
        Assert.Equal(itemId, Assert.Single(fromTalk.Items).Id);

        // Reported on, but not finished by the deadline: overdue, then escalated after the grace period in working days.
        await ReportOkAsync(officer, itemId, "已制定公车管理制度，正在清查。", claimsDone: false, pdf: null);
        var clock = new FakeTimeProvider(Noon(calendar.AddWorkingDays(due, 1)));
        await SweepAsync(app, clock);
        Assert.Equal(EscalationLevel.Overdue, (await GetAsync(officer, itemId)).Escalation);
        Assert.Contains(await NotificationsAsync(leader), n => n.Message.Contains(problem, StringComparison.Ordinal) && n.Message.Contains("已超期", StringComparison.Ordinal));

        clock.SetUtcNow(Noon(calendar.AddWorkingDays(calendar.EscalationDay(due), 1)));
        await SweepAsync(app, clock);
        Assert.Equal(EscalationLevel.Leadership, (await GetAsync(officer, itemId)).Escalation);
        Assert.Contains(await NotificationsAsync(leader), n => n.Message.Contains(problem, StringComparison.Ordinal) && n.Message.Contains("领导督办", StringComparison.Ordinal));
        Assert.Equal(0, await SweepAsync(app, clock));

        // Finished with evidence and struck off by another officer of the supervising commission.
        await ReportOkAsync(officer, itemId, "公车已全部收回，制度印发执行。", claimsDone: true, PdfEvidence);
        var closed = await reviewer.PostAsync($"/api/v1/rectification/{itemId}/close-out", new CloseOutRequest { Comment = "整改到位，同意销号" }.AsJson());
        Assert.Equal(HttpStatusCode.NoContent, closed.StatusCode);

        var final = await GetAsync(leader, itemId);
        Assert.Equal(RectificationState.Closed, final.State);
        // The sweep's steps carry the controlled clock's (future) time, so compare the history as a set.
        RectificationAction[] expected =
        [
            RectificationAction.Opened, RectificationAction.ProgressReported, RectificationAction.MarkedOverdue,
            RectificationAction.EscalatedToLeadership, RectificationAction.CompletionClaimed, RectificationAction.ClosedOut,
        ];
        Assert.Equal(expected.Order(), final.Events.Select(e => e.Action).Order());
    }
}
