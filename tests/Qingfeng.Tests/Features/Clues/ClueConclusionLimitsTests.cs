using System.Globalization;
using Qingfeng.Features.Clues;
using Qingfeng.Platform.Calendar;
using Qingfeng.Platform.Rules;
using Xunit;

namespace Qingfeng.Tests.Features.Clues;

/// <summary>
/// The limits after a matter is concluded (domain.md 1.2, 2): the real-name reporter told the result within 15 working days; an
/// appeal decided within its stage's months (复议复查 3, 复审 1, then 复核 2); deadlines counted again when a year's schedule arrives.
/// </summary>
public sealed class ClueConclusionLimitsTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "qf-recount-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public void A_closed_real_name_clue_owes_the_reporter_the_result_within_fifteen_working_days_until_it_is_recorded()
    {
        var s = new ClueScenario { RealName = true };
        var clue = s.At(ClueState.Closed);

        // Closed on Tue 10 Feb 2026: 15 working days run over the Spring Festival (15–23 Feb; Sat 14 and Sat 28 Feb are worked):
        // 11–14 Feb, 24–28 Feb, 2–6 Mar, Mon 9 Mar.
        Assert.Equal(DeadlineKind.ResultFeedback, clue.DueKind);
        Assert.Equal(new DateOnly(2026, 3, 9), clue.DueOn);
        var feedback = ClueWorkflow.For(ClueAction.RecordResultFeedback);
        Assert.True(clue.CanTake(feedback, s.Petition));

        clue.Apply(ClueAction.RecordResultFeedback, new() { Date = new DateOnly(2026, 2, 12), Comment = "已电话告知举报人了结情况" }, s.Petition, ClueScenario.Now, s.Deadlines);

        Assert.Equal(ClueState.Closed, clue.State);
        Assert.Null(clue.DueOn);
        Assert.Equal("RecordResultFeedback", clue.History[^1].Action);
        Assert.False(clue.CanTake(feedback, s.Petition));
        var again = Assert.Throws<DomainRuleException>(() =>
            clue.Apply(ClueAction.RecordResultFeedback, new() { Date = new DateOnly(2026, 2, 13), Comment = "再次告知" }, s.Petition, ClueScenario.Now, s.Deadlines));
        Assert.Equal(("Clue.NoFeedbackDue", 409), (again.Code, again.Status));
    }

    [Theory]
    [InlineData(ClueState.Closed)]
    [InlineData(ClueState.Archived)]
    [InlineData(ClueState.TransferredOut)]
    public void An_anonymous_report_owes_no_result_feedback_and_the_action_is_not_offered(ClueState concluded)
    {
        var s = new ClueScenario();
        var clue = s.At(concluded);

        Assert.Null(clue.DueOn);
        Assert.False(clue.CanTake(ClueWorkflow.For(ClueAction.RecordResultFeedback), s.Petition));
        var error = Assert.Throws<DomainRuleException>(() =>
            clue.Apply(ClueAction.RecordResultFeedback, new() { Date = ClueScenario.Today, Comment = "告知" }, s.Petition, ClueScenario.Now, s.Deadlines));
        Assert.Equal("Clue.NoFeedbackDue", error.Code);
    }

    [Theory]
    [InlineData(ClueState.Merged)]
    [InlineData(ClueState.ForwardedUp)]
    [InlineData(ClueState.NotAccepted)]
    public void A_repeat_a_report_forwarded_up_and_one_not_accepted_owe_no_result_feedback(ClueState ended)
    {
        var clue = new ClueScenario { RealName = true }.At(ended);

        Assert.Null(clue.DueOn);
    }

    [Theory]
    [InlineData(AppealStage.PartyReview, DeadlineKind.Appeal, "2026-10-08")] // 1 Oct is National Day (1–7 Oct)
    [InlineData(AppealStage.Reexamination, DeadlineKind.AppealReexamination, "2026-08-03")] // Sat 1 Aug moves to Monday
    public void Each_appeal_stage_is_decided_within_its_own_months(AppealStage stage, DeadlineKind kind, string due)
    {
        var s = new ClueScenario();
        var clue = s.At(ClueState.Decided);

        clue.Apply(ClueAction.FileAppeal, new() { Date = new DateOnly(2026, 7, 1), Comment = "本人申诉", AppealStage = stage }, s.CaseManager, ClueScenario.Now, s.Deadlines);

        Assert.Equal(stage, clue.AppealStage);
        Assert.Equal(kind, clue.DueKind);
        Assert.Equal(DateOnly.Parse(due, CultureInfo.InvariantCulture), clue.DueOn);
    }

    [Fact]
    public void A_recheck_follows_only_a_decided_reexamination_and_has_two_months()
    {
        var s = new ClueScenario();
        var clue = s.At(ClueState.Decided);
        var recheck = new ClueActionInput { Date = new DateOnly(2026, 7, 1), Comment = "申请复核", AppealStage = AppealStage.Recheck };
        var first = Assert.Throws<DomainRuleException>(() => clue.Apply(ClueAction.FileAppeal, recheck, s.CaseManager, ClueScenario.Now, s.Deadlines));
        Assert.Equal(("Clue.RecheckNeedsReexamination", 409), (first.Code, first.Status));

        clue.Apply(ClueAction.FileAppeal, recheck with { AppealStage = AppealStage.Reexamination, Comment = "申请复审" }, s.CaseManager, ClueScenario.Now, s.Deadlines);
        var pending = Assert.Throws<DomainRuleException>(() => clue.Apply(ClueAction.FileAppeal, recheck, s.CaseManager, ClueScenario.Now, s.Deadlines));
        Assert.Equal("Clue.IllegalTransition", pending.Code);
        clue.Apply(ClueAction.DecideAppeal, new() { AppealResult = AppealResult.Upheld, Comment = "维持" }, s.Leader, ClueScenario.Now, s.Deadlines);

        clue.Apply(ClueAction.FileAppeal, recheck with { Date = new DateOnly(2026, 8, 10) }, s.CaseManager, ClueScenario.Now, s.Deadlines);

        // 10 Aug + 2 months is Sat 10 Oct 2026, a worked Saturday (调休) after National Day.
        Assert.Equal((AppealStage.Recheck, DeadlineKind.AppealRecheck, new DateOnly(2026, 10, 10)), (clue.AppealStage!.Value, clue.DueKind!.Value, clue.DueOn!.Value));
    }

    [Fact]
    public void An_undefined_appeal_stage_is_refused_by_name()
    {
        var s = new ClueScenario();
        var clue = s.At(ClueState.Decided);

        var error = Assert.Throws<DomainRuleException>(() => clue.Apply(
            ClueAction.FileAppeal, new() { Date = new DateOnly(2026, 7, 1), Comment = "申诉", AppealStage = (AppealStage)9 }, s.CaseManager, ClueScenario.Now, s.Deadlines));

        Assert.Equal(400, error.Status);
        Assert.Equal(["appealStage"], error.Errors!.Keys);
    }

    [Fact]
    public async Task A_deadline_counted_into_a_year_without_a_schedule_is_provisional_and_counted_again_once_the_schedule_is_uploaded()
    {
        using var store = new HolidayCalendarStore(_directory);
        var deadlines = new ClueDeadlines(new ClueOptions(), new WorkingDayCalendar(store));
        var person = new ReportedPerson(null, "甲某某", "开阳县交通运输局", null, false, null, "", null);
        var clue = new Clue("开阳县-2026-00099", Guid.NewGuid(), ClueSource.Letter, new DateOnly(2026, 12, 24), true, [person], []);
        clue.Registered(new ClueScenario().Petition, ClueScenario.Now, deadlines);

        // Thu 24 Dec 2026 + 15 working days: 25, 28–31 Dec, then 2027 with only its statutory holidays known (1 Jan).
        Assert.Equal(new DateOnly(2027, 1, 15), clue.DueOn);
        Assert.True(deadlines.IsProvisional(clue.DueOn));
        Assert.False(clue.RecountDue(deadlines));

        await store.SaveYearAsync(
            """
            {
              "year": 2027,
              "source": "测试用安排",
              "holidays": [
                { "name": "元旦", "nameEn": "New Year's Day", "from": "2027-01-01", "to": "2027-01-03" },
                { "name": "测试假期", "nameEn": "Test holiday", "from": "2027-01-11", "to": "2027-01-15" }
              ]
            }
            """, 2027, TestContext.Current.CancellationToken);

        Assert.True(clue.RecountDue(deadlines));
        Assert.Equal(new DateOnly(2027, 1, 22), clue.DueOn);
        Assert.False(deadlines.IsProvisional(clue.DueOn));
    }
}
