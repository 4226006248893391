using Qingfeng.Features.Rectification;
using Qingfeng.Features.Supervision;

namespace Qingfeng.Features.Recommendations;

public sealed record IssueRecommendationRequest : IRequestExample<IssueRecommendationRequest>
{
    /// <summary>The unit the recommendation is issued to.</summary>
    [Required]
    public Guid? UnitId { get; init; }

    [Required]
    public RecommendationKind? Kind { get; init; }

    [Required]
    [StringLength(Recommendation.TitleMaxLength, MinimumLength = 2)]
    public string Title { get; init; } = "";

    [Required]
    [StringLength(Recommendation.TextMaxLength, MinimumLength = 2)]
    public string Origin { get; init; } = "";

    [Required]
    [StringLength(Recommendation.TextMaxLength, MinimumLength = 2)]
    public string Findings { get; init; } = "";

    /// <summary>The required measures, one per entry; each becomes a ledger item due on the reply date.</summary>
    [Required]
    [MinLength(1)]
    [MaxLength(Recommendation.MaxMeasures)]
    [ItemMaxLength(Recommendation.MeasureMaxLength)]
    public IReadOnlyList<string>? Measures { get; init; }

    /// <summary>Defaults to today.</summary>
    public DateOnly? IssuedOn { get; init; }

    /// <summary>Defaults to the configured number of days after issue.</summary>
    public DateOnly? ReplyDueOn { get; init; }

    public static IssueRecommendationRequest Example => new()
    {
        UnitId = ExampleIds.Unit,
        Kind = RecommendationKind.Supervision,
        Title = "关于加强医疗设备采购管理的监察建议",
        Origin = "在查办县人民医院医疗设备采购系列案件中发现",
        Findings = "医疗设备采购论证流于形式，采购需求由个别领导决定，院内监督缺位。",
        Measures = ["制定医疗设备采购“十不准”", "建立采购需求集体论证制度", "关键岗位人员定期轮岗"],
        IssuedOn = new DateOnly(2026, 11, 20),
        ReplyDueOn = new DateOnly(2026, 12, 20),
    };
}

public sealed record RecordRecommendationReplyRequest : IRequestExample<RecordRecommendationReplyRequest>
{
    [Required]
    public DateOnly? RepliedOn { get; init; }

    [Required]
    [StringLength(Recommendation.TextMaxLength, MinimumLength = 2)]
    public string Reply { get; init; } = "";

    [StringLength(Recommendation.TextMaxLength)]
    public string? Objection { get; init; }

    public static RecordRecommendationReplyRequest Example => new()
    {
        RepliedOn = new DateOnly(2026, 12, 1),
        Reply = "已制定医疗设备采购“十不准”，建立采购需求集体论证制度，完成关键岗位轮岗3人。",
    };
}

public sealed record AddRecommendationCheckRequest : IRequestExample<AddRecommendationCheckRequest>
{
    [Required]
    public DateOnly? CheckedOn { get; init; }

    [Required]
    [StringLength(Recommendation.TextMaxLength, MinimumLength = 2)]
    public string Finding { get; init; } = "";

    /// <summary>The measures are carried out: closes the recommendation.</summary>
    public bool Satisfactory { get; init; }

    public static AddRecommendationCheckRequest Example => new()
    {
        CheckedOn = new DateOnly(2026, 12, 1),
        Finding = "回头看：三项整改措施均已落实，相关制度已印发执行。",
        Satisfactory = true,
    };
}

public sealed record AddAdoptedRuleRequest : IRequestExample<AddAdoptedRuleRequest>
{
    [Required]
    [StringLength(Recommendation.TitleMaxLength, MinimumLength = 2)]
    public string Title { get; init; } = "";

    [Required]
    public DateOnly? AdoptedOn { get; init; }

    [StringLength(Recommendation.TextMaxLength)]
    public string? Summary { get; init; }

    public static AddAdoptedRuleRequest Example => new()
    {
        Title = "县人民医院医疗设备采购“十不准”",
        AdoptedOn = new DateOnly(2026, 11, 30),
        Summary = "不准未经集体论证确定采购需求；不准指定品牌或供应商；……",
    };
}

public sealed record RecommendationQuery : PageRequest
{
    public RecommendationKind? Kind { get; init; }

    public RecommendationState? State { get; init; }

    /// <summary>Only recommendations whose reply is past its deadline.</summary>
    public bool? OverdueOnly { get; init; }

    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }

    public Guid? UnitId { get; init; }

    /// <summary>Unit, number, title or findings contain.</summary>
    [StringLength(100)]
    public string? Text { get; init; }
}

public sealed record AdoptedRuleQuery : PageRequest
{
    /// <summary>Rule title or summary, unit or number contain.</summary>
    [StringLength(100)]
    public string? Text { get; init; }

    public Guid? UnitId { get; init; }

    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }
}

public sealed record RecommendationListItem(
    Guid Id,
    string Number,
    RecommendationKind Kind,
    SubjectView Subject,
    string Title,
    DateOnly IssuedOn,
    DateOnly ReplyDueOn,
    RecommendationState State,
    bool ReplyOverdue,
    DateOnly? RepliedOn,
    int Measures,
    int Rules)
{
    /// <inheritdoc cref="RecommendationDetail.ReplyDueProvisional"/>
    public bool ReplyDueProvisional { get; init; }
}

public sealed record RecommendationMeasureItem(Guid Id, int Number, string Text, Guid? RectificationItemId, RectificationState? RectificationState);

public sealed record RecommendationCheckItem(Guid Id, DateOnly CheckedOn, string Finding, bool Satisfactory, string ByName);

public sealed record AdoptedRuleItem(Guid Id, string Title, DateOnly AdoptedOn, string? Summary);

public sealed record AdoptedRuleListItem(Guid Id, string Title, DateOnly AdoptedOn, string? Summary, Guid RecommendationId, string RecommendationNumber, SubjectView Subject);

/// <summary>
/// The record as the caller may see it. <c>Actions</c> are the <see cref="RecommendationAction"/> names the caller may take now
/// (<see cref="RecommendationWorkflow"/>: state, permission, owning organ); pages offer exactly these. <c>MayChange</c> says whether
/// the caller's organ may change it at all (ADR 0008: its owner, or an organ a delegation hands it to); pages show the read-only
/// notice when it does not.
/// </summary>
public sealed record RecommendationDetail(
    Guid Id,
    Guid OrganId,
    string Number,
    RecommendationKind Kind,
    SubjectView Subject,
    string Title,
    string Origin,
    string Findings,
    DateOnly IssuedOn,
    DateOnly ReplyDueOn,
    RecommendationState State,
    bool ReplyOverdue,
    DateOnly? RepliedOn,
    string? Reply,
    string? Objection,
    DateOnly? ClosedOn,
    SupervisionOutcome Outcome,
    IReadOnlyList<RecommendationMeasureItem> Measures,
    IReadOnlyList<RecommendationCheckItem> Checks,
    IReadOnlyList<AdoptedRuleItem> Rules,
    IReadOnlyList<string> Actions,
    bool MayChange)
{
    /// <summary>Whether the reply date falls in a year whose holiday schedule is not uploaded yet (暂定: its holidays may move it).</summary>
    public bool ReplyDueProvisional { get; init; }
}
