using Qingfeng.Platform.Security;
using Qingfeng.Platform.Workflow;
using static Qingfeng.Features.Talks.TalkState;

namespace Qingfeng.Features.Talks;

/// <summary>What can be done to a talk; the names are what the detail answers in <c>Actions</c> and the API publishes.</summary>
public enum TalkAction
{
    Replan = 1,
    SetOutline = 2,
    Hold = 3,
    AddFollowUps = 4,
    RecordPledge = 5,
    Close = 6,
    Cancel = 7,
    RecordOutcome = 8,
}

/// <summary>
/// A talk's lifecycle as data (Planned → Held → Closed, or Planned → Cancelled): the entity checks its moves against it, the
/// service checks the caller, the detail offers <see cref="WorkflowTable{TRecord, TState, TAction}.Available"/>, and
/// <c>GET /api/v1/talks/workflow</c> publishes it. Every row is the owning organ's (ADR 0008) with <c>SupervisionManage</c>.
/// </summary>
public static class TalkWorkflow
{
    /// <summary>A 廉政承诺书 is due only after a 约谈.</summary>
    public static readonly WorkflowGuard<Talk> Summons = new("summons", "Talks.PledgeOnlyForSummons", (talk, _) => talk.TakesPledge) { Status = 422 };

    private static readonly WorkflowGuard<Talk>[] Owner = [WorkflowGuards<Talk>.Owner];

    public static readonly WorkflowTable<Talk, TalkState, TalkAction> Table = new("talk", t => t.State,
    [
        new(TalkAction.Replan, [Planned], null, Permission.SupervisionManage, Owner),
        new(TalkAction.SetOutline, [Planned, Held], null, Permission.SupervisionManage, Owner),
        new(TalkAction.Hold, [Planned], Held, Permission.SupervisionManage, Owner),
        new(TalkAction.AddFollowUps, [Held], null, Permission.SupervisionManage, Owner),
        new(TalkAction.RecordPledge, [Held], null, Permission.SupervisionManage, [WorkflowGuards<Talk>.Owner, Summons]),
        new(TalkAction.Close, [Held], Closed, Permission.SupervisionManage, Owner),
        new(TalkAction.Cancel, [Planned], Cancelled, Permission.SupervisionManage, Owner),
        new(TalkAction.RecordOutcome, [Held, Closed], null, Permission.SupervisionManage, Owner),
    ]);
}
