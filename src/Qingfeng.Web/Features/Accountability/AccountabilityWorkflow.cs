using static Qingfeng.Features.Accountability.AccountabilityState;

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
    public static readonly WorkflowTable<AccountabilityDecision, AccountabilityState, AccountabilityAction> Table =
        new WorkflowTableBuilder<AccountabilityDecision, AccountabilityState, AccountabilityAction>("accountability", d => d.State, Permission.AccountabilityManage)
            .Row(AccountabilityAction.Correct, [Decided], Decided, refusal: "Accountability.NotEditable")
            .Row(AccountabilityAction.Execute, [Decided], Executed, refusal: "Accountability.NotDecided")
            .Row(AccountabilityAction.Revoke, [Decided, Executed], Revoked, refusal: "Accountability.AlreadyRevoked")
            .Build();
}
