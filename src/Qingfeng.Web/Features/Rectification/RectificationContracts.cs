using Qingfeng.Features.Supervision;

namespace Qingfeng.Features.Rectification;

public sealed record CreateRectificationItemRequest
{
    [Required]
    public RectificationSource? Source { get; init; }

    /// <summary>The unit that must rectify; defaults to the official's unit.</summary>
    public Guid? UnitId { get; init; }

    /// <summary>The responsible official (usually the 一把手).</summary>
    public Guid? OfficialId { get; init; }

    [StringLength(RectificationItem.SourceReferenceMaxLength)]
    public string? SourceReference { get; init; }

    [Required]
    [StringLength(RectificationItem.ProblemMaxLength, MinimumLength = 2)]
    public string? Problem { get; init; }

    [StringLength(RectificationItem.MeasuresMaxLength)]
    public string? Measures { get; init; }

    /// <summary>Deadline; by default the configured number of working days from today.</summary>
    public DateOnly? DueOn { get; init; }
}

public sealed record SetMeasuresRequest
{
    [Required]
    [StringLength(RectificationItem.MeasuresMaxLength, MinimumLength = 2)]
    public string? Measures { get; init; }

    public Guid? Version { get; init; }
}

public sealed record ReportProgressRequest
{
    [Required]
    [StringLength(RectificationItem.ProgressMaxLength, MinimumLength = 2)]
    public string? Text { get; init; }

    /// <summary>The unit says the item is done (needs at least one evidence file).</summary>
    public bool ClaimsDone { get; init; }

    public Guid? Version { get; init; }
}

public sealed record CloseOutRequest
{
    [StringLength(RectificationItem.CommentMaxLength)]
    public string? Comment { get; init; }

    public SupervisionOutcomeInput? Outcome { get; init; }

    public Guid? Version { get; init; }
}

public sealed record ReasonRequest
{
    [Required]
    [StringLength(RectificationItem.CommentMaxLength, MinimumLength = 2)]
    public string? Reason { get; init; }

    public Guid? Version { get; init; }
}

public sealed record ExtendRequest
{
    [Required]
    public DateOnly? DueOn { get; init; }

    [Required]
    [StringLength(RectificationItem.CommentMaxLength, MinimumLength = 2)]
    public string? Reason { get; init; }

    public Guid? Version { get; init; }
}

/// <summary>Whether an item is within its deadline, for the list filter.</summary>
public enum RectificationTiming
{
    OnTime,
    DueSoon,
    Overdue,
    ClosedOnTime,
    ClosedLate,
}

public sealed record RectificationQuery : PageRequest
{
    public RectificationSource? Source { get; init; }

    public RectificationState? State { get; init; }

    public RectificationTiming? Timing { get; init; }

    public EscalationLevel? Escalation { get; init; }

    /// <summary>Unit or official name contains.</summary>
    [StringLength(64)]
    public string? Text { get; init; }

    public Guid? UnitId { get; init; }

    public Guid? OfficialId { get; init; }

    public Guid? SourceId { get; init; }

    public bool? PrincipalOnly { get; init; }

    public DateOnly? DueFrom { get; init; }

    public DateOnly? DueTo { get; init; }

    /// <summary>dueOn (default), opened, unit, state.</summary>
    [StringLength(16)]
    public string? Sort { get; init; }

    public bool? Descending { get; init; }
}

public sealed record RectificationListItem(
    Guid Id,
    RectificationSource Source,
    string SourceReference,
    SubjectView Subject,
    string Problem,
    DateOnly OpenedOn,
    DateOnly DueOn,
    RectificationState State,
    RectificationTiming Timing,
    EscalationLevel Escalation,
    DateOnly? ClosedOn,
    bool IsOpen);

public sealed record RectificationProgressItem(Guid Id, DateTimeOffset At, string ReporterName, string Text, bool ClaimsDone, IReadOnlyList<EvidenceItem> Evidence);

public sealed record EvidenceItem(Guid Id, string FileName, string ContentType, long Size);

public sealed record RectificationEventItem(DateTimeOffset At, string ActorName, RectificationAction Action, string? Comment);

/// <summary>
/// The record as the caller may see it; <c>MayChange</c> says whether the caller's organ may change it (ADR 0008: its owner, or an
/// organ a delegation hands it to); <c>Actions</c> are the rows of <see cref="RectificationWorkflow.Table"/> the caller may take
/// now, and pages offer only those; <c>IsOpen</c> is false once the item is closed out (销号).
/// </summary>
public sealed record RectificationDetail(
    Guid Id,
    Guid OrganId,
    RectificationSource Source,
    Guid? SourceId,
    string SourceReference,
    SubjectView Subject,
    string Problem,
    string? Measures,
    DateOnly OpenedOn,
    DateOnly DueOn,
    RectificationState State,
    RectificationTiming Timing,
    EscalationLevel Escalation,
    DateOnly? ClosedOn,
    SupervisionOutcome Outcome,
    IReadOnlyList<RectificationProgressItem> Progress,
    IReadOnlyList<RectificationEventItem> Events,
    IReadOnlyList<RectificationItemAction> Actions,
    Guid Version,
    bool MayChange,
    bool IsOpen);

/// <summary>The ledger's statistics (on time / overdue / closed), overall and per source.</summary>
public sealed record RectificationStatistics(RectificationCounts Total, IReadOnlyList<RectificationSourceCounts> BySource);

public sealed record RectificationCounts(int Items, int OpenOnTime, int DueSoon, int Overdue, int Escalated, int LongTerm, int ClosedOnTime, int ClosedLate)
{
    public int Closed => ClosedOnTime + ClosedLate;
}

public sealed record RectificationSourceCounts(RectificationSource Source, RectificationCounts Counts);
