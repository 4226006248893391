using Qingfeng.Features.Clues;
using Qingfeng.Platform.Rules;
using Qingfeng.Platform.Security;
using Xunit;
using static Qingfeng.Features.Clues.ClueState;

namespace Qingfeng.Tests.Features.Clues;

/// <summary>
/// The transition table row by row: what each row says (pinned against the lifecycle of domain.md 1.8) and
/// that the entity does what it says — its required inputs, its roles and named participant, its target state.
/// </summary>
public sealed class ClueWorkflowTests
{
    private static readonly string[] Intake = [Roles.PetitionOffice, Roles.CaseManagement, Roles.SupervisionOffice, Roles.StationedTeam];
    private static readonly string[] Handlers = [Roles.SupervisionOffice, Roles.StationedTeam, Roles.InvestigationOffice];

    /// <summary>The lifecycle as agreed: (from, to, roles, required inputs, named participant) for every action.</summary>
    private static readonly Dictionary<ClueAction, (ClueState[] From, ClueState? To, string[] Roles, ActionField Required, ActorConstraint Actor)> Expected = new()
    {
        [ClueAction.SubmitToCaseManagement] = ([Registered], CaseManagement, Intake, ActionField.None, ActorConstraint.AnyWithRole),
        [ClueAction.NotAccept] = ([Registered], NotAccepted, [Roles.PetitionOffice], ActionField.Comment, ActorConstraint.AnyWithRole),
        [ClueAction.ForwardUp] = ([Registered], ForwardedUp, [Roles.PetitionOffice], ActionField.Comment, ActorConstraint.AnyWithRole),
        [ClueAction.MarkRepeat] = ([Registered, CaseManagement], Merged, [Roles.PetitionOffice, Roles.CaseManagement], ActionField.MergedInto, ActorConstraint.AnyWithRole),
        [ClueAction.ProposeAllocation] = ([CaseManagement], AllocationProposed, [Roles.CaseManagement], ActionField.Assignee, ActorConstraint.AnyWithRole),
        [ClueAction.ApproveAllocation] = ([AllocationProposed], Assigned, [Roles.CommissionLeader], ActionField.None, ActorConstraint.AnyWithRole),
        [ClueAction.ReturnAllocation] = ([AllocationProposed], CaseManagement, [Roles.CommissionLeader], ActionField.Comment, ActorConstraint.AnyWithRole),
        [ClueAction.ProposeDisposal] = ([Assigned, TalkInquiry, Verification, Shelved], DisposalProposed, Handlers, ActionField.Method | ActionField.Comment, ActorConstraint.Handler),
        [ClueAction.ApproveDisposal] = ([DisposalProposed], null, [Roles.CommissionLeader], ActionField.None, ActorConstraint.AnyWithRole),
        [ClueAction.ReturnDisposal] = ([DisposalProposed], null, [Roles.CommissionLeader], ActionField.Comment, ActorConstraint.AnyWithRole),
        [ClueAction.RecordPartyCommitteeApproval] = ([AwaitingPartyCommittee], null, [Roles.CommissionLeader, Roles.CaseManagement], ActionField.Comment | ActionField.Date, ActorConstraint.AnyWithRole),
        [ClueAction.SendInquiryLetter] = ([TalkInquiry], TalkInquiry, Handlers, ActionField.Date, ActorConstraint.Handler),
        [ClueAction.RecordTalk] = ([TalkInquiry], TalkInquiry, Handlers, ActionField.Date | ActionField.Comment, ActorConstraint.Handler),
        [ClueAction.RecordInquiryReply] = ([TalkInquiry], TalkInquiry, Handlers, ActionField.Date | ActionField.Comment, ActorConstraint.Handler),
        [ClueAction.ProposeCase] = ([Verification], CaseProposed, Handlers, ActionField.Comment, ActorConstraint.Handler),
        [ClueAction.ApproveCaseFiling] = ([CaseProposed], null, [Roles.CommissionLeader], ActionField.None, ActorConstraint.AnyWithRole),
        [ClueAction.StartInvestigation] = ([Filed], Investigating, [Roles.CommissionLeader], ActionField.Assignee, ActorConstraint.AnyWithRole),
        [ClueAction.SubmitInvestigationReport] = ([Investigating], InvestigationReported, [Roles.InvestigationOffice], ActionField.Date | ActionField.Comment, ActorConstraint.Investigator),
        [ClueAction.TransferToReview] = ([InvestigationReported], InReview, [Roles.CommissionLeader], ActionField.Assignee, ActorConstraint.AnyWithRole),
        [ClueAction.SubmitReviewReport] = ([InReview], ReviewReported, [Roles.TrialOffice], ActionField.Comment, ActorConstraint.Reviewer),
        [ClueAction.Decide] = ([ReviewReported], Decided, [Roles.CommissionLeader], ActionField.Date | ActionField.Sanctions, ActorConstraint.AnyWithRole),
        [ClueAction.TransferToProcuratorate] = ([Decided], TransferredToProcuratorate, [Roles.CommissionLeader], ActionField.Date | ActionField.Comment, ActorConstraint.AnyWithRole),
        [ClueAction.Archive] = ([Decided, TransferredToProcuratorate], Archived, [Roles.CaseManagement], ActionField.None, ActorConstraint.AnyWithRole),
        [ClueAction.FileAppeal] = ([Decided, TransferredToProcuratorate, Archived], Appealed, [Roles.CaseManagement], ActionField.Date | ActionField.Comment | ActionField.AppealStage, ActorConstraint.AnyWithRole),
        [ClueAction.DecideAppeal] = ([Appealed], Archived, [Roles.CommissionLeader], ActionField.AppealResult | ActionField.Comment, ActorConstraint.AnyWithRole),
        [ClueAction.TransferOut] = ([Verification], TransferredOut, [Roles.CommissionLeader], ActionField.Comment, ActorConstraint.AnyWithRole),
        [ClueAction.RecordResultFeedback] = ([Closed, Archived, TransferredOut], null, [Roles.PetitionOffice], ActionField.Date | ActionField.Comment, ActorConstraint.AnyWithRole),
    };

    /// <summary>
    /// Where the rows whose target the entity decides lead on the scenario's path (a verification proposal, default policy); a row
    /// missing here keeps the clue in its state (recording the result feedback).
    /// </summary>
    private static readonly Dictionary<ClueAction, ClueState> DecidedTargets = new()
    {
        [ClueAction.ApproveDisposal] = Verification,
        [ClueAction.ReturnDisposal] = Assigned,
        [ClueAction.RecordPartyCommitteeApproval] = Filed,
        [ClueAction.ApproveCaseFiling] = AwaitingPartyCommittee,
    };

    /// <summary>Each input flag and the name the refusal gives it, in the order the entity checks them.</summary>
    private static readonly (ActionField Field, string Name, Func<ClueActionInput, ClueActionInput> Without)[] Fields =
    [
        (ActionField.Comment, "Comment", i => i with { Comment = "  " }),
        (ActionField.Assignee, "AssigneeId", i => i with { AssigneeId = null }),
        (ActionField.Method, "Method", i => i with { Method = null }),
        (ActionField.Date, "Date", i => i with { Date = null }),
        (ActionField.MergedInto, "MergedIntoId", i => i with { MergedIntoId = null }),
        (ActionField.Sanctions, "Sanctions", i => i with { Sanctions = null }),
        (ActionField.AppealResult, "AppealResult", i => i with { AppealResult = null }),
        (ActionField.AppealStage, "AppealStage", i => i with { AppealStage = null }),
    ];

    public static TheoryData<ClueAction> Actions => [.. Enum.GetValues<ClueAction>()];

    /// <summary>Real-name clues, so that a concluded clue owes its reporter the result (the guard of RecordResultFeedback).</summary>
    private static ClueScenario Scenario() => new() { RealName = true };

    [Fact]
    public void The_table_has_one_row_per_action_and_nothing_else()
    {
        Assert.Equal(Enum.GetValues<ClueAction>().Order(), ClueWorkflow.Transitions.Select(t => t.Action).Order());
        Assert.Equal(Expected.Keys.Order(), ClueWorkflow.Transitions.Select(t => t.Action).Order());
    }

    [Theory]
    [MemberData(nameof(Actions))]
    public void Each_row_states_the_agreed_states_roles_inputs_and_participant(ClueAction action)
    {
        var row = ClueWorkflow.For(action);
        var (from, to, roles, required, actor) = Expected[action];

        Assert.Equal(action, row.Action);
        Assert.Equal(from, row.From);
        Assert.Equal(to, row.To);
        Assert.Equal(roles.Order(StringComparer.Ordinal), row.Roles.Order(StringComparer.Ordinal));
        Assert.Equal(required, row.Required);
        Assert.Equal(actor, row.Actor);
    }

    [Fact]
    public void Terminal_states_end_the_clue_and_case_states_are_those_from_filing_on()
    {
        Assert.Equal([NotAccepted, ForwardedUp, Merged, Closed, Archived, TransferredOut], ClueWorkflow.Terminal.Order());
        Assert.Equal(
            [Filed, Investigating, InvestigationReported, InReview, ReviewReported, Decided, TransferredToProcuratorate, Archived, Appealed],
            ClueWorkflow.CaseStates.Order());
    }

    [Theory]
    [InlineData(DisposalMethod.TalkInquiry, TalkInquiry)]
    [InlineData(DisposalMethod.Verification, Verification)]
    [InlineData(DisposalMethod.Shelve, Shelved)]
    [InlineData(DisposalMethod.Close, Closed)]
    public void Each_approved_disposal_method_leads_to_its_own_state(DisposalMethod method, ClueState state)
    {
        Assert.Equal(state, ClueWorkflow.StateFor(method));
    }

    [Fact]
    public void From_lists_exactly_the_rows_legal_in_a_state()
    {
        Assert.Equal(
            [ClueAction.SubmitToCaseManagement, ClueAction.NotAccept, ClueAction.ForwardUp, ClueAction.MarkRepeat],
            ClueWorkflow.From(Registered).Select(t => t.Action));
        Assert.Equal(
            [ClueAction.ProposeDisposal, ClueAction.ProposeCase, ClueAction.TransferOut],
            ClueWorkflow.From(Verification).Select(t => t.Action));
        Assert.Equal([ClueAction.RecordResultFeedback], ClueWorkflow.From(Closed).Select(t => t.Action));
    }

    [Theory]
    [MemberData(nameof(Actions))]
    public void Each_role_of_a_row_takes_it_from_each_of_its_states_to_the_target_state(ClueAction action)
    {
        var row = ClueWorkflow.For(action);
        foreach (var state in row.From)
        {
            foreach (var role in row.Roles)
            {
                var scenario = Scenario();
                var clue = scenario.At(state);
                var actor = ClueScenario.ActorFor(row, role, clue);
                var historyBefore = clue.History.Count;

                Assert.True(clue.CanTake(row, actor), $"{role} may take {action} in {state}");
                clue.Apply(action, scenario.FullInput(action), actor, ClueScenario.Now, scenario.Deadlines);

                Assert.Equal(row.To ?? DecidedTargets.GetValueOrDefault(action, state), clue.State);
                Assert.Equal(historyBefore + 1, clue.History.Count);
                var entry = clue.History[^1];
                Assert.Equal((action.ToString(), state, clue.State, actor.UserId, actor.Name), (entry.Action, entry.From, entry.To, entry.UserId, entry.UserName));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Actions))]
    public void Every_role_outside_a_row_is_refused_with_403_and_nothing_changes(ClueAction action)
    {
        var row = ClueWorkflow.For(action);
        foreach (var role in Roles.All.Except(row.Roles))
        {
            var scenario = Scenario();
            var clue = scenario.At(row.From[0]);
            var actor = ClueScenario.ActorFor(row, role, clue);
            var historyBefore = clue.History.Count;

            Assert.False(clue.CanTake(row, actor));
            var error = Assert.Throws<DomainRuleException>(() => clue.Apply(action, scenario.FullInput(action), actor, ClueScenario.Now, scenario.Deadlines));

            Assert.Equal(("Clue.NotYourStep", 403), (error.Code, error.Status));
            Assert.Equal(action, error.Arguments[0]);
            Assert.Equal(row.From[0], clue.State);
            Assert.Equal(historyBefore, clue.History.Count);
        }
    }

    [Theory]
    [InlineData(ClueAction.ProposeDisposal)]
    [InlineData(ClueAction.SendInquiryLetter)]
    [InlineData(ClueAction.RecordTalk)]
    [InlineData(ClueAction.RecordInquiryReply)]
    [InlineData(ClueAction.ProposeCase)]
    [InlineData(ClueAction.SubmitInvestigationReport)]
    [InlineData(ClueAction.SubmitReviewReport)]
    public void A_row_for_a_named_participant_refuses_a_colleague_with_the_same_role(ClueAction action)
    {
        var row = ClueWorkflow.For(action);
        Assert.NotEqual(ActorConstraint.AnyWithRole, row.Actor);
        var scenario = Scenario();
        var clue = scenario.At(row.From[0]);
        var colleague = ClueScenario.Officer(row.Roles[0], "同室同事");

        Assert.False(clue.CanTake(row, colleague));
        var error = Assert.Throws<DomainRuleException>(() => clue.Apply(action, scenario.FullInput(action), colleague, ClueScenario.Now, scenario.Deadlines));

        Assert.Equal(("Clue.NotYourStep", 403), (error.Code, error.Status));
        Assert.Equal(row.From[0], clue.State);
    }

    [Theory]
    [MemberData(nameof(Actions))]
    public void Each_required_input_of_a_row_is_refused_by_name_when_missing(ClueAction action)
    {
        var row = ClueWorkflow.For(action);
        foreach (var (field, name, without) in Fields.Where(f => row.Required.HasFlag(f.Field)))
        {
            var scenario = Scenario();
            var clue = scenario.At(row.From[0]);
            var actor = ClueScenario.ActorFor(row, row.Roles[0], clue);

            var error = Assert.Throws<DomainRuleException>(() => clue.Apply(action, without(scenario.FullInput(action)), actor, ClueScenario.Now, scenario.Deadlines));

            Assert.Equal(("Clue.FieldRequired", 422), (error.Code, error.Status));
            Assert.Equal(name, error.Arguments.Single());
            Assert.Equal(row.From[0], clue.State);
        }
    }

    [Theory]
    [MemberData(nameof(Actions))]
    public void An_empty_input_names_every_required_input_of_the_row_or_passes_when_none_is_required(ClueAction action)
    {
        var row = ClueWorkflow.For(action);
        var scenario = Scenario();
        var clue = scenario.At(row.From[0]);
        var actor = ClueScenario.ActorFor(row, row.Roles[0], clue);
        var names = Fields.Where(f => row.Required.HasFlag(f.Field)).Select(f => f.Name).ToList();

        if (names.Count == 0)
        {
            clue.Apply(action, new ClueActionInput(), actor, ClueScenario.Now, scenario.Deadlines);
            Assert.NotEqual(row.From[0], clue.State);
            return;
        }

        var error = Assert.Throws<DomainRuleException>(() => clue.Apply(action, new ClueActionInput(), actor, ClueScenario.Now, scenario.Deadlines));
        Assert.Equal("Clue.FieldRequired", error.Code);
        Assert.Equal(string.Join(", ", names), error.Arguments.Single());
    }

    [Fact]
    public void Inputs_a_row_does_not_require_are_not_demanded()
    {
        var scenario = Scenario();
        var clue = scenario.At(Assigned);

        // ProposeDisposal needs a method and a comment, nothing else: no date, assignee, sanctions or appeal result.
        clue.Apply(ClueAction.ProposeDisposal, new() { Method = DisposalMethod.Shelve, Comment = "暂不具备核查条件" }, scenario.Handler, ClueScenario.Now, scenario.Deadlines);

        Assert.Equal(DisposalProposed, clue.State);
    }

    [Fact]
    public void A_recused_officer_is_refused_with_403_although_they_hold_the_role_and_the_assignment()
    {
        var scenario = Scenario();
        var clue = scenario.At(Assigned);
        clue.Recuse(scenario.Handler.UserId, scenario.Handler.Name, "近亲属关系", scenario.Leader, ClueScenario.Now);

        var error = Assert.Throws<DomainRuleException>(() =>
            clue.Apply(ClueAction.ProposeDisposal, scenario.FullInput(ClueAction.ProposeDisposal), scenario.Handler, ClueScenario.Now, scenario.Deadlines));

        Assert.Equal(("Clue.NotYourStep", 403), (error.Code, error.Status));
    }

    [Fact]
    public void An_action_outside_its_states_is_a_409_conflict_before_any_role_check()
    {
        var scenario = Scenario();
        var clue = scenario.At(CaseManagement);

        var error = Assert.Throws<DomainRuleException>(() =>
            clue.Apply(ClueAction.ApproveAllocation, new(), scenario.Petition, ClueScenario.Now, scenario.Deadlines));

        Assert.Equal(("Clue.IllegalTransition", 409), (error.Code, error.Status));
        Assert.Equal(new object[] { ClueAction.ApproveAllocation, CaseManagement }, error.Arguments);
    }
}
