using Qingfeng.Features.Rectification;
using Qingfeng.Features.Supervision;

namespace Qingfeng.Features.Talks;

public sealed record PlanTalkRequest : IRequestExample<PlanTalkRequest>
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

    public static PlanTalkRequest Example => new()
    {
        OfficialId = ExampleIds.Official,
        Type = TalkType.Reminder,
        Tier = 2,
        PlannedOn = new DateOnly(2026, 12, 15),
        Place = "县纪委监委谈话室",
        Talkers = "县纪委副书记、县监委副主任 李某某",
        Participants = "第一监督检查室 陈某某",
        Recorder = "周某",
    };
}

public sealed record ReplanTalkRequest : IRequestExample<ReplanTalkRequest>
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

    public static ReplanTalkRequest Example => new()
    {
        PlannedOn = new DateOnly(2026, 12, 18),
        Place = "县交通运输局小会议室",
        Talkers = "县纪委常委 刘某某",
        Recorder = "周某",
    };
}

public sealed record SetOutlineRequest : IRequestExample<SetOutlineRequest>
{
    [StringLength(Talk.TextMaxLength)]
    public string? Outline { get; init; }

    public static SetOutlineRequest Example => new()
    {
        Outline = "一、开场说明：说明谈话的目的和依据。\n二、需要说明的问题：巡察反馈“三重一大”决策不规范问题的整改情况。\n三、提醒要求：压实第一责任人职责，按期报告整改进展。\n四、谈话对象表态。",
    };
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

public sealed record HoldTalkRequest : IRequestExample<HoldTalkRequest>
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

    public static HoldTalkRequest Example => new()
    {
        HeldOn = new DateOnly(2026, 12, 1),
        Record = "谈话对象对巡察反馈问题作了说明，承认部分项目存在先开工后补程序的情况。",
        Commitments = "一个月内完成项目决策程序补正，今后重大事项一律提交党组集体研究。",
        FollowUps = [new FollowUpRequest { Problem = "部分工程项目先开工后补决策程序", Measures = "逐项补正决策程序并报县纪委监委备案", DueOn = new DateOnly(2027, 1, 31) }],
    };
}

public sealed record AddFollowUpsRequest : IRequestExample<AddFollowUpsRequest>
{
    [Required]
    [MaxLength(FollowUpRequest.MaxItems)]
    public IReadOnlyList<FollowUpRequest>? FollowUps { get; init; }

    public static AddFollowUpsRequest Example => new()
    {
        FollowUps = [new FollowUpRequest { Problem = "公务接待审批单填写不完整", Measures = "规范公务接待审批和报销手续", DueOn = new DateOnly(2027, 2, 28) }],
    };
}

public sealed record RecordPledgeRequest : IRequestExample<RecordPledgeRequest>
{
    [Required]
    public DateOnly? ReceivedOn { get; init; }

    public static RecordPledgeRequest Example => new()
    {
        ReceivedOn = new DateOnly(2026, 12, 1),
    };
}

public sealed record CloseTalkRequest : IRequestExample<CloseTalkRequest>
{
    [StringLength(Talk.NoteMaxLength)]
    public string? Note { get; init; }

    public SupervisionOutcomeInput? Outcome { get; init; }

    public static CloseTalkRequest Example => new()
    {
        Note = "谈话对象已按承诺完成整改，谈话事项办结。",
        Outcome = new SupervisionOutcomeInput { ProblemsFound = 2 },
    };
}

public sealed record CancelTalkRequest : IRequestExample<CancelTalkRequest>
{
    [Required]
    [StringLength(Talk.NoteMaxLength, MinimumLength = 2)]
    public string? Reason { get; init; }

    public static CancelTalkRequest Example => new()
    {
        Reason = "谈话对象参加省委党校学习，谈话另行安排。",
    };
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

public sealed record SendInquiryRequest : IRequestExample<SendInquiryRequest>
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

    public static SendInquiryRequest Example => new()
    {
        OfficialId = ExampleIds.Official,
        Matters = "1. 反映你在农村公路提质改造项目招标中为亲属经营的公司打招呼的问题；\n2. 反映你在春节期间收受项目承包人所送购物卡的问题。",
        SentOn = new DateOnly(2026, 11, 25),
        DocumentNumber = "开纪函〔2026〕12号",
    };
}

public sealed record RecordReplyRequest : IRequestExample<RecordReplyRequest>
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

    public static RecordReplyRequest Example => new()
    {
        ReceivedOn = new DateOnly(2026, 12, 1),
        Text = "本人对反映的问题作如下说明：……（书面说明全文）",
        CountersignedBy = "县交通运输局党组书记 赵某某",
        CountersignNote = "已对其进行教育提醒，要求如实说明情况、举一反三。",
    };
}

public sealed record AssessInquiryRequest : IRequestExample<AssessInquiryRequest>
{
    [Required]
    public InquiryAssessment? Assessment { get; init; }

    [StringLength(Inquiry.AssessmentNoteMaxLength)]
    public string? Note { get; init; }

    public SupervisionOutcomeInput? Outcome { get; init; }

    [MaxLength(FollowUpRequest.MaxItems)]
    public IReadOnlyList<FollowUpRequest>? FollowUps { get; init; }

    public static AssessInquiryRequest Example => new()
    {
        Assessment = InquiryAssessment.FurtherAction,
        Note = "说明基本属实，但对购物卡去向说明不清，需补充说明并退还。",
        Outcome = new SupervisionOutcomeInput { ProblemsFound = 1, FundsRecovered = 2000m },
        FollowUps = [new FollowUpRequest { Problem = "收受购物卡未及时上交", Measures = "退还购物卡并作出书面检查", DueOn = new DateOnly(2027, 1, 15) }],
    };
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
    InquiryAssessment? Assessment)
{
    /// <inheritdoc cref="InquiryDetail.ReplyDueProvisional"/>
    public bool ReplyDueProvisional { get; init; }
}

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
    IReadOnlyList<InquiryAction> Actions)
{
    /// <summary>
    /// The reply is due in a year whose holiday schedule is not loaded: the 15 working days were counted on the statutory
    /// holidays alone and may end later once the State Council's schedule is uploaded.
    /// </summary>
    public bool ReplyDueProvisional { get; init; }
}
