using Qingfeng.Features.Supervision;

namespace Qingfeng.Features.DutyReports;

public enum ReportMode
{
    OnSite,
    Written,
}

/// <summary>The report's life: drafted, reviewed level by level (any level may return it), approved, then scored.</summary>
public enum DutyReportState
{
    Draft,
    UnderReview,
    Returned,
    Approved,
}

public enum ReviewDecision
{
    Approved,
    Returned,
}

/// <summary>
/// One 一把手's 述责述廉 report in a campaign. The text answers the campaign's template item by item; submission starts the joint
/// review at level 1; each level approves (the last one approves the report) or returns it with reasons and a revision deadline;
/// a revised report starts again at level 1, so every level sees the text it approves. Nobody reviews one round at two levels.
/// Scores are secret: only the count and the sum are kept (<see cref="Vote"/>), never a single ballot, so no read — not even of the
/// database — links a voter to a score; who voted is kept apart to allow one vote each.
/// </summary>
public sealed class DutyReport : Entity, ISupervisedRecord
{
    public const int AnswerMaxLength = 4000;
    public const int MaxAnswers = 50;
    public const int CommentMaxLength = 2000;
    public const int ReviewCommentMaxLength = 1000;
    public const int MaxProblemsPerComment = 20;

    private DutyReport()
    {
    }

    internal DutyReport(DutyReportCampaign campaign, SupervisedSubject subject, ReportMode mode)
    {
        if (subject.OfficialId is null)
        {
            throw DomainRuleException.NotFound("Supervision.OfficialNotFound");
        }

        CampaignId = campaign.Id;
        Subject = subject.WithOfficialTexts() with { IsPrincipal = false, LeaderCategory = null };
        Mode = mode;
        Answers = [.. campaign.TemplateItems.Select(_ => "")];
    }

    public Guid CampaignId { get; private set; }

    /// <summary>The official who reports, with unit and position (kept in the <c>Position</c> column).</summary>
    public SupervisedSubject Subject { get; private set; } = null!;

    public ReportMode Mode { get; private set; }

    public DutyReportState State { get; private set; }

    /// <summary>The review level (0-based) the report waits at while under review.</summary>
    public int Level { get; private set; }

    /// <summary>The review round: 1 for the first submission, +1 for each resubmission.</summary>
    public int Round { get; private set; }

    public List<string> Answers { get; private set; } = [];

    public DateOnly? RevisionDueOn { get; private set; }

    public string? ReturnReason { get; private set; }

    public int? ReturnedAtLevel { get; private set; }

    public int VoteCount { get; private set; }

    public int ScoreSum { get; private set; }

    public List<DutyReportReview> Reviews { get; private set; } = [];

    public List<DutyReportComment> Comments { get; private set; } = [];

    public List<DutyReportVoter> Voters { get; private set; } = [];

    /// <summary>Saves the answers (while a draft or returned for revision).</summary>
    public void Write(IReadOnlyList<string?> answers)
    {
        Move(DutyReportAction.Write);

        if (answers.Count != Answers.Count)
        {
            throw new DomainRuleException("DutyReport.AnswerCount", Answers.Count);
        }

        Answers = [.. answers.Select(a => InputRules.RequiredText(a, AnswerMaxLength, "Answers"))];
    }

    /// <summary>Submits a draft, or resubmits a returned report: review starts at level 1. Every item must be answered.</summary>
    public void Submit()
    {
        var target = Move(DutyReportAction.Submit);

        var missing = Answers.FindIndex(string.IsNullOrWhiteSpace);
        if (missing >= 0)
        {
            throw new DomainRuleException("DutyReport.ItemMissing", missing + 1);
        }

        State = target;
        Level = 0;
        Round++;
        RevisionDueOn = null;
    }

    /// <summary>The reviewer at the current level approves; after the last level the report is approved.</summary>
    public void Approve(DutyReportCampaign campaign, SupervisionActor reviewer, IReadOnlySet<string> roles, string? comment, DateTimeOffset at)
    {
        CheckReviewer(DutyReportAction.Approve, campaign, reviewer, roles);
        Reviews.Add(new DutyReportReview(Id, Round, Level, campaign.LevelNames[Level], reviewer, ReviewDecision.Approved, InputRules.RequiredText(comment, ReviewCommentMaxLength), null, at));
        if (Level == campaign.LevelNames.Count - 1)
        {
            State = DutyReportState.Approved;
        }
        else
        {
            Level++;
        }
    }

    /// <summary>The reviewer at the current level returns the report for revision, with reasons and a deadline.</summary>
    public void Return(DutyReportCampaign campaign, SupervisionActor reviewer, IReadOnlySet<string> roles, string reason, DateOnly dueOn, DateTimeOffset at)
    {
        var target = CheckReviewer(DutyReportAction.Return, campaign, reviewer, roles);
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainRuleException("DutyReport.ReasonRequired");
        }

        if (dueOn < ChinaTime.DateOf(at))
        {
            throw new DomainRuleException("DutyReport.DueInPast");
        }

        Reviews.Add(new DutyReportReview(Id, Round, Level, campaign.LevelNames[Level], reviewer, ReviewDecision.Returned, InputRules.RequiredText(reason, ReviewCommentMaxLength), dueOn, at));
        State = target;
        ReturnedAtLevel = Level;
        ReturnReason = InputRules.RequiredText(reason, ReviewCommentMaxLength);
        RevisionDueOn = dueOn;
    }

    /// <summary>A comment (点评) by a leader or reviewer; the problems it names become rectification items (opened by the service).</summary>
    public DutyReportComment Comment(SupervisionActor author, string text, DateTimeOffset at)
    {
        Move(DutyReportAction.Comment);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new DomainRuleException("DutyReport.CommentRequired");
        }

        var comment = new DutyReportComment(Id, author, InputRules.RequiredText(text, CommentMaxLength), at);
        Comments.Add(comment);
        return comment;
    }

    /// <summary>One secret vote by a designated scorer on an approved report, while scoring is open.</summary>
    public void Vote(DutyReportCampaign campaign, Guid voterId, int score)
    {
        Move(DutyReportAction.Vote);

        if (campaign.ScoringClosed)
        {
            throw DomainRuleException.Conflict("DutyReport.ScoringClosed");
        }

        if (!campaign.IsScorer(voterId))
        {
            throw DomainRuleException.Forbidden("DutyReport.NotScorer");
        }

        if (score < 0 || score > campaign.ScaleMax)
        {
            throw new DomainRuleException("DutyReport.ScoreRange", campaign.ScaleMax);
        }

        if (HasVoted(voterId))
        {
            throw DomainRuleException.Conflict("DutyReport.AlreadyVoted");
        }

        Voters.Add(new DutyReportVoter(Id, voterId));
        VoteCount++;
        ScoreSum += score;
    }

    /// <summary>The mean score, to two decimals, once scoring is closed and enough votes are in; otherwise null.</summary>
    public decimal? MeanScore(DutyReportCampaign campaign) =>
        campaign.ScoringClosed && VoteCount >= campaign.MinimumVotes ? Math.Round((decimal)ScoreSum / VoteCount, 2, MidpointRounding.AwayFromZero) : null;

    public bool IsRevisionOverdue(DateOnly today) => State == DutyReportState.Returned && RevisionDueOn < today;

    /// <summary>Whether <paramref name="roles"/> hold the role of the level the report waits at (<see cref="DutyReportWorkflow.LevelRole"/>).</summary>
    public bool IsReviewLevelOf(DutyReportCampaign campaign, IReadOnlySet<string> roles) => roles.Contains(campaign.LevelRoles[Level]);

    /// <summary>Whether <paramref name="userId"/> already reviewed the current round at some level.</summary>
    public bool HasReviewedThisRound(Guid userId) => Reviews.Any(r => r.Round == Round && r.ReviewerId == userId);

    public bool HasVoted(Guid userId) => Voters.Any(v => v.UserId == userId);

    /// <summary>Checks <paramref name="action"/> against <see cref="DutyReportWorkflow.Table"/>; returns the state the report moves to (its own when the row keeps it or the step decides).</summary>
    private DutyReportState Move(DutyReportAction action) => DutyReportWorkflow.Table.EnsureLegalFrom(State, action) ?? State;

    private DutyReportState CheckReviewer(DutyReportAction action, DutyReportCampaign campaign, SupervisionActor reviewer, IReadOnlySet<string> roles)
    {
        var target = Move(action);
        if (!IsReviewLevelOf(campaign, roles))
        {
            throw DomainRuleException.Forbidden("DutyReport.NotThisLevel", campaign.LevelNames[Level]);
        }

        if (HasReviewedThisRound(reviewer.UserId))
        {
            throw DomainRuleException.Conflict("DutyReport.TwoLevels");
        }

        return target;
    }
}

/// <summary>One review step: the level, the reviewer, approved or returned (with reasons and a revision deadline).</summary>
public sealed class DutyReportReview : ChildRow
{
    private DutyReportReview()
    {
    }

    internal DutyReportReview(Guid reportId, int round, int level, string levelName, SupervisionActor reviewer, ReviewDecision decision, string? comment, DateOnly? dueOn, DateTimeOffset at)
    {
        ReportId = reportId;
        Round = round;
        Level = level;
        LevelName = levelName;
        ReviewerId = reviewer.UserId;
        ReviewerName = reviewer.Name;
        Decision = decision;
        Comment = comment;
        DueOn = dueOn;
        At = at;
    }

    public Guid ReportId { get; private set; }

    public int Round { get; private set; }

    public int Level { get; private set; }

    public string LevelName { get; private set; } = "";

    public Guid ReviewerId { get; private set; }

    public string ReviewerName { get; private set; } = "";

    public ReviewDecision Decision { get; private set; }

    public string? Comment { get; private set; }

    public DateOnly? DueOn { get; private set; }

    public DateTimeOffset At { get; private set; }
}

/// <summary>A comment (点评) on a report; the rectification items opened from the problems it names.</summary>
public sealed class DutyReportComment : ChildRow
{
    private DutyReportComment()
    {
    }

    internal DutyReportComment(Guid reportId, SupervisionActor author, string text, DateTimeOffset at)
    {
        ReportId = reportId;
        AuthorName = author.Name;
        Text = text;
        At = at;
    }

    public Guid ReportId { get; private set; }

    public string AuthorName { get; private set; } = "";

    public string Text { get; private set; } = "";

    public DateTimeOffset At { get; private set; }

    public List<Guid> RectificationItemIds { get; private set; } = [];
}

/// <summary>That a scorer has voted on a report — never what they scored.</summary>
public sealed class DutyReportVoter : ChildRow
{
    private DutyReportVoter()
    {
    }

    internal DutyReportVoter(Guid reportId, Guid userId)
    {
        ReportId = reportId;
        UserId = userId;
    }

    public Guid ReportId { get; private set; }

    public Guid UserId { get; private set; }
}
