using Qingfeng.Features.PersonResolution;
using Qingfeng.Features.Roster;
using Qingfeng.Features.Supervision;

namespace Qingfeng.Features.Clues;

/// <summary>Who acts on a clue, as the entity needs to know it.</summary>
public sealed record ClueActor(Guid UserId, string Name, IReadOnlySet<string> Roles);

/// <summary>A sanction or handling decided on a case, as given to <see cref="Clue.Apply"/>.</summary>
public sealed record SanctionInput(string Code, Guid? OfficialId);

/// <summary>The inputs of one action; which are required is stated by the workflow row.</summary>
public sealed record ClueActionInput
{
    public string? Comment { get; init; }

    public Guid? AssigneeId { get; init; }

    public string? AssigneeName { get; init; }

    public DisposalMethod? Method { get; init; }

    public ClosingOutcome? ClosingOutcome { get; init; }

    public DateOnly? Date { get; init; }

    public Guid? MergedIntoId { get; init; }

    public IReadOnlyList<SanctionInput>? Sanctions { get; init; }

    public AppealResult? AppealResult { get; init; }

    public AppealStage? AppealStage { get; init; }

    /// <summary>For a 函询 reply: countersigned by the principal leader of the person's party organisation.</summary>
    public bool? Countersigned { get; init; }
}

/// <summary>
/// A problem clue (问题线索) and, once filed, its case (案件): the aggregate root of the lifecycle in
/// <see cref="ClueWorkflow"/>. Content and reporter are stored encrypted (the service encrypts);
/// every transition appends a <see cref="ClueHistoryEntry"/>.
/// </summary>
public sealed class Clue : Entity
{
    /// <summary>The longest report text (kept encrypted, so not a column length; the request and the page hold it).</summary>
    public const int ContentMaxLength = 20_000;

    private Clue()
    {
    }

    public Clue(
        string number,
        Guid organId,
        ClueSource source,
        DateOnly receivedOn,
        bool isRealName,
        IReadOnlyList<ReportedPerson> persons,
        IEnumerable<string> categoryCodes)
    {
        if (persons.Count == 0)
        {
            throw new DomainRuleException("Clue.PersonRequired");
        }

        Number = number;
        OrganId = organId;
        Source = source;
        ReceivedOn = receivedOn;
        IsRealName = isRealName;
        ReportedPersons = [.. persons];
        RefreshSubject();
        Categories = [.. categoryCodes.Distinct(StringComparer.Ordinal).Select(c => new ClueCategory(c))];
        State = ClueState.Registered;
    }

    /// <summary>Unique number, e.g. 开阳县-2026-00012 (逐件编号登记).</summary>
    public string Number { get; private set; } = "";

    /// <summary>The commission that owns and handles the clue.</summary>
    public Guid OrganId { get; private set; }

    /// <summary>Set when an area collaboration group (片区协作) handles the clue: its member organs see it.</summary>
    public Guid? CollaborationGroupId { get; private set; }

    /// <summary>The home organ recused by a delegation (提级监督 / 片区协作); it never sees the clue.</summary>
    public Guid? RecusedOrganId { get; private set; }

    public ClueSource Source { get; private set; }

    public DateOnly ReceivedOn { get; private set; }

    /// <summary>实名 (true) or anonymous.</summary>
    public bool IsRealName { get; private set; }

    /// <summary>The report text, encrypted (SM4-GCM); null once forwarded up sealed.</summary>
    public string? ContentCipher { get; private set; }

    /// <summary>The reporter's identity, encrypted; only the petition office may read it.</summary>
    public string? ReporterCipher { get; private set; }

    /// <summary>Compact text fingerprint for repeat detection (no plaintext).</summary>
    public string? Fingerprint { get; private set; }

    /// <summary>Region tree key of the primary reported person's unit (jurisdiction and statistics).</summary>
    public string RegionKey { get; private set; } = "";

    public Guid? UnitId { get; private set; }

    /// <summary>Whether a reported person is a 一把手: such clues go first and follow the stricter path.</summary>
    public bool IsPrincipal { get; private set; }

    public LeaderCategory? LeaderCategory { get; private set; }

    public ClueState State { get; private set; }

    public DisposalMethod? Method { get; private set; }

    public ClosingOutcome? ClosingOutcome { get; private set; }

    /// <summary>Where the clue goes once the party committee's principal leader has approved.</summary>
    public ClueState? PendingState { get; private set; }

    public Guid? HandlerId { get; private set; }

    public string? HandlerName { get; private set; }

    public Guid? InvestigatorId { get; private set; }

    public Guid? ReviewerId { get; private set; }

    public DateOnly? DueOn { get; private set; }

    public DeadlineKind? DueKind { get; private set; }

    /// <summary>The day <see cref="DueOn"/> is counted from, so that it can be counted again (<see cref="RecountDue"/>).</summary>
    public DateOnly? DueFrom { get; private set; }

    public Guid? MergedIntoId { get; private set; }

    public DateOnly? InquirySentOn { get; private set; }

    public bool? InquiryCountersigned { get; private set; }

    public string? CaseNumber { get; private set; }

    /// <summary>When the current disposal method was approved (处置).</summary>
    public DateOnly? DisposedOn { get; private set; }

    public DateOnly? FiledOn { get; private set; }

    /// <summary>Whether the decision carries at least one sanction or handling still in force.</summary>
    public bool IsSanctioned { get; private set; }

    public DateOnly? DecidedOn { get; private set; }

    public DateOnly? TransferredOn { get; private set; }

    /// <summary>Closed, archived or otherwise finished: the date the active life ended.</summary>
    public DateOnly? ClosedOn { get; private set; }

    public AppealResult? AppealResult { get; private set; }

    /// <summary>The appeal filed last: 复议复查, or 复审 and then 复核.</summary>
    public AppealStage? AppealStage { get; private set; }

    public ClueOutcome Outcome { get; private set; } = new();

    public List<ReportedPerson> ReportedPersons { get; private set; } = [];

    public List<ClueCategory> Categories { get; private set; } = [];

    public List<ClueHistoryEntry> History { get; private set; } = [];

    public List<ClueParticipant> Participants { get; private set; } = [];

    public List<ClueRecusal> Recusals { get; private set; } = [];

    public List<Sanction> Sanctions { get; private set; } = [];

    public bool IsCase => ClueWorkflow.CaseStates.Contains(State);

    public void SetProtectedContent(string contentCipher, string? reporterCipher, string fingerprint)
    {
        ContentCipher = contentCipher;
        ReporterCipher = reporterCipher;
        Fingerprint = fingerprint;
    }

    /// <summary>Replaces the repeat fingerprint with one of the current format, made from the same content (start-up upgrade).</summary>
    public void Refingerprint(string fingerprint)
    {
        if (ContentCipher is not null)
        {
            Fingerprint = fingerprint;
        }
    }

    /// <summary>Hands the clue to an area collaboration group, recusing the home organ (domain.md A15).</summary>
    public void DelegateTo(Guid? collaborationGroupId, Guid recusedOrganId)
    {
        CollaborationGroupId = collaborationGroupId;
        RecusedOrganId = recusedOrganId;
    }

    public void Registered(ClueActor actor, DateTimeOffset at, ClueDeadlines deadlines)
    {
        Participants.Add(new ClueParticipant(actor.UserId, actor.Name, ParticipantRole.Registrar));
        if (IsRealName)
        {
            SetDue(DeadlineKind.Acceptance, ReceivedOn, deadlines);
        }

        History.Add(new ClueHistoryEntry(at, actor, "Register", null, ClueState.Registered, null));
    }

    /// <summary>Categories chosen by the officer (suggestions are only suggestions).</summary>
    public void SetCategories(IEnumerable<string> codes)
    {
        Categories.Clear();
        Categories.AddRange(codes.Distinct(StringComparer.Ordinal).Select(c => new ClueCategory(c)));
    }

    public bool IsRecused(Guid userId) => Recusals.Any(r => r.UserId == userId);

    /// <summary>
    /// Whether <paramref name="actor"/> may link the clue's reported persons to the roster: while the clue is active, its case
    /// managers and leaders, the petition office (which sees it at intake) and its named handler or investigator. The caller
    /// must see the clue (<see cref="ClueViewer.Visible"/>), which for clues is being of the owning organ or group (ADR 0008).
    /// </summary>
    public static bool MayLinkPersons(ClueState state, Guid? handlerId, Guid? investigatorId, ClueActor actor) =>
        !ClueWorkflow.Terminal.Contains(state)
        && (actor.Roles.Contains(Roles.CaseManagement) || actor.Roles.Contains(Roles.CommissionLeader) || actor.Roles.Contains(Roles.PetitionOffice)
            || handlerId == actor.UserId || investigatorId == actor.UserId);

    public bool MayLinkPersons(ClueActor actor) => MayLinkPersons(State, HandlerId, InvestigatorId, actor) && !IsRecused(actor.UserId);

    /// <summary>
    /// Links a reported person to a roster official (picked or confirmed by an officer, or auto-linked by the resolver) and
    /// re-runs what depends on it: the principal flag (and with it the priority, the party-committee step and the countersign
    /// rule, which read <see cref="IsPrincipal"/>), the leader category, the region and the unit. The link is in the history.
    /// </summary>
    public void LinkPerson(Guid personId, PersonCandidate official, PersonLinkState state, string? comment, ClueActor actor, DateTimeOffset at)
    {
        var person = PersonToLink(personId);
        if (ReportedPersons.Any(p => p.Id != personId && p.OfficialId == official.OfficialId))
        {
            throw new DomainRuleException("Clue.PersonTwice");
        }

        var wasPrincipal = IsPrincipal;
        person.Link(official, state);
        RefreshSubject();
        var note = $"{person.Name} → {official.Name}（{official.UnitName}{official.Position}）";
        if (IsPrincipal != wasPrincipal)
        {
            note += IsPrincipal ? " · 一把手" : "";
        }

        History.Add(new ClueHistoryEntry(at, actor, state == PersonLinkState.AutoLinked ? "AutoLinkPerson" : "LinkPerson", State, State, Note(note, comment)));
    }

    /// <summary>An officer states that a reported person is not on the roster: the person keeps the text, any link is removed.</summary>
    public void MarkNotOnRoster(Guid personId, string reason, ClueActor actor, DateTimeOffset at)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainRuleException("Clue.FieldRequired", "Reason");
        }

        var person = PersonToLink(personId);
        person.MarkNotOnRoster();
        RefreshSubject();
        History.Add(new ClueHistoryEntry(at, actor, "PersonNotOnRoster", State, State, Note(person.Name, reason)));
    }

    private ReportedPerson PersonToLink(Guid personId)
    {
        if (ClueWorkflow.Terminal.Contains(State))
        {
            throw DomainRuleException.Conflict("Clue.LinkFinished");
        }

        return ReportedPersons.SingleOrDefault(p => p.Id == personId) ?? throw DomainRuleException.NotFound("Clue.PersonNotFound");
    }

    private static string Note(string what, string? comment)
    {
        var note = string.IsNullOrWhiteSpace(comment) ? what : what + "：" + comment.Trim();
        return note.Length <= ClueHistoryEntry.CommentMaxLength ? note : note[..ClueHistoryEntry.CommentMaxLength];
    }

    /// <summary>The clue's subject from its persons: principal when any linked person is a 一把手; category, region and unit of the primary person.</summary>
    private void RefreshSubject()
    {
        var primary = ReportedPersons.FirstOrDefault(p => p.IsPrincipal) ?? ReportedPersons.FirstOrDefault(p => p.OfficialId is not null) ?? ReportedPersons[0];
        IsPrincipal = ReportedPersons.Any(p => p.IsPrincipal);
        LeaderCategory = primary.LeaderCategory;
        RegionKey = primary.RegionKey;
        UnitId = primary.UnitId;
    }


    /// <summary>An officer declares a conflict of interest (回避): from now on they cannot see or act on the clue.</summary>
    public void Recuse(Guid userId, string userName, string reason, ClueActor decidedBy, DateTimeOffset at)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainRuleException("Clue.FieldRequired", "Comment");
        }

        if (IsRecused(userId))
        {
            throw DomainRuleException.Conflict("Clue.AlreadyRecused");
        }

        Recusals.Add(new ClueRecusal(userId, userName, reason, decidedBy.Name, at));
        History.Add(new ClueHistoryEntry(at, decidedBy, "Recuse", State, State, userName));
    }

    public void RecordOutcome(ClueOutcome outcome, ClueActor actor, DateTimeOffset at)
    {
        if (outcome.ProblemsFound < 0 || outcome.FurtherClues < 0 || outcome.FundsPaidOutFen < 0 || outcome.FundsRecoveredFen < 0)
        {
            throw new DomainRuleException("Clue.OutcomeNegative");
        }

        Outcome = outcome;
        History.Add(new ClueHistoryEntry(at, actor, "RecordOutcome", State, State, null));
    }

    /// <summary>Whether <paramref name="actor"/> may take <paramref name="transition"/> now (state, role, participant).</summary>
    public bool CanTake(ClueTransition transition, ClueActor actor) =>
        transition.From.Contains(State)
        && (transition.Action != ClueAction.RecordResultFeedback || DueKind == DeadlineKind.ResultFeedback)
        && transition.Roles.Any(actor.Roles.Contains)
        && !IsRecused(actor.UserId)
        && transition.Actor switch
        {
            ActorConstraint.Handler => HandlerId == actor.UserId,
            ActorConstraint.Investigator => InvestigatorId == actor.UserId,
            ActorConstraint.Reviewer => ReviewerId == actor.UserId,
            _ => true,
        };

    /// <summary>Takes one action of the workflow. Illegal moves and missing inputs throw <see cref="DomainRuleException"/>.</summary>
    public void Apply(ClueAction action, ClueActionInput input, ClueActor actor, DateTimeOffset at, ClueDeadlines deadlines)
    {
        var transition = ClueWorkflow.For(action);
        if (!transition.From.Contains(State))
        {
            throw DomainRuleException.Conflict("Clue.IllegalTransition", action, State);
        }

        if (action == ClueAction.RecordResultFeedback && DueKind != DeadlineKind.ResultFeedback)
        {
            throw DomainRuleException.Conflict("Clue.NoFeedbackDue");
        }

        if (!CanTake(transition, actor))
        {
            throw DomainRuleException.Forbidden("Clue.NotYourStep", action);
        }

        RequireFields(transition.Required, input);
        var today = ChinaTime.DateOf(at);
        var from = State;
        var to = Execute(action, input, today, deadlines);
        State = to;
        if (ClueWorkflow.Terminal.Contains(to) && from != to)
        {
            ClosedOn ??= today;
            ClearDue();
        }

        if (IsRealName && from != to && ClueWorkflow.FeedbackStates.Contains(to))
        {
            SetDue(DeadlineKind.ResultFeedback, today, deadlines);
        }

        History.Add(new ClueHistoryEntry(at, actor, action.ToString(), from, to, input.Comment?.Trim()));
    }

    private ClueState Execute(ClueAction action, ClueActionInput input, DateOnly today, ClueDeadlines deadlines)
    {
        switch (action)
        {
            case ClueAction.SubmitToCaseManagement:
                SetDue(DeadlineKind.DisposalProposal, ReceivedOn, deadlines);
                return ClueState.CaseManagement;
            case ClueAction.ForwardUp:
                // Sealed pass-through: keep only that it was forwarded, never the content (检举控告规则 art. 15).
                ContentCipher = null;
                ReporterCipher = null;
                Fingerprint = null;
                return ClueState.ForwardedUp;
            case ClueAction.MarkRepeat:
                if (input.MergedIntoId == Id)
                {
                    throw new DomainRuleException("Clue.MergeIntoSelf");
                }

                MergedIntoId = input.MergedIntoId;
                return ClueState.Merged;
            case ClueAction.ProposeAllocation:
                HandlerId = input.AssigneeId;
                HandlerName = input.AssigneeName;
                return ClueState.AllocationProposed;
            case ClueAction.ApproveAllocation:
                AddParticipant(HandlerId!.Value, HandlerName ?? "", ParticipantRole.Handler);
                return ClueState.Assigned;
            case ClueAction.ReturnAllocation:
                HandlerId = null;
                HandlerName = null;
                return ClueState.CaseManagement;
            case ClueAction.ProposeDisposal:
                if (input.Method is { } proposed && !Enum.IsDefined(proposed))
                {
                    throw InputRules.Undefined(nameof(Method));
                }

                if (input.ClosingOutcome is { } outcome && !Enum.IsDefined(outcome))
                {
                    throw InputRules.Undefined(nameof(ClosingOutcome));
                }

                if (input.Method == DisposalMethod.Close && input.ClosingOutcome is null)
                {
                    throw new DomainRuleException("Clue.FieldRequired", "ClosingOutcome");
                }

                Method = input.Method;
                ClosingOutcome = input.Method == DisposalMethod.Close ? input.ClosingOutcome : null;
                PendingState = State;
                return ClueState.DisposalProposed;
            case ClueAction.ApproveDisposal:
                return ApproveDisposal(today, deadlines);
            case ClueAction.ReturnDisposal:
                var back = PendingState ?? ClueState.Assigned;
                PendingState = null;
                return back;
            case ClueAction.RecordPartyCommitteeApproval:
                var next = PendingState ?? throw new DomainRuleException("Clue.NothingPending");
                PendingState = null;
                return Enter(next, input.Date ?? today, deadlines);
            case ClueAction.SendInquiryLetter:
                InquirySentOn = input.Date;
                SetDue(DeadlineKind.InquiryReply, input.Date!.Value, deadlines);
                return ClueState.TalkInquiry;
            case ClueAction.RecordTalk:
                SetDue(DeadlineKind.InquiryReport, input.Date!.Value, deadlines);
                return ClueState.TalkInquiry;
            case ClueAction.RecordInquiryReply:
                if (InquirySentOn is null)
                {
                    throw new DomainRuleException("Clue.NoLetterSent");
                }

                // A 一把手 replying about himself sends the reply directly; anyone else needs the countersignature
                // of their organisation's principal leader, with a comment (意见 2021: not "一签了之").
                if (!IsPrincipal && input.Countersigned != true)
                {
                    throw new DomainRuleException("Clue.CountersignRequired");
                }

                InquiryCountersigned = input.Countersigned;
                SetDue(DeadlineKind.InquiryReport, input.Date!.Value, deadlines);
                return ClueState.TalkInquiry;
            case ClueAction.ProposeCase:
                ClearDue();
                return ClueState.CaseProposed;
            case ClueAction.ApproveCaseFiling:
                if (deadlines.Policy.PartyCommitteeApprovesFiling || IsPrincipal)
                {
                    PendingState = ClueState.Filed;
                    return ClueState.AwaitingPartyCommittee;
                }

                return Enter(ClueState.Filed, today, deadlines);
            case ClueAction.StartInvestigation:
                InvestigatorId = input.AssigneeId;
                AddParticipant(input.AssigneeId!.Value, input.AssigneeName ?? "", ParticipantRole.Investigator);
                return ClueState.Investigating;
            case ClueAction.TransferToReview:
                // 查审分离: the reviewer must not have investigated the case.
                if (input.AssigneeId == InvestigatorId || input.AssigneeId == HandlerId)
                {
                    throw new DomainRuleException("Clue.ReviewerMustBeIndependent");
                }

                ReviewerId = input.AssigneeId;
                AddParticipant(input.AssigneeId!.Value, input.AssigneeName ?? "", ParticipantRole.Reviewer);
                SetDue(DeadlineKind.Review, today, deadlines);
                return ClueState.InReview;
            case ClueAction.SubmitReviewReport:
                ClearDue();
                return ClueState.ReviewReported;
            case ClueAction.Decide:
                Decide(input.Date!.Value, input.Sanctions!);
                SetDue(DeadlineKind.Announcement, input.Date!.Value, deadlines);
                return ClueState.Decided;
            case ClueAction.TransferToProcuratorate:
                TransferredOn = input.Date;
                return ClueState.TransferredToProcuratorate;
            case ClueAction.FileAppeal:
                var stage = input.AppealStage!.Value;
                if (!Enum.IsDefined(stage))
                {
                    throw InputRules.Undefined(nameof(AppealStage));
                }

                // 复核 is the next level's second look at a 复审 already decided (监察法).
                if (stage == Clues.AppealStage.Recheck && (AppealStage != Clues.AppealStage.Reexamination || AppealResult is null))
                {
                    throw DomainRuleException.Conflict("Clue.RecheckNeedsReexamination");
                }

                AppealStage = stage;
                AppealResult = null;
                var kind = stage switch
                {
                    Clues.AppealStage.Reexamination => DeadlineKind.AppealReexamination,
                    Clues.AppealStage.Recheck => DeadlineKind.AppealRecheck,
                    _ => DeadlineKind.Appeal,
                };
                SetDue(kind, input.Date!.Value, deadlines);
                return ClueState.Appealed;
            case ClueAction.DecideAppeal:
                AppealResult = input.AppealResult;
                if (input.AppealResult == Clues.AppealResult.Revoked)
                {
                    foreach (var sanction in Sanctions.Where(s => s.RevokedOn is null))
                    {
                        sanction.Revoke(today);
                    }

                    IsSanctioned = false;
                }

                return ClueState.Archived;
            case ClueAction.RecordResultFeedback:
                ClearDue();
                return State;
            default:
                return ClueWorkflow.For(action).To!.Value;
        }
    }

    private ClueState ApproveDisposal(DateOnly today, ClueDeadlines deadlines)
    {
        var method = Method ?? throw new DomainRuleException("Clue.FieldRequired", "Method");
        var target = ClueWorkflow.StateFor(method);
        if (IsPrincipal && deadlines.Policy.NeedsPartyCommittee(method))
        {
            PendingState = target;
            return ClueState.AwaitingPartyCommittee;
        }

        PendingState = null;
        return Enter(target, today, deadlines);
    }

    private ClueState Enter(ClueState target, DateOnly on, ClueDeadlines deadlines)
    {
        if (target is ClueState.TalkInquiry or ClueState.Verification or ClueState.Shelved or ClueState.Closed)
        {
            DisposedOn = on;
        }

        switch (target)
        {
            case ClueState.Shelved:
                SetDue(DeadlineKind.ShelvedReview, on, deadlines);
                break;
            case ClueState.Filed:
                FiledOn = on;
                CaseNumber = Number.Replace("-", "-A-", StringComparison.Ordinal);
                ClearDue();
                break;
            case ClueState.TalkInquiry or ClueState.Verification:
                ClearDue();
                break;
        }

        return target;
    }

    private void Decide(DateOnly decidedOn, IReadOnlyList<SanctionInput> sanctions)
    {
        DecidedOn = decidedOn;
        Sanctions.Clear();
        foreach (var input in sanctions)
        {
            var type = SanctionCatalog.Find(input.Code) ?? throw new DomainRuleException("Clue.UnknownSanction", input.Code);
            var official = input.OfficialId ?? ReportedPersons.FirstOrDefault(p => p.OfficialId is not null)?.OfficialId;
            Sanctions.Add(new Sanction(type, official, decidedOn));
        }

        IsSanctioned = Sanctions.Count > 0;
    }

    private void AddParticipant(Guid userId, string name, ParticipantRole role)
    {
        if (!Participants.Any(p => p.UserId == userId && p.Role == role))
        {
            Participants.Add(new ClueParticipant(userId, name, role));
        }
    }

    /// <summary>
    /// Counts the due date again from the day it was counted from: after a year's holiday schedule is uploaded, a deadline that was
    /// provisional (the statutory holidays only) moves to its final date. Returns whether it moved.
    /// </summary>
    public bool RecountDue(ClueDeadlines deadlines)
    {
        if (DueKind is not { } kind || DueFrom is not { } from || DueOn is not { } before)
        {
            return false;
        }

        DueOn = deadlines.Due(kind, from);
        return DueOn != before;
    }

    private void SetDue(DeadlineKind kind, DateOnly from, ClueDeadlines deadlines)
    {
        DueKind = kind;
        DueFrom = from;
        DueOn = deadlines.Due(kind, from);
    }

    private void ClearDue()
    {
        DueKind = null;
        DueFrom = null;
        DueOn = null;
    }

    /// <summary>Each input an action may require, the name the refusal gives it, and whether the input leaves it out.</summary>
    private static readonly (ActionField Field, string Name, Func<ClueActionInput, bool> Missing)[] Inputs =
    [
        (ActionField.Comment, "Comment", input => string.IsNullOrWhiteSpace(input.Comment)),
        (ActionField.Assignee, "AssigneeId", input => input.AssigneeId is null),
        (ActionField.Method, "Method", input => input.Method is null),
        (ActionField.Date, "Date", input => input.Date is null),
        (ActionField.MergedInto, "MergedIntoId", input => input.MergedIntoId is null),
        (ActionField.Sanctions, "Sanctions", input => input.Sanctions is null),
        (ActionField.AppealResult, "AppealResult", input => input.AppealResult is null),
        (ActionField.AppealStage, "AppealStage", input => input.AppealStage is null),
    ];

    private static void RequireFields(ActionField required, ClueActionInput input)
    {
        var missing = Inputs.Where(i => required.HasFlag(i.Field) && i.Missing(input)).Select(i => i.Name).ToList();
        if (missing.Count > 0)
        {
            throw new DomainRuleException("Clue.FieldRequired", string.Join(", ", missing));
        }
    }
}

/// <summary>被反映人: a link to a roster official, with the name and unit as they stood when reported.</summary>
public sealed class ReportedPerson : ChildRow
{
    private ReportedPerson()
    {
    }

    public ReportedPerson(Guid? officialId, string name, string? unitName, string? position, bool isPrincipal, LeaderCategory? leaderCategory, string regionKey, Guid? unitId)
    {
        OfficialId = officialId;
        Name = name;
        UnitName = unitName;
        Position = position;
        IsPrincipal = isPrincipal;
        LeaderCategory = leaderCategory;
        RegionKey = regionKey;
        UnitId = unitId;
        LinkState = officialId is null ? PersonLinkState.Unlinked : PersonLinkState.Confirmed;
    }

    /// <summary>A person typed as free text, waiting for the resolver's or an officer's link (待关联).</summary>
    public static ReportedPerson AsWritten(string name, string? unitName, string? mentionText, DateOnly? factsOn)
    {
        var person = new ReportedPerson(null, name, unitName, null, false, null, "", null)
        {
            LinkState = PersonLinkState.Pending,
            FactsOn = factsOn,
        };
        person.MentionText = mentionText is { Length: > MentionMaxLength } ? mentionText[..MentionMaxLength] : mentionText;
        return person;
    }

    public const int MentionMaxLength = 200;

    /// <summary>How the person stands with the roster (linked by whom, waiting, not on the roster).</summary>
    public PersonLinkState LinkState { get; private set; }

    /// <summary>The person as the report named them (the phrase or name, unit and post as typed), kept for linking.</summary>
    public string? MentionText { get; private set; }

    /// <summary>The date of the facts, for the tenure the link compares.</summary>
    public DateOnly? FactsOn { get; private set; }

    internal void Link(PersonCandidate official, PersonLinkState state)
    {
        OfficialId = official.OfficialId;
        Position = official.Position;
        IsPrincipal = official.IsPrincipal;
        LeaderCategory = official.Category;
        RegionKey = official.RegionKey;
        UnitId = official.UnitId;
        LinkState = state;
        MentionText ??= Name + (UnitName is null ? "" : " " + UnitName);
        Name = official.Name;
        UnitName = official.UnitName;
    }

    internal void MarkNotOnRoster()
    {
        OfficialId = null;
        IsPrincipal = false;
        LeaderCategory = null;
        RegionKey = "";
        UnitId = null;
        LinkState = PersonLinkState.NotOnRoster;
    }

    public Guid ClueId { get; private set; }

    public Guid? OfficialId { get; private set; }

    public string Name { get; private set; } = "";

    public string? UnitName { get; private set; }

    public string? Position { get; private set; }

    public bool IsPrincipal { get; private set; }

    public LeaderCategory? LeaderCategory { get; private set; }

    public string RegionKey { get; private set; } = "";

    public Guid? UnitId { get; private set; }
}

/// <summary>A violation category code (versioned reference data) the officer chose for the clue.</summary>
public sealed class ClueCategory
{
    public const int CodeMaxLength = 32;

    private ClueCategory()
    {
    }

    public ClueCategory(string code) => Code = code;

    public Guid ClueId { get; private set; }

    public string Code { get; private set; } = "";
}

/// <summary>One step of the clue's life: who, when, which action, from and to which state (全程登记备查).</summary>
public sealed class ClueHistoryEntry : ChildRow
{
    public const int CommentMaxLength = 2000;

    private ClueHistoryEntry()
    {
    }

    public ClueHistoryEntry(DateTimeOffset at, ClueActor actor, string action, ClueState? from, ClueState to, string? comment)
    {
        At = at;
        UserId = actor.UserId;
        UserName = actor.Name;
        Action = action;
        From = from;
        To = to;
        Comment = InputRules.Text(comment, CommentMaxLength);
    }

    public Guid ClueId { get; private set; }

    public DateTimeOffset At { get; private set; }

    public Guid UserId { get; private set; }

    public string UserName { get; private set; } = "";

    public string Action { get; private set; } = "";

    public ClueState? From { get; private set; }

    public ClueState To { get; private set; }

    public string? Comment { get; private set; }
}

/// <summary>A member of the clue's need-to-know circle by assignment.</summary>
public sealed class ClueParticipant : ChildRow
{
    private ClueParticipant()
    {
    }

    public ClueParticipant(Guid userId, string name, ParticipantRole role)
    {
        UserId = userId;
        Name = name;
        Role = role;
    }

    public Guid ClueId { get; private set; }

    public Guid UserId { get; private set; }

    public string Name { get; private set; } = "";

    public ParticipantRole Role { get; private set; }
}

/// <summary>回避: an officer withdrawn from the clue; they lose every access to it.</summary>
public sealed class ClueRecusal : ChildRow
{
    public const int ReasonMaxLength = 500;

    private ClueRecusal()
    {
    }

    public ClueRecusal(Guid userId, string userName, string reason, string decidedBy, DateTimeOffset at)
    {
        UserId = userId;
        UserName = userName;
        Reason = InputRules.RequiredText(reason, ReasonMaxLength);
        DecidedBy = decidedBy;
        At = at;
    }

    public Guid ClueId { get; private set; }

    public Guid UserId { get; private set; }

    public string UserName { get; private set; } = "";

    public string Reason { get; private set; } = "";

    public string DecidedBy { get; private set; } = "";

    public DateTimeOffset At { get; private set; }
}

/// <summary>A sanction or handling decided on the case, with its influence period.</summary>
public sealed class Sanction : ChildRow
{
    public const int CodeMaxLength = 32;

    private Sanction()
    {
    }

    public Sanction(SanctionType type, Guid? officialId, DateOnly decidedOn)
    {
        Code = type.Code;
        Kind = type.Kind;
        Form = type.Form;
        OfficialId = officialId;
        DecidedOn = decidedOn;
        InfluenceEndsOn = SanctionCatalog.InfluenceEnds(type, decidedOn);
    }

    public Guid ClueId { get; private set; }

    public string Code { get; private set; } = "";

    public SanctionKind Kind { get; private set; }

    /// <summary>四种形态 (1–4) of the outcome.</summary>
    public int Form { get; private set; }

    public Guid? OfficialId { get; private set; }

    public DateOnly DecidedOn { get; private set; }

    public DateOnly? InfluenceEndsOn { get; private set; }

    public DateOnly? RevokedOn { get; private set; }

    public void Revoke(DateOnly on) => RevokedOn = on;
}

/// <summary>
/// What the work achieved (domain.md A18): problems and further clues found, funds paid out to citizens
/// and recovered, in fen (分) so that both databases sum them exactly.
/// </summary>
public sealed record ClueOutcome
{
    public int ProblemsFound { get; init; }

    public int FurtherClues { get; init; }

    public long FundsPaidOutFen { get; init; }

    public long FundsRecoveredFen { get; init; }
}
