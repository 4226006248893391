using Qingfeng.Features.Supervision;

namespace Qingfeng.Features.Rectification;

public sealed record CreateRectificationItemRequest : IRequestExample<CreateRectificationItemRequest>
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

    public static CreateRectificationItemRequest Example => new()
    {
        Source = RectificationSource.Inspection,
        OfficialId = ExampleIds.Official,
        SourceReference = "县委第二巡察组反馈意见（2026年第三轮）",
        Problem = "“三重一大”事项决策程序不规范，部分工程项目未经党组集体研究即开工建设。",
        Measures = "修订“三重一大”决策实施办法；对2026年以来开工项目逐项补正决策程序。",
        DueOn = new DateOnly(2027, 3, 31),
    };
}

public sealed record SetMeasuresRequest : IRequestExample<SetMeasuresRequest>
{
    [Required]
    [StringLength(RectificationItem.MeasuresMaxLength, MinimumLength = 2)]
    public string? Measures { get; init; }

    public Guid? Version { get; init; }

    public static SetMeasuresRequest Example => new()
    {
        Measures = "修订“三重一大”决策实施办法，建立项目开工前集体研究清单，2027年3月底前完成补正。",
        Version = ExampleIds.Version,
    };
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

public sealed record CloseOutRequest : IRequestExample<CloseOutRequest>
{
    [StringLength(RectificationItem.CommentMaxLength)]
    public string? Comment { get; init; }

    public SupervisionOutcomeInput? Outcome { get; init; }

    public Guid? Version { get; init; }

    public static CloseOutRequest Example => new()
    {
        Comment = "整改佐证材料齐全，经实地核查确已完成整改，同意销号。",
        Outcome = new SupervisionOutcomeInput { ProblemsFound = 3, RulesAdopted = 1 },
        Version = ExampleIds.Version,
    };
}

public sealed record ReasonRequest : IRequestExample<ReasonRequest>
{
    [Required]
    [StringLength(RectificationItem.CommentMaxLength, MinimumLength = 2)]
    public string? Reason { get; init; }

    public Guid? Version { get; init; }

    public static ReasonRequest Example => new()
    {
        Reason = "佐证材料仅有制度文本，缺少执行记录，请补充后重新报送。",
        Version = ExampleIds.Version,
    };
}

public sealed record ExtendRequest : IRequestExample<ExtendRequest>
{
    [Required]
    public DateOnly? DueOn { get; init; }

    [Required]
    [StringLength(RectificationItem.CommentMaxLength, MinimumLength = 2)]
    public string? Reason { get; init; }

    public Guid? Version { get; init; }

    public static ExtendRequest Example => new()
    {
        DueOn = new DateOnly(2027, 6, 30),
        Reason = "涉及违规资金追缴需经司法程序，申请延期至2027年6月底。",
        Version = ExampleIds.Version,
    };
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
    bool IsOpen)
{
    /// <inheritdoc cref="RectificationDetail.DueProvisional"/>
    public bool DueProvisional { get; init; }
}

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
    bool IsOpen)
{
    /// <summary>Whether the deadline falls in a year whose holiday schedule is not uploaded yet (暂定: its holidays may move it).</summary>
    public bool DueProvisional { get; init; }
}

/// <summary>The ledger's statistics (on time / overdue / closed), overall and per source.</summary>
public sealed record RectificationStatistics(RectificationCounts Total, IReadOnlyList<RectificationSourceCounts> BySource);

public sealed record RectificationCounts(int Items, int OpenOnTime, int DueSoon, int Overdue, int Escalated, int LongTerm, int ClosedOnTime, int ClosedLate)
{
    public int Closed => ClosedOnTime + ClosedLate;
}

public sealed record RectificationSourceCounts(RectificationSource Source, RectificationCounts Counts);
