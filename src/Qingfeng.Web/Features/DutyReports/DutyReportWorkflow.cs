using static Qingfeng.Features.DutyReports.DutyReportState;

namespace Qingfeng.Features.DutyReports;

/// <summary>What can be done to a 述责述廉 report.</summary>
public enum DutyReportAction
{
    /// <summary>Save the answers.</summary>
    Write = 1,

    /// <summary>Submit (or resubmit after a return): review starts at level 1.</summary>
    Submit = 2,

    /// <summary>Approve at the current review level (after the last level the report is approved).</summary>
    Approve = 3,

    /// <summary>Return for revision at the current review level.</summary>
    Return = 4,

    /// <summary>点评.</summary>
    Comment = 5,

    /// <summary>One secret score by a designated scorer.</summary>
    Vote = 6,
}

/// <summary>
/// A report as its workflow sees it: the report, its campaign (review chain, scorers, scoring) and whether the campaign hands the
/// caller's organ its stationed-team review level (<see cref="DutyReportService"/>, ADR 0008).
/// </summary>
public sealed record DutyReportContext(DutyReport Report, DutyReportCampaign Campaign, bool ReviewAssigned);

/// <summary>
/// A report's lifecycle as data (Draft → UnderReview → Approved, any level may return it → Returned → UnderReview): the entity
/// checks its moves against it, the service checks the caller, the detail offers the available actions and
/// <c>GET /api/v1/duty-reports/workflow</c> publishes it. A report belongs to its campaign's organ; the review rows also admit the
/// stationed team the campaign hands its level to, and only at the level whose role the caller holds.
/// </summary>
public static class DutyReportWorkflow
{
    /// <summary>The owning-organ rule of the review rows: the campaign's organ, or the stationed team its review level is handed to.</summary>
    public static readonly WorkflowGuard<DutyReportContext> OwnerOrAssignedLevel =
        new("owner-or-assigned-level", "Supervision.NotOwningOrgan", (c, actor) => actor.MayChange || c.ReviewAssigned);

    /// <summary>The report waits at a level whose role the caller holds.</summary>
    public static readonly WorkflowGuard<DutyReportContext> LevelRole =
        new("level-role", "DutyReport.NotThisLevel", (c, actor) => c.Report.IsReviewLevelOf(c.Campaign, actor.Roles))
        {
            Arguments = (c, _) => [c.Campaign.LevelNames[c.Report.Level]],
        };

    /// <summary>Nobody reviews one round at two levels.</summary>
    public static readonly WorkflowGuard<DutyReportContext> OneLevelPerRound =
        new("one-level-per-round", "DutyReport.TwoLevels", (c, actor) => !c.Report.HasReviewedThisRound(actor.UserId)) { Status = 409 };

    public static readonly WorkflowGuard<DutyReportContext> ScoringOpen =
        new("scoring-open", "DutyReport.ScoringClosed", (c, _) => !c.Campaign.ScoringClosed) { Status = 409 };

    public static readonly WorkflowGuard<DutyReportContext> Scorer =
        new("scorer", "DutyReport.NotScorer", (c, actor) => c.Campaign.IsScorer(actor.UserId));

    public static readonly WorkflowGuard<DutyReportContext> NotVoted =
        new("not-voted", "DutyReport.AlreadyVoted", (c, actor) => !c.Report.HasVoted(actor.UserId)) { Status = 409 };

    private static readonly WorkflowGuard<DutyReportContext> Owner = WorkflowGuards<DutyReportContext>.Owner;

    public static readonly WorkflowTable<DutyReportContext, DutyReportState, DutyReportAction> Table =
        new WorkflowTableBuilder<DutyReportContext, DutyReportState, DutyReportAction>("duty-report", c => c.Report.State, Permission.SupervisionManage)
            .Row(DutyReportAction.Write, [Draft, Returned], null)
            .Row(DutyReportAction.Submit, [Draft, Returned], UnderReview)

            // The last level approves the report; every other level passes it to the next.
            .Row(DutyReportAction.Approve, [UnderReview], null, Permission.DutyReportReview, [OwnerOrAssignedLevel, LevelRole, OneLevelPerRound])
            .Row(DutyReportAction.Return, [UnderReview], Returned, Permission.DutyReportReview, [OwnerOrAssignedLevel, LevelRole, OneLevelPerRound])
            .Row(DutyReportAction.Comment, [Draft, UnderReview, Returned, Approved], null, Permission.DutyReportReview)
            .Row(DutyReportAction.Vote, [Approved], null, Permission.SupervisionRead, [Owner, ScoringOpen, Scorer, NotVoted])
            .Build();
}
