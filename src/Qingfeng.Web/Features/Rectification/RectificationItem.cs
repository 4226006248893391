using Qingfeng.Features.Supervision;

namespace Qingfeng.Features.Rectification;

/// <summary>Where a rectification item came from: one ledger serves every source.</summary>
public enum RectificationSource
{
    Talk,
    InquiryLetter,
    DutyReport,
    Inspection,
    Recommendation,
    Assessment,
    Audit,
    DecisionCheck,
    Accountability,
    Other,
}

/// <summary>The life of an item (domain.md 10): open → in progress → completion claimed with evidence → closed (销号), or sent back.</summary>
public enum RectificationState
{
    Open,
    InProgress,

    /// <summary>The unit says it is done and has given evidence; waiting for the supervising office to close it out.</summary>
    AwaitingCloseOut,

    /// <summary>持续整改: a long-term item, reviewed at its deadline but not reported overdue.</summary>
    LongTerm,

    /// <summary>销号.</summary>
    Closed,
}

/// <summary>How far an overdue item has been escalated.</summary>
public enum EscalationLevel
{
    None,

    /// <summary>Overdue: the supervising office and the leadership were told.</summary>
    Overdue,

    /// <summary>Still overdue after the grace period: put before the leadership for 约谈 or 问责.</summary>
    Leadership,
}

/// <summary>What a caller passes to open an item from any source.</summary>
public sealed record RectificationDraft(
    RectificationSource Source,
    Guid? SourceId,
    string SourceReference,
    string Problem,
    string? Measures,
    DateOnly DueOn);

/// <summary>
/// A rectification item (整改事项) in the ledger (整改台账): a problem of a unit, its responsible official, the measures,
/// a deadline on the working-day calendar, progress reports with evidence, and close-out (销号) approved by the
/// supervising office that owns the item. Overdue items are escalated by the sweep.
/// </summary>
public sealed class RectificationItem : Entity, IOwnedRecord
{
    public const int ProblemMaxLength = 2000;
    public const int MeasuresMaxLength = 4000;
    public const int SourceReferenceMaxLength = 200;
    public const int ProgressMaxLength = 4000;
    public const int CommentMaxLength = 1000;

    private RectificationItem()
    {
    }

    internal RectificationItem(Guid organId, SupervisedSubject subject, RectificationDraft draft, SupervisionActor actor, DateTimeOffset at)
    {
        if (string.IsNullOrWhiteSpace(draft.Problem))
        {
            throw new DomainRuleException("Rectification.ProblemRequired");
        }

        OrganId = organId;
        Subject = subject with { OfficialPosition = null, LeaderCategory = null };
        Source = draft.Source;
        SourceId = draft.SourceId;
        SourceReference = InputRules.RequiredText(draft.SourceReference, SourceReferenceMaxLength);
        Problem = InputRules.RequiredText(draft.Problem, ProblemMaxLength);
        Measures = string.IsNullOrWhiteSpace(draft.Measures) ? null : InputRules.Text(draft.Measures, MeasuresMaxLength);
        DueOn = draft.DueOn;
        OpenedOn = ChinaTime.DateOf(at);
        if (DueOn < OpenedOn)
        {
            throw new DomainRuleException("Rectification.DueInPast");
        }

        Events.Add(new RectificationEvent(Id, at, actor, RectificationAction.Opened, null));
    }

    /// <summary>The supervising organ that owns the item and approves its close-out.</summary>
    public Guid OrganId { get; private set; }

    /// <summary>The unit and the responsible official (usually the unit's 一把手).</summary>
    public SupervisedSubject Subject { get; private set; } = null!;

    public RectificationSource Source { get; private set; }

    /// <summary>The talk, report, recommendation… the item came from, when it is in Qingfeng.</summary>
    public Guid? SourceId { get; private set; }

    /// <summary>A readable reference to the source (e.g. "提醒谈话 2026-03-02"; an inspection feedback number).</summary>
    public string SourceReference { get; private set; } = "";

    public string Problem { get; private set; } = "";

    public string? Measures { get; private set; }

    public DateOnly OpenedOn { get; private set; }

    public DateOnly DueOn { get; private set; }

    public RectificationState State { get; private set; }

    public EscalationLevel Escalation { get; private set; }

    public DateOnly? ClosedOn { get; private set; }

    /// <summary>Who claimed completion last: they may not approve their own claim.</summary>
    public Guid? ClaimedBy { get; private set; }

    public SupervisionOutcome Outcome { get; private set; } = new();

    public List<RectificationProgress> Progress { get; private set; } = [];

    public List<RectificationEvent> Events { get; private set; } = [];

    public bool IsOpen => State != RectificationState.Closed;

    public bool IsOverdueOn(DateOnly today) => IsOpen && State != RectificationState.LongTerm && DueOn < today;

    /// <summary>Closed on or before the deadline.</summary>
    public bool ClosedOnTime => ClosedOn is { } closed && closed <= DueOn;

    /// <summary>Whether <paramref name="userId"/> claimed the completion that waits for close-out.</summary>
    public bool IsClaimedBy(Guid userId) => ClaimedBy == userId;

    public void SetMeasures(string measures, SupervisionActor actor, DateTimeOffset at)
    {
        Move(RectificationItemAction.Measures);
        if (string.IsNullOrWhiteSpace(measures))
        {
            throw new DomainRuleException("Rectification.MeasuresRequired");
        }

        Measures = InputRules.RequiredText(measures, MeasuresMaxLength);
        Events.Add(new RectificationEvent(Id, at, actor, RectificationAction.MeasuresSet, null));
    }

    /// <summary>A progress report; with <paramref name="claimsDone"/> the unit says it is finished, which needs evidence.</summary>
    public RectificationProgress Report(string text, bool claimsDone, int evidenceCount, SupervisionActor actor, DateTimeOffset at)
    {
        Move(RectificationItemAction.Report);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new DomainRuleException("Rectification.ProgressRequired");
        }

        if (claimsDone && evidenceCount == 0)
        {
            throw new DomainRuleException("Rectification.EvidenceRequired");
        }

        if (claimsDone && Measures is null)
        {
            throw new DomainRuleException("Rectification.MeasuresRequired");
        }

        var progress = new RectificationProgress(Id, at, actor, InputRules.RequiredText(text, ProgressMaxLength), claimsDone);
        Progress.Add(progress);
        if (claimsDone)
        {
            State = RectificationState.AwaitingCloseOut;
            ClaimedBy = actor.UserId;
        }
        else if (State == RectificationState.Open)
        {
            State = RectificationState.InProgress;
        }

        Events.Add(new RectificationEvent(Id, at, actor, claimsDone ? RectificationAction.CompletionClaimed : RectificationAction.ProgressReported, null));
        return progress;
    }

    /// <summary>销号: the supervising office accepts the evidence and strikes the item off.</summary>
    public void CloseOut(string? comment, SupervisionOutcome outcome, SupervisionActor actor, DateTimeOffset at)
    {
        var target = Move(RectificationItemAction.CloseOut);
        if (IsClaimedBy(actor.UserId))
        {
            throw DomainRuleException.Conflict("Rectification.SelfApproval");
        }

        Outcome = outcome;
        State = target;
        ClosedOn = ChinaTime.DateOf(at);
        Events.Add(new RectificationEvent(Id, at, actor, RectificationAction.ClosedOut, InputRules.RequiredText(comment, CommentMaxLength)));
    }

    /// <summary>The evidence does not show the problem fixed: back to work, with the reason.</summary>
    public void RejectCompletion(string reason, SupervisionActor actor, DateTimeOffset at)
    {
        var target = Move(RectificationItemAction.Reject);

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainRuleException("Rectification.ReasonRequired");
        }

        State = target;
        ClaimedBy = null;
        Events.Add(new RectificationEvent(Id, at, actor, RectificationAction.CompletionRejected, InputRules.RequiredText(reason, CommentMaxLength)));
    }

    /// <summary>A new deadline, with the reason; an escalation ends when the new deadline is in the future.</summary>
    public void Extend(DateOnly dueOn, string reason, SupervisionActor actor, DateTimeOffset at)
    {
        Move(RectificationItemAction.Extend);
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainRuleException("Rectification.ReasonRequired");
        }

        if (dueOn <= DueOn || dueOn < ChinaTime.DateOf(at))
        {
            throw new DomainRuleException("Rectification.ExtensionNotLater");
        }

        DueOn = dueOn;
        Escalation = EscalationLevel.None;
        Events.Add(new RectificationEvent(Id, at, actor, RectificationAction.Extended, InputRules.RequiredText(reason, CommentMaxLength)));
    }

    /// <summary>持续整改: a problem that needs long-term work; it stays open but is not reported overdue.</summary>
    public void MarkLongTerm(string reason, SupervisionActor actor, DateTimeOffset at)
    {
        var target = Move(RectificationItemAction.LongTerm);
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainRuleException("Rectification.ReasonRequired");
        }

        State = target;
        Escalation = EscalationLevel.None;
        Events.Add(new RectificationEvent(Id, at, actor, RectificationAction.MarkedLongTerm, InputRules.RequiredText(reason, CommentMaxLength)));
    }

    /// <summary>Raises the escalation level to what the date calls for; returns the new level when it rose.</summary>
    public EscalationLevel? Escalate(DateOnly today, DateOnly escalationDay, DateTimeOffset at)
    {
        if (!IsOverdueOn(today))
        {
            return null;
        }

        var level = today > escalationDay ? EscalationLevel.Leadership : EscalationLevel.Overdue;
        if (level <= Escalation)
        {
            return null;
        }

        Escalation = level;
        Events.Add(new RectificationEvent(Id, at, new SupervisionActor(Guid.Empty, "system"), level == EscalationLevel.Leadership ? RectificationAction.EscalatedToLeadership : RectificationAction.MarkedOverdue, null));
        return level;
    }

    /// <summary>Checks <paramref name="action"/> against <see cref="RectificationWorkflow.Table"/>; returns the state the item moves to (its own when the row keeps it).</summary>
    private RectificationState Move(RectificationItemAction action) => RectificationWorkflow.Table.EnsureLegal(this, action) ?? State;
}

public enum RectificationAction
{
    Opened,
    MeasuresSet,
    ProgressReported,
    CompletionClaimed,
    CompletionRejected,
    ClosedOut,
    Extended,
    MarkedLongTerm,
    MarkedOverdue,
    EscalatedToLeadership,
}

/// <summary>One line of an item's history.</summary>
public sealed class RectificationEvent : ChildRow
{
    private RectificationEvent()
    {
    }

    internal RectificationEvent(Guid itemId, DateTimeOffset at, SupervisionActor actor, RectificationAction action, string? comment)
    {
        ItemId = itemId;
        At = at;
        ActorId = actor.UserId;
        ActorName = actor.Name;
        Action = action;
        Comment = comment;
    }

    public Guid ItemId { get; private set; }

    public DateTimeOffset At { get; private set; }

    public Guid ActorId { get; private set; }

    public string ActorName { get; private set; } = "";

    public RectificationAction Action { get; private set; }

    public string? Comment { get; private set; }
}

/// <summary>A progress report (整改进展) with its evidence files.</summary>
public sealed class RectificationProgress : ChildRow
{
    private RectificationProgress()
    {
    }

    internal RectificationProgress(Guid itemId, DateTimeOffset at, SupervisionActor actor, string text, bool claimsDone)
    {
        ItemId = itemId;
        At = at;
        ReporterName = actor.Name;
        Text = text;
        ClaimsDone = claimsDone;
    }

    public Guid ItemId { get; private set; }

    public DateTimeOffset At { get; private set; }

    public string ReporterName { get; private set; } = "";

    public string Text { get; private set; } = "";

    public bool ClaimsDone { get; private set; }

    public List<RectificationEvidence> Evidence { get; private set; } = [];
}

/// <summary>An evidence file (佐证材料) of a progress report, stored encrypted.</summary>
public sealed class RectificationEvidence : ChildRow
{
    private RectificationEvidence()
    {
    }

    internal RectificationEvidence(Guid progressId, string fileName, string contentType, long size)
    {
        ProgressId = progressId;
        FileName = fileName;
        ContentType = contentType;
        Size = size;
    }

    public Guid ProgressId { get; private set; }

    public string FileName { get; private set; } = "";

    public string ContentType { get; private set; } = "";

    public long Size { get; private set; }

    public byte[] Cipher { get; private set; } = [];

    /// <summary>Binds the ciphertext to this evidence row.</summary>
    internal string AssociatedData => "rectification-evidence:" + Id;

    internal void Seal(byte[] cipher) => Cipher = cipher;
}
