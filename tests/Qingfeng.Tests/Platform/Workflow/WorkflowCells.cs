using Qingfeng.Platform.Rules;
using Qingfeng.Platform.Security;
using Qingfeng.Platform.Workflow;
using Xunit;

namespace Qingfeng.Tests.Platform.Workflow;

/// <summary>
/// A row as a record kind's test expects it: the states it starts from, its target, the roles that may take it, its guards, and
/// the refusal its users know when the state does not admit it (<see langword="null"/>: the generic <c>Workflow.IllegalMove</c>).
/// </summary>
internal sealed record ExpectedRow<TState>(TState[] From, TState? To, string[] Roles, string[] Guards, string? Refusal = null)
    where TState : struct, Enum;

/// <summary>
/// Checks a workflow table against the table a test writes out: row by row, then every (state, action, role) cell — for each
/// record the test builds (every state, with the variants its guards need), each single-role caller, whose organ may or may not
/// change the record, and each user the guards care about — offered exactly when the test's own rule says so, and refused by the
/// service check exactly then; and the entity's own moves.
/// </summary>
internal static class WorkflowCells
{
    /// <summary>A caller holding exactly <paramref name="role"/>, whose organ may change the record or not.</summary>
    public static WorkflowActor Actor(string role, bool mayChange, Guid userId) => new(userId, new HashSet<string> { role }, mayChange);

    public static void RowsAre<TRecord, TState, TAction>(WorkflowTable<TRecord, TState, TAction> table, IReadOnlyDictionary<TAction, ExpectedRow<TState>> expected)
        where TState : struct, Enum
        where TAction : struct, Enum
    {
        Assert.Equal(Enum.GetValues<TAction>(), table.Transitions.Select(t => t.Action));
        Assert.Equal(Enum.GetValues<TAction>().Order(), expected.Keys.Order());
        foreach (var row in table.Transitions)
        {
            var e = expected[row.Action];
            Assert.Equal(e.From, row.From);
            Assert.Equal(e.To, row.To);
            Assert.Equal(e.Roles.Order(StringComparer.Ordinal), RolePermissions.RolesFor(row.Permission).Order(StringComparer.Ordinal));
            Assert.Equal(e.Guards, row.Guards.Select(g => g.Name));
            Assert.Equal(e.Refusal, row.Refusal);
        }
    }

    /// <summary>
    /// Every cell of a table whose only guard is the owning organ's: one record in each state (<paramref name="recordIn"/>), offered
    /// exactly when the state and the role admit the action and the caller's organ may change the record (or the row needs no owner).
    /// </summary>
    /// <returns>The number of cells checked.</returns>
    public static int EveryCell<TRecord, TState, TAction>(
        WorkflowTable<TRecord, TState, TAction> table, IReadOnlyDictionary<TAction, ExpectedRow<TState>> expected, Func<TState, TRecord> recordIn)
        where TState : struct, Enum
        where TAction : struct, Enum
        => EveryCell(table, expected, [.. Enum.GetValues<TState>().Select(recordIn)], [Guid.NewGuid()],
            (_, action, actor) => actor.MayChange || !expected[action].Guards.Contains("owner"));

    /// <returns>The number of cells checked.</returns>
    public static int EveryCell<TRecord, TState, TAction>(
        WorkflowTable<TRecord, TState, TAction> table,
        IReadOnlyDictionary<TAction, ExpectedRow<TState>> expected,
        IReadOnlyList<TRecord> records,
        IReadOnlyList<Guid> users,
        Func<TRecord, TAction, WorkflowActor, bool> guardsHold)
        where TState : struct, Enum
        where TAction : struct, Enum
    {
        Assert.Equal(Enum.GetValues<TState>().Order(), records.Select(table.StateOf).Distinct().Order());
        var cells = 0;
        foreach (var record in records)
        {
            var state = table.StateOf(record);
            foreach (var role in Roles.All)
            {
                foreach (var mayChange in new[] { true, false })
                {
                    foreach (var user in users)
                    {
                        var actor = Actor(role, mayChange, user);
                        var offered = table.Available(record, actor);
                        foreach (var action in Enum.GetValues<TAction>())
                        {
                            var e = expected[action];
                            var want = e.From.Contains(state) && e.Roles.Contains(role) && guardsHold(record, action, actor);
                            var cell = $"{action} in {state} by {role} (may change: {mayChange}, user {users.ToList().IndexOf(user)})";
                            Assert.True(want == offered.Contains(action), cell + (want ? " should be offered" : " should not be offered"));
                            var refusal = Record.Exception(() => table.Ensure(record, action, actor));
                            Assert.True(want == refusal is null, cell + ": the service check disagrees with the offer");
                            if (refusal is not null)
                            {
                                Assert.IsType<DomainRuleException>(refusal);
                            }

                            cells++;
                        }
                    }
                }
            }
        }

        return cells;
    }

    /// <summary>
    /// The entity refuses every move its state does not admit (409 with the row's own refusal, else <c>Workflow.IllegalMove</c>
    /// naming action and state; <paramref name="refusal"/> where the test knows better) and the state stays; it takes every other
    /// move to the row's target, where the row names none to what <paramref name="decided"/> says (else it stays).
    /// </summary>
    public static void EntityFollows<TRecord, TState, TAction>(
        WorkflowTable<TRecord, TState, TAction> table,
        Func<TState, TRecord> at,
        Action<TRecord, TAction> take,
        Func<TAction, TState, TState>? decided = null,
        Func<TAction, TState, string?>? refusal = null)
        where TState : struct, Enum
        where TAction : struct, Enum
    {
        foreach (var state in Enum.GetValues<TState>())
        {
            foreach (var row in table.Transitions)
            {
                var record = at(state);
                if (!row.From.Contains(state))
                {
                    var error = Assert.Throws<DomainRuleException>(() => take(record, row.Action));
                    var code = refusal?.Invoke(row.Action, state) ?? row.Refusal ?? "Workflow.IllegalMove";
                    Assert.Equal((code, 409), (error.Code, error.Status));
                    if (code == "Workflow.IllegalMove")
                    {
                        Assert.Equal([row.Action, (object)state], error.Arguments);
                    }

                    Assert.Equal(state, table.StateOf(record));
                    continue;
                }

                take(record, row.Action);
                var target = row.To ?? decided?.Invoke(row.Action, state) ?? state;
                Assert.True(target.Equals(table.StateOf(record)), $"{row.Action} from {state} should lead to {target}, not {table.StateOf(record)}");
            }
        }
    }
}
