using Qingfeng.Features.Supervision;

namespace Qingfeng.Features.DutyReports;

public sealed record CreateCampaignRequest
{
    [Required]
    [StringLength(DutyReportCampaign.TitleMaxLength, MinimumLength = 2)]
    public string? Title { get; init; }

    [Range(2000, 2100)]
    public int? Year { get; init; }

    [Required]
    public DateOnly? SessionOn { get; init; }
}

public sealed record AddReporterRequest
{
    [Required]
    public Guid? OfficialId { get; init; }

    public ReportMode Mode { get; init; } = ReportMode.Written;
}

public sealed record SetScorersRequest
{
    [Required]
    [MaxLength(DutyReportCampaign.MaxScorers)]
    public IReadOnlyList<Guid>? UserIds { get; init; }
}

public sealed record WriteReportRequest
{
    [Required]
    [MaxLength(DutyReport.MaxAnswers)]
    [ItemMaxLength(DutyReport.AnswerMaxLength)]
    public IReadOnlyList<string?>? Answers { get; init; }

    /// <summary>Submit (or resubmit) after saving.</summary>
    public bool Submit { get; init; }

    public Guid? Version { get; init; }
}

public sealed record ReviewReportRequest
{
    [Required]
    public ReviewDecision? Decision { get; init; }

    /// <summary>Comment on approval; the reasons when returning.</summary>
    [StringLength(DutyReport.ReviewCommentMaxLength)]
    public string? Comment { get; init; }

    /// <summary>Revision deadline when returning; by default the configured number of working days.</summary>
    public DateOnly? DueOn { get; init; }

    public Guid? Version { get; init; }
}

public sealed record CommentReportRequest
{
    [Required]
    [StringLength(DutyReport.CommentMaxLength, MinimumLength = 2)]
    public string? Text { get; init; }

    /// <summary>Problems named in the comment: each becomes a rectification item of the reporting 一把手.</summary>
    [MaxLength(DutyReport.MaxProblemsPerComment)]
    [ItemMaxLength(Rectification.RectificationItem.ProblemMaxLength)]
    public IReadOnlyList<string>? Problems { get; init; }

    public DateOnly? RectifyBy { get; init; }
}

public sealed record VoteRequest
{
    [Required]
    [Range(0, 1000)]
    public int? Score { get; init; }
}

public sealed record CampaignQuery
{
    [Range(2000, 2100)]
    public int? Year { get; init; }

    [StringLength(64)]
    public string? Text { get; init; }
}

public sealed record CampaignListItem(Guid Id, string Title, int Year, DateOnly SessionOn, int Reports, int Approved, int Returned, bool ScoringClosed);

/// <summary>A report as listed in its campaign: no answers, the aggregate only when it may be shown.</summary>
public sealed record ReportSummary(
    Guid Id,
    SubjectView Subject,
    ReportMode Mode,
    DutyReportState State,
    string? LevelName,
    DateOnly? RevisionDueOn,
    bool RevisionOverdue,
    int VoteCount,
    decimal? MeanScore,
    string? Grade,
    bool BelowReminder);

public sealed record ScorerItem(Guid UserId, string Name);

public sealed record CampaignDetail(
    Guid Id,
    string Title,
    int Year,
    DateOnly SessionOn,
    IReadOnlyList<string> TemplateItems,
    IReadOnlyList<string> Levels,
    int ScaleMax,
    IReadOnlyList<string> Grades,
    int MinimumVotes,
    bool ScoringClosed,
    IReadOnlyList<ScorerItem> Scorers,
    IReadOnlyList<ReportSummary> Reports,
    bool CanManage);

public sealed record ReviewItem(int Round, string LevelName, string ReviewerName, ReviewDecision Decision, string? Comment, DateOnly? DueOn, DateTimeOffset At);

public sealed record CommentItem(Guid Id, string AuthorName, string Text, DateTimeOffset At, IReadOnlyList<Guid> RectificationItemIds);

/// <summary>
/// A report as the caller may see it; <c>Actions</c> are the rows of <see cref="DutyReportWorkflow.Table"/> the caller may take now
/// (ADR 0008 included), and the page offers only those; <c>AwaitsRevision</c> says the report was returned and waits to be revised.
/// </summary>
public sealed record ReportDetail(
    Guid Id,
    Guid CampaignId,
    string CampaignTitle,
    ReportSummary Summary,
    IReadOnlyList<string> TemplateItems,
    IReadOnlyList<string> Answers,
    int Round,
    string? ReturnReason,
    IReadOnlyList<ReviewItem> Reviews,
    IReadOnlyList<CommentItem> Comments,
    IReadOnlyList<DutyReportAction> Actions,
    bool HasVoted,
    int ScaleMax,
    Guid Version,
    bool AwaitsRevision);

/// <summary>A 述责述廉 result for the official's integrity record.</summary>
public sealed record DutyReportResult(Guid ReportId, string CampaignTitle, int Year, DutyReportState State, decimal? MeanScore, string? Grade, int Comments, int RectificationItems);
