using Qingfeng.Features.Clues;
using Qingfeng.Features.Roster;
using Qingfeng.Platform.Calendar;
using Qingfeng.Platform.Security;

namespace Qingfeng.Tests.Features.Clues;

/// <summary>
/// Drives a clue through the real lifecycle to any state, with one named officer per role, so that tests
/// start from states the workflow can actually reach (no reflection on the entity).
/// </summary>
internal sealed class ClueScenario
{
    /// <summary>Tue 10 Feb 2026, 10:00 in China: a working day.</summary>
    public static readonly DateTimeOffset Now = new(2026, 2, 10, 2, 0, 0, TimeSpan.Zero);

    public static readonly DateOnly Today = new(2026, 2, 10);

    public static readonly DateOnly ReceivedOn = new(2026, 2, 9);

    public ClueScenario(ClueOptions? options = null)
    {
        Deadlines = new ClueDeadlines(options ?? new ClueOptions(), WorkingDayCalendar.BuiltIn());
    }

    public ClueDeadlines Deadlines { get; }

    /// <summary>Whether the scenario's clues are real-name reports (their reporter is told the acceptance and the result).</summary>
    public bool RealName { get; init; }

    public ClueActor Petition { get; } = Officer(Roles.PetitionOffice, "信访室甲");

    public ClueActor CaseManager { get; } = Officer(Roles.CaseManagement, "案管室乙");

    public ClueActor Leader { get; } = Officer(Roles.CommissionLeader, "书记丙");

    public ClueActor Handler { get; } = Officer(Roles.SupervisionOffice, "监督室丁");

    public ClueActor Investigator { get; } = Officer(Roles.InvestigationOffice, "审查室戊");

    public ClueActor Reviewer { get; } = Officer(Roles.TrialOffice, "审理室己");

    public Guid OrganId { get; } = Guid.NewGuid();

    public Guid OfficialId { get; } = Guid.NewGuid();

    public static ClueActor Officer(string role, string name) => new(Guid.NewGuid(), name, new HashSet<string> { role });

    public static ClueActor As(ClueActor person, string role) => new(person.UserId, person.Name, new HashSet<string> { role });

    public Clue Registered(bool principal = false, bool? realName = null, IReadOnlyList<ReportedPerson>? persons = null)
    {
        var person = new ReportedPerson(OfficialId, "甲某某", "开阳县交通运输局", principal ? "局长" : "科员", principal, principal ? LeaderCategory.CityCountyDepartment : null, "520121", Guid.NewGuid());
        var clue = new Clue("开阳县-2026-00001", OrganId, ClueSource.Online12388, ReceivedOn, realName ?? RealName, persons ?? [person], ["EP.GIFTS"]);
        clue.Registered(Petition, Now, Deadlines);
        return clue;
    }

    /// <summary>A clue in <paramref name="state"/>, reached through the workflow (a 函询 letter is sent in <see cref="ClueState.TalkInquiry"/>).</summary>
    public Clue At(ClueState state, bool principal = false, IReadOnlyList<ReportedPerson>? persons = null)
    {
        var clue = Registered(principal, persons: persons);
        foreach (var (action, input, actor) in PathTo(state))
        {
            clue.Apply(action, input, actor, Now, Deadlines);
        }

        return clue.State == state
            ? clue
            : throw new InvalidOperationException($"The scenario reached {clue.State}, not {state}.");
    }

    /// <summary>An input carrying every field an action may require.</summary>
    public ClueActionInput FullInput(ClueAction action) => new()
    {
        Comment = "意见",
        AssigneeId = Assignee(action).UserId,
        AssigneeName = Assignee(action).Name,
        Method = DisposalMethod.Verification,
        Date = new DateOnly(2026, 3, 2),
        MergedIntoId = Guid.NewGuid(),
        Sanctions = [],
        AppealResult = AppealResult.Upheld,
        AppealStage = AppealStage.PartyReview,
        Countersigned = true,
    };

    /// <summary>Who takes <paramref name="transition"/> on <paramref name="clue"/> holding <paramref name="role"/>: the named participant where the row says so.</summary>
    public static ClueActor ActorFor(ClueTransition transition, string role, Clue clue) => transition.Actor switch
    {
        ActorConstraint.Handler => new(clue.HandlerId!.Value, "承办人", new HashSet<string> { role }),
        ActorConstraint.Investigator => new(clue.InvestigatorId!.Value, "审查调查人", new HashSet<string> { role }),
        ActorConstraint.Reviewer => new(clue.ReviewerId!.Value, "审理人", new HashSet<string> { role }),
        _ => new(Guid.NewGuid(), role + "-officer", new HashSet<string> { role }),
    };

    private ClueActor Assignee(ClueAction action) => action switch
    {
        ClueAction.StartInvestigation => Investigator,
        ClueAction.TransferToReview => Reviewer,
        _ => Handler,
    };

    private IEnumerable<(ClueAction Action, ClueActionInput Input, ClueActor Actor)> PathTo(ClueState state)
    {
        var comment = new ClueActionInput { Comment = "意见" };
        var on = new ClueActionInput { Comment = "意见", Date = new DateOnly(2026, 3, 2) };
        return state switch
        {
            ClueState.Registered => [],
            ClueState.NotAccepted => [(ClueAction.NotAccept, comment, Petition)],
            ClueState.ForwardedUp => [(ClueAction.ForwardUp, comment, Petition)],
            ClueState.Merged => [(ClueAction.MarkRepeat, new() { MergedIntoId = Guid.NewGuid() }, Petition)],
            ClueState.CaseManagement => [(ClueAction.SubmitToCaseManagement, new(), Petition)],
            ClueState.AllocationProposed =>
            [
                .. PathTo(ClueState.CaseManagement),
                (ClueAction.ProposeAllocation, new() { AssigneeId = Handler.UserId, AssigneeName = Handler.Name }, CaseManager),
            ],
            ClueState.Assigned => [.. PathTo(ClueState.AllocationProposed), (ClueAction.ApproveAllocation, new(), Leader)],
            ClueState.DisposalProposed => [.. PathTo(ClueState.Assigned), Propose(DisposalMethod.Verification)],
            ClueState.TalkInquiry =>
            [
                .. PathTo(ClueState.Assigned), Propose(DisposalMethod.TalkInquiry), (ClueAction.ApproveDisposal, new(), Leader),
                (ClueAction.SendInquiryLetter, new() { Date = new DateOnly(2026, 2, 12) }, Handler),
            ],
            ClueState.Verification => [.. PathTo(ClueState.Assigned), Propose(DisposalMethod.Verification), (ClueAction.ApproveDisposal, new(), Leader)],
            ClueState.Shelved => [.. PathTo(ClueState.Assigned), Propose(DisposalMethod.Shelve), (ClueAction.ApproveDisposal, new(), Leader)],
            ClueState.Closed =>
            [
                .. PathTo(ClueState.Assigned),
                (ClueAction.ProposeDisposal, new() { Method = DisposalMethod.Close, ClosingOutcome = ClosingOutcome.Clarified, Comment = "反映不实" }, Handler),
                (ClueAction.ApproveDisposal, new(), Leader),
            ],
            ClueState.TransferredOut => [.. PathTo(ClueState.Verification), (ClueAction.TransferOut, comment, Leader)],
            ClueState.CaseProposed => [.. PathTo(ClueState.Verification), (ClueAction.ProposeCase, comment, Handler)],
            ClueState.AwaitingPartyCommittee => [.. PathTo(ClueState.CaseProposed), (ClueAction.ApproveCaseFiling, new(), Leader)],
            ClueState.Filed => [.. PathTo(ClueState.AwaitingPartyCommittee), (ClueAction.RecordPartyCommitteeApproval, on, Leader)],
            ClueState.Investigating =>
            [
                .. PathTo(ClueState.Filed),
                (ClueAction.StartInvestigation, new() { AssigneeId = Investigator.UserId, AssigneeName = Investigator.Name }, Leader),
            ],
            ClueState.InvestigationReported =>
            [
                .. PathTo(ClueState.Investigating),
                (ClueAction.SubmitInvestigationReport, new() { Comment = "事实清楚", Date = new DateOnly(2026, 5, 6) }, Investigator),
            ],
            ClueState.InReview =>
            [
                .. PathTo(ClueState.InvestigationReported),
                (ClueAction.TransferToReview, new() { AssigneeId = Reviewer.UserId, AssigneeName = Reviewer.Name }, Leader),
            ],
            ClueState.ReviewReported => [.. PathTo(ClueState.InReview), (ClueAction.SubmitReviewReport, comment, Reviewer)],
            ClueState.Decided =>
            [
                .. PathTo(ClueState.ReviewReported),
                (ClueAction.Decide, new() { Date = new DateOnly(2026, 6, 1), Sanctions = [new("P.WARNING", null)] }, Leader),
            ],
            ClueState.TransferredToProcuratorate =>
            [
                .. PathTo(ClueState.Decided),
                (ClueAction.TransferToProcuratorate, new() { Comment = "开阳县人民检察院", Date = new DateOnly(2026, 6, 10) }, Leader),
            ],
            ClueState.Archived => [.. PathTo(ClueState.Decided), (ClueAction.Archive, new(), CaseManager)],
            ClueState.Appealed => [.. PathTo(ClueState.Decided), (ClueAction.FileAppeal, new() { Comment = "本人申诉", Date = new DateOnly(2026, 7, 1), AppealStage = AppealStage.PartyReview }, CaseManager)],
            _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
        };
    }

    private (ClueAction, ClueActionInput, ClueActor) Propose(DisposalMethod method) =>
        (ClueAction.ProposeDisposal, new() { Method = method, Comment = "处置意见" }, Handler);
}
