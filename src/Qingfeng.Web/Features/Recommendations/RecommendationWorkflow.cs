using static Qingfeng.Features.Recommendations.RecommendationState;

namespace Qingfeng.Features.Recommendations;

/// <summary>What can be done to a recommendation once issued.</summary>
public enum RecommendationAction
{
    /// <summary>Record the unit's written reply (and objection, if any).</summary>
    Reply = 1,

    /// <summary>Record a follow-up check (回头看) that does not find the measures carried out; the state stays.</summary>
    Check = 2,

    /// <summary>Record a satisfactory follow-up check after the reply: it closes the recommendation.</summary>
    Close = 3,

    /// <summary>Record an institutional rule the unit adopted (also after closing).</summary>
    AddRule = 4,

    /// <summary>Record the outcome (problems, clues, funds).</summary>
    RecordOutcome = 5,
}

/// <summary>
/// The lifecycle of a supervision recommendation (纪检监察建议书) as data: issued → replied → closed by a satisfactory check;
/// follow-up checks before closing, rules and outcome at any time. Every row needs <see cref="Permission.SupervisionManage"/>
/// and the owning organ (ADR 0008, 谁建议谁跟踪). Rows whose target is <see langword="null"/> leave the state as it is.
/// </summary>
public static class RecommendationWorkflow
{
    private static readonly RecommendationState[] Any = [Issued, Replied, Closed];

    public static readonly WorkflowTable<Recommendation, RecommendationState, RecommendationAction> Table =
        new WorkflowTableBuilder<Recommendation, RecommendationState, RecommendationAction>("recommendation", r => r.State, Permission.SupervisionManage)
            .Row(RecommendationAction.Reply, [Issued], Replied, refusal: "Recommendation.AlreadyReplied")
            .Row(RecommendationAction.Check, [Issued, Replied], null, refusal: "Recommendation.Closed")
            .Row(RecommendationAction.Close, [Replied], Closed, refusal: "Recommendation.NotReplied")
            .Row(RecommendationAction.AddRule, Any, null)
            .Row(RecommendationAction.RecordOutcome, Any, null)
            .Build();

    /// <summary>The rows a follow-up check passes: every check is a <see cref="RecommendationAction.Check"/>; a satisfactory one also closes.</summary>
    public static IReadOnlyList<RecommendationAction> ForCheck(bool satisfactory) =>
        satisfactory ? [RecommendationAction.Check, RecommendationAction.Close] : [RecommendationAction.Check];
}
