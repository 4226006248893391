using Qingfeng.Features.Clues;
using Qingfeng.Features.Roster;
using Qingfeng.Platform.Calendar;
using Qingfeng.Platform.Rules;
using Qingfeng.Platform.Security;
using Xunit;

namespace Qingfeng.Tests.Features.Clues;

public sealed class ClueTests
{
    private static readonly DateTimeOffset Now = new(2026, 2, 10, 2, 0, 0, TimeSpan.Zero);
    private static readonly ClueDeadlines Deadlines = new(new ClueOptions(), WorkingDayCalendar.BuiltIn());

    private static readonly ClueActor Petition = Actor(Roles.PetitionOffice);
    private static readonly ClueActor CaseManager = Actor(Roles.CaseManagement);
    private static readonly ClueActor Leader = Actor(Roles.CommissionLeader);
    private static readonly ClueActor Handler = Actor(Roles.SupervisionOffice);
    private static readonly ClueActor OtherOfficer = Actor(Roles.SupervisionOffice);
    private static readonly ClueActor Investigator = Actor(Roles.InvestigationOffice);
    private static readonly ClueActor Reviewer = Actor(Roles.TrialOffice);

    [Fact]
    public void Every_action_has_exactly_one_row_and_every_active_state_a_way_out()
    {
        Assert.Equal(Enum.GetValues<ClueAction>().Length, ClueWorkflow.Transitions.Select(t => t.Action).Distinct().Count());
        Assert.Equal(ClueWorkflow.Transitions.Count, ClueWorkflow.Transitions.Select(t => t.Action).Distinct().Count());
        foreach (var state in Enum.GetValues<ClueState>().Where(s => !ClueWorkflow.Terminal.Contains(s)))
        {
            Assert.True(ClueWorkflow.From(state).Any(), $"{state} has no way out");
        }
    }

    [Fact]
    public void Every_action_outside_its_states_is_refused_as_an_illegal_transition()
    {
        foreach (var state in Enum.GetValues<ClueState>())
        {
            foreach (var action in Enum.GetValues<ClueAction>().Where(a => !ClueWorkflow.For(a).From.Contains(state)))
            {
                var clue = NewClue(principal: false);
                typeof(Clue).GetProperty(nameof(Clue.State))!.SetValue(clue, state);
                var error = Assert.Throws<DomainRuleException>(() => clue.Apply(action, new ClueActionInput(), Leader, Now, Deadlines));
                Assert.Equal("Clue.IllegalTransition", error.Code);
                Assert.Equal(409, error.Status);
                Assert.Equal(state, clue.State);
            }
        }
    }

    [Fact]
    public void A_role_without_the_step_is_refused_and_nothing_changes()
    {
        var clue = NewClue(principal: false);
        clue.Apply(ClueAction.SubmitToCaseManagement, new(), Petition, Now, Deadlines);

        var error = Assert.Throws<DomainRuleException>(() =>
            clue.Apply(ClueAction.ProposeAllocation, new() { AssigneeId = Handler.UserId }, Petition, Now, Deadlines));

        Assert.Equal("Clue.NotYourStep", error.Code);
        Assert.Equal(ClueState.CaseManagement, clue.State);
    }

    [Fact]
    public void Missing_inputs_are_named()
    {
        var clue = NewClue(principal: false);
        clue.Apply(ClueAction.SubmitToCaseManagement, new(), Petition, Now, Deadlines);

        var error = Assert.Throws<DomainRuleException>(() => clue.Apply(ClueAction.ProposeAllocation, new(), CaseManager, Now, Deadlines));

        Assert.Equal("Clue.FieldRequired", error.Code);
        Assert.Equal("AssigneeId", error.Arguments[0]);
    }

    [Fact]
    public void Only_the_assigned_handler_proposes_the_disposal()
    {
        var clue = Assigned(principal: false);

        var error = Assert.Throws<DomainRuleException>(() =>
            clue.Apply(ClueAction.ProposeDisposal, new() { Method = DisposalMethod.TalkInquiry, Comment = "一般性问题" }, OtherOfficer, Now, Deadlines));

        Assert.Equal("Clue.NotYourStep", error.Code);
    }

    [Fact]
    public void Verification_of_a_principal_leader_waits_for_the_party_committee()
    {
        var clue = Assigned(principal: true);
        clue.Apply(ClueAction.ProposeDisposal, new() { Method = DisposalMethod.Verification, Comment = "问题具体，可查性强" }, Handler, Now, Deadlines);

        clue.Apply(ClueAction.ApproveDisposal, new(), Leader, Now, Deadlines);
        Assert.Equal(ClueState.AwaitingPartyCommittee, clue.State);

        clue.Apply(ClueAction.RecordPartyCommitteeApproval, new() { Comment = "县委书记同意", Date = new DateOnly(2026, 2, 11) }, Leader, Now, Deadlines);
        Assert.Equal(ClueState.Verification, clue.State);
        Assert.Equal(new DateOnly(2026, 2, 11), clue.DisposedOn);
    }

    [Fact]
    public void Verification_of_an_ordinary_official_starts_on_the_commission_approval()
    {
        var clue = Assigned(principal: false);
        clue.Apply(ClueAction.ProposeDisposal, new() { Method = DisposalMethod.Verification, Comment = "问题具体" }, Handler, Now, Deadlines);

        clue.Apply(ClueAction.ApproveDisposal, new(), Leader, Now, Deadlines);

        Assert.Equal(ClueState.Verification, clue.State);
    }

    [Fact]
    public void The_inquiry_reply_is_due_fifteen_working_days_later_across_the_Spring_Festival()
    {
        var clue = InTalkInquiry(principal: false);

        // Sent Thu 12 Feb 2026. Working days: 13 Feb (1), Sat 14 Feb adjusted workday (2), holiday 15–23 Feb,
        // 24–27 Feb (3–6), Sat 28 Feb adjusted workday (7), 2–6 Mar (8–12), 9–11 Mar (13–15).
        clue.Apply(ClueAction.SendInquiryLetter, new() { Date = new DateOnly(2026, 2, 12) }, Handler, Now, Deadlines);

        Assert.Equal(DeadlineKind.InquiryReply, clue.DueKind);
        Assert.Equal(new DateOnly(2026, 3, 11), clue.DueOn);
    }

    [Fact]
    public void The_inquiry_reply_is_due_fifteen_working_days_later_across_National_Day()
    {
        var clue = InTalkInquiry(principal: false);

        // Sent Tue 29 Sep 2026. 30 Sep (1), holiday 1–7 Oct, 8–9 Oct (2–3), Sat 10 Oct adjusted workday (4),
        // 12–16 Oct (5–9), 19–23 Oct (10–14), 26 Oct (15).
        clue.Apply(ClueAction.SendInquiryLetter, new() { Date = new DateOnly(2026, 9, 29) }, Handler, Now, Deadlines);

        Assert.Equal(new DateOnly(2026, 10, 26), clue.DueOn);
    }

    [Fact]
    public void A_reply_not_about_the_principal_leader_needs_the_countersignature()
    {
        var clue = InTalkInquiry(principal: false);
        clue.Apply(ClueAction.SendInquiryLetter, new() { Date = new DateOnly(2026, 3, 2) }, Handler, Now, Deadlines);

        var error = Assert.Throws<DomainRuleException>(() =>
            clue.Apply(ClueAction.RecordInquiryReply, new() { Date = new DateOnly(2026, 3, 10), Comment = "本人作出说明", Countersigned = false }, Handler, Now, Deadlines));
        Assert.Equal("Clue.CountersignRequired", error.Code);

        clue.Apply(ClueAction.RecordInquiryReply, new() { Date = new DateOnly(2026, 3, 10), Comment = "本人作出说明，党组书记签字背书并提醒", Countersigned = true }, Handler, Now, Deadlines);
        Assert.Equal(DeadlineKind.InquiryReport, clue.DueKind);
        Assert.Equal(new DateOnly(2026, 4, 10), clue.DueOn);
    }

    [Fact]
    public void A_principal_leader_replies_directly_without_a_countersignature()
    {
        var clue = InTalkInquiry(principal: true);
        clue.Apply(ClueAction.SendInquiryLetter, new() { Date = new DateOnly(2026, 3, 2) }, Handler, Now, Deadlines);

        clue.Apply(ClueAction.RecordInquiryReply, new() { Date = new DateOnly(2026, 3, 10), Comment = "直接报送" }, Handler, Now, Deadlines);

        Assert.Equal(ClueState.TalkInquiry, clue.State);
    }

    [Fact]
    public void A_case_runs_from_filing_to_decision_with_sanction_periods_and_transfer()
    {
        var clue = Assigned(principal: false);
        clue.Apply(ClueAction.ProposeDisposal, new() { Method = DisposalMethod.Verification, Comment = "问题具体" }, Handler, Now, Deadlines);
        clue.Apply(ClueAction.ApproveDisposal, new(), Leader, Now, Deadlines);
        clue.Apply(ClueAction.ProposeCase, new() { Comment = "涉嫌收受礼金" }, Handler, Now, Deadlines);
        clue.Apply(ClueAction.ApproveCaseFiling, new(), Leader, Now, Deadlines);
        Assert.Equal(ClueState.AwaitingPartyCommittee, clue.State);
        clue.Apply(ClueAction.RecordPartyCommitteeApproval, new() { Comment = "县委书记批准立案", Date = new DateOnly(2026, 3, 2) }, Leader, Now, Deadlines);
        Assert.Equal(ClueState.Filed, clue.State);
        Assert.NotNull(clue.CaseNumber);

        clue.Apply(ClueAction.StartInvestigation, new() { AssigneeId = Investigator.UserId, AssigneeName = Investigator.Name }, Leader, Now, Deadlines);
        clue.Apply(ClueAction.SubmitInvestigationReport, new() { Date = new DateOnly(2026, 5, 6), Comment = "事实清楚" }, Investigator, Now, Deadlines);

        var error = Assert.Throws<DomainRuleException>(() =>
            clue.Apply(ClueAction.TransferToReview, new() { AssigneeId = Investigator.UserId }, Leader, Now, Deadlines));
        Assert.Equal("Clue.ReviewerMustBeIndependent", error.Code);

        clue.Apply(ClueAction.TransferToReview, new() { AssigneeId = Reviewer.UserId, AssigneeName = Reviewer.Name }, Leader, Now, Deadlines);
        clue.Apply(ClueAction.SubmitReviewReport, new() { Comment = "定性准确" }, Reviewer, Now, Deadlines);
        clue.Apply(ClueAction.Decide, new() { Date = new DateOnly(2026, 6, 1), Sanctions = [new("P.SERIOUS_WARNING", null), new("S.MAJOR_DEMERIT", null)] }, Leader, Now, Deadlines);
        clue.Apply(ClueAction.TransferToProcuratorate, new() { Date = new DateOnly(2026, 6, 10), Comment = "开阳县人民检察院" }, Leader, Now, Deadlines);

        Assert.Equal(ClueState.TransferredToProcuratorate, clue.State);
        Assert.True(clue.IsSanctioned);
        Assert.Equal(new DateOnly(2027, 11, 30), clue.Sanctions.Single(s => s.Code == "P.SERIOUS_WARNING").InfluenceEndsOn);
        Assert.Equal(new DateOnly(2027, 11, 30), clue.Sanctions.Single(s => s.Code == "S.MAJOR_DEMERIT").InfluenceEndsOn);
        Assert.Equal(DeadlineKind.Announcement, clue.DueKind);
        Assert.Equal(new DateOnly(2026, 7, 1), clue.DueOn);
    }

    [Fact]
    public void A_recused_officer_can_no_longer_take_their_step()
    {
        var clue = Assigned(principal: false);
        clue.Recuse(Handler.UserId, Handler.Name, "与被反映人系同学关系", Handler, Now);

        Assert.Throws<DomainRuleException>(() =>
            clue.Apply(ClueAction.ProposeDisposal, new() { Method = DisposalMethod.Close, ClosingOutcome = ClosingOutcome.Clarified, Comment = "x" }, Handler, Now, Deadlines));
        Assert.DoesNotContain(ClueWorkflow.Transitions, t => clue.CanTake(t, Handler));
    }

    [Fact]
    public void Forwarding_up_keeps_no_content()
    {
        var clue = NewClue(principal: true);
        clue.SetProtectedContent("cipher", "reporter", "fp");

        clue.Apply(ClueAction.ForwardUp, new() { Comment = "反映市管干部，径送市纪委" }, Petition, Now, Deadlines);

        Assert.Null(clue.ContentCipher);
        Assert.Null(clue.ReporterCipher);
        Assert.Equal(ClueState.ForwardedUp, clue.State);
        Assert.Equal(new DateOnly(2026, 2, 10), clue.ClosedOn);
    }

    [Fact]
    public void A_shelved_clue_comes_back_for_review_after_six_months()
    {
        var clue = Assigned(principal: false);
        clue.Apply(ClueAction.ProposeDisposal, new() { Method = DisposalMethod.Shelve, Comment = "暂不具备核查条件" }, Handler, Now, Deadlines);
        clue.Apply(ClueAction.ApproveDisposal, new(), Leader, Now, Deadlines);

        Assert.Equal(ClueState.Shelved, clue.State);
        Assert.Equal(DeadlineKind.ShelvedReview, clue.DueKind);
        Assert.Equal(new DateOnly(2026, 8, 10), clue.DueOn);
        Assert.Contains(ClueWorkflow.Transitions, t => t.Action == ClueAction.ProposeDisposal && clue.CanTake(t, Handler));
    }

    [Fact]
    public void Every_transition_is_in_the_history_with_who_and_from_where()
    {
        var clue = Assigned(principal: false);

        Assert.Equal(["Register", "SubmitToCaseManagement", "ProposeAllocation", "ApproveAllocation"], clue.History.Select(h => h.Action));
        Assert.Equal(Leader.UserId, clue.History[^1].UserId);
        Assert.Equal(ClueState.AllocationProposed, clue.History[^1].From);
    }

    [Theory]
    [InlineData("开阳县纪委监委", "开阳县")]
    [InlineData("开阳县双山镇纪委", "开阳县双山镇")]
    [InlineData("贵州省纪委监委", "贵州省")]
    [InlineData("中共开阳县委巡察工作领导小组办公室", "开阳县委巡察工作领导小组")]
    public void Clue_numbers_start_with_the_organs_place_so_that_a_county_and_its_townships_never_share_one(string organ, string prefix)
    {
        Assert.Equal(prefix, ClueNumbering.PrefixFor(organ));
    }

    private static ClueActor Actor(string role) => new(Guid.NewGuid(), role + "-officer", new HashSet<string> { role });

    private static Clue NewClue(bool principal)
    {
        var person = new ReportedPerson(Guid.NewGuid(), "甲某某", "开阳县交通运输局", principal ? "局长" : "科员", principal, principal ? LeaderCategory.CityCountyDepartment : null, "520121", Guid.NewGuid());
        var clue = new Clue("开阳-2026-00001", Guid.NewGuid(), ClueSource.Online12388, new DateOnly(2026, 2, 9), isRealName: false, [person], ["EP.GIFTS"]);
        clue.Registered(Petition, Now, Deadlines);
        return clue;
    }

    private static Clue Assigned(bool principal)
    {
        var clue = NewClue(principal);
        clue.Apply(ClueAction.SubmitToCaseManagement, new(), Petition, Now, Deadlines);
        clue.Apply(ClueAction.ProposeAllocation, new() { AssigneeId = Handler.UserId, AssigneeName = Handler.Name }, CaseManager, Now, Deadlines);
        clue.Apply(ClueAction.ApproveAllocation, new(), Leader, Now, Deadlines);
        return clue;
    }

    private static Clue InTalkInquiry(bool principal)
    {
        var clue = Assigned(principal);
        clue.Apply(ClueAction.ProposeDisposal, new() { Method = DisposalMethod.TalkInquiry, Comment = "反映问题较笼统" }, Handler, Now, Deadlines);
        clue.Apply(ClueAction.ApproveDisposal, new(), Leader, Now, Deadlines);
        Assert.Equal(ClueState.TalkInquiry, clue.State);
        return clue;
    }
}
