using Qingfeng.Features.PersonResolution;
using Qingfeng.Features.Roster;
using Qingfeng.Features.Supervision;
using Qingfeng.Features.Talks;

namespace Qingfeng.Features.Clues;

/// <summary>The reporter of a real-name report; kept encrypted and shown only to the petition office.</summary>
public sealed record ReporterDetails
{
    [Required]
    [StringLength(64)]
    public string Name { get; init; } = "";

    [StringLength(32)]
    public string? Phone { get; init; }

    [StringLength(32)]
    public string? IdNumber { get; init; }

    [StringLength(200)]
    public string? Address { get; init; }
}

/// <summary>
/// A reported person: a roster official by id, or the person as written — a name (王建华, 王某), unit and post, or one phrase
/// (<see cref="Text"/>: 开阳县交通运输局局长王建华) — which the resolver links to the roster when one official is clearly meant,
/// and otherwise leaves in the 待关联 queue.
/// </summary>
public sealed record ReportedPersonRequest
{
    public Guid? OfficialId { get; init; }

    [StringLength(64)]
    public string? Name { get; init; }

    [StringLength(128)]
    public string? UnitName { get; init; }

    /// <summary>The post as written (局长, 副局长, 党委书记).</summary>
    [StringLength(64)]
    public string? Position { get; init; }

    /// <summary>The person as one phrase, as the petition wrote them (unit, post and name in any order).</summary>
    [StringLength(ReportedPerson.MentionMaxLength)]
    public string? Text { get; init; }

    /// <summary>The date of the facts (the receipt date when not given): which holder of the post is meant.</summary>
    public DateOnly? FactsOn { get; init; }
}

/// <summary>关联: the roster official a reported person is (picked or confirmed), or that the person is not on the roster.</summary>
public sealed record LinkPersonRequest : IRequestExample<LinkPersonRequest>
{
    /// <summary>The official (within the caller's jurisdiction); required unless <see cref="NotOnRoster"/>.</summary>
    public Guid? OfficialId { get; init; }

    /// <summary>The person is not on the roster: the text stays, the candidates are kept as "not the same" for this mention.</summary>
    public bool NotOnRoster { get; init; }

    /// <summary>Why (kept with the decision and in the history).</summary>
    [Required]
    [StringLength(500, MinimumLength = 2)]
    public string Reason { get; init; } = "";

    /// <summary>The clue's version as read (optional): a stale one answers 409.</summary>
    public Guid? Version { get; init; }

    public static LinkPersonRequest Example => new()
    {
        OfficialId = ExampleIds.Official,
        Reason = "单位、职务与任职时间均与花名册一致。",
    };
}

public sealed record LinkPersonResult(Guid ClueId, Guid PersonId, PersonLinkState LinkState, Guid? OfficialId, bool IsPrincipal, Guid Version, IReadOnlyList<DuplicateItem> PossibleRepeats);

/// <summary>The 待关联 queue: active clues the caller may see with a reported person waiting for a link.</summary>
public sealed record LinkQueueQuery : PageRequest;

/// <summary>A reported person waiting in the queue, with the resolver's candidates and their reasons.</summary>
public sealed record PendingPersonItem(Guid PersonId, string Name, string? UnitName, string? MentionText, PersonLinkState LinkState, IReadOnlyList<PersonCandidate> Candidates);

public sealed record LinkQueueItem(Guid ClueId, string Number, DateOnly ReceivedOn, ClueState State, bool IsPrincipal, bool MayLink, Guid Version, IReadOnlyList<PendingPersonItem> Persons);

public sealed record RegisterClueRequest : IRequestExample<RegisterClueRequest>
{
    [Required]
    public ClueSource? Source { get; init; }

    /// <summary>Date of receipt (today when not given).</summary>
    public DateOnly? ReceivedOn { get; init; }

    public bool IsRealName { get; init; }

    public ReporterDetails? Reporter { get; init; }

    [Required]
    [StringLength(Clue.ContentMaxLength, MinimumLength = 10)]
    public string Content { get; init; } = "";

    [Required]
    [MinLength(1, ErrorMessage = "Validation.PersonRequired")]
    [MaxLength(10, ErrorMessage = "Validation.TooManyPersons")]
    public IReadOnlyList<ReportedPersonRequest> Persons { get; init; } = [];

    /// <summary>Violation category codes chosen by the officer (see <c>/api/v1/clues/categories</c>).</summary>
    [MaxLength(10)]
    [ItemMaxLength(ClueCategory.CodeMaxLength)]
    public IReadOnlyList<string>? Categories { get; init; }

    public static RegisterClueRequest Example => new()
    {
        Source = ClueSource.Letter,
        ReceivedOn = new DateOnly(2026, 11, 20),
        IsRealName = true,
        Reporter = new ReporterDetails { Name = "王某某", Phone = "13800000000", Address = "贵州省贵阳市开阳县城关镇" },
        Content = "反映开阳县交通运输局局长张某某在农村公路提质改造项目招标中为其亲属经营的公司打招呼，并在春节期间收受项目承包人所送购物卡，请予核查。",
        Persons = [new ReportedPersonRequest { OfficialId = ExampleIds.Official }],
        Categories = ["DISC.INT.RELATIVES", "DISC.INT.GIFTS"],
    };
}

/// <summary>A likely repeat found at registration: the score and the reason in words (the page shows the matching passages).</summary>
public sealed record DuplicateItem(Guid Id, string Number, DateOnly ReceivedOn, ClueState State, double Similarity, string Reason);

public sealed record RegisterClueResult(Guid Id, string Number, IReadOnlyList<DuplicateItem> PossibleRepeats);

public sealed record SanctionRequest
{
    [Required]
    [StringLength(Sanction.CodeMaxLength)]
    public string Code { get; init; } = "";

    public Guid? OfficialId { get; init; }
}

/// <summary>One workflow action with its inputs; which inputs are required depends on the action.</summary>
public sealed record ClueActionRequest : IRequestExample<ClueActionRequest>
{
    [Required]
    public ClueAction? Action { get; init; }

    [StringLength(ClueHistoryEntry.CommentMaxLength)]
    public string? Comment { get; init; }

    public Guid? AssigneeId { get; init; }

    public DisposalMethod? Method { get; init; }

    public ClosingOutcome? ClosingOutcome { get; init; }

    public DateOnly? Date { get; init; }

    public Guid? MergedIntoId { get; init; }

    [MaxLength(10)]
    public IReadOnlyList<SanctionRequest>? Sanctions { get; init; }

    public AppealResult? AppealResult { get; init; }

    /// <summary>FileAppeal: 复议复查 (party), 复审, or 复核 after a decided 复审.</summary>
    public AppealStage? AppealStage { get; init; }

    public bool? Countersigned { get; init; }

    /// <summary>SendInquiryLetter: the letter's 文号.</summary>
    [StringLength(Inquiry.DocumentNumberMaxLength)]
    public string? DocumentNumber { get; init; }

    /// <summary>SendInquiryLetter: the matters to explain, one per line; by default the first sentences of the report (as the draft letter prints them).</summary>
    [StringLength(Inquiry.TextMaxLength)]
    public string? Matters { get; init; }

    /// <summary>RecordInquiryReply: the principal leader who countersigned the reply (unless the person is that leader).</summary>
    [StringLength(Inquiry.SignatoryMaxLength)]
    public string? CountersignedBy { get; init; }

    /// <summary>RecordInquiryReply: the countersigner's education and reminder note (not "一签了之").</summary>
    [StringLength(Inquiry.CountersignNoteMaxLength)]
    public string? CountersignNote { get; init; }

    /// <summary>The version the officer saw (optimistic concurrency); optional for integrations.</summary>
    public Guid? Version { get; init; }

    public static ClueActionRequest Example => new()
    {
        Action = ClueAction.ProposeDisposal,
        Method = DisposalMethod.TalkInquiry,
        Comment = "反映问题较为笼统，线索可查性不强，拟以谈话函询方式处置，要求其作出书面说明。",
        Version = ExampleIds.Version,
    };
}

public sealed record RecuseRequest : IRequestExample<RecuseRequest>
{
    /// <summary>The officer to withdraw; omitted means the caller declares their own conflict.</summary>
    public Guid? UserId { get; init; }

    [Required]
    [StringLength(ClueRecusal.ReasonMaxLength, MinimumLength = 2)]
    public string Reason { get; init; } = "";

    public static RecuseRequest Example => new()
    {
        Reason = "本人与被反映人系近亲属关系，申请回避。",
    };
}

public sealed record RecordOutcomeRequest : IRequestExample<RecordOutcomeRequest>
{
    [Range(0, 100_000)]
    public int ProblemsFound { get; init; }

    [Range(0, 100_000)]
    public int FurtherClues { get; init; }

    /// <summary>Funds paid out to citizens, yuan.</summary>
    [Range(typeof(decimal), "0", "100000000000")]
    public decimal FundsPaidOut { get; init; }

    /// <summary>Funds recovered, yuan.</summary>
    [Range(typeof(decimal), "0", "100000000000")]
    public decimal FundsRecovered { get; init; }

    public static RecordOutcomeRequest Example => new()
    {
        ProblemsFound = 21,
        FurtherClues = 4,
        FundsPaidOut = 820000.00m,
        FundsRecovered = 654000.00m,
    };
}

public enum DueFilter
{
    Overdue = 1,
    DueSoon = 2,
    Any = 3,
}

public enum ClueSort
{
    Priority = 0,
    ReceivedOn = 1,
    DueOn = 2,
    Number = 3,
}

public sealed record ClueQuery : PageRequest
{
    /// <summary>Full-text search over the clue content (Chinese words, all must match).</summary>
    [StringLength(64)]
    public string? Search { get; init; }

    [StringLength(40)]
    public string? Number { get; init; }

    /// <summary>Reported person's name.</summary>
    [StringLength(32)]
    public string? Person { get; init; }

    public ClueState? State { get; init; }

    /// <summary>Only clues still in their active life.</summary>
    public bool? ActiveOnly { get; init; }

    public ClueSource? Source { get; init; }

    public bool? PrincipalOnly { get; init; }

    public LeaderCategory? LeaderCategory { get; init; }

    public DisposalMethod? Method { get; init; }

    [StringLength(32)]
    public string? Category { get; init; }

    [StringLength(12)]
    [RegularExpression("^[0-9]{6,12}$", ErrorMessage = "Validation.RegionCode")]
    public string? RegionCode { get; init; }

    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }

    /// <summary>Only the clues where the caller has the next step.</summary>
    public bool? Mine { get; init; }

    public DueFilter? Due { get; init; }

    public ClueSort? Sort { get; init; }

    /// <summary>
    /// The direction of <see cref="Sort"/>: by number and by deadline ascending, by receipt newest first unless given; the
    /// default priority order has one direction.
    /// </summary>
    public bool? Descending { get; init; }
}

public enum DueStatus
{
    None = 0,
    OnTrack = 1,
    DueSoon = 2,
    Overdue = 3,
}

/// <summary>A piece of text, marked when it matched the search.</summary>
public sealed record TextPiece(string Text, bool Match);

public sealed record ClueListItem(
    Guid Id,
    string Number,
    DateOnly ReceivedOn,
    ClueSource Source,
    ClueState State,
    bool IsPrincipal,
    LeaderCategory? LeaderCategory,
    string Persons,
    string? Units,
    string? HandlerName,
    DateOnly? DueOn,
    DeadlineKind? DueKind,
    DueStatus DueStatus)
{
    /// <inheritdoc cref="ClueDetail.DueProvisional"/>
    public bool DueProvisional { get; init; }

    /// <summary>With a full-text search: a snippet of the content with the matches marked.</summary>
    public IReadOnlyList<TextPiece>? Snippet { get; init; }
}

public sealed record ReportedPersonItem(Guid? OfficialId, string Name, string? UnitName, string? Position, bool IsPrincipal, LeaderCategory? LeaderCategory)
{
    public Guid PersonId { get; init; }

    public PersonLinkState LinkState { get; init; }

    /// <summary>The person as the report named them, when typed as text.</summary>
    public string? MentionText { get; init; }
}

public sealed record ClueHistoryItem(DateTimeOffset At, string UserName, string Action, ClueState? From, ClueState To, string? Comment);

public sealed record SanctionItem(string Code, string Name, SanctionKind Kind, int Form, DateOnly DecidedOn, DateOnly? InfluenceEndsOn, DateOnly? RevokedOn);

public sealed record AttachmentItem(Guid Id, string FileName, string ContentType, long Size, DateTimeOffset UploadedAt);

public sealed record ClueOutcomeItem(int ProblemsFound, int FurtherClues, decimal FundsPaidOut, decimal FundsRecovered);

public sealed record ClueDetail(
    Guid Id,
    string Number,
    Guid Version,
    ClueSource Source,
    DateOnly ReceivedOn,
    bool IsRealName,
    ClueState State,
    bool IsPrincipal,
    LeaderCategory? LeaderCategory,
    string? Content,
    ReporterDetails? Reporter,
    bool ReporterHidden,
    IReadOnlyList<ReportedPersonItem> Persons,
    IReadOnlyList<string> Categories,
    DisposalMethod? Method,
    ClosingOutcome? ClosingOutcome,
    ClueState? PendingState,
    string? HandlerName,
    DateOnly? DueOn,
    DeadlineKind? DueKind,
    DueStatus DueStatus,
    string? CaseNumber,
    DateOnly? FiledOn,
    DateOnly? DecidedOn,
    DateOnly? TransferredOn,
    AppealResult? AppealResult,
    Guid? MergedIntoId,
    IReadOnlyList<SanctionItem> Sanctions,
    ClueOutcomeItem Outcome,
    IReadOnlyList<ClueHistoryItem> History,
    IReadOnlyList<string> Participants,
    IReadOnlyList<string> Recusals,
    IReadOnlyList<AttachmentItem> Attachments,
    IReadOnlyList<ClueAction> AvailableActions,
    IReadOnlyList<ClueLetterItem> Letters,
    IReadOnlyList<ClueTalkItem> Talks)
{
    /// <summary>
    /// The due date falls in a year whose holiday schedule is not loaded: it was counted on the statutory holidays alone
    /// and may move when the State Council's schedule is uploaded.
    /// </summary>
    public bool DueProvisional { get; init; }

    /// <summary>Whether the caller may link the reported persons to the roster (the same rule the service applies).</summary>
    public bool MayLinkPersons { get; init; }
}

/// <summary>A letter of inquiry the clue's 谈话函询 sent: the inquiry of the ledger (<c>/supervision/inquiries/{Id}</c>).</summary>
public sealed record ClueLetterItem(Guid Id, string? DocumentNumber, DateOnly SentOn, DateOnly ReplyDueOn, InquiryState State, DateOnly? ReplyReceivedOn);

/// <summary>A talk the clue's 谈话函询 held: the talk of the ledger (<c>/supervision/talks/{Id}</c>).</summary>
public sealed record ClueTalkItem(Guid Id, DateOnly HeldOn, TalkState State);

/// <summary>An officer who can be given a step (handler, investigator, reviewer).</summary>
public sealed record AssigneeItem(Guid Id, string DisplayName, string Role);

public sealed record SuggestCategoriesRequest : IRequestExample<SuggestCategoriesRequest>
{
    [Required]
    [StringLength(Clue.ContentMaxLength, MinimumLength = 1)]
    public string Text { get; init; } = "";

    public static SuggestCategoriesRequest Example => new()
    {
        Text = "反映某局长利用春节收受下属单位所送礼金，并长期违规使用公务用车接送家属。",
    };
}

/// <summary>
/// An earlier or later clue of the organ that may report the same matter (重复件), as the caller may see it: the score, the
/// reason in words, and the passages both texts share. <see cref="CanConfirm"/> offers MarkRepeat into it (only into an earlier
/// clue), <see cref="CanDismiss"/> the kept "not a repeat" decision; <see cref="Dismissed"/> is that decision once taken.
/// </summary>
public sealed record RepeatCandidate(
    Guid Id,
    string Number,
    DateOnly ReceivedOn,
    ClueState State,
    double Score,
    double TextSimilarity,
    string Reason,
    IReadOnlyList<string> Passages,
    bool IsEarlier,
    bool CanConfirm,
    bool CanDismiss,
    RepeatDismissalItem? Dismissed);

/// <summary>A kept decision that two clues are not the same matter.</summary>
public sealed record RepeatDismissalItem(string DismissedBy, DateTimeOffset DismissedAt, string Reason);

public sealed record DismissRepeatRequest : IRequestExample<DismissRepeatRequest>
{
    /// <summary>The candidate that is not a repeat of this clue.</summary>
    [Required]
    public Guid? OtherClueId { get; init; }

    [Required]
    [StringLength(ClueRepeatDismissal.ReasonMaxLength, MinimumLength = 2)]
    public string Reason { get; init; } = "";

    public static DismissRepeatRequest Example => new()
    {
        OtherClueId = Guid.Parse("0193a5b2-7c41-7d10-9a2e-5f1c3b8e4d21", CultureInfo.InvariantCulture),
        Reason = "同一被反映人，但反映的是另一笔礼金，时间和金额均不同。",
    };
}
