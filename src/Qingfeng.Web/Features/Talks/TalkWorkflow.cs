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

    public static readonly WorkflowTable<Talk, TalkState, TalkAction> Table =
        new WorkflowTableBuilder<Talk, TalkState, TalkAction>("talk", t => t.State, Permission.SupervisionManage)
            .Row(TalkAction.Replan, [Planned], null)
            .Row(TalkAction.SetOutline, [Planned, Held], null)
            .Row(TalkAction.Hold, [Planned], Held)
            .Row(TalkAction.AddFollowUps, [Held], null)
            .Row(TalkAction.RecordPledge, [Held], null, guards: [WorkflowGuards<Talk>.Owner, Summons])
            .Row(TalkAction.Close, [Held], Closed)
            .Row(TalkAction.Cancel, [Planned], Cancelled)
            .Row(TalkAction.RecordOutcome, [Held, Closed], null)
            .Build();
}
