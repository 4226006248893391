using Qingfeng.Features.Supervision;

namespace Qingfeng.Features.DutyReports;

public sealed record CreateCampaignRequest : IRequestExample<CreateCampaignRequest>
{
    [Required]
    [StringLength(DutyReportCampaign.TitleMaxLength, MinimumLength = 2)]
    public string? Title { get; init; }

    [Range(2000, 2100)]
    public int? Year { get; init; }

    [Required]
    public DateOnly? SessionOn { get; init; }

    public static CreateCampaignRequest Example => new()
    {
        Title = "2026年度开阳县“一把手”述责述廉会议",
        Year = 2026,
        SessionOn = new DateOnly(2026, 12, 20),
    };
}

public sealed record AddReporterRequest : IRequestExample<AddReporterRequest>
{
    [Required]
    public Guid? OfficialId { get; init; }

    public ReportMode Mode { get; init; } = ReportMode.Written;

    public static AddReporterRequest Example => new()
    {
        OfficialId = ExampleIds.Official,
        Mode = ReportMode.OnSite,
    };
}

public sealed record SetScorersRequest : IRequestExample<SetScorersRequest>
{
    [Required]
    [MaxLength(DutyReportCampaign.MaxScorers)]
    public IReadOnlyList<Guid>? UserIds { get; init; }

    public static SetScorersRequest Example => new()
    {
        UserIds = [ExampleIds.User, ExampleIds.OtherUser],
    };
}

public sealed record WriteReportRequest : IRequestExample<WriteReportRequest>
{
    [Required]
    [MaxLength(DutyReport.MaxAnswers)]
    [ItemMaxLength(DutyReport.AnswerMaxLength)]
    public IReadOnlyList<string?>? Answers { get; init; }

    /// <summary>Submit (or resubmit) after saving.</summary>
    public bool Submit { get; init; }

    public Guid? Version { get; init; }

    public static WriteReportRequest Example => new()
    {
        Answers =
        [
            "坚持把学习贯彻党中央重大决策部署作为首要政治任务，全年召开党组会专题学习12次。",
            "认真履行全面从严治党第一责任人职责，全年研究党风廉政建设工作4次。",
            "严格执行“三重一大”集体决策制度，本人在集体决策中坚持末位表态。",
            "与班子成员和下级“一把手”开展谈心谈话23人次，在函询回复上签署意见2次。",
            "支持派驻纪检监察组开展工作，及时通报重大事项。",
            "县委巡察反馈问题12个，已完成整改10个，2个正在持续整改。",
            "严格落实中央八项规定精神，全年未发生违规吃喝、违规使用公车问题。",
            "严格执行干部选拔任用工作条例，全年提拔使用干部5名，均按规定征求纪委意见。",
            "落实意识形态工作责任制，每半年分析研判一次意识形态形势。",
            "未收受礼品礼金，未在企业兼职取酬。",
            "婚姻家庭稳定，个人收入为工资收入，无投资。",
            "配偶在县人民医院工作，子女在外地就读，均无经商办企业情况。",
            "注重家风建设，经常教育提醒家属廉洁自律。",
            "存在对下级“一把手”监督偏软的问题，下一步将建立常态化谈话提醒机制，2027年3月底前完成。",
        ],
        Submit = true,
        Version = ExampleIds.Version,
    };
}

public sealed record ReviewReportRequest : IRequestExample<ReviewReportRequest>
{
    [Required]
    public ReviewDecision? Decision { get; init; }

    /// <summary>Comment on approval; the reasons when returning.</summary>
    [StringLength(DutyReport.ReviewCommentMaxLength)]
    public string? Comment { get; init; }

    /// <summary>Revision deadline when returning; by default the configured number of working days.</summary>
    public DateOnly? DueOn { get; init; }

    public Guid? Version { get; init; }

    public static ReviewReportRequest Example => new()
    {
        Decision = ReviewDecision.Returned,
        Comment = "对“三重一大”集体决策执行情况表述笼统，未列明具体事项，请补充后重新提交。",
        DueOn = new DateOnly(2026, 12, 16),
        Version = ExampleIds.Version,
    };
}

public sealed record CommentReportRequest : IRequestExample<CommentReportRequest>
{
    [Required]
    [StringLength(DutyReport.CommentMaxLength, MinimumLength = 2)]
    public string? Text { get; init; }

    /// <summary>Problems named in the comment: each becomes a rectification item of the reporting 一把手.</summary>
    [MaxLength(DutyReport.MaxProblemsPerComment)]
    [ItemMaxLength(Rectification.RectificationItem.ProblemMaxLength)]
    public IReadOnlyList<string>? Problems { get; init; }

    public DateOnly? RectifyBy { get; init; }

    public static CommentReportRequest Example => new()
    {
        Text = "述职报告查摆问题不够深入，对巡察反馈问题整改进度说明不充分。",
        Problems = ["巡察反馈的2个问题整改进度滞后", "对下级“一把手”谈心谈话覆盖面不足"],
        RectifyBy = new DateOnly(2027, 3, 31),
    };
}

public sealed record VoteRequest : IRequestExample<VoteRequest>
{
    [Required]
    [Range(0, 1000)]
    public int? Score { get; init; }

    public static VoteRequest Example => new()
    {
        Score = 88,
    };
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
