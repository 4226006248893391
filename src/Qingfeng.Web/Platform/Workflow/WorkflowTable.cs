namespace Qingfeng.Platform.Workflow;

/// <summary>
/// Who is acting, as a workflow table sees them: their roles (which grant the permissions, <see cref="Has"/>) and whether the
/// write rule of ADR 0008 lets them change this record (its owning organ, or one it was handed over or assigned to). The feature
/// computes <see cref="MayChange"/> for the record at hand; the table never looks at organs itself. Guards may also name a role
/// rather than a permission (a review level held by one role).
/// </summary>
public sealed record WorkflowActor(Guid UserId, IReadOnlySet<string> Roles, bool MayChange)
{
    /// <summary>Whether the caller's roles grant <paramref name="permission"/> (asked for the one permission a row needs, nothing more).</summary>
    public bool Has(Permission permission) => RolePermissions.Grants(Roles, permission);

    public static WorkflowActor For(UserContext user, bool mayChange)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new(user.UserId, user.Roles, mayChange);
    }
}

/// <summary>
/// A named condition a row needs besides the state and the permission (the owning organ, "only for 约谈", "a follow-up is
/// still open" …). The name is published with the table; the code is the refusal the caller gets when it does not hold.
/// </summary>
public sealed record WorkflowGuard<TRecord>(string Name, string RefusalCode, Func<TRecord, WorkflowActor, bool> Holds)
{
    /// <summary>The refusal's HTTP status: 403 by default, 409 for a conflict with the record (e.g. "already voted").</summary>
    public int Status { get; init; } = 403;

    /// <summary>The refusal's message arguments (e.g. the review level's name), when its text has any.</summary>
    public Func<TRecord, WorkflowActor, object[]>? Arguments { get; init; }
}

/// <summary>The guards every supervision record shares.</summary>
public static class WorkflowGuards<TRecord>
{
    /// <summary>The write rule (ADR 0008): only the owning organ, or one the record was handed over or assigned to, changes it.</summary>
    public static readonly WorkflowGuard<TRecord> Owner = new("owner", "Supervision.NotOwningOrgan", (_, actor) => actor.MayChange);
}

/// <summary>
/// One legal move: from which states, with which permission, under which guards, to which state (<see langword="null"/> when
/// the entity decides from its inputs, e.g. an approval that may land in one of two states, or a follow-up that leaves the
/// record in the state it is in). <paramref name="Refusal"/> is the code of the 409 when the state does not admit the move,
/// for a record kind that already told its users why in its own words (e.g. “已登记回复，不能重复登记。”); without it the
/// refusal is the generic <c>Workflow.IllegalMove</c> naming action and state.
/// </summary>
public sealed record WorkflowTransition<TRecord, TState, TAction>(
    TAction Action,
    IReadOnlyList<TState> From,
    TState? To,
    Permission Permission,
    IReadOnlyList<WorkflowGuard<TRecord>> Guards,
    string? Refusal = null)
    where TState : struct, Enum
    where TAction : struct, Enum;

/// <summary>A row of a workflow as the API publishes it (<c>GET /api/v1/{records}/workflow</c>).</summary>
public sealed record WorkflowRow(
    string Action,
    IReadOnlyList<string> From,
    string? To,
    string Permission,
    IReadOnlyList<string> Roles,
    IReadOnlyList<string> Guards);

/// <summary>
/// A record's lifecycle as data: the entity checks its moves against it, the service checks the caller against it,
/// queries return the actions it offers the caller, the API publishes it and the tests enumerate it
/// (state × action × role). Clues keep their own richer table (ClueWorkflow); every other record uses this one.
/// </summary>
public sealed class WorkflowTable<TRecord, TState, TAction>
    where TState : struct, Enum
    where TAction : struct, Enum
{
    private readonly Func<TRecord, TState> _state;
    private readonly Dictionary<TAction, WorkflowTransition<TRecord, TState, TAction>> _byAction;

    public WorkflowTable(string name, Func<TRecord, TState> state, IReadOnlyList<WorkflowTransition<TRecord, TState, TAction>> transitions)
    {
        ArgumentNullException.ThrowIfNull(transitions);
        Name = name;
        _state = state;
        Transitions = transitions;
        _byAction = transitions.ToDictionary(t => t.Action);
        var missing = Enum.GetValues<TAction>().Where(a => !_byAction.ContainsKey(a)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"Workflow {name} has no row for {string.Join(", ", missing)}.");
        }
    }

    /// <summary>The record kind, as used in refusal codes and the published table.</summary>
    public string Name { get; }

    public IReadOnlyList<WorkflowTransition<TRecord, TState, TAction>> Transitions { get; }

    public WorkflowTransition<TRecord, TState, TAction> For(TAction action) => _byAction[action];

    /// <summary>The record's state, as the table reads it.</summary>
    public TState StateOf(TRecord record) => _state(record);

    /// <summary>Whether the record's state admits <paramref name="action"/>, whoever acts.</summary>
    public bool IsLegal(TRecord record, TAction action) => For(action).From.Contains(StateOf(record));

    /// <summary>Whether <paramref name="actor"/> may take <paramref name="action"/> on the record now: state, permission and every guard.</summary>
    public bool Allows(TRecord record, TAction action, WorkflowActor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var row = For(action);
        return row.From.Contains(_state(record)) && actor.Has(row.Permission) && row.Guards.All(g => g.Holds(record, actor));
    }

    /// <summary>The actions the caller is offered on the record, in table order: what the UI shows as buttons.</summary>
    public IReadOnlyList<TAction> Available(TRecord record, WorkflowActor actor) =>
        [.. Transitions.Where(t => Allows(record, t.Action, actor)).Select(t => t.Action)];

    /// <summary>
    /// The entity's check before a move: 409 when the state does not admit the action (the row's own refusal code, if it has one). Returns the row's target state
    /// (<see langword="null"/> when the entity decides).
    /// </summary>
    public TState? EnsureLegal(TRecord record, TAction action) => EnsureLegalFrom(_state(record), action);

    /// <summary>
    /// <see cref="EnsureLegal"/> for an entity whose table is written over a wider view of it (the entity with its parent):
    /// only the state counts. The refusal carries the action and the state themselves, so its text names them in the reader's language.
    /// </summary>
    public TState? EnsureLegalFrom(TState current, TAction action)
    {
        var row = For(action);
        if (!row.From.Contains(current))
        {
            throw row.Refusal is { } code
                ? DomainRuleException.Conflict(code)
                : DomainRuleException.Conflict("Workflow.IllegalMove", action, current);
        }

        return row.To;
    }

    /// <summary>The service's check: the state (409), then the permission (403), then each guard (its own refusal, 403).</summary>
    public void Ensure(TRecord record, TAction action, WorkflowActor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        EnsureLegal(record, action);
        var row = For(action);
        if (!actor.Has(row.Permission))
        {
            throw new DomainRuleException("Supervision.NotPermitted") { Status = 403 };
        }

        var failed = row.Guards.FirstOrDefault(g => !g.Holds(record, actor));
        if (failed is not null)
        {
            throw new DomainRuleException(failed.RefusalCode, failed.Arguments?.Invoke(record, actor) ?? []) { Status = failed.Status };
        }
    }

    /// <summary>The table as the API publishes it, with the roles that hold each row's permission.</summary>
    public IReadOnlyList<WorkflowRow> Describe() =>
    [
        .. Transitions.Select(t => new WorkflowRow(
            t.Action.ToString(),
            [.. t.From.Select(s => s.ToString())],
            t.To?.ToString(),
            t.Permission.ToString(),
            RolePermissions.RolesFor(t.Permission),
            [.. t.Guards.Select(g => g.Name)])),
    ];
}

/// <summary>Publishes a workflow table on a record group's API.</summary>
public static class WorkflowEndpoints
{
    /// <summary>Maps <c>GET {group}/workflow</c> answering <paramref name="table"/>'s rows.</summary>
    public static RouteHandlerBuilder MapWorkflow<TRecord, TState, TAction>(this RouteGroupBuilder group, WorkflowTable<TRecord, TState, TAction> table, string operationName)
        where TState : struct, Enum
        where TAction : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(table);
        var rows = table.Describe();
        return group.MapGet("/workflow", () => TypedResults.Ok(rows))
            .WithName(operationName)
            .WithSummary($"The {table.Name} lifecycle as data: every action, the states it starts from, its target, the permission and roles, and its guards.")
            .WithDescription($"The {table.Name} workflow as data, the same table the service enforces: for each action the states it starts from, the state it leads to (null when the record decides or stays where it is), "
                + "the permission it needs with the roles that hold it, and its guards (e.g. owner: only the owning organ, or one a delegation such as 提级监督 or 片区协作 hands the unit to). "
                + "Reference data for building buttons; the actions open to the caller on one record are in that record's detail (actions).");
    }
}
