namespace Qingfeng.Platform.Workflow;

/// <summary>
/// Writes a supervision record's <see cref="WorkflowTable{TRecord, TState, TAction}"/> one row a line: what the rows share (the
/// permission, and the owning-organ guard of ADR 0008) is said once, and each row says only what is its own — the action, the
/// states it starts from, its target, and whatever it does differently (another permission, other guards, its own refusal).
/// </summary>
public sealed class WorkflowTableBuilder<TRecord, TState, TAction>(string name, Func<TRecord, TState> state, Permission permission)
    where TState : struct, Enum
    where TAction : struct, Enum
{
    private static readonly WorkflowGuard<TRecord>[] OwnerOnly = [WorkflowGuards<TRecord>.Owner];

    private readonly List<WorkflowTransition<TRecord, TState, TAction>> _rows = [];

    /// <summary>
    /// Adds the row of <paramref name="action"/>: from <paramref name="from"/> to <paramref name="to"/> (<see langword="null"/> when
    /// the entity decides), with the table's permission unless <paramref name="needs"/> names another, under the owner guard unless
    /// <paramref name="guards"/> lists the row's own, refused with <paramref name="refusal"/> when the state does not admit it.
    /// </summary>
    public WorkflowTableBuilder<TRecord, TState, TAction> Row(
        TAction action,
        IReadOnlyList<TState> from,
        TState? to,
        Permission? needs = null,
        IReadOnlyList<WorkflowGuard<TRecord>>? guards = null,
        string? refusal = null)
    {
        _rows.Add(new(action, from, to, needs ?? permission, guards ?? OwnerOnly, refusal));
        return this;
    }

    public WorkflowTable<TRecord, TState, TAction> Build() => new(name, state, _rows);
}
