using Qingfeng.Platform.Rules;
using Qingfeng.Platform.Security;
using Qingfeng.Platform.Workflow;
using Xunit;

namespace Qingfeng.Tests.Platform.Workflow;

/// <summary>The shared workflow kernel on a small table of its own: what it offers, what it refuses and with which code, what it publishes.</summary>
public sealed class WorkflowTableTests
{
    private enum DoorState
    {
        Open = 1,
        Shut = 2,
        Locked = 3,
    }

    private enum DoorAction
    {
        Shut = 1,
        Lock = 2,
        Open = 3,
    }

    private sealed class Door(DoorState state, bool hasKey = true)
    {
        public DoorState State { get; } = state;

        public bool HasKey { get; } = hasKey;
    }

    private static readonly WorkflowGuard<Door> KeyGuard = new("key", "Door.NoKey", (door, _) => door.HasKey);

    private static readonly WorkflowTable<Door, DoorState, DoorAction> Table = new("door", d => d.State,
    [
        new(DoorAction.Shut, [DoorState.Open], DoorState.Shut, Permission.SupervisionManage, [WorkflowGuards<Door>.Owner]),
        new(DoorAction.Lock, [DoorState.Shut], DoorState.Locked, Permission.RectificationCloseOut, [WorkflowGuards<Door>.Owner, KeyGuard]),
        new(DoorAction.Open, [DoorState.Shut, DoorState.Locked], null, Permission.SupervisionManage, []),
    ]);

    /// <summary>A caller holding <paramref name="roles"/> (the supervision office: both permissions; the stationed team: only <c>SupervisionManage</c>).</summary>
    private static WorkflowActor Actor(bool mayChange, params string[] roles) => new(Guid.NewGuid(), roles.ToHashSet(), mayChange);

    [Fact]
    public void A_table_without_a_row_for_every_action_is_refused_when_built()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new WorkflowTable<Door, DoorState, DoorAction>("door", d => d.State,
            [new(DoorAction.Shut, [DoorState.Open], DoorState.Shut, Permission.SupervisionManage, [])]));
        Assert.Contains("Lock", error.Message, StringComparison.Ordinal);
        Assert.Contains("Open", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_caller_is_offered_exactly_the_actions_whose_state_permission_and_guards_hold()
    {
        var manager = Actor(mayChange: true, Roles.SupervisionOffice);
        Assert.Equal([DoorAction.Lock, DoorAction.Open], Table.Available(new Door(DoorState.Shut), manager));
        Assert.Equal([DoorAction.Open], Table.Available(new Door(DoorState.Shut, hasKey: false), manager));
        Assert.Equal([DoorAction.Open], Table.Available(new Door(DoorState.Shut), Actor(mayChange: false, Roles.SupervisionOffice)));
        Assert.Equal([DoorAction.Open], Table.Available(new Door(DoorState.Shut), Actor(mayChange: true, Roles.StationedTeam)));
        Assert.Equal([DoorAction.Shut], Table.Available(new Door(DoorState.Open), manager));
        Assert.Empty(Table.Available(new Door(DoorState.Open), Actor(mayChange: true)));
    }

    [Fact]
    public void A_move_the_state_does_not_admit_is_a_conflict_naming_action_and_state()
    {
        var error = Assert.Throws<DomainRuleException>(() => Table.EnsureLegal(new Door(DoorState.Open), DoorAction.Lock));
        Assert.Equal("Workflow.IllegalMove", error.Code);
        Assert.Equal(409, error.Status);
        Assert.Equal(["Lock", "Open"], error.Arguments.Select(a => a.ToString()));
        Assert.Equal(DoorState.Locked, Table.EnsureLegal(new Door(DoorState.Shut), DoorAction.Lock));
        Assert.Null(Table.EnsureLegal(new Door(DoorState.Locked), DoorAction.Open));
    }

    [Fact]
    public void A_row_with_its_own_refusal_code_refuses_an_illegal_move_with_that_code_and_still_as_a_conflict()
    {
        var table = new WorkflowTable<Door, DoorState, DoorAction>("door", d => d.State,
        [
            new(DoorAction.Shut, [DoorState.Open], DoorState.Shut, Permission.SupervisionManage, [], "Door.AlreadyShut"),
            new(DoorAction.Lock, [DoorState.Shut], DoorState.Locked, Permission.SupervisionManage, []),
            new(DoorAction.Open, [DoorState.Shut, DoorState.Locked], null, Permission.SupervisionManage, []),
        ]);

        var own = Assert.Throws<DomainRuleException>(() => table.EnsureLegal(new Door(DoorState.Locked), DoorAction.Shut));
        Assert.Equal(("Door.AlreadyShut", 409), (own.Code, own.Status));
        Assert.Empty(own.Arguments);
        var viaService = Assert.Throws<DomainRuleException>(() => table.Ensure(new Door(DoorState.Shut), DoorAction.Shut, Actor(mayChange: true, Roles.StationedTeam)));
        Assert.Equal(("Door.AlreadyShut", 409), (viaService.Code, viaService.Status));

        var generic = Assert.Throws<DomainRuleException>(() => table.EnsureLegal(new Door(DoorState.Open), DoorAction.Lock));
        Assert.Equal("Workflow.IllegalMove", generic.Code);
    }

    [Fact]
    public void The_service_check_refuses_state_then_permission_then_each_guard_with_its_own_code()
    {
        var all = Actor(mayChange: true, Roles.SupervisionOffice);
        Assert.Equal(409, Assert.Throws<DomainRuleException>(() => Table.Ensure(new Door(DoorState.Open), DoorAction.Lock, all)).Status);

        var noPermission = Assert.Throws<DomainRuleException>(() => Table.Ensure(new Door(DoorState.Shut), DoorAction.Lock, Actor(mayChange: true, Roles.StationedTeam)));
        Assert.Equal(("Supervision.NotPermitted", 403), (noPermission.Code, noPermission.Status));

        var notOwner = Assert.Throws<DomainRuleException>(() => Table.Ensure(new Door(DoorState.Shut), DoorAction.Lock, Actor(mayChange: false, Roles.SupervisionOffice)));
        Assert.Equal(("Supervision.NotOwningOrgan", 403), (notOwner.Code, notOwner.Status));

        var noKey = Assert.Throws<DomainRuleException>(() => Table.Ensure(new Door(DoorState.Shut, hasKey: false), DoorAction.Lock, all));
        Assert.Equal(("Door.NoKey", 403), (noKey.Code, noKey.Status));

        Table.Ensure(new Door(DoorState.Shut), DoorAction.Lock, all);
    }

    [Fact]
    public void The_published_table_names_states_permission_roles_and_guards_of_every_row()
    {
        var rows = Table.Describe();
        Assert.Equal(["Shut", "Lock", "Open"], rows.Select(r => r.Action));
        var lockRow = rows[1];
        Assert.Equal(["Shut"], lockRow.From);
        Assert.Equal("Locked", lockRow.To);
        Assert.Equal("RectificationCloseOut", lockRow.Permission);
        Assert.Equal(RolePermissions.RolesFor(Permission.RectificationCloseOut), lockRow.Roles);
        Assert.Equal(["owner", "key"], lockRow.Guards);
        Assert.Null(rows[2].To);
    }

    [Fact]
    public void A_table_built_row_by_row_gives_each_row_the_shared_permission_and_the_owner_guard_unless_the_row_names_its_own()
    {
        var built = new WorkflowTableBuilder<Door, DoorState, DoorAction>("door", d => d.State, Permission.SupervisionManage)
            .Row(DoorAction.Shut, [DoorState.Open], DoorState.Shut, refusal: "Door.AlreadyShut")
            .Row(DoorAction.Lock, [DoorState.Shut], DoorState.Locked, Permission.RectificationCloseOut, [WorkflowGuards<Door>.Owner, KeyGuard])
            .Row(DoorAction.Open, [DoorState.Shut, DoorState.Locked], null, guards: [])
            .Build();

        Assert.Equal(
            Table.Describe().Select(r => (r.Action, string.Join(",", r.From), r.To, r.Permission, string.Join(",", r.Guards))),
            built.Describe().Select(r => (r.Action, string.Join(",", r.From), r.To, r.Permission, string.Join(",", r.Guards))));
        Assert.Equal(["Door.AlreadyShut", null, null], built.Transitions.Select(t => t.Refusal));
        Assert.Equal(DoorState.Locked, built.StateOf(new Door(DoorState.Locked)));
    }

    [Fact]
    public void A_guard_may_refuse_with_its_own_status_and_arguments_and_may_read_the_callers_roles()
    {
        var porter = new WorkflowGuard<Door>("porter", "Door.NotPorter", (_, actor) => actor.Roles.Contains("porter"))
        {
            Status = 409,
            Arguments = (door, _) => [door.State, "porter"],
        };
        var table = new WorkflowTable<Door, DoorState, DoorAction>("door", d => d.State,
        [
            new(DoorAction.Shut, [DoorState.Open], DoorState.Shut, Permission.SupervisionManage, [porter]),
            new(DoorAction.Lock, [DoorState.Shut], DoorState.Locked, Permission.SupervisionManage, []),
            new(DoorAction.Open, [DoorState.Shut], DoorState.Open, Permission.SupervisionManage, []),
        ]);
        var user = new UserContext(Guid.NewGuid(), "u", "u", null, null, new HashSet<string> { Roles.SupervisionOffice }, null);
        var actor = WorkflowActor.For(user, mayChange: true);
        Assert.Equal(user.Roles, actor.Roles);
        Assert.True(actor.Has(Permission.SupervisionManage));
        Assert.False(actor.Has(Permission.AccountabilityManage));

        var refused = Assert.Throws<DomainRuleException>(() => table.Ensure(new Door(DoorState.Open), DoorAction.Shut, actor));
        Assert.Equal(("Door.NotPorter", 409), (refused.Code, refused.Status));
        Assert.Equal([DoorState.Open, (object)"porter"], refused.Arguments);

        table.Ensure(new Door(DoorState.Open), DoorAction.Shut, actor with { Roles = new HashSet<string> { Roles.SupervisionOffice, "porter" } });
    }

    [Fact]
    public void The_state_alone_may_be_checked_and_the_refusal_carries_action_and_state_as_values_for_their_labels()
    {
        Assert.Equal(DoorState.Locked, Table.EnsureLegalFrom(DoorState.Shut, DoorAction.Lock));
        var error = Assert.Throws<DomainRuleException>(() => Table.EnsureLegalFrom(DoorState.Locked, DoorAction.Lock));
        Assert.Equal([DoorAction.Lock, (object)DoorState.Locked], error.Arguments);
    }
}
