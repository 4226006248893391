using Qingfeng.Platform.Rules;
using Qingfeng.Platform.Security;
using Qingfeng.Platform.Workflow;
using Xunit;

namespace Qingfeng.Tests.Platform.Workflow;

/// <summary>A row of a record kind's lifecycle as its test states it, with the refusal its users know (accountability, recommendations, decision records).</summary>
public sealed record LifecycleRow<TState>(TState[] From, TState? To, string[] Roles, string[] Guards, string Refusal)
    where TState : struct, Enum;

/// <summary>
/// Checks a workflow table against the lifecycle a test writes out: every row as published, every (state, action, role,
/// owning organ or not) cell of what the caller is offered, and the entity's own moves (legal ones land on the target,
/// illegal ones are a 409 with the record kind's refusal and change nothing).
/// </summary>
public static class LifecycleCells
{
    /// <summary>A caller holding exactly <paramref name="role"/>'s permissions, whose organ owns the record or not.</summary>
    public static WorkflowActor ActorFor(string role, bool mayChange) =>
        new(Guid.NewGuid(), Enum.GetValues<Permission>().Where(p => RolePermissions.Grants([role], p)).ToHashSet(), mayChange);

    public static void AssertRows<TRecord, TState, TAction>(WorkflowTable<TRecord, TState, TAction> table, IReadOnlyDictionary<TAction, LifecycleRow<TState>> expected)
        where TState : struct, Enum
        where TAction : struct, Enum
    {
        Assert.Equal(Enum.GetValues<TAction>().Order(), expected.Keys.Order());
        Assert.Equal(expected.Keys.Order(), table.Transitions.Select(t => t.Action).Order());
        foreach (var row in table.Describe())
        {
            var want = expected[Enum.Parse<TAction>(row.Action)];
            Assert.Equal(want.From.Select(s => s.ToString()), row.From);
            Assert.Equal(want.To?.ToString(), row.To);
            Assert.Equal(want.Roles.Order(StringComparer.Ordinal), row.Roles.Order(StringComparer.Ordinal));
            Assert.Equal(want.Guards, row.Guards);
        }
    }

    /// <summary>Every state × action × role × ownership: offered exactly when the state, the role and the owning organ say so.</summary>
    public static void AssertEveryCell<TRecord, TState, TAction>(
        WorkflowTable<TRecord, TState, TAction> table, IReadOnlyDictionary<TAction, LifecycleRow<TState>> expected, Func<TState, TRecord> recordIn)
        where TState : struct, Enum
        where TAction : struct, Enum
    {
        var cells = 0;
        foreach (var state in Enum.GetValues<TState>())
        {
            var record = recordIn(state);
            foreach (var role in Roles.All)
            {
                foreach (var owner in new[] { true, false })
                {
                    var actor = ActorFor(role, owner);
                    foreach (var (action, row) in expected)
                    {
                        var offered = row.From.Contains(state) && row.Roles.Contains(role) && (owner || !row.Guards.Contains("owner"));
                        Assert.True(offered == table.Allows(record, action, actor), $"{action} in {state} for {role} (owner: {owner}) should be {(offered ? "offered" : "refused")}");
                        cells++;
                    }

                    Assert.Equal(
                        expected.Where(e => e.Value.From.Contains(state) && e.Value.Roles.Contains(role) && (owner || !e.Value.Guards.Contains("owner"))).Select(e => e.Key).Order(),
                        table.Available(record, actor).Order());
                }
            }
        }

        Assert.Equal(Enum.GetValues<TState>().Length * Roles.All.Count * 2 * expected.Count, cells);
    }

    /// <summary>
    /// The entity applies the table: from each state of a row it moves to the row's target (or stays, where the row has none);
    /// from every other state it refuses with 409 and <paramref name="refusal"/>'s code, and the state stays.
    /// </summary>
    public static void AssertEntityMoves<TRecord, TState, TAction>(
        IReadOnlyDictionary<TAction, LifecycleRow<TState>> expected,
        Func<TState, TRecord> recordIn,
        Func<TRecord, TState> stateOf,
        Action<TRecord, TAction> act,
        Func<TAction, TState, string>? refusal = null)
        where TState : struct, Enum
        where TAction : struct, Enum
    {
        foreach (var (action, row) in expected)
        {
            foreach (var state in Enum.GetValues<TState>())
            {
                var record = recordIn(state);
                if (row.From.Contains(state))
                {
                    act(record, action);
                    Assert.True(EqualityComparer<TState>.Default.Equals(row.To ?? state, stateOf(record)), $"{action} from {state} should lead to {row.To ?? state}");
                }
                else
                {
                    var error = Assert.Throws<DomainRuleException>(() => act(record, action));
                    Assert.Equal((refusal?.Invoke(action, state) ?? row.Refusal, 409), (error.Code, error.Status));
                    Assert.Equal(state, stateOf(record));
                }
            }
        }
    }
}
