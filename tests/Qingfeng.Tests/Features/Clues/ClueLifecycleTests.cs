using Qingfeng.Features.Clues;
using Qingfeng.Features.Roster;
using Qingfeng.Features.Supervision;
using Qingfeng.Platform.Rules;
using Qingfeng.Platform.Security;
using Xunit;

namespace Qingfeng.Tests.Features.Clues;

/// <summary>What each state method of <see cref="Clue"/> records: fields, participants, deadlines, history.</summary>
public sealed class ClueLifecycleTests
{
    private static readonly DateTimeOffset Now = ClueScenario.Now;
    private static readonly DateOnly Today = ClueScenario.Today;

    private readonly ClueScenario _s = new();

    [Fact]
    public void A_clue_needs_a_reported_person()
    {
        var error = Assert.Throws<DomainRuleException>(() =>
            new Clue("开阳县-2026-00001", Guid.NewGuid(), ClueSource.Letter, Today, false, [], ["EP.GIFTS"]));

        Assert.Equal("Clue.PersonRequired", error.Code);
    }

    [Fact]
    public void A_new_clue_keeps_what_was_registered_and_takes_place_and_unit_from_the_principal_leader()
    {
        var organ = Guid.NewGuid();
        var clerkUnit = Guid.NewGuid();
        var leaderUnit = Guid.NewGuid();
        var clerk = new ReportedPerson(Guid.NewGuid(), "乙某某", "开阳县财政局", "科员", false, null, "520121", clerkUnit);
        var leader = new ReportedPerson(Guid.NewGuid(), "甲某某", "开阳县交通运输局", "局长", true, LeaderCategory.CityCountyDepartment, "520121100", leaderUnit);

        var clue = new Clue("开阳县-2026-00007", organ, ClueSource.Visit, Today, true, [clerk, leader], ["EP.GIFTS", "EP.BANQUET", "EP.GIFTS"]);

        Assert.Equal(("开阳县-2026-00007", organ, ClueSource.Visit, Today, true), (clue.Number, clue.OrganId, clue.Source, clue.ReceivedOn, clue.IsRealName));
        Assert.Equal(ClueState.Registered, clue.State);
        Assert.True(clue.IsPrincipal);
        Assert.Equal((LeaderCategory.CityCountyDepartment, "520121100", leaderUnit), (clue.LeaderCategory, clue.RegionKey, clue.UnitId));
        Assert.Equal([clerk, leader], clue.ReportedPersons);
        Assert.Equal(["EP.GIFTS", "EP.BANQUET"], clue.Categories.Select(c => c.Code));
        Assert.False(clue.IsCase);
    }

    [Fact]
    public void Without_a_principal_leader_the_first_person_gives_place_and_unit()
    {
        var first = new ReportedPerson(null, "乙某某", null, null, false, null, "520121101", Guid.NewGuid());
        var second = new ReportedPerson(null, "丙某某", null, null, false, LeaderCategory.CityCountyDepartment, "520122", Guid.NewGuid());

        var clue = new Clue("开阳县-2026-00008", Guid.NewGuid(), ClueSource.Letter, Today, false, [first, second], []);

        Assert.False(clue.IsPrincipal);
        Assert.Equal(((LeaderCategory?)null, "520121101", first.UnitId), (clue.LeaderCategory, clue.RegionKey, clue.UnitId));
    }

    [Fact]
    public void Of_several_principal_leaders_the_first_gives_place_and_unit()
    {
        var first = new ReportedPerson(null, "甲某某", null, "局长", true, LeaderCategory.CityCountyDepartment, "520121", Guid.NewGuid());
        var second = new ReportedPerson(null, "乙某某", null, "书记", true, LeaderCategory.CityCountyPartyGovernment, "520122", Guid.NewGuid());

        var clue = new Clue("开阳县-2026-00010", Guid.NewGuid(), ClueSource.Letter, Today, false, [first, second], []);

        Assert.Equal((LeaderCategory.CityCountyDepartment, "520121", first.UnitId), (clue.LeaderCategory, clue.RegionKey, clue.UnitId));
    }

    [Fact]
    public void A_reported_person_keeps_the_name_unit_and_position_as_reported()
    {
        var official = Guid.NewGuid();
        var unit = Guid.NewGuid();

        var person = new ReportedPerson(official, "甲某某", "开阳县交通运输局", "局长", true, LeaderCategory.CityCountyDepartment, "520121", unit);

        Assert.Equal(
            (official, "甲某某", "开阳县交通运输局", "局长", true, LeaderCategory.CityCountyDepartment, "520121", unit),
            (person.OfficialId, person.Name, person.UnitName, person.Position, person.IsPrincipal, person.LeaderCategory, person.RegionKey, person.UnitId));
    }

    [Fact]
    public void Registering_makes_the_registrar_a_participant_without_lasting_access_and_starts_the_history()
    {
        var clue = _s.Registered();

        var registrar = Assert.Single(clue.Participants);
        Assert.Equal((_s.Petition.UserId, _s.Petition.Name, ParticipantRole.Registrar), (registrar.UserId, registrar.Name, registrar.Role));
        var entry = Assert.Single(clue.History);
        Assert.Equal((Now, _s.Petition.UserId, _s.Petition.Name, "Register", (ClueState?)null, ClueState.Registered, (string?)null), (entry.At, entry.UserId, entry.UserName, entry.Action, entry.From, entry.To, entry.Comment));
    }

    [Fact]
    public void Categories_chosen_by_the_officer_replace_the_suggestions_once_each()
    {
        var clue = _s.Registered();

        clue.SetCategories(["EP.BANQUET", "DISC.FUNDS", "EP.BANQUET"]);

        Assert.Equal(["EP.BANQUET", "DISC.FUNDS"], clue.Categories.Select(c => c.Code));
    }

    [Fact]
    public void Protected_content_and_the_delegation_are_kept_as_given()
    {
        var clue = _s.Registered();
        var group = Guid.NewGuid();
        var home = Guid.NewGuid();

        clue.SetProtectedContent("content-cipher", "reporter-cipher", "fingerprint");
        clue.DelegateTo(group, home);

        Assert.Equal(("content-cipher", "reporter-cipher", "fingerprint"), (clue.ContentCipher, clue.ReporterCipher, clue.Fingerprint));
        Assert.Equal((group, home), (clue.CollaborationGroupId, clue.RecusedOrganId));
    }

    [Fact]
    public void Forwarding_up_keeps_neither_content_nor_reporter_nor_fingerprint()
    {
        var clue = _s.Registered(principal: true);
        clue.SetProtectedContent("cipher", "reporter", "fp");

        clue.Apply(ClueAction.ForwardUp, new() { Comment = "反映市管干部" }, _s.Petition, Now, _s.Deadlines);

        Assert.Equal(((string?)null, (string?)null, (string?)null), (clue.ContentCipher, clue.ReporterCipher, clue.Fingerprint));
    }

    [Fact]
    public void A_recusal_needs_a_reason_and_is_recorded_once_with_who_decided()
    {
        var clue = _s.At(ClueState.Assigned);

        var noReason = Assert.Throws<DomainRuleException>(() => clue.Recuse(_s.Handler.UserId, _s.Handler.Name, " ", _s.Leader, Now));
        Assert.Equal(("Clue.FieldRequired", "Comment"), (noReason.Code, noReason.Arguments.Single()));
        Assert.False(clue.IsRecused(_s.Handler.UserId));

        clue.Recuse(_s.Handler.UserId, _s.Handler.Name, "与被反映人系同学", _s.Leader, Now);

        Assert.True(clue.IsRecused(_s.Handler.UserId));
        Assert.False(clue.IsRecused(_s.Leader.UserId));
        var recusal = Assert.Single(clue.Recusals);
        Assert.Equal((_s.Handler.UserId, _s.Handler.Name, "与被反映人系同学", _s.Leader.Name, Now), (recusal.UserId, recusal.UserName, recusal.Reason, recusal.DecidedBy, recusal.At));
        var entry = clue.History[^1];
        Assert.Equal(("Recuse", ClueState.Assigned, ClueState.Assigned, _s.Handler.Name, _s.Leader.UserId), (entry.Action, entry.From, entry.To, entry.Comment, entry.UserId));

        var twice = Assert.Throws<DomainRuleException>(() => clue.Recuse(_s.Handler.UserId, _s.Handler.Name, "再次", _s.Leader, Now));
        Assert.Equal(("Clue.AlreadyRecused", 409), (twice.Code, twice.Status));
        Assert.Single(clue.Recusals);
    }

    [Theory]
    [InlineData(-1, 0, 0, 0)]
    [InlineData(0, -1, 0, 0)]
    [InlineData(0, 0, -1, 0)]
    [InlineData(0, 0, 0, -1)]
    public void Any_negative_outcome_figure_is_refused(int problems, int furtherClues, long paidOut, long recovered)
    {
        var clue = _s.At(ClueState.Verification);
        var historyBefore = clue.History.Count;

        var error = Assert.Throws<DomainRuleException>(() => clue.RecordOutcome(
            new ClueOutcome { ProblemsFound = problems, FurtherClues = furtherClues, FundsPaidOutFen = paidOut, FundsRecoveredFen = recovered }, _s.Handler, Now));

        Assert.Equal("Clue.OutcomeNegative", error.Code);
        Assert.Equal(new ClueOutcome(), clue.Outcome);
        Assert.Equal(historyBefore, clue.History.Count);
    }

    [Fact]
    public void An_outcome_of_zeros_and_more_is_recorded_in_the_history()
    {
        var clue = _s.At(ClueState.Verification);
        var outcome = new ClueOutcome { ProblemsFound = 21, FurtherClues = 4, FundsPaidOutFen = 82_000_000, FundsRecoveredFen = 0 };

        clue.RecordOutcome(outcome, _s.Handler, Now);

        Assert.Equal(outcome, clue.Outcome);
        Assert.Equal(("RecordOutcome", ClueState.Verification, ClueState.Verification), (clue.History[^1].Action, clue.History[^1].From, clue.History[^1].To));
    }

    [Fact]
    public void An_outcome_of_all_zeros_is_accepted()
    {
        var clue = _s.At(ClueState.Verification);
        var zeros = new ClueOutcome { ProblemsFound = 0, FurtherClues = 0, FundsPaidOutFen = 0, FundsRecoveredFen = 0 };

        clue.RecordOutcome(zeros, _s.Handler, Now);

        Assert.Equal(zeros, clue.Outcome);
        Assert.Equal("RecordOutcome", clue.History[^1].Action);
    }

    [Fact]
    public void Entering_verification_ends_the_disposal_proposal_deadline()
    {
        var proposed = _s.At(ClueState.DisposalProposed);
        Assert.Equal(DeadlineKind.DisposalProposal, proposed.DueKind);

        var clue = _s.At(ClueState.Verification);

        Assert.Equal(((DeadlineKind?)null, (DateOnly?)null), (clue.DueKind, clue.DueOn));
    }

    [Fact]
    public void The_history_keeps_the_comment_trimmed()
    {
        var clue = _s.Registered();

        clue.Apply(ClueAction.NotAccept, new() { Comment = "  不属于受理范围  " }, _s.Petition, Now, _s.Deadlines);

        Assert.Equal("不属于受理范围", clue.History[^1].Comment);
    }

    [Fact]
    public void Submitting_to_case_management_starts_the_one_month_disposal_deadline_from_receipt()
    {
        var clue = _s.At(ClueState.CaseManagement);

        Assert.Equal((DeadlineKind.DisposalProposal, new DateOnly(2026, 3, 9)), (clue.DueKind, clue.DueOn));
    }

    [Fact]
    public void A_repeat_is_merged_into_the_earlier_clue_and_never_into_itself()
    {
        var clue = _s.Registered();

        var self = Assert.Throws<DomainRuleException>(() => clue.Apply(ClueAction.MarkRepeat, new() { MergedIntoId = clue.Id }, _s.Petition, Now, _s.Deadlines));
        Assert.Equal("Clue.MergeIntoSelf", self.Code);
        Assert.Equal(ClueState.Registered, clue.State);

        var earlier = Guid.NewGuid();
        clue.Apply(ClueAction.MarkRepeat, new() { MergedIntoId = earlier }, _s.Petition, Now, _s.Deadlines);
        Assert.Equal((ClueState.Merged, earlier), (clue.State, clue.MergedIntoId));
    }

    [Fact]
    public void A_terminal_step_closes_the_clue_today_and_clears_the_deadline()
    {
        var clue = _s.At(ClueState.CaseManagement);

        clue.Apply(ClueAction.MarkRepeat, new() { MergedIntoId = Guid.NewGuid() }, _s.CaseManager, Now, _s.Deadlines);

        Assert.Equal(Today, clue.ClosedOn);
        AssertNoDeadline(clue);
    }

    [Fact]
    public void A_proposed_allocation_names_the_handler_and_a_returned_one_forgets_them()
    {
        var clue = _s.At(ClueState.AllocationProposed);
        Assert.Equal((_s.Handler.UserId, _s.Handler.Name), (clue.HandlerId, clue.HandlerName));

        clue.Apply(ClueAction.ReturnAllocation, new() { Comment = "另行分办" }, _s.Leader, Now, _s.Deadlines);

        Assert.Equal(ClueState.CaseManagement, clue.State);
        Assert.Equal(((Guid?)null, (string?)null), (clue.HandlerId, clue.HandlerName));
    }

    [Fact]
    public void Approving_the_allocation_makes_the_handler_a_participant_as_handler()
    {
        var clue = _s.At(ClueState.Assigned);

        var handler = Assert.Single(clue.Participants, p => p.Role == ParticipantRole.Handler);
        Assert.Equal((_s.Handler.UserId, _s.Handler.Name), (handler.UserId, handler.Name));
        Assert.Equal(2, clue.Participants.Count);
    }

    [Fact]
    public void A_handler_allocated_without_a_name_is_a_participant_with_an_empty_name()
    {
        var clue = _s.At(ClueState.CaseManagement);
        clue.Apply(ClueAction.ProposeAllocation, new() { AssigneeId = _s.Handler.UserId }, _s.CaseManager, Now, _s.Deadlines);

        clue.Apply(ClueAction.ApproveAllocation, new(), _s.Leader, Now, _s.Deadlines);

        var handler = Assert.Single(clue.Participants, p => p.Role == ParticipantRole.Handler);
        Assert.Equal((_s.Handler.UserId, ""), (handler.UserId, handler.Name));
    }

    [Fact]
    public void The_officer_who_registered_the_clue_and_then_handles_it_is_a_participant_in_both_roles()
    {
        var officer = ClueScenario.Officer(Roles.SupervisionOffice, "监督室庚");
        var person = new ReportedPerson(null, "甲某某", null, null, false, null, "520121", null);
        var clue = new Clue("开阳县-2026-00009", Guid.NewGuid(), ClueSource.FoundInSupervision, Today, false, [person], []);
        clue.Registered(officer, Now, _s.Deadlines);
        clue.Apply(ClueAction.SubmitToCaseManagement, new(), officer, Now, _s.Deadlines);
        clue.Apply(ClueAction.ProposeAllocation, new() { AssigneeId = officer.UserId, AssigneeName = officer.Name }, _s.CaseManager, Now, _s.Deadlines);

        clue.Apply(ClueAction.ApproveAllocation, new(), _s.Leader, Now, _s.Deadlines);

        Assert.Equal(
            [(officer.UserId, ParticipantRole.Registrar), (officer.UserId, ParticipantRole.Handler)],
            clue.Participants.Select(p => (p.UserId, p.Role)));
    }

    [Fact]
    public void Starting_the_investigation_makes_the_investigator_a_participant_as_investigator()
    {
        var clue = _s.At(ClueState.Investigating);

        Assert.Equal(_s.Investigator.UserId, clue.InvestigatorId);
        var investigator = Assert.Single(clue.Participants, p => p.Role == ParticipantRole.Investigator);
        Assert.Equal((_s.Investigator.UserId, _s.Investigator.Name), (investigator.UserId, investigator.Name));
    }

    [Fact]
    public void A_handler_who_goes_on_to_investigate_is_a_participant_in_both_roles()
    {
        var clue = _s.At(ClueState.Filed);

        clue.Apply(ClueAction.StartInvestigation, new() { AssigneeId = _s.Handler.UserId }, _s.Leader, Now, _s.Deadlines);

        Assert.Equal(
            [ParticipantRole.Handler, ParticipantRole.Investigator],
            clue.Participants.Where(p => p.UserId == _s.Handler.UserId).Select(p => p.Role));
        Assert.Equal("", clue.Participants.Single(p => p.Role == ParticipantRole.Investigator).Name);
    }

    [Fact]
    public void Transferring_to_review_makes_the_reviewer_a_participant_as_reviewer_and_starts_the_review_month()
    {
        var clue = _s.At(ClueState.InReview);

        Assert.Equal(_s.Reviewer.UserId, clue.ReviewerId);
        var reviewer = Assert.Single(clue.Participants, p => p.Role == ParticipantRole.Reviewer);
        Assert.Equal((_s.Reviewer.UserId, _s.Reviewer.Name), (reviewer.UserId, reviewer.Name));
        Assert.Equal((DeadlineKind.Review, Today.AddMonths(1)), (clue.DueKind, clue.DueOn));
        Assert.Equal(
            [ParticipantRole.Registrar, ParticipantRole.Handler, ParticipantRole.Investigator, ParticipantRole.Reviewer],
            clue.Participants.Select(p => p.Role));
    }

    [Fact]
    public void A_reviewer_allocated_without_a_name_is_a_participant_with_an_empty_name()
    {
        var clue = _s.At(ClueState.InvestigationReported);

        clue.Apply(ClueAction.TransferToReview, new() { AssigneeId = _s.Reviewer.UserId }, _s.Leader, Now, _s.Deadlines);

        Assert.Equal("", clue.Participants.Single(p => p.Role == ParticipantRole.Reviewer).Name);
    }

    [Fact]
    public void The_reviewer_must_be_neither_the_investigator_nor_the_handler()
    {
        foreach (var conflicted in new[] { _s.Investigator, _s.Handler })
        {
            var clue = _s.At(ClueState.InvestigationReported);

            var error = Assert.Throws<DomainRuleException>(() =>
                clue.Apply(ClueAction.TransferToReview, new() { AssigneeId = conflicted.UserId }, _s.Leader, Now, _s.Deadlines));

            Assert.Equal("Clue.ReviewerMustBeIndependent", error.Code);
            Assert.Equal((ClueState.InvestigationReported, (Guid?)null), (clue.State, clue.ReviewerId));
        }
    }

    [Fact]
    public void Submitting_the_review_report_clears_the_review_deadline()
    {
        var clue = _s.At(ClueState.ReviewReported);

        AssertNoDeadline(clue);
    }

    [Fact]
    public void A_close_proposal_needs_its_outcome_and_only_a_close_keeps_one()
    {
        var clue = _s.At(ClueState.Assigned);
        var missing = Assert.Throws<DomainRuleException>(() =>
            clue.Apply(ClueAction.ProposeDisposal, new() { Method = DisposalMethod.Close, Comment = "了结" }, _s.Handler, Now, _s.Deadlines));
        Assert.Equal(("Clue.FieldRequired", "ClosingOutcome"), (missing.Code, missing.Arguments.Single()));
        Assert.Equal(ClueState.Assigned, clue.State);

        clue.Apply(ClueAction.ProposeDisposal, new() { Method = DisposalMethod.Shelve, ClosingOutcome = ClosingOutcome.Clarified, Comment = "暂存" }, _s.Handler, Now, _s.Deadlines);
        Assert.Equal((DisposalMethod.Shelve, (ClosingOutcome?)null), (clue.Method, clue.ClosingOutcome));
    }

    [Fact]
    public void An_approved_close_records_its_outcome_and_the_disposal_date_and_ends_the_clue()
    {
        var clue = _s.At(ClueState.Closed);

        Assert.Equal((DisposalMethod.Close, ClosingOutcome.Clarified), (clue.Method, clue.ClosingOutcome));
        Assert.Equal((Today, Today), (clue.DisposedOn, clue.ClosedOn));
        AssertNoDeadline(clue);
        Assert.Null(clue.PendingState);
    }

    [Fact]
    public void A_returned_disposal_goes_back_to_the_state_it_was_proposed_in()
    {
        var clue = _s.At(ClueState.Shelved);
        clue.Apply(ClueAction.ProposeDisposal, new() { Method = DisposalMethod.Verification, Comment = "有新情况" }, _s.Handler, Now, _s.Deadlines);
        Assert.Equal(ClueState.Shelved, clue.PendingState);

        clue.Apply(ClueAction.ReturnDisposal, new() { Comment = "继续暂存" }, _s.Leader, Now, _s.Deadlines);

        Assert.Equal((ClueState.Shelved, (ClueState?)null), (clue.State, clue.PendingState));
    }

    [Fact]
    public void An_approved_disposal_leaves_nothing_pending_and_records_when_it_was_disposed()
    {
        var clue = _s.At(ClueState.Verification);

        Assert.Equal(((ClueState?)null, Today), (clue.PendingState, clue.DisposedOn));
        AssertNoDeadline(clue);
    }

    [Fact]
    public void A_shelved_clue_is_disposed_today_and_comes_back_for_review_in_six_months()
    {
        var clue = _s.At(ClueState.Shelved);

        Assert.Equal(Today, clue.DisposedOn);
        Assert.Equal((DeadlineKind.ShelvedReview, new DateOnly(2026, 8, 10)), (clue.DueKind, clue.DueOn));
    }

    [Fact]
    public void Talk_inquiry_of_a_principal_leader_waits_for_the_party_committee_only_where_the_policy_says_so()
    {
        var strict = new ClueScenario(new ClueOptions { PartyCommitteeApprovesPrincipalTalkInquiry = true });
        var clue = strict.At(ClueState.Assigned, principal: true);
        clue.Apply(ClueAction.ProposeDisposal, new() { Method = DisposalMethod.TalkInquiry, Comment = "函询" }, strict.Handler, Now, strict.Deadlines);

        clue.Apply(ClueAction.ApproveDisposal, new(), strict.Leader, Now, strict.Deadlines);

        Assert.Equal((ClueState.AwaitingPartyCommittee, ClueState.TalkInquiry), (clue.State, clue.PendingState));
        Assert.Null(clue.DisposedOn);
        Assert.Equal(DeadlineKind.DisposalProposal, clue.DueKind);

        clue.Apply(ClueAction.RecordPartyCommitteeApproval, new() { Comment = "同意", Date = new DateOnly(2026, 2, 13) }, strict.CaseManager, Now, strict.Deadlines);

        Assert.Equal((ClueState.TalkInquiry, (ClueState?)null, new DateOnly(2026, 2, 13)), (clue.State, clue.PendingState, clue.DisposedOn));
        AssertNoDeadline(clue);
    }

    [Fact]
    public void Talk_inquiry_of_a_principal_leader_starts_at_once_under_the_default_policy()
    {
        var clue = _s.At(ClueState.Assigned, principal: true);
        clue.Apply(ClueAction.ProposeDisposal, new() { Method = DisposalMethod.TalkInquiry, Comment = "函询" }, _s.Handler, Now, _s.Deadlines);

        clue.Apply(ClueAction.ApproveDisposal, new(), _s.Leader, Now, _s.Deadlines);

        Assert.Equal((ClueState.TalkInquiry, (DateOnly?)Today), (clue.State, clue.DisposedOn));
        AssertNoDeadline(clue);
    }

    [Fact]
    public void Sending_the_inquiry_letter_records_the_date_and_starts_the_reply_period()
    {
        var clue = _s.At(ClueState.TalkInquiry);

        // Sent Thu 12 Feb 2026, 15 working days across the Spring Festival.
        Assert.Equal(new DateOnly(2026, 2, 12), clue.InquirySentOn);
        Assert.Equal((DeadlineKind.InquiryReply, new DateOnly(2026, 3, 11)), (clue.DueKind, clue.DueOn));
    }

    [Fact]
    public void A_recorded_talk_starts_the_one_month_report_period_from_the_talk()
    {
        var clue = _s.At(ClueState.TalkInquiry);

        clue.Apply(ClueAction.RecordTalk, new() { Date = new DateOnly(2026, 3, 3), Comment = "谈话" }, _s.Handler, Now, _s.Deadlines);

        Assert.Equal((DeadlineKind.InquiryReport, new DateOnly(2026, 4, 3)), (clue.DueKind, clue.DueOn));
    }

    [Fact]
    public void A_reply_needs_a_letter_sent_first()
    {
        var clue = _s.At(ClueState.Assigned);
        clue.Apply(ClueAction.ProposeDisposal, new() { Method = DisposalMethod.TalkInquiry, Comment = "谈话" }, _s.Handler, Now, _s.Deadlines);
        clue.Apply(ClueAction.ApproveDisposal, new(), _s.Leader, Now, _s.Deadlines);

        var error = Assert.Throws<DomainRuleException>(() =>
            clue.Apply(ClueAction.RecordInquiryReply, new() { Date = new DateOnly(2026, 3, 3), Comment = "回复", Countersigned = true }, _s.Handler, Now, _s.Deadlines));

        Assert.Equal("Clue.NoLetterSent", error.Code);
    }

    [Fact]
    public void A_countersigned_reply_is_recorded_as_countersigned()
    {
        var clue = _s.At(ClueState.TalkInquiry);

        clue.Apply(ClueAction.RecordInquiryReply, new() { Date = new DateOnly(2026, 3, 3), Comment = "回复", Countersigned = true }, _s.Handler, Now, _s.Deadlines);

        Assert.True(clue.InquiryCountersigned);
        Assert.Equal((DeadlineKind.InquiryReport, new DateOnly(2026, 4, 3)), (clue.DueKind, clue.DueOn));
    }

    [Fact]
    public void Filing_waits_for_the_party_committee_for_a_principal_leader_even_when_the_policy_does_not_ask_for_it()
    {
        var lenient = new ClueScenario(new ClueOptions { PartyCommitteeApprovesFiling = false, PartyCommitteeApprovesPrincipalVerification = false });
        var clue = lenient.At(ClueState.CaseProposed, principal: true);

        clue.Apply(ClueAction.ApproveCaseFiling, new(), lenient.Leader, Now, lenient.Deadlines);

        Assert.Equal((ClueState.AwaitingPartyCommittee, ClueState.Filed), (clue.State, clue.PendingState));
    }

    [Fact]
    public void Filing_an_ordinary_case_under_a_lenient_policy_files_it_today_with_a_case_number()
    {
        var lenient = new ClueScenario(new ClueOptions { PartyCommitteeApprovesFiling = false });
        var clue = lenient.At(ClueState.CaseProposed);

        clue.Apply(ClueAction.ApproveCaseFiling, new(), lenient.Leader, Now, lenient.Deadlines);

        Assert.Equal((ClueState.Filed, Today), (clue.State, clue.FiledOn));
        Assert.StartsWith("开阳县-A-2026", clue.CaseNumber, StringComparison.Ordinal);
        Assert.EndsWith("00001", clue.CaseNumber, StringComparison.Ordinal);
        Assert.True(clue.IsCase);
    }

    [Fact]
    public void Filing_keeps_the_disposal_date_and_takes_the_party_committee_date()
    {
        var clue = _s.At(ClueState.Filed);

        Assert.Equal((Today, new DateOnly(2026, 3, 2)), (clue.DisposedOn, clue.FiledOn));
        Assert.Equal(((ClueState?)null, (DeadlineKind?)null), (clue.PendingState, clue.DueKind));
    }

    [Fact]
    public void A_case_decided_without_sanction_is_not_sanctioned()
    {
        var clue = _s.At(ClueState.ReviewReported);

        clue.Apply(ClueAction.Decide, new() { Date = new DateOnly(2026, 6, 1), Sanctions = [] }, _s.Leader, Now, _s.Deadlines);

        Assert.False(clue.IsSanctioned);
        Assert.Empty(clue.Sanctions);
        Assert.Equal(new DateOnly(2026, 6, 1), clue.DecidedOn);
        Assert.Equal((DeadlineKind.Announcement, new DateOnly(2026, 7, 1)), (clue.DueKind, clue.DueOn));
    }

    [Fact]
    public void A_sanction_falls_on_the_first_reported_official_unless_another_is_named()
    {
        var clue = _s.At(ClueState.ReviewReported);
        var other = Guid.NewGuid();

        clue.Apply(ClueAction.Decide, new() { Date = new DateOnly(2026, 6, 1), Sanctions = [new("P.WARNING", null), new("S.DEMERIT", other)] }, _s.Leader, Now, _s.Deadlines);

        Assert.True(clue.IsSanctioned);
        Assert.Equal([("P.WARNING", (Guid?)_s.OfficialId), ("S.DEMERIT", other)], clue.Sanctions.Select(s => (s.Code, s.OfficialId)));
        var warning = clue.Sanctions[0];
        Assert.Equal(
            (SanctionKind.Party, 2, new DateOnly(2026, 6, 1), (DateOnly?)new DateOnly(2027, 5, 31), (DateOnly?)null),
            (warning.Kind, warning.Form, warning.DecidedOn, warning.InfluenceEndsOn, warning.RevokedOn));
    }

    [Fact]
    public void An_unnamed_sanction_names_nobody_when_no_reported_person_is_known_to_the_roster()
    {
        var clue = _s.At(ClueState.ReviewReported, persons: [new(null, "无名氏", null, null, false, null, "520121", null)]);

        clue.Apply(ClueAction.Decide, new() { Date = new DateOnly(2026, 6, 1), Sanctions = [new("P.WARNING", null)] }, _s.Leader, Now, _s.Deadlines);

        var sanction = Assert.Single(clue.Sanctions);
        Assert.Equal(("P.WARNING", (Guid?)null), (sanction.Code, sanction.OfficialId));
        Assert.True(clue.IsSanctioned);
    }

    [Fact]
    public void An_unnamed_sanction_falls_on_the_first_reported_person_known_to_the_roster()
    {
        var a = Guid.NewGuid();
        var b = Guid.NewGuid();
        ReportedPerson[] persons =
        [
            new(null, "无名氏", null, null, false, null, "520121", null),
            new(a, "甲某某", null, null, false, null, "520121", null),
            new(b, "乙某某", null, null, false, null, "520121", null),
        ];
        var clue = _s.At(ClueState.ReviewReported, persons: persons);

        clue.Apply(ClueAction.Decide, new() { Date = new DateOnly(2026, 6, 1), Sanctions = [new("S.WARNING", null)] }, _s.Leader, Now, _s.Deadlines);

        Assert.Equal(a, clue.Sanctions.Single().OfficialId);
    }

    [Fact]
    public void An_unknown_sanction_is_refused_by_its_code()
    {
        var clue = _s.At(ClueState.ReviewReported);

        var error = Assert.Throws<DomainRuleException>(() =>
            clue.Apply(ClueAction.Decide, new() { Date = new DateOnly(2026, 6, 1), Sanctions = [new("P.NONSENSE", null)] }, _s.Leader, Now, _s.Deadlines));

        Assert.Equal(("Clue.UnknownSanction", "P.NONSENSE"), (error.Code, error.Arguments.Single()));
    }

    [Fact]
    public void Transfer_to_the_procuratorate_records_its_date()
    {
        var clue = _s.At(ClueState.TransferredToProcuratorate);

        Assert.Equal(new DateOnly(2026, 6, 10), clue.TransferredOn);
    }

    [Fact]
    public void An_appeal_runs_three_months_from_filing_and_a_revocation_lifts_every_sanction()
    {
        // Filed 1 July: three months end on 1 October, in the National Day holiday, so the limit is the next working day.
        var clue = _s.At(ClueState.Appealed);
        Assert.Equal((DeadlineKind.Appeal, new DateOnly(2026, 10, 8)), (clue.DueKind, clue.DueOn));

        clue.Apply(ClueAction.DecideAppeal, new() { AppealResult = AppealResult.Revoked, Comment = "撤销原处分" }, _s.Leader, Now, _s.Deadlines);

        Assert.Equal((ClueState.Archived, AppealResult.Revoked, false), (clue.State, clue.AppealResult, clue.IsSanctioned));
        Assert.All(clue.Sanctions, s => Assert.Equal(Today, s.RevokedOn));
    }

    [Fact]
    public void An_upheld_appeal_keeps_the_sanctions()
    {
        var clue = _s.At(ClueState.Appealed);

        clue.Apply(ClueAction.DecideAppeal, new() { AppealResult = AppealResult.Upheld, Comment = "维持" }, _s.Leader, Now, _s.Deadlines);

        Assert.True(clue.IsSanctioned);
        Assert.All(clue.Sanctions, s => Assert.Null(s.RevokedOn));
    }

    [Fact]
    public void A_second_appeal_starts_without_the_first_result_and_a_sanction_stays_revoked_from_its_first_date()
    {
        var clue = _s.At(ClueState.Appealed);
        clue.Apply(ClueAction.DecideAppeal, new() { AppealResult = AppealResult.Revoked, Comment = "撤销" }, _s.Leader, Now, _s.Deadlines);
        Assert.Equal(Today, clue.ClosedOn);

        clue.Apply(ClueAction.FileAppeal, new() { Date = new DateOnly(2026, 9, 1), Comment = "再次申诉", AppealStage = AppealStage.PartyReview }, _s.CaseManager, Now, _s.Deadlines);
        Assert.Null(clue.AppealResult);

        var later = Now.AddDays(30);
        clue.Apply(ClueAction.DecideAppeal, new() { AppealResult = AppealResult.Revoked, Comment = "撤销" }, _s.Leader, later, _s.Deadlines);

        Assert.All(clue.Sanctions, s => Assert.Equal(Today, s.RevokedOn));
        Assert.Equal(Today, clue.ClosedOn);
    }

    [Fact]
    public void Archiving_ends_the_case_and_its_announcement_deadline()
    {
        var clue = _s.At(ClueState.Archived);

        Assert.Equal(Today, clue.ClosedOn);
        AssertNoDeadline(clue);
    }

    private static void AssertNoDeadline(Clue clue)
    {
        Assert.Null(clue.DueKind);
        Assert.Null(clue.DueOn);
    }
}
