using Qingfeng.Features.Roster;
using Qingfeng.Features.Supervision;
using Qingfeng.Features.Talks;
using Qingfeng.Platform.Calendar;
using Qingfeng.Platform.Rules;
using Xunit;

namespace Qingfeng.Tests.Features.Talks;

public sealed class TalkTests
{
    private static readonly DateOnly Today = new(2026, 3, 10);

    private static readonly SupervisedSubject Principal = new(Guid.NewGuid(), "开阳县交通运输局", "520121", Guid.NewGuid(), "测试甲", "局长", true, LeaderCategory.CityCountyDepartment);

    private static readonly SupervisedSubject Deputy = Principal with { OfficialId = Guid.NewGuid(), OfficialName = "测试乙", OfficialPosition = "副局长", IsPrincipal = false, LeaderCategory = null };

    [Fact]
    public void A_talk_goes_from_planned_to_held_to_closed()
    {
        var talk = NewTalk(TalkType.Reminder, tier: 2);
        Assert.Equal(TalkState.Planned, talk.State);

        talk.Hold(Today.AddDays(-1), "谈话记录", "表示立即整改", Today, 15);
        Assert.Equal(TalkState.Held, talk.State);
        Assert.Equal(Today.AddDays(-1), talk.HeldOn);
        talk.EnsureFollowUpsAllowed();

        talk.Close("已办结", new SupervisionOutcome { ProblemsFound = 2 }, Today);
        Assert.Equal(TalkState.Closed, talk.State);
        Assert.Equal(2, talk.Outcome.ProblemsFound);
    }

    [Fact]
    public void Illegal_moves_of_a_talk_are_refused_as_conflicts()
    {
        var planned = NewTalk(TalkType.Integrity);
        AssertConflict(() => planned.Close(null, new SupervisionOutcome(), Today));
        AssertConflict(planned.EnsureFollowUpsAllowed);
        AssertConflict(() => planned.RecordOutcome(new SupervisionOutcome()));

        var held = NewTalk(TalkType.Integrity);
        held.Hold(Today, "记录", null, Today, 15);
        AssertConflict(() => held.Hold(Today, "记录", null, Today, 15));
        AssertConflict(() => held.Cancel("不再需要"));
        AssertConflict(() => held.Replan(new TalkPlan(Today, null, "某某", null, null)));

        var cancelled = NewTalk(TalkType.Integrity);
        cancelled.Cancel("谈话对象调离");
        Assert.Equal(TalkState.Cancelled, cancelled.State);
        AssertConflict(() => cancelled.Hold(Today, "记录", null, Today, 15));
        AssertConflict(() => cancelled.SetOutline("提纲"));

        var closed = NewTalk(TalkType.Integrity);
        closed.Hold(Today, "记录", null, Today, 15);
        closed.Close(null, new SupervisionOutcome(), Today);
        AssertConflict(() => closed.SetOutline("提纲"));
        AssertConflict(closed.EnsureFollowUpsAllowed);
    }

    [Fact]
    public void A_talk_needs_a_record_a_past_date_and_for_a_reminder_talk_a_tier()
    {
        var talk = NewTalk(TalkType.Summons);
        Assert.Equal("Talks.RecordRequired", Assert.Throws<DomainRuleException>(() => talk.Hold(Today, " ", null, Today, 15)).Code);
        Assert.Equal("Talks.HeldInFuture", Assert.Throws<DomainRuleException>(() => talk.Hold(Today.AddDays(1), "记录", null, Today, 15)).Code);
        Assert.Equal("Talks.TierRequired", Assert.Throws<DomainRuleException>(() => NewTalk(TalkType.Reminder, tier: null)).Code);
        Assert.Equal("Talks.ReasonRequired", Assert.Throws<DomainRuleException>(() => NewTalk(TalkType.Summons).Cancel("")).Code);
    }

    [Fact]
    public void A_summons_talk_sets_the_pledge_deadline_and_takes_the_pledge()
    {
        var talk = NewTalk(TalkType.Summons);
        talk.Hold(Today, "约谈记录", "承诺整改", Today, 15);
        Assert.Equal(Today.AddDays(15), talk.PledgeDueOn);
        talk.RecordPledge(Today.AddDays(3));
        Assert.Equal(Today.AddDays(3), talk.PledgeReceivedOn);

        var other = NewTalk(TalkType.HeartToHeart);
        other.Hold(Today, "记录", null, Today, 15);
        Assert.Null(other.PledgeDueOn);
        Assert.Equal("Talks.PledgeOnlyForSummons", Assert.Throws<DomainRuleException>(() => other.RecordPledge(Today)).Code);
    }

    [Fact]
    public void The_default_tier_rule_sends_the_secretary_to_tier_one_and_office_staff_to_tier_three()
    {
        var rule = new TalkTierRule(new TalkOptions());
        Assert.Equal("纪委书记", rule.TalkerFor(1));
        Assert.Contains("监督检查室主任", rule.TalkerFor(2), StringComparison.Ordinal);
        Assert.Equal("监督检查室干部", rule.TalkerFor(3));
        Assert.Equal("纪委书记", rule.TalkerTitle(TalkType.Reminder, 1));
        Assert.Null(rule.TalkerTitle(TalkType.Integrity, null));
        Assert.Equal("Talks.TierUnknown", Assert.Throws<DomainRuleException>(() => rule.TalkerFor(4)).Code);
        Assert.Equal("Talks.TierRequired", Assert.Throws<DomainRuleException>(() => rule.TalkerTitle(TalkType.Reminder, null)).Code);
    }

    [Fact]
    public void A_configured_tier_rule_replaces_the_defaults()
    {
        var rule = new TalkTierRule(new TalkOptions
        {
            Tiers = [new() { Tier = 1, Talker = "县委书记" }, new() { Tier = 2, Talker = "县纪委书记" }],
        });
        Assert.Equal("县委书记", rule.TalkerFor(1));
        Assert.Equal("县纪委书记", rule.TalkerFor(2));
        Assert.Throws<DomainRuleException>(() => rule.TalkerFor(3));
        Assert.Throws<InvalidOperationException>(() => new TalkTierRule(new TalkOptions { Tiers = [new() { Tier = 1, Talker = "甲" }, new() { Tier = 1, Talker = "乙" }] }));
    }

    [Fact]
    public void The_inquiry_reply_deadline_counts_working_days_across_the_National_Day_holiday()
    {
        var calendar = new SupervisionCalendar(new SupervisionOptions(), WorkingDayCalendar.BuiltIn());
        var sent = new DateOnly(2026, 9, 21);
        var due = calendar.AddWorkingDays(sent, calendar.Options.InquiryReplyWorkingDays);

        // 22–24 Sep, 28–30 Sep, 8–9 Oct, Sat 10 Oct (调休), 12–16 Oct, 19 Oct: the 15th working day.
        Assert.Equal(new DateOnly(2026, 10, 19), due);
        Assert.Equal(WorkingDayCalendar.BuiltIn().AddWorkingDays(sent, 15), due);

        var inquiry = new Inquiry(Guid.NewGuid(), Deputy, "说明有关问题", sent, due, null);
        Assert.False(inquiry.IsOverdueOn(due));
        Assert.True(inquiry.IsOverdueOn(due.AddDays(1)));
    }

    [Fact]
    public void An_inquiry_reply_needs_the_principal_leaders_countersign_unless_the_official_is_the_principal()
    {
        var sent = new DateOnly(2026, 3, 2);
        var deputy = new Inquiry(Guid.NewGuid(), Deputy, "说明有关问题", sent, sent.AddDays(21), null);
        Assert.Equal("Inquiries.CountersignRequired", Assert.Throws<DomainRuleException>(() => deputy.RecordReply(sent.AddDays(5), "书面说明", "测试甲", null, Today)).Code);
        deputy.RecordReply(sent.AddDays(5), "书面说明", "测试甲", "已进行教育提醒", Today);
        Assert.Equal(InquiryState.Replied, deputy.State);
        Assert.False(deputy.IsOverdueOn(Today));

        var principal = new Inquiry(Guid.NewGuid(), Principal, "说明有关问题", sent, sent.AddDays(21), null);
        principal.RecordReply(sent.AddDays(5), "书面说明", null, null, Today);
        Assert.Equal("Inquiries.AssessmentNoteRequired", Assert.Throws<DomainRuleException>(() => principal.Assess(InquiryAssessment.FurtherAction, null, new SupervisionOutcome(), Today)).Code);
        principal.Assess(InquiryAssessment.Accepted, null, new SupervisionOutcome(), Today);
        Assert.Equal(InquiryState.Closed, principal.State);
        Assert.Equal(409, Assert.Throws<DomainRuleException>(() => principal.RecordReply(Today, "再次回复", null, null, Today)).Status);
    }

    private static Talk NewTalk(TalkType type, int? tier = 1) =>
        new(Guid.NewGuid(), Principal, type, tier, type == TalkType.Reminder ? "纪委书记" : null, new TalkPlan(Today, "县纪委谈话室", "某某", null, "记录员"), null);

    private static void AssertConflict(Action action) => Assert.Equal(409, Assert.Throws<DomainRuleException>(action).Status);
}
