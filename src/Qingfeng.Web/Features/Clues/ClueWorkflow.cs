using System.Text.Json.Serialization;
using static Qingfeng.Features.Clues.ClueState;

namespace Qingfeng.Features.Clues;

/// <summary>Everything that can happen to a registered clue. Each is one row of <see cref="ClueWorkflow"/>.</summary>
public enum ClueAction
{
    SubmitToCaseManagement = 1,
    NotAccept = 2,
    ForwardUp = 3,
    MarkRepeat = 4,
    ProposeAllocation = 5,
    ApproveAllocation = 6,
    ReturnAllocation = 7,
    ProposeDisposal = 8,
    ApproveDisposal = 9,
    ReturnDisposal = 10,
    RecordPartyCommitteeApproval = 11,
    SendInquiryLetter = 12,
    RecordTalk = 13,
    RecordInquiryReply = 14,
    ProposeCase = 15,
    ApproveCaseFiling = 16,
    StartInvestigation = 17,
    SubmitInvestigationReport = 18,
    TransferToReview = 19,
    SubmitReviewReport = 20,
    Decide = 21,
    TransferToProcuratorate = 22,
    Archive = 23,
    FileAppeal = 24,
    DecideAppeal = 25,
    TransferOut = 26,
    RecordResultFeedback = 27,
}

/// <summary>Inputs an action may require; the workflow row lists which.</summary>
[Flags]
public enum ActionField
{
    None = 0,
    Comment = 1,
    Assignee = 2,
    Method = 4,
    Date = 8,
    MergedInto = 16,
    Sanctions = 32,
    AppealResult = 64,
    AppealStage = 128,
}

/// <summary>Who on the clue may take an action besides holding the role: anyone with the role, or only its named participant.</summary>
public enum ActorConstraint
{
    AnyWithRole = 0,
    Handler = 1,
    Investigator = 2,
    Reviewer = 3,
}

/// <summary>
/// One legal move: from which states, by which roles (and participant), needing which inputs, to which
/// state (<see langword="null"/> when the entity decides from the inputs, e.g. the approved method).
/// </summary>
public sealed record ClueTransition(
    ClueAction Action,
    IReadOnlyList<ClueState> From,
    ClueState? To,
    IReadOnlyList<string> Roles,
    [property: JsonIgnore] ActionField Required,
    ActorConstraint Actor = ActorConstraint.AnyWithRole)
{
    /// <summary>The inputs the action requires, as the API lists them (a combination of flags travels as a list of names).</summary>
    [JsonPropertyName("required")]
    public IReadOnlyList<ActionField> RequiredFields => [.. Enum.GetValues<ActionField>().Where(f => f != ActionField.None && Required.HasFlag(f))];
}

/// <summary>
/// The clue and case lifecycle as data (domain.md 1.8). The entity enforces it, the service checks roles
/// against it, the UI shows buttons from it and the tests enumerate it.
/// </summary>
public static class ClueWorkflow
{
    private static readonly string[] Petition = [Roles.PetitionOffice];
    private static readonly string[] Intake = [Roles.PetitionOffice, Roles.CaseManagement, Roles.SupervisionOffice, Roles.StationedTeam];
    private static readonly string[] CaseManagers = [Roles.CaseManagement];
    private static readonly string[] Leaders = [Roles.CommissionLeader];
    private static readonly string[] Handlers = [Roles.SupervisionOffice, Roles.StationedTeam, Roles.InvestigationOffice];
    private static readonly string[] Investigators = [Roles.InvestigationOffice];
    private static readonly string[] Reviewers = [Roles.TrialOffice];

    /// <summary>States that end the clue's active life.</summary>
    public static readonly IReadOnlySet<ClueState> Terminal = new HashSet<ClueState>
    {
        NotAccepted, ForwardedUp, Merged, Closed, Archived, TransferredOut,
    };

    /// <summary>
    /// The conclusions a real-name reporter is told of (检举控告规则: within 15 working days of the conclusion): a clue closed
    /// (了结), a case archived, a clue transferred to another organisation. Not a repeat (合并) nor one forwarded up.
    /// </summary>
    public static readonly IReadOnlySet<ClueState> FeedbackStates = new HashSet<ClueState> { Closed, Archived, TransferredOut };

    /// <summary>States in which the clue has become a case (立案 and after).</summary>
    public static readonly IReadOnlySet<ClueState> CaseStates = new HashSet<ClueState>
    {
        Filed, Investigating, InvestigationReported, InReview, ReviewReported, Decided, TransferredToProcuratorate, Archived, Appealed,
    };

    public static readonly IReadOnlyList<ClueTransition> Transitions =
    [
        new(ClueAction.SubmitToCaseManagement, [Registered], CaseManagement, Intake, ActionField.None),
        new(ClueAction.NotAccept, [Registered], NotAccepted, Petition, ActionField.Comment),
        new(ClueAction.ForwardUp, [Registered], ForwardedUp, Petition, ActionField.Comment),
        new(ClueAction.MarkRepeat, [Registered, CaseManagement], Merged, [Roles.PetitionOffice, Roles.CaseManagement], ActionField.MergedInto),
        new(ClueAction.ProposeAllocation, [CaseManagement], AllocationProposed, CaseManagers, ActionField.Assignee),
        new(ClueAction.ApproveAllocation, [AllocationProposed], Assigned, Leaders, ActionField.None),
        new(ClueAction.ReturnAllocation, [AllocationProposed], CaseManagement, Leaders, ActionField.Comment),
        new(ClueAction.ProposeDisposal, [Assigned, TalkInquiry, Verification, Shelved], DisposalProposed, Handlers, ActionField.Method | ActionField.Comment, ActorConstraint.Handler),
        new(ClueAction.ApproveDisposal, [DisposalProposed], null, Leaders, ActionField.None),
        new(ClueAction.ReturnDisposal, [DisposalProposed], null, Leaders, ActionField.Comment),
        new(ClueAction.RecordPartyCommitteeApproval, [AwaitingPartyCommittee], null, [Roles.CommissionLeader, Roles.CaseManagement], ActionField.Comment | ActionField.Date),
        new(ClueAction.SendInquiryLetter, [TalkInquiry], TalkInquiry, Handlers, ActionField.Date, ActorConstraint.Handler),
        new(ClueAction.RecordTalk, [TalkInquiry], TalkInquiry, Handlers, ActionField.Date | ActionField.Comment, ActorConstraint.Handler),
        new(ClueAction.RecordInquiryReply, [TalkInquiry], TalkInquiry, Handlers, ActionField.Date | ActionField.Comment, ActorConstraint.Handler),
        new(ClueAction.ProposeCase, [Verification], CaseProposed, Handlers, ActionField.Comment, ActorConstraint.Handler),
        new(ClueAction.ApproveCaseFiling, [CaseProposed], null, Leaders, ActionField.None),
        new(ClueAction.StartInvestigation, [Filed], Investigating, Leaders, ActionField.Assignee),
        new(ClueAction.SubmitInvestigationReport, [Investigating], InvestigationReported, Investigators, ActionField.Date | ActionField.Comment, ActorConstraint.Investigator),
        new(ClueAction.TransferToReview, [InvestigationReported], InReview, Leaders, ActionField.Assignee),
        new(ClueAction.SubmitReviewReport, [InReview], ReviewReported, Reviewers, ActionField.Comment, ActorConstraint.Reviewer),
        new(ClueAction.Decide, [ReviewReported], Decided, Leaders, ActionField.Date | ActionField.Sanctions),
        new(ClueAction.TransferToProcuratorate, [Decided], TransferredToProcuratorate, Leaders, ActionField.Date | ActionField.Comment),
        new(ClueAction.Archive, [Decided, TransferredToProcuratorate], Archived, CaseManagers, ActionField.None),
        new(ClueAction.FileAppeal, [Decided, TransferredToProcuratorate, Archived], Appealed, CaseManagers, ActionField.Date | ActionField.Comment | ActionField.AppealStage),
        new(ClueAction.DecideAppeal, [Appealed], Archived, Leaders, ActionField.AppealResult | ActionField.Comment),
        new(ClueAction.TransferOut, [Verification], TransferredOut, Leaders, ActionField.Comment),
        new(ClueAction.RecordResultFeedback, [.. FeedbackStates], null, Petition, ActionField.Date | ActionField.Comment),
    ];

    private static readonly Dictionary<ClueAction, ClueTransition> ByAction = Transitions.ToDictionary(t => t.Action);

    public static ClueTransition For(ClueAction action) => ByAction[action];

    /// <summary>The actions legal in <paramref name="state"/>, regardless of who acts.</summary>
    public static IEnumerable<ClueTransition> From(ClueState state) => Transitions.Where(t => t.From.Contains(state));

    /// <summary>The state a disposal method leads to once approved.</summary>
    public static ClueState StateFor(DisposalMethod method) => method switch
    {
        DisposalMethod.TalkInquiry => TalkInquiry,
        DisposalMethod.Verification => Verification,
        DisposalMethod.Shelve => Shelved,
        DisposalMethod.Close => Closed,
        _ => throw InputRules.Undefined(nameof(DisposalMethod)),
    };
}
