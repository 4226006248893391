using Qingfeng.Features.Rectification;
using Qingfeng.Features.Supervision;
using Qingfeng.Platform.Rules;
using Xunit;

namespace Qingfeng.Tests.Features.Rectification;

public sealed class RectificationItemTests
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);
    private static readonly SupervisionActor Officer = new(Guid.NewGuid(), "监督检查室干部");
    private static readonly SupervisionActor Reviewer = new(Guid.NewGuid(), "监督检查室主任");
    private static readonly SupervisedSubject Subject = new(Guid.NewGuid(), "某县交通运输局", "520121", Guid.NewGuid(), "甲某", "局长", true, null);

    private static RectificationItem NewItem(DateOnly? due = null) =>
        new(Guid.NewGuid(), Subject, new RectificationDraft(RectificationSource.Talk, Guid.NewGuid(), "提醒谈话 2026-03-02", "公务用车管理不规范", "建立派车登记制度", due ?? new DateOnly(2026, 3, 31)), Officer, Monday);

    [Fact]
    public void A_new_item_is_open_with_the_subject_copied_and_an_opening_event()
    {
        var item = NewItem();

        Assert.Equal(RectificationState.Open, item.State);
        Assert.Equal("某县交通运输局", item.Subject.UnitName);
        Assert.True(item.Subject.IsPrincipal);
        Assert.Equal(new DateOnly(2026, 3, 2), item.OpenedOn);
        Assert.Equal(RectificationAction.Opened, Assert.Single(item.Events).Action);
    }

    [Fact]
    public void A_deadline_in_the_past_is_refused()
    {
        var rule = Assert.Throws<DomainRuleException>(() => NewItem(new DateOnly(2026, 3, 1)));
        Assert.Equal("Rectification.DueInPast", rule.Code);
    }

    [Fact]
    public void Claiming_completion_needs_evidence()
    {
        var item = NewItem();

        var rule = Assert.Throws<DomainRuleException>(() => item.Report("已整改", claimsDone: true, evidenceCount: 0, Officer, Monday));

        Assert.Equal("Rectification.EvidenceRequired", rule.Code);
        Assert.Equal(RectificationState.Open, item.State);
    }

    [Fact]
    public void Progress_moves_the_item_into_work_and_a_claim_waits_for_close_out()
    {
        var item = NewItem();

        item.Report("已召开专题会议", claimsDone: false, evidenceCount: 0, Officer, Monday);
        Assert.Equal(RectificationState.InProgress, item.State);

        item.Report("制度已印发", claimsDone: true, evidenceCount: 1, Officer, Monday.AddDays(3));
        Assert.Equal(RectificationState.AwaitingCloseOut, item.State);
        Assert.Throws<DomainRuleException>(() => item.Report("再次报告", claimsDone: false, evidenceCount: 0, Officer, Monday.AddDays(4)));
    }

    [Fact]
    public void Whoever_claimed_completion_cannot_close_the_item_out()
    {
        var item = NewItem();
        item.Report("制度已印发", claimsDone: true, evidenceCount: 1, Officer, Monday);

        var rule = Assert.Throws<DomainRuleException>(() => item.CloseOut(null, new SupervisionOutcome(), Officer, Monday.AddDays(1)));

        Assert.Equal("Rectification.SelfApproval", rule.Code);
        item.CloseOut("材料齐全", new SupervisionOutcome { ProblemsFound = 2, FundsRecoveredFen = 65_400_000 }, Reviewer, Monday.AddDays(1));
        Assert.Equal(RectificationState.Closed, item.State);
        Assert.True(item.ClosedOnTime);
        Assert.Equal(654_000m, item.Outcome.FundsRecovered);
        Assert.Throws<DomainRuleException>(() => item.Extend(new DateOnly(2026, 5, 1), "延期", Reviewer, Monday.AddDays(2)));
    }

    [Fact]
    public void A_rejected_claim_goes_back_into_work_with_the_reason()
    {
        var item = NewItem();
        item.Report("制度已印发", claimsDone: true, evidenceCount: 1, Officer, Monday);

        item.RejectCompletion("佐证材料未体现执行情况", Reviewer, Monday.AddDays(1));

        Assert.Equal(RectificationState.InProgress, item.State);
        Assert.Equal("佐证材料未体现执行情况", item.Events[^1].Comment);
        Assert.Null(item.ClaimedBy);
    }

    [Fact]
    public void An_overdue_item_is_escalated_once_per_level_and_a_later_deadline_ends_the_escalation()
    {
        var item = NewItem(new DateOnly(2026, 3, 10));
        var escalationDay = new DateOnly(2026, 3, 17);

        Assert.Null(item.Escalate(new DateOnly(2026, 3, 10), escalationDay, Monday));
        Assert.Equal(EscalationLevel.Overdue, item.Escalate(new DateOnly(2026, 3, 11), escalationDay, Monday));
        Assert.Null(item.Escalate(new DateOnly(2026, 3, 12), escalationDay, Monday));
        Assert.Equal(EscalationLevel.Leadership, item.Escalate(new DateOnly(2026, 3, 18), escalationDay, Monday));
        Assert.Null(item.Escalate(new DateOnly(2026, 3, 19), escalationDay, Monday));

        item.Extend(new DateOnly(2026, 4, 30), "涉及跨部门协调", Reviewer, new DateTimeOffset(2026, 3, 19, 2, 0, 0, TimeSpan.Zero));

        Assert.Equal(EscalationLevel.None, item.Escalation);
        Assert.False(item.IsOverdueOn(new DateOnly(2026, 3, 19)));
    }

    [Fact]
    public void A_long_term_item_is_never_reported_overdue()
    {
        var item = NewItem(new DateOnly(2026, 3, 10));

        item.MarkLongTerm("需长期坚持", Reviewer, Monday);

        Assert.False(item.IsOverdueOn(new DateOnly(2026, 6, 1)));
        Assert.Null(item.Escalate(new DateOnly(2026, 6, 1), new DateOnly(2026, 3, 17), Monday));
    }

    [Fact]
    public void Outcomes_entered_in_yuan_are_kept_in_fen_and_negative_figures_are_refused()
    {
        var outcome = new SupervisionOutcomeInput { ProblemsFound = 21, CluesFound = 4, FundsPaidOut = 820_000.5m, FundsRecovered = 654_000m }.ToOutcome();

        Assert.Equal(82_000_050, outcome.FundsPaidOutFen);
        Assert.Equal(820_000.5m, outcome.FundsPaidOut);
        Assert.Equal(42, (outcome + outcome).ProblemsFound);
        Assert.Throws<DomainRuleException>(() => new SupervisionOutcomeInput { CluesFound = -1 }.ToOutcome());
    }
}
