using Qingfeng.Platform.Security;
using Qingfeng.Platform.Workflow;

namespace Qingfeng.Features.Accountability;

/// <summary>What can be done to an accountability decision once recorded.</summary>
public enum AccountabilityAction
{
    /// <summary>Correct the facts of a decision not yet carried out (PUT, with the version read).</summary>
    Correct = 1,

    /// <summary>Record that it was carried out (检查 received, 通报 issued, measure executed).</summary>
    Execute = 2,

    /// <summary>Revoke it (e.g. on appeal); its impact period ends.</summary>
    Revoke = 3,
}

/// <summary>
/// The lifecycle of an accountability decision (问责决定) as data: decided → carried out, and revoked from either. Every row
/// needs <see cref="Permission.AccountabilityManage"/> and the owning organ (ADR 0008); each keeps the refusal its users
/// already knew.
/// </summary>
public static class AccountabilityWorkflow
{
    public static readonly WorkflowTable<AccountabilityDecision, AccountabilityState, AccountabilityAction> Table = new("accountability", d => d.State,
    [
        new(AccountabilityAction.Correct, [AccountabilityState.Decided], AccountabilityState.Decided, Permission.AccountabilityManage,
            [WorkflowGuards<AccountabilityDecision>.Owner], "Accountability.NotEditable"),
        new(AccountabilityAction.Execute, [AccountabilityState.Decided], AccountabilityState.Executed, Permission.AccountabilityManage,
            [WorkflowGuards<AccountabilityDecision>.Owner], "Accountability.NotDecided"),
        new(AccountabilityAction.Revoke, [AccountabilityState.Decided, AccountabilityState.Executed], AccountabilityState.Revoked, Permission.AccountabilityManage,
            [WorkflowGuards<AccountabilityDecision>.Owner], "Accountability.AlreadyRevoked"),
    ]);
}
