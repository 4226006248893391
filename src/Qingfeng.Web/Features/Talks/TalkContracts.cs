using Qingfeng.Features.Rectification;
using Qingfeng.Features.Supervision;

namespace Qingfeng.Features.Talks;

public sealed record PlanTalkRequest
{
    [Required]
    public Guid? OfficialId { get; init; }

    [Required]
    public TalkType? Type { get; init; }

    /// <summary>Severity tier; required for reminder talks.</summary>
    [Range(1, 9)]
    public int? Tier { get; init; }

    [Required]
    public DateOnly? PlannedOn { get; init; }

    [StringLength(Talk.ShortMaxLength)]
    public string? Place { get; init; }

    /// <summary>谈话人; by default the talker the tier rule names.</summary>
    [StringLength(Talk.ShortMaxLength)]
    public string? Talkers { get; init; }

    [StringLength(Talk.ShortMaxLength)]
    public string? Participants { get; init; }

    [StringLength(Talk.RecorderMaxLength)]
    public string? Recorder { get; init; }

    [StringLength(Talk.TextMaxLength)]
    public string? Outline { get; init; }
}

public sealed record ReplanTalkRequest
{
    [Required]
    public DateOnly? PlannedOn { get; init; }

    [StringLength(Talk.ShortMaxLength)]
    public string? Place { get; init; }

    [Required]
    [StringLength(Talk.ShortMaxLength, MinimumLength = 1)]
    public string? Talkers { get; init; }

    [StringLength(Talk.ShortMaxLength)]
    public string? Participants { get; init; }

    [StringLength(Talk.RecorderMaxLength)]
    public string? Recorder { get; init; }
}

public sealed record SetOutlineRequest
{
    [StringLength(Talk.TextMaxLength)]
    public string? Outline { get; init; }
}

/// <summary>A follow-up item of a talk or an inquiry: becomes a rectification item of the official.</summary>
public sealed record FollowUpRequest
{
    /// <summary>The most follow-up items one talk or inquiry records at once.</summary>
    public const int MaxItems = 50;

    [Required]
    [StringLength(RectificationItem.ProblemMaxLength, MinimumLength = 2)]
    public string? Problem { get; init; }

    [StringLength(RectificationItem.MeasuresMaxLength)]
    public string? Measures { get; init; }

    /// <summary>Deadline; by default the ledger's default.</summary>
    public DateOnly? DueOn { get; init; }
}

public sealed record HoldTalkRequest
{
    [Required]
    public DateOnly? HeldOn { get; init; }

    [Required]
    [StringLength(Talk.TextMaxLength, MinimumLength = 2)]
    public string? Record { get; init; }

    [StringLength(Talk.TextMaxLength)]
    public string? Commitments { get; init; }

    [MaxLength(FollowUpRequest.MaxItems)]
    public IReadOnlyList<FollowUpRequest>? FollowUps { get; init; }
}

public sealed record AddFollowUpsRequest
{
    [Required]
    [MaxLength(FollowUpRequest.MaxItems)]
    public IReadOnlyList<FollowUpRequest>? FollowUps { get; init; }
}

public sealed record RecordPledgeRequest
{
    [Required]
    public DateOnly? ReceivedOn { get; init; }
}

public sealed record CloseTalkRequest
{
    [StringLength(Talk.NoteMaxLength)]
    public string? Note { get; init; }

    public SupervisionOutcomeInput? Outcome { get; init; }
}

public sealed record CancelTalkRequest
{
    [Required]
    [StringLength(Talk.NoteMaxLength, MinimumLength = 2)]
    public string? Reason { get; init; }
}

public sealed record TalkQuery : PageRequest
{
    public TalkType? Type { get; init; }

    [Range(1, 9)]
    public int? Tier { get; init; }

    public TalkState? State { get; init; }

    public bool? PrincipalOnly { get; init; }

    /// <summary>Talk date (held, else planned) from.</summary>
    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }

    /// <summary>Official or unit name contains.</summary>
    [StringLength(64)]
    public string? Text { get; init; }

    public Guid? UnitId { get; init; }

    public Guid? OfficialId { get; init; }

    /// <summary>date (default), official, unit, type, state.</summary>
    [StringLength(16)]
    public string? Sort { get; init; }

    public bool? Descending { get; init; }
}

/// <summary>The one-click count: held talks (held or closed) by type, tier, 一把手 only and held date.</summary>
public sealed record TalkCountQuery
{
    public TalkType? Type { get; init; }

    [Range(1, 9)]
    public int? Tier { get; init; }

    public bool? PrincipalOnly { get; init; }

    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }

    public Guid? UnitId { get; init; }

    public Guid? OfficialId { get; init; }
}

public sealed record TalkCountRow(string Key, int Talks, int Officials);

public sealed record TalkCount(int Talks, int Officials, IReadOnlyList<TalkCountRow> ByType, IReadOnlyList<TalkCountRow> ByTier, IReadOnlyList<TalkCountRow> ByCategory);

public sealed record TalkListItem(
    Guid Id,
    TalkType Type,
    int? Tier,
    TalkState State,
    SubjectView Subject,
    DateOnly PlannedOn,
    DateOnly? HeldOn,
    string Talkers,
    int FollowUps);

public sealed record FollowUpItem(Guid Id, string Problem, DateOnly DueOn, RectificationState State);

/// <summary>The record as the caller may see it; <c>MayChange</c> says whether the caller's organ may change it (ADR 0008: its owner, or an organ a delegation hands it to); <c>Actions</c> are the rows of <see cref="TalkWorkflow.Table"/> the caller may take now, and pages offer only those.</summary>
public sealed record TalkDetail(
    Guid Id,
    TalkType Type,
    int? Tier,
    string? TalkerTitle,
    TalkState State,
    SubjectView Subject,
    DateOnly PlannedOn,
    string? Place,
    string Talkers,
    string? Participants,
    string? Recorder,
    Guid? ClueId,
    string? Outline,
    DateOnly? HeldOn,
    string? Record,
    string? Commitments,
    DateOnly? PledgeDueOn,
    DateOnly? PledgeReceivedOn,
    DateOnly? ClosedOn,
    string? ClosingNote,
    string? CancelReason,
    SupervisionOutcome Outcome,
    IReadOnlyList<FollowUpItem> FollowUps,
    Guid Version,
    bool MayChange,
    IReadOnlyList<TalkAction> Actions);

public sealed record HoldTalkResult(Guid TalkId, IReadOnlyList<Guid> RectificationItemIds);

public sealed record SendInquiryRequest
{
    [Required]
    public Guid? OfficialId { get; init; }

    [Required]
    [StringLength(Inquiry.TextMaxLength, MinimumLength = 2)]
    public string? Matters { get; init; }

    /// <summary>Sent date; today by default.</summary>
    public DateOnly? SentOn { get; init; }

    [StringLength(Inquiry.DocumentNumberMaxLength)]
    public string? DocumentNumber { get; init; }
}

public sealed record RecordReplyRequest
{
    [Required]
    public DateOnly? ReceivedOn { get; init; }

    [Required]
    [StringLength(Inquiry.TextMaxLength, MinimumLength = 2)]
    public string? Text { get; init; }

    [StringLength(Inquiry.SignatoryMaxLength)]
    public string? CountersignedBy { get; init; }

    [StringLength(Inquiry.CountersignNoteMaxLength)]
    public string? CountersignNote { get; init; }
}

public sealed record AssessInquiryRequest
{
    [Required]
    public InquiryAssessment? Assessment { get; init; }

    [StringLength(Inquiry.AssessmentNoteMaxLength)]
    public string? Note { get; init; }

    public SupervisionOutcomeInput? Outcome { get; init; }

    [MaxLength(FollowUpRequest.MaxItems)]
    public IReadOnlyList<FollowUpRequest>? FollowUps { get; init; }
}

public sealed record InquiryQuery : PageRequest
{
    public InquiryState? State { get; init; }

    /// <summary>Only replies not received by their deadline.</summary>
    public bool? OverdueOnly { get; init; }

    public bool? PrincipalOnly { get; init; }

    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }

    [StringLength(64)]
    public string? Text { get; init; }

    public Guid? OfficialId { get; init; }

    /// <summary>sent (default), official, unit, due, state.</summary>
    [StringLength(16)]
    public string? Sort { get; init; }

    public bool? Descending { get; init; }
}

public sealed record InquiryListItem(
    Guid Id,
    SubjectView Subject,
    DateOnly SentOn,
    DateOnly ReplyDueOn,
    InquiryState State,
    bool Overdue,
    DateOnly? ReplyReceivedOn,
    InquiryAssessment? Assessment);

/// <summary>The record as the caller may see it; <c>MayChange</c> says whether the caller's organ may change it (ADR 0008: its owner, or an organ a delegation hands it to); <c>Actions</c> are the rows of <see cref="InquiryWorkflow.Table"/> the caller may take now, and pages offer only those.</summary>
public sealed record InquiryDetail(
    Guid Id,
    SubjectView Subject,
    string? DocumentNumber,
    string Matters,
    Guid? ClueId,
    DateOnly SentOn,
    DateOnly ReplyDueOn,
    InquiryState State,
    bool Overdue,
    DateOnly? ReplyReceivedOn,
    string? ReplyText,
    string? CountersignedBy,
    string? CountersignNote,
    InquiryAssessment? Assessment,
    string? AssessmentNote,
    DateOnly? ClosedOn,
    SupervisionOutcome Outcome,
    IReadOnlyList<FollowUpItem> FollowUps,
    Guid Version,
    bool MayChange,
    IReadOnlyList<InquiryAction> Actions);
