using System.Linq.Expressions;
using Qingfeng.Features.Roster;

namespace Qingfeng.Features.Supervision;

/// <summary>
/// A daily-supervision record about a unit (and usually its 一把手): the jurisdiction rule reads the subject's unit and
/// region key (a copy of the unit's region tree key, so the filter needs no join). Mapped by <see cref="SubjectMapping"/>.
/// </summary>
public interface ISupervisedRecord
{
    SupervisedSubject Subject { get; }
}

/// <summary>
/// A daily-supervision record that belongs to one organ: the organ that made it (planned the talk, opened the item, issued the
/// letter). Higher commissions read it where their jurisdiction covers the unit; only the owner changes it (ADR 0008).
/// </summary>
public interface IOwnedRecord : ISupervisedRecord
{
    /// <summary>The owning organ.</summary>
    Guid OrganId { get; }
}

/// <summary>
/// The unit and official a record is about (被监督对象), resolved within the caller's jurisdiction and copied onto the record:
/// one EF Core complex type, mapped once by <see cref="SubjectMapping"/> onto each record's table.
/// </summary>
public sealed record SupervisedSubject(
    Guid UnitId,
    string UnitName,
    string RegionKey,
    Guid? OfficialId,
    string? OfficialName,
    string? OfficialPosition,
    bool IsPrincipal,
    LeaderCategory? LeaderCategory)
{
    /// <summary>For EF Core, on tables that keep only some of the members (the others read as empty).</summary>
    private SupervisedSubject()
        : this(Guid.Empty, "", "", null, null, null, false, null)
    {
    }

    /// <summary>The subject of a record always about an official: name and position are text, never null.</summary>
    public SupervisedSubject WithOfficialTexts() => this with { OfficialName = OfficialName ?? "", OfficialPosition = OfficialPosition ?? "" };

    /// <summary>The unit alone, without an official.</summary>
    public SupervisedSubject UnitOnly() => this with { OfficialId = null, OfficialName = null, OfficialPosition = null, IsPrincipal = false, LeaderCategory = null };
}

/// <summary>Who acted, as stored on history rows of supervision records.</summary>
public sealed record SupervisionActor(Guid UserId, string Name);

/// <summary>
/// The one rule for daily-supervision records, for the UI and the API alike: the caller needs the permission,
/// and sees or touches a record only when the organ's jurisdiction covers the record's unit (the same scope as the
/// roster, delegations included). Records outside it answer "not found".
/// </summary>
public sealed class SupervisionAccess(CurrentUser currentUser, JurisdictionService jurisdiction, IDbContextFactory<QingfengDb> dbFactory)
{
    public async Task<SupervisionViewer> RequireAsync(Permission permission, CancellationToken cancellationToken = default)
    {
        var user = currentUser.Require();
        if (!user.Has(permission) || user.OrganId is null)
        {
            throw new DomainRuleException("Supervision.NotPermitted") { Status = 403 };
        }

        return new SupervisionViewer(user, await jurisdiction.ScopeAsync(cancellationToken));
    }

    /// <summary>
    /// The one write step of an owned record (load, check, change, save): the caller with the permission of the first of
    /// <paramref name="actions"/>, one context, the record <paramref name="load"/> finds among those the caller sees,
    /// <see cref="SupervisionViewer.EnsureMayApplyAsync"/> (not found, write rule, <paramref name="version"/>, each workflow row),
    /// then <paramref name="change"/> and one save.
    /// </summary>
    public async Task ChangeAsync<TRecord, TState, TAction>(
        WorkflowTable<TRecord, TState, TAction> table,
        IReadOnlyList<TAction> actions,
        Guid? version,
        Func<QingfengDb, SupervisionViewer, Task<TRecord?>> load,
        Func<TRecord, SupervisionViewer, QingfengDb, Task> change,
        CancellationToken cancellationToken = default)
        where TRecord : Entity, IOwnedRecord
        where TState : struct, Enum
        where TAction : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(actions);
        ArgumentNullException.ThrowIfNull(load);
        ArgumentNullException.ThrowIfNull(change);
        var viewer = await RequireAsync(table.For(actions[0]).Permission, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var record = await viewer.EnsureMayApplyAsync(db, await load(db, viewer), version, table, actions, cancellationToken);
        await change(record, viewer, db);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <inheritdoc cref="ChangeAsync{TRecord, TState, TAction}(WorkflowTable{TRecord, TState, TAction}, IReadOnlyList{TAction}, Guid?, Func{QingfengDb, SupervisionViewer, Task{TRecord}}, Func{TRecord, SupervisionViewer, QingfengDb, Task}, CancellationToken)"/>
    public Task ChangeAsync<TRecord, TState, TAction>(
        WorkflowTable<TRecord, TState, TAction> table,
        IReadOnlyList<TAction> actions,
        Guid? version,
        Func<QingfengDb, SupervisionViewer, Task<TRecord?>> load,
        Action<TRecord, SupervisionViewer> change,
        CancellationToken cancellationToken = default)
        where TRecord : Entity, IOwnedRecord
        where TState : struct, Enum
        where TAction : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(change);
        return ChangeAsync(
            table,
            actions,
            version,
            load,
            (record, viewer, _) =>
            {
                change(record, viewer);
                return Task.CompletedTask;
            },
            cancellationToken);
    }
}

/// <summary>The acting user and their resolved jurisdiction.</summary>
public sealed record SupervisionViewer(UserContext User, JurisdictionScope Scope)
{
    public Guid OrganId => User.OrganId ?? throw new DomainRuleException("Supervision.NotPermitted") { Status = 403 };

    public SupervisionActor Actor => new(User.UserId, User.DisplayName);

    public bool Has(Permission permission) => User.Has(permission);

    /// <summary>Throws 403 unless the caller also holds <paramref name="permission"/>.</summary>
    public void Require(Permission permission)
    {
        if (!User.Has(permission))
        {
            throw new DomainRuleException("Supervision.NotPermitted") { Status = 403 };
        }
    }

    public Expression<Func<T, bool>> Visible<T>()
        where T : class, ISupervisedRecord => Scope.Predicate<T>(x => x.Subject.RegionKey, x => (Guid?)x.Subject.UnitId);

    public bool Covers(ISupervisedRecord record) => Scope.Covers(record.Subject.RegionKey, record.Subject.UnitId);

    /// <summary>Whether the caller's organ is <paramref name="organId"/>: records and campaigns that are not about a unit belong to one organ only.</summary>
    public bool IsOrgan(Guid organId) => User.OrganId == organId;

    /// <summary>
    /// The write rule of ADR 0008, for the services and the pages alike: the caller's organ changes a record it can see only when
    /// it owns the record, or when a delegation in force (提级监督, 片区协作) hands it the owner's supervision of the record's unit.
    /// </summary>
    public bool MayChange(IOwnedRecord record) => MayChange(record.OrganId, record);

    /// <summary>
    /// <see cref="MayChange(IOwnedRecord)"/> for a record whose owner is kept elsewhere (a 述责述廉 report belongs to its campaign's
    /// organ); <paramref name="assigned"/> is a step the record itself assigns to the caller's organ (the stationed team's review level).
    /// </summary>
    public bool MayChange(Guid owningOrganId, ISupervisedRecord record, bool assigned = false) =>
        Covers(record) && (assigned || IsOrgan(owningOrganId) || Scope.IsHandedOver(owningOrganId, record.Subject.UnitId));

    /// <summary>Every write passes here after loading: a record outside the jurisdiction is "not found" (as for reads), one the caller only reads is 403.</summary>
    public Task EnsureMayChangeAsync(QingfengDb db, IOwnedRecord record, CancellationToken cancellationToken = default) =>
        EnsureMayChangeAsync(db, record.OrganId, record, assigned: false, cancellationToken);

    /// <inheritdoc cref="EnsureMayChangeAsync(QingfengDb, IOwnedRecord, CancellationToken)"/>
    public async Task EnsureMayChangeAsync(QingfengDb db, Guid owningOrganId, ISupervisedRecord record, bool assigned, CancellationToken cancellationToken = default)
    {
        if (!Covers(record))
        {
            throw DomainRuleException.NotFound("Supervision.NotFound");
        }

        if (!MayChange(owningOrganId, record, assigned))
        {
            throw await NotOwningOrganAsync(db, owningOrganId, cancellationToken);
        }
    }

    /// <summary>The caller as a workflow table sees them, for a record their organ may or may not change (<see cref="MayChange(IOwnedRecord)"/>, computed once by the caller).</summary>
    public WorkflowActor ActorFor(bool mayChange) => WorkflowActor.For(User, mayChange);

    /// <summary>The caller as a workflow table sees them for <paramref name="record"/>: the write rule computed once, for the detail's flag and its actions alike.</summary>
    public WorkflowActor ActorFor(IOwnedRecord record) => ActorFor(MayChange(record));

    /// <summary>
    /// The one check of every change to an owned record, once loaded (<paramref name="record"/> is <see langword="null"/> when no record
    /// with the id is visible): "not found", then the write rule (<see cref="EnsureMayChangeAsync(QingfengDb, IOwnedRecord, CancellationToken)"/>),
    /// then the version the caller read (<see cref="EnsureVersion"/>), then the caller against the workflow row of each of
    /// <paramref name="actions"/> (state, permission, guards). Returns the record, ready to change.
    /// </summary>
    public async Task<TRecord> EnsureMayApplyAsync<TRecord, TState, TAction>(
        QingfengDb db,
        TRecord? record,
        Guid? version,
        WorkflowTable<TRecord, TState, TAction> table,
        IReadOnlyList<TAction> actions,
        CancellationToken cancellationToken = default)
        where TRecord : Entity, IOwnedRecord
        where TState : struct, Enum
        where TAction : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(actions);
        if (record is null)
        {
            throw DomainRuleException.NotFound("Supervision.NotFound");
        }

        await EnsureMayChangeAsync(db, record, cancellationToken);
        EnsureVersion(record, version);

        // The write rule held just above: the owner guard of every row holds too.
        var actor = ActorFor(mayChange: true);
        foreach (var action in actions)
        {
            table.Ensure(record, action, actor);
        }

        return record;
    }

    /// <summary>409 when the caller read another version of <paramref name="record"/> than the one held (<see langword="null"/>: not checked).</summary>
    public static void EnsureVersion(Entity record, Guid? version)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (version is { } expected && expected != record.Version)
        {
            throw DomainRuleException.Conflict("Rule.Concurrency");
        }
    }

    /// <summary>The refusal of a change to something the caller reads but another organ owns, naming the owner.</summary>
    public static async Task<DomainRuleException> NotOwningOrganAsync(QingfengDb db, Guid owningOrganId, CancellationToken cancellationToken)
    {
        var owner = await db.Organs.AsNoTracking().Where(o => o.Id == owningOrganId).Select(o => o.Name).SingleOrDefaultAsync(cancellationToken);
        return new DomainRuleException("Supervision.NotOwningOrgan", owner ?? "") { Status = 403 };
    }

    /// <summary>
    /// Resolves the unit (and optionally the official) a new record is about. Without a unit, the official's current unit is
    /// used; without an official, none is set. Anything outside the jurisdiction is "not found".
    /// </summary>
    public async Task<SupervisedSubject> SubjectAsync(QingfengDb db, Guid? unitId, Guid? officialId, CancellationToken cancellationToken = default)
    {
        Official? official = null;
        if (officialId is { } oid)
        {
            official = await db.Officials.AsNoTracking().SingleOrDefaultAsync(o => o.Id == oid, cancellationToken)
                ?? throw DomainRuleException.NotFound("Supervision.OfficialNotFound");
            unitId ??= official.UnitId;
        }

        if (unitId is not { } uid)
        {
            throw new DomainRuleException("Supervision.UnitRequired");
        }

        var unit = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == uid, cancellationToken);
        if (unit is null || !Scope.Covers(unit.RegionKey, unit.Id))
        {
            throw DomainRuleException.NotFound("Supervision.UnitNotFound");
        }

        if (official is not null && official.UnitId is { } officialUnit && officialUnit != unit.Id && !Scope.Covers(official.RegionKey, officialUnit))
        {
            throw DomainRuleException.NotFound("Supervision.OfficialNotFound");
        }

        return new SupervisedSubject(unit.Id, unit.Name, unit.RegionKey, official?.Id, official?.Name, official?.Position, official?.IsPrincipal ?? false, official?.LeaderCategory);
    }

    /// <summary>The current 一把手 of a unit in scope, if any.</summary>
    public async Task<SupervisedSubject> PrincipalOfAsync(QingfengDb db, Guid unitId, CancellationToken cancellationToken = default)
    {
        var principal = await db.Officials.AsNoTracking()
            .Where(o => o.UnitId == unitId && o.IsPrincipal).OrderBy(o => o.Name).Select(o => (Guid?)o.Id).FirstOrDefaultAsync(cancellationToken);
        return await SubjectAsync(db, unitId, principal, cancellationToken);
    }
}
