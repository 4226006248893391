using Qingfeng.Features.Rectification;
using Qingfeng.Features.Roster;
using Qingfeng.Features.Supervision;

namespace Qingfeng.Features.Accountability;

/// <summary>An accountability decision as the party-conduct office enters it; used to record and to correct one.</summary>
public sealed record SaveAccountabilityRequest : IRequestExample<SaveAccountabilityRequest>
{
    [Required]
    public AccountabilityTarget? Target { get; init; }

    /// <summary>The unit whose party organisation is held accountable (organisation target; ignored on update).</summary>
    public Guid? UnitId { get; init; }

    /// <summary>The leading cadre held accountable (cadre target), or for an organisation target one of its officials, whose unit is meant (ignored on update).</summary>
    public Guid? OfficialId { get; init; }

    /// <summary>One or more forms (combinable).</summary>
    [Required]
    [MinLength(1)]
    [MaxLength(6)]
    public IReadOnlyList<AccountabilityMethod>? Methods { get; init; }

    /// <summary>Which organisational measure, when the forms include one.</summary>
    public OrganisationalMeasureKind? Measure { get; init; }

    [Required]
    public AccountabilityCause? Cause { get; init; }

    /// <summary>The clue, ledger item or decision record in which the failure was found.</summary>
    public Guid? CauseId { get; init; }

    [Required]
    [StringLength(AccountabilityDecision.FailureMaxLength, MinimumLength = 2)]
    public string Failure { get; init; } = "";

    [Required]
    [StringLength(AccountabilityDecision.FactsMaxLength, MinimumLength = 2)]
    public string Facts { get; init; } = "";

    [Required]
    [StringLength(AccountabilityDecision.BasisMaxLength, MinimumLength = 2)]
    public string Basis { get; init; } = "";

    [Required]
    [StringLength(AccountabilityDecision.DecidedByMaxLength, MinimumLength = 2)]
    public string DecidedBy { get; init; } = "";

    [Required]
    public DateOnly? DecidedOn { get; init; }

    [StringLength(AccountabilityDecision.DocumentNumberMaxLength)]
    public string? DocumentNumber { get; init; }

    public NoticeScope Notice { get; init; }

    /// <summary>When given (on recording only), the rectification the decision requires opens a ledger item.</summary>
    [StringLength(AccountabilityDecision.RectificationMeasuresMaxLength)]
    public string? RectificationMeasures { get; init; }

    public DateOnly? RectificationDueOn { get; init; }

    /// <summary>The version read (required on update, for optimistic concurrency).</summary>
    public Guid? Version { get; init; }

    public static SaveAccountabilityRequest Example => new()
    {
        Target = AccountabilityTarget.LeadingCadre,
        OfficialId = ExampleIds.Official,
        Methods = [AccountabilityMethod.Examination, AccountabilityMethod.Circulation],
        Cause = AccountabilityCause.Rectification,
        CauseId = ExampleIds.RectificationItem,
        Failure = "落实巡察整改主体责任不力，反馈问题逾期未完成整改。",
        Facts = "县委巡察反馈的“三重一大”决策不规范问题，整改期限届满后仍未完成，经督促仍未推进。",
        Basis = "《中国共产党问责条例》第七条第一项",
        DecidedBy = "开阳县纪委常委会",
        DecidedOn = new DateOnly(2026, 11, 26),
        DocumentNumber = "开纪问〔2026〕3号",
        Notice = NoticeScope.Internal,
        RectificationMeasures = "一个月内完成全部项目决策程序补正，并向县纪委监委书面报告。",
        RectificationDueOn = new DateOnly(2027, 1, 31),
    };
}

public sealed record ExecuteAccountabilityRequest : IRequestExample<ExecuteAccountabilityRequest>
{
    [Required]
    public DateOnly? On { get; init; }

    [StringLength(AccountabilityDecision.NoteMaxLength)]
    public string? Note { get; init; }

    public static ExecuteAccountabilityRequest Example => new()
    {
        On = new DateOnly(2026, 12, 1),
        Note = "已收到书面检查，已在全县范围内通报。",
    };
}

public sealed record RevokeAccountabilityRequest : IRequestExample<RevokeAccountabilityRequest>
{
    [Required]
    public DateOnly? On { get; init; }

    [Required]
    [StringLength(AccountabilityDecision.NoteMaxLength, MinimumLength = 2)]
    public string Reason { get; init; } = "";

    public static RevokeAccountabilityRequest Example => new()
    {
        On = new DateOnly(2026, 12, 1),
        Reason = "经申诉复查，认定问责所依据的事实不清，撤销问责决定。",
    };
}

public sealed record AccountabilityQuery : PageRequest
{
    public AccountabilityTarget? Target { get; init; }

    /// <summary>Decisions that include this form (问责方式).</summary>
    public AccountabilityMethod? Form { get; init; }

    public AccountabilityCause? Cause { get; init; }

    public AccountabilityState? State { get; init; }

    public LeaderCategory? Category { get; init; }

    /// <summary>Only decisions about a unit's 一把手.</summary>
    public bool? PrincipalOnly { get; init; }

    /// <summary>Only decisions whose impact period is still running.</summary>
    public bool? InImpact { get; init; }

    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }

    public Guid? UnitId { get; init; }

    public Guid? OfficialId { get; init; }

    /// <summary>Unit, person, failure or document number contains.</summary>
    [StringLength(100)]
    public string? Text { get; init; }
}

/// <summary>Which decisions one 通报 covers, and whether it is internal or public.</summary>
public sealed record AccountabilityNoticeQuery
{
    [Required]
    [MinLength(1)]
    [MaxLength(50)]
    public Guid[]? Ids { get; init; }

    public NoticeScope? Scope { get; init; }
}

public sealed record AccountabilityListItem(
    Guid Id,
    SubjectView Subject,
    AccountabilityTarget Target,
    IReadOnlyList<AccountabilityMethod> Methods,
    OrganisationalMeasureKind? Measure,
    string Failure,
    AccountabilityCause Cause,
    DateOnly DecidedOn,
    string DecidedBy,
    string? DocumentNumber,
    NoticeScope Notice,
    AccountabilityState State,
    DateOnly? ImpactUntil,
    bool Noticeable);

/// <summary>
/// The record as the caller may see it. <c>Actions</c> are the <see cref="AccountabilityAction"/> names the caller may take now
/// (<see cref="AccountabilityWorkflow"/>: state, permission, owning organ); pages offer exactly these. <c>MayChange</c> says whether
/// the caller's organ may change it at all (ADR 0008: its owner, or an organ a delegation hands it to); pages show the read-only
/// notice when it does not. <c>Noticeable</c>: the decision may be named in a 通报 (it is not revoked).
/// </summary>
public sealed record AccountabilityDetail(
    Guid Id,
    Guid OrganId,
    SubjectView Subject,
    AccountabilityTarget Target,
    IReadOnlyList<AccountabilityMethod> Methods,
    OrganisationalMeasureKind? Measure,
    AccountabilityCause Cause,
    Guid? CauseId,
    string? CauseReference,
    string Failure,
    string Facts,
    string Basis,
    string DecidedBy,
    DateOnly DecidedOn,
    string? DocumentNumber,
    NoticeScope Notice,
    AccountabilityState State,
    DateOnly? ImpactUntil,
    bool InImpactPeriod,
    DateOnly? ExecuteBy,
    bool ExecutionOverdue,
    DateOnly AppealUntil,
    DateOnly? ExecutedOn,
    string? ExecutionNote,
    DateOnly? RevokedOn,
    string? RevocationReason,
    Guid? RectificationItemId,
    RectificationState? RectificationState,
    IReadOnlyList<string> Actions,
    Guid Version,
    bool MayChange,
    bool Noticeable)
{
    /// <summary>责令辞职、免职: the last day on which the person may hold no leading post (one year; <c>ImpactUntil</c> bars promotion for two).</summary>
    public DateOnly? LeadingPostBarredUntil { get; init; }

    /// <summary>Whether <c>ExecuteBy</c> falls in a year whose holiday schedule is not uploaded yet (暂定).</summary>
    public bool ExecuteByProvisional { get; init; }

    /// <summary>Whether <c>AppealUntil</c> falls in a year whose holiday schedule is not uploaded yet (暂定).</summary>
    public bool AppealUntilProvisional { get; init; }
}
