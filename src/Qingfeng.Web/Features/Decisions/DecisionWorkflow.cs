namespace Qingfeng.Features.Decisions;

/// <summary>
/// The one state of a 三重一大 decision record: kept by its organ and open to correction, each save re-running the checks.
/// It is not stored (the record has no lifecycle yet); the workflow table reads it so that decision records stand on the
/// same rails as every other record and a later state (e.g. archived) is one more value and row.
/// </summary>
public enum DecisionRecordState
{
    Kept = 1,
}

/// <summary>What can be done to a decision record once made.</summary>
public enum DecisionAction
{
    /// <summary>Correct the record (PUT, with the version read); the checks run again.</summary>
    Correct = 1,
}

/// <summary>The decision record's workflow as data: correcting it needs <see cref="Permission.SupervisionManage"/> and the owning organ (ADR 0008).</summary>
public static class DecisionWorkflow
{
    public static readonly WorkflowTable<DecisionRecord, DecisionRecordState, DecisionAction> Table =
        new WorkflowTableBuilder<DecisionRecord, DecisionRecordState, DecisionAction>("decision", _ => DecisionRecordState.Kept, Permission.SupervisionManage)
            .Row(DecisionAction.Correct, [DecisionRecordState.Kept], DecisionRecordState.Kept)
            .Build();
}
