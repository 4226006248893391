using static Qingfeng.Features.Rectification.RectificationState;

namespace Qingfeng.Features.Rectification;

/// <summary>What can be done to a ledger item (its history keeps <see cref="RectificationAction"/>, what was done).</summary>
public enum RectificationItemAction
{
    /// <summary>Set the rectification measures.</summary>
    Measures = 1,

    /// <summary>Report progress, or claim completion with evidence.</summary>
    Report = 2,

    /// <summary>销号.</summary>
    CloseOut = 3,

    /// <summary>Send a completion claim back.</summary>
    Reject = 4,

    Extend = 5,

    /// <summary>持续整改.</summary>
    LongTerm = 6,
}

/// <summary>
/// A ledger item's lifecycle as data (domain.md 10): the entity checks its moves against it, the service checks the caller, the
/// detail offers the available actions and <c>GET /api/v1/rectification/workflow</c> publishes it. The unit's side (measures,
/// progress) needs <c>SupervisionManage</c>, the supervising office's (close-out, send-back, deadline) <c>RectificationCloseOut</c>;
/// every row is the owning organ's (ADR 0008).
/// </summary>
public static class RectificationWorkflow
{
    /// <summary>Whoever claimed completion does not strike it off (four eyes).</summary>
    public static readonly WorkflowGuard<RectificationItem> NotClaimant =
        new("not-claimant", "Rectification.SelfApproval", (item, actor) => !item.IsClaimedBy(actor.UserId)) { Status = 409 };

    public static readonly WorkflowTable<RectificationItem, RectificationState, RectificationItemAction> Table =
        new WorkflowTableBuilder<RectificationItem, RectificationState, RectificationItemAction>("rectification", i => i.State, Permission.SupervisionManage)
            .Row(RectificationItemAction.Measures, [Open, InProgress, AwaitingCloseOut, LongTerm], null)

            // Open → in progress; a completion claim (with evidence) → awaiting close-out; otherwise the item stays where it is.
            .Row(RectificationItemAction.Report, [Open, InProgress, LongTerm], null)
            .Row(RectificationItemAction.CloseOut, [AwaitingCloseOut], Closed, Permission.RectificationCloseOut, [WorkflowGuards<RectificationItem>.Owner, NotClaimant])
            .Row(RectificationItemAction.Reject, [AwaitingCloseOut], InProgress, Permission.RectificationCloseOut)
            .Row(RectificationItemAction.Extend, [Open, InProgress, AwaitingCloseOut, LongTerm], null, Permission.RectificationCloseOut)
            .Row(RectificationItemAction.LongTerm, [Open, InProgress, AwaitingCloseOut], RectificationState.LongTerm, Permission.RectificationCloseOut)
            .Build();
}
